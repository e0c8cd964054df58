import { IMPORT_COLUMNS, IMPORT_LIMITS, type UserPrincipal } from '@fourp/domain';
import { ApiError } from '../errors.js';
import { readImport } from '../services/import/read.js';
import { jurisdictionTreeOfFile } from '../seed/jurisdictions-file.js';

const MB = 1024 * 1024;
/** Growth of the V8 heap that a refused file may cost: half the 128 MB the check runs under. */
export const HEAP_GROWTH_LIMIT = 64 * MB;

const principal: UserPrincipal = { kind: 'user', userId: 'bench', role: 'admin', jurisdictionId: null };

const cases: Record<string, () => Uint8Array> = {
  '20 MB of newlines': () => new Uint8Array(20_000_000).fill(0x0a),
  'one row too many': () => {
    const row = `victims_identified,PK-PB-GUJRAT,soon${','.repeat(IMPORT_COLUMNS.length - 3)}\n`;
    return new TextEncoder().encode(`${IMPORT_COLUMNS.join(',')}\n${row.repeat(IMPORT_LIMITS.rows + 1)}`);
  },
  'an unclosed quote running to the end': () =>
    new TextEncoder().encode(`${IMPORT_COLUMNS.join(',')}\n"${'x'.repeat(19 * MB)}`),
};

/** Reads one file as an import; the refusal's status and first error, and the peak heap growth. */
async function measure(bytes: Uint8Array) {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    await readImport(
      { bytes, onProgress: sample },
      { principal, now: new Date(), tree: jurisdictionTreeOfFile(), locale: 'en' },
    );
    return { refusal: null, growth: peak - base };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    sample();
    const first = error.errors?.[0];
    return { refusal: `${error.status} ${first?.path}: ${first?.message}`, growth: peak - base };
  } finally {
    clearInterval(timer);
  }
}

/** Feeds each oversized file to the import reader; fails unless each is refused within the heap limit. */
async function main() {
  let failed = false;
  for (const [name, build] of Object.entries(cases)) {
    const { refusal, growth } = await measure(build());
    const ok = refusal !== null && growth < HEAP_GROWTH_LIMIT;
    failed ||= !ok;
    process.stdout.write(
      `${ok ? 'ok  ' : 'FAIL'} ${name}: ${refusal ?? 'accepted'}; heap grew ${(growth / MB).toFixed(1)} MB\n`,
    );
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
