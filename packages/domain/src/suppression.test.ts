import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Disaggregation } from './contracts.js';
import { INDICATORS } from './catalogue/index.js';
import { DEFAULT_SUPPRESSION_K, SUPPRESSION_METHOD, suppressSmallCounts } from './suppression.js';
import type { SuppressionInputCell } from './suppression.js';

const cell = (
  disaggregation: Disaggregation,
  value: number | null,
  over: Partial<SuppressionInputCell> = {},
) => ({
  indicator: 'victims_identified',
  jurisdiction: 'PK-PB-GUJRAT',
  year: 2022,
  disaggregation,
  value,
  identifying: true,
  ...over,
});

const show = (cells: ReturnType<typeof suppressSmallCounts>) =>
  cells.map((c) => [JSON.stringify(c.disaggregation), c.value, c.suppressed, c.suppressionReason]);

describe('suppressSmallCounts', () => {
  it.each([
    { value: 0, published: 0 },
    { value: 1, published: null },
    { value: 4, published: null },
    { value: 5, published: 5 },
    { value: 120, published: 120 },
  ])('a lone identifying count of $value is published as $published', ({ value, published }) => {
    const [out] = suppressSmallCounts([cell({}, value)]);
    expect(out?.value).toBe(published);
    expect(out?.suppressed).toBe(published === null);
  });

  it('keeps zero visible and distinct from suppressed and from missing', () => {
    const out = suppressSmallCounts([
      cell({}, 0),
      cell({}, 2, { year: 2021 }),
      cell({}, null, { year: 2020 }),
    ]);
    expect(out.map((c) => [c.value, c.suppressed, c.suppressionReason])).toEqual([
      [0, false, null],
      [null, true, 'small_count'],
      [null, false, null],
    ]);
  });

  it('leaves non-identifying counts alone', () => {
    const [out] = suppressSmallCounts([cell({}, 2, { identifying: false, indicator: 'police_operations' })]);
    expect(out).toMatchObject({ value: 2, suppressed: false });
  });

  it('honours a custom k', () => {
    const out = suppressSmallCounts([cell({}, 9), cell({}, 10, { year: 2021 })], { k: 10 });
    expect(out.map((c) => c.suppressed)).toEqual([true, false]);
  });

  it('suppresses the only other sibling so the small one cannot be recovered from the total', () => {
    const out = suppressSmallCounts([cell({}, 20), cell({ sex: 'female' }, 3), cell({ sex: 'male' }, 17)]);
    expect(show(out)).toEqual([
      ['{}', 20, false, null],
      ['{"sex":"female"}', null, true, 'small_count'],
      ['{"sex":"male"}', null, true, 'complementary'],
    ]);
  });

  it('suppresses the next smallest non-zero sibling, not a zero', () => {
    const out = suppressSmallCounts([
      cell({}, 42),
      cell({ age_group: 'child' }, 2),
      cell({ age_group: 'youth' }, 0),
      cell({ age_group: 'adult' }, 30),
      cell({ age_group: 'elder' }, 10),
    ]);
    expect(out.map((c) => c.value)).toEqual([42, null, 0, 30, null]);
    expect(out[4]?.suppressionReason).toBe('complementary');
  });

  it('suppresses a sibling when only the total is small', () => {
    const out = suppressSmallCounts([cell({}, 3), cell({ sex: 'female' }, 0), cell({ sex: 'male' }, 3)]);
    expect(out.map((c) => c.value)).toEqual([null, 0, null]);
  });

  it('does nothing more when two siblings are already suppressed', () => {
    const out = suppressSmallCounts([
      cell({}, 30),
      cell({ sex: 'female' }, 2),
      cell({ sex: 'male' }, 3),
      cell({ sex: 'unknown' }, 25),
    ]);
    expect(out.map((c) => c.value)).toEqual([30, null, null, 25]);
  });

  it('needs no complement without a published total', () => {
    const out = suppressSmallCounts([cell({ sex: 'female' }, 2), cell({ sex: 'male' }, 17)]);
    expect(out.map((c) => c.value)).toEqual([null, 17]);
  });

  it('keeps cells suppressed upstream suppressed and protects them too', () => {
    const out = suppressSmallCounts([
      cell({}, null, { suppressed: true }),
      cell({ sex: 'female' }, 8),
      cell({ sex: 'male' }, 9),
    ]);
    expect(out.map((c) => [c.value, c.suppressed])).toEqual([
      [null, true],
      [null, true],
      [9, false],
    ]);
  });

  it('treats groups of different years, jurisdictions and indicators separately', () => {
    const out = suppressSmallCounts([
      cell({}, 20),
      cell({ sex: 'female' }, 3),
      cell({ sex: 'male' }, 17),
      cell({ sex: 'male' }, 17, { year: 2023 }),
      cell({ sex: 'male' }, 17, { jurisdiction: 'PK-PB' }),
    ]);
    expect(out.map((c) => c.value)).toEqual([20, null, null, 17, 17]);
  });

  it.each([
    { name: 'span', total: { yearEnd: 2023 } },
    { name: 'definition', total: { definition: 'thb_and_smuggling' } },
  ])('does not match a total and a breakdown of a different $name', ({ total }) => {
    const out = suppressSmallCounts([
      cell({}, 20, total),
      cell({ sex: 'female' }, 3),
      cell({ sex: 'male' }, 17),
    ]);
    expect(out.map((c) => c.suppressionReason)).toEqual([null, 'small_count', null]);
  });

  it('matches a breakdown written in another key order as the same cell', () => {
    expect(() =>
      suppressSmallCounts([
        cell({ sex: 'female', age_group: 'child' }, 5),
        cell({ age_group: 'child', sex: 'female' }, 6),
      ]),
    ).toThrow(/duplicate/);
  });

  it('throws on duplicate cells', () => {
    expect(() => suppressSmallCounts([cell({}, 5), cell({}, 6)])).toThrow(/duplicate/);
  });
});

