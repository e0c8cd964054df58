import { describe, expect, it } from 'vitest';
import type { Formula, Observation } from './contracts.js';
import { deriveRatio, sumObservations } from './derive.js';

let nextId = 1;
const obs = (
  indicator: string,
  jurisdiction: string,
  year: number,
  value: number | null,
  over: Partial<Observation> = {},
): Observation => ({
  id: nextId++,
  indicator,
  jurisdiction,
  year,
  yearEnd: year,
  disaggregation: {},
  value,
  suppressed: false,
  status: 'A',
  definition: 'standard',
  unitAsRead: null,
  valueAsRead: null,
  workflowState: 'published',
  superseded: false,
  note: null,
  source: { id: 1, title: 'Test source', publisher: 'Test', year: null, locator: null, kind: 'secondary' },
  ...over,
});

const rate: Formula = { numerator: 'persons_convicted', denominator: 'persons_prosecuted', factor: 100 };
const conv = (j: string, y: number, v: number | null, over: Partial<Observation> = {}) =>
  obs('persons_convicted', j, y, v, over);
const pros = (j: string, y: number, v: number | null, over: Partial<Observation> = {}) =>
  obs('persons_prosecuted', j, y, v, over);

describe('sumObservations', () => {
  it.each([
    { name: 'adds values', values: [1, 2, 3.5], expected: 6.5 },
    { name: 'keeps a true zero', values: [0, 0], expected: 0 },
    { name: 'single value', values: [7], expected: 7 },
  ])('$name', ({ values, expected }) => {
    const rows = values.map((v, i) => conv('IT', 2020 + i, v));
    const result = sumObservations(rows);
    expect(result).toEqual({ ok: true, value: { value: expected, observationIds: rows.map((r) => r.id) } });
  });

  it('fails on an empty list', () => {
    const result = sumObservations([]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_derivable');
  });

  it('fails when a value is suppressed instead of treating it as zero', () => {
    const result = sumObservations([conv('IT', 2020, 10), conv('IT', 2021, null, { suppressed: true })]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/suppressed/);
  });
});

describe('deriveRatio', () => {
  it('sums numerators and denominators across jurisdictions instead of averaging ratios', () => {
    // 1/2 = 50 % and 10/100 = 10 %: the mean of ratios would be 30 %, the pooled ratio is 11/102.
    const result = deriveRatio(
      rate,
      [conv('A', 2020, 1), conv('B', 2020, 10)],
      [pros('A', 2020, 2), pros('B', 2020, 100)],
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.value).toBeCloseTo((11 / 102) * 100, 10);
    expect(result.value.numerator).toBe(11);
    expect(result.value.denominator).toBe(102);
    expect(result.value.factor).toBe(100);
    expect(result.value.numeratorObservationIds).toHaveLength(2);
    expect(result.value.excluded).toEqual([]);
  });

  it('sums across years', () => {
    const result = deriveRatio(
      { numerator: 'victims_identified', denominator: 'population', factor: 100_000 },
      [obs('victims_identified', 'IT', 2020, 30), obs('victims_identified', 'IT', 2021, 50)],
      [obs('population', 'IT', 2020, 1_000_000), obs('population', 'IT', 2021, 1_000_000)],
    );
    expect(result.ok && result.value.value).toBe(4);
  });

  it('uses only totals by default and lists the breakdowns it skipped', () => {
    const breakdown = conv('IT', 2020, 4, { disaggregation: { sex: 'female' } });
    const result = deriveRatio(rate, [conv('IT', 2020, 10), breakdown], [pros('IT', 2020, 40)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.value).toBe(25);
    expect(result.value.excluded).toEqual([
      { observationId: breakdown.id, reason: 'a breakdown, not the total' },
    ]);
  });

  it('sums breakdowns when told to', () => {
    const result = deriveRatio(
      rate,
      [
        conv('IT', 2020, 4, { disaggregation: { sex: 'female' } }),
        conv('IT', 2020, 6, { disaggregation: { sex: 'male' } }),
      ],
      [pros('IT', 2020, 20)],
      { includeDisaggregated: true },
    );
    expect(result.ok && result.value.value).toBe(50);
  });

  it('excludes cumulative multi-year rows by default and says so', () => {
    const span = conv('IT', 2018, 90, { yearEnd: 2020 });
    const result = deriveRatio(rate, [conv('IT', 2020, 10), span], [pros('IT', 2020, 20)]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.value).toBe(50);
    expect(result.value.excluded).toEqual([
      { observationId: span.id, reason: 'cumulative figure for 2018–2020, not annual' },
    ]);
  });

  it("rejects cumulative rows with cumulative: 'reject'", () => {
    const result = deriveRatio(rate, [conv('IT', 2018, 90, { yearEnd: 2020 })], [pros('IT', 2020, 20)], {
      cumulative: 'reject',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/2018–2020 cumulatively/);
  });

  it('ignores superseded rows', () => {
    const old = conv('IT', 2020, 99, { superseded: true });
    const result = deriveRatio(rate, [old, conv('IT', 2020, 5)], [pros('IT', 2020, 10)]);
    expect(result.ok && result.value.value).toBe(50);
    expect(result.ok && result.value.excluded[0]?.observationId).toBe(old.id);
  });

  it.each([
    { name: 'no numerator', num: [], den: [pros('IT', 2020, 10)], message: /No usable persons_convicted/ },
    { name: 'no denominator', num: [conv('IT', 2020, 1)], den: [], message: /No usable persons_prosecuted/ },
    { name: 'denominator 0', num: [conv('IT', 2020, 0)], den: [pros('IT', 2020, 0)], message: /sums to 0/ },
    {
      name: 'suppressed numerator',
      num: [conv('IT', 2020, null, { suppressed: true })],
      den: [pros('IT', 2020, 10)],
      message: /suppressed/,
    },
    {
      name: 'denominator missing for one year',
      num: [conv('IT', 2020, 1), conv('IT', 2021, 2)],
      den: [pros('IT', 2020, 10)],
      message: /persons_prosecuted is missing for IT 2021/,
    },
    {
      name: 'numerator missing for one jurisdiction',
      num: [conv('IT', 2020, 1)],
      den: [pros('IT', 2020, 10), pros('ES', 2020, 10)],
      message: /persons_convicted is missing for ES 2020/,
    },
    {
      name: 'only breakdowns',
      num: [conv('IT', 2020, 1, { disaggregation: { sex: 'male' } })],
      den: [pros('IT', 2020, 10)],
      message: /No usable persons_convicted/,
    },
  ])('fails not_derivable: $name', ({ num, den, message }) => {
    const result = deriveRatio(rate, num, den);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not_derivable');
    expect(result.error.message).toMatch(message);
  });

  it('throws when given rows of another indicator (a programmer error)', () => {
    expect(() => deriveRatio(rate, [pros('IT', 2020, 1)], [pros('IT', 2020, 1)])).toThrow(
      /expected persons_convicted/,
    );
  });
});
