import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const eslint = new ESLint({ cwd: root });

/** The rules `no-restricted-imports` reports for `code` as if it were the file at `path`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, 'apps/api/src', path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the one read path, enforced by lint', () => {
  it.each([
    ['routes/bad.ts', "import { listPublishedOrOwnObservations } from '../repos/observations.js';"],
    ['routes/bad.ts', "import { countPublishedByCell } from '../repos/observations.js';"],
    ['routes/workflow/bad.ts', "import { listRevisions } from '../../repos/workflow/observations.js';"],
    ['routes/workflow/bad.ts', "import { listTargets } from '../../repos/workflow/targets.js';"],
    ['routes/workflow/bad.ts', "import { listAudit } from '../../repos/workflow/audit.js';"],
    [
      'services/session/bad.ts',
      "import { findWorkflowObservation } from '../../repos/workflow/observations.js';",
    ],
    ['services/user/bad.ts', "import { listPublishedOrOwnObservations } from '../../repos/observations.js';"],
  ])('refuses %s reading figures around services/published: %s', async (path, code) => {
    expect(await restricted(path, `${code}\nexport {};\n`)).toEqual([
      expect.stringContaining('services/published'),
    ]);
  });

  it.each([
    ['routes/good.ts', "import { readFigures } from '../services/published/read.js';"],
    ['routes/workflow/good.ts', "import type { AuditRecord } from '../../repos/workflow/audit.js';"],
    [
      'services/published/good.ts',
      "import { listPublishedOrOwnObservations } from '../../repos/observations.js';",
    ],
    [
      'services/observation/good.ts',
      "import { findWorkflowObservation } from '../../repos/workflow/observations.js';",
    ],
  ])('lets %s: %s', async (path, code) => {
    expect(await restricted(path, `${code}\nexport {};\n`)).toEqual([]);
  });
});