type Out = ReturnType<typeof suppressSmallCounts>[number];

/** Every published margin equals the sum of its parts; no equation may have exactly one unknown. */
function leaks(cells: readonly Out[]): string[] {
  const found: string[] = [];
  const key = (d: Disaggregation) => JSON.stringify(Object.entries(d).sort());
  const byKey = new Map(cells.map((c) => [key(c.disaggregation), c]));
  for (const c of cells) {
    for (const dim of Object.keys(c.disaggregation) as (keyof Disaggregation)[]) {
      const margin: Disaggregation = { ...c.disaggregation };
      delete margin[dim];
      const total = byKey.get(key(margin));
      if (total === undefined) continue;
      const parts = cells.filter((p) => {
        const d = { ...p.disaggregation };
        if (!(dim in d)) return false;
        delete d[dim];
        return key(d) === key(margin);
      });
      const unknown = [total, ...parts].filter((p) => p.suppressed);
      if (unknown.length === 1)
        found.push(`${key(margin)} by ${dim}: ${key(unknown[0]?.disaggregation ?? {})}`);
    }
  }
  return [...new Set(found)];
}

function checkInvariants(input: readonly SuppressionInputCell[], out: readonly Out[], k: number) {
  expect(leaks(out)).toEqual([]);
  out.forEach((c, i) => {
    const original = input[i]?.value ?? null;
    if (c.suppressed) expect(c.value).toBeNull();
    else {
      expect(c.value).toBe(original);
      if (c.value !== null) expect(c.value === 0 || c.value >= k).toBe(true);
    }
  });
}

describe('suppressSmallCounts never leaks (property)', () => {
  it('one dimension: no suppressed value equals total − published siblings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 2, max: 10 }),
        (children, k) => {
          const total = children.reduce((a, b) => a + b, 0);
          const input = [cell({}, total), ...children.map((v, i) => cell({ nationality: `n${i}` }, v))];
          checkInvariants(input, suppressSmallCounts(input, { k }), k);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('two dimensions with all margins: no equation has a single unknown', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 2, maxLength: 4 }), {
          minLength: 2,
          maxLength: 4,
        }),
        fc.integer({ min: 2, max: 6 }),
        (rows, k) => {
          const width = Math.min(...rows.map((r) => r.length));
          const table = rows.map((r) => r.slice(0, width));
          const input: SuppressionInputCell[] = [
            cell(
              {},
              table.flat().reduce((a, b) => a + b, 0),
            ),
          ];
          table.forEach((r, i) =>
            input.push(
              cell(
                { sex: `s${i}` },
                r.reduce((a, b) => a + b, 0),
              ),
            ),
          );
          for (let j = 0; j < width; j++) {
            input.push(
              cell(
                { age_group: `a${j}` },
                table.reduce((a, r) => a + (r[j] ?? 0), 0),
              ),
            );
          }
          table.forEach((r, i) =>
            r.forEach((v, j) => input.push(cell({ sex: `s${i}`, age_group: `a${j}` }, v))),
          );
          checkInvariants(input, suppressSmallCounts(input, { k }), k);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SUPPRESSION_METHOD', () => {
  it('states the threshold the function applies and the catalogue’s identifying indicators', () => {
    const k = DEFAULT_SUPPRESSION_K;
    const out = suppressSmallCounts([
      cell({}, k - 1),
      cell({}, k, { jurisdiction: 'IT' }),
      cell({}, 0, { jurisdiction: 'ES' }),
    ]);
    expect(out.map((c) => c.suppressed)).toEqual([true, false, false]);
    expect(SUPPRESSION_METHOD).toContain(`between 1 and ${k - 1} (the threshold k is ${k})`);
    const identifying = INDICATORS.filter((indicator) => indicator.identifying).length;
    expect(SUPPRESSION_METHOD).toContain(`(${identifying} indicators in the catalogue)`);
    expect(SUPPRESSION_METHOD).toMatch(/complementary suppression/);
    expect(SUPPRESSION_METHOD).toMatch(/neither zero\s+nor missing/);
  });
});
