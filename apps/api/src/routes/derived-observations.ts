import {
  deriveRatio,
  normalisePer100k,
  STANDARD_DEFINITION,
  type Indicator,
  type Observation,
  type Population,
} from '@fourp/domain';

const isAnnualTotal = (o: Observation) =>
  !o.superseded && o.yearEnd === o.year && Object.keys(o.disaggregation).length === 0;
const byPreference = (a: Observation, b: Observation) =>
  Number(a.definition !== STANDARD_DEFINITION) - Number(b.definition !== STANDARD_DEFINITION) || a.id - b.id;

type Derived = { numerator: Observation; value: number | null; exact: boolean; note: string };

function perResident(
  indicator: Indicator,
  rows: Observation[],
  populations: readonly Population[],
): Derived | null {
  const numerator = rows.sort(byPreference)[0];
  if (!numerator) return null;
  const factor = indicator.formula?.factor ?? 100_000;
  if (numerator.suppressed || numerator.value === null) {
    return { numerator, value: null, exact: true, note: `${numerator.indicator} suppressed` };
  }
  const rate = normalisePer100k(numerator.value, numerator.jurisdiction, numerator.year, populations);
  if (!rate.ok) return null;
  return {
    numerator,
    value: (rate.value.value * factor) / 100_000,
    exact: rate.value.exact,
    note: `${numerator.indicator} ${numerator.value} ÷ population ${rate.value.population} (${rate.value.populationYear}) × ${factor}`,
  };
}

function ratioOf(
  indicator: Indicator,
  numerators: Observation[],
  denominators: Observation[],
): Derived | null {
  const formula = indicator.formula!;
  for (const numerator of numerators.sort(byPreference)) {
    const denominator = denominators.sort(byPreference).find((d) => d.definition === numerator.definition);
    if (!denominator) continue;
    if (numerator.suppressed || denominator.suppressed) {
      return {
        numerator,
        value: null,
        exact: true,
        note: `${formula.numerator} or ${formula.denominator} suppressed`,
      };
    }
    const ratio = deriveRatio(formula, [numerator], [denominator]);
    if (!ratio.ok) return null;
    return {
      numerator,
      value: ratio.value.value,
      exact: true,
      note: `${formula.numerator} ${numerator.value} ÷ ${formula.denominator} ${denominator.value} × ${formula.factor}`,
    };
  }
  return null;
}

/**
 * Annual values of a formula indicator from published totals: per resident with the nearest population (as counts
 * are normalised), otherwise a ratio of numerator and denominator of the same definition in the same year. Each
 * carries the numerator's id, definition and source; a suppressed input suppresses the value.
 */
export function deriveObservations(
  indicator: Indicator,
  inputs: readonly Observation[],
  populations: readonly Population[],
): Observation[] {
  const formula = indicator.formula;
  if (!formula) return [];
  const cells = new Map<string, { numerators: Observation[]; denominators: Observation[] }>();
  for (const o of inputs) {
    if (!isAnnualTotal(o)) continue;
    const key = `${o.jurisdiction}|${o.year}`;
    const cell = cells.get(key) ?? { numerators: [], denominators: [] };
    if (o.indicator === formula.numerator) cell.numerators.push(o);
    else if (o.indicator === formula.denominator) cell.denominators.push(o);
    cells.set(key, cell);
  }
  return [...cells.values()].flatMap(({ numerators, denominators }): Observation[] => {
    const derived =
      formula.denominator === 'population'
        ? perResident(indicator, numerators, populations)
        : ratioOf(indicator, numerators, denominators);
    if (!derived) return [];
    const { numerator } = derived;
    return [
      {
        ...numerator,
        indicator: indicator.id,
        value: derived.value,
        suppressed: derived.value === null,
        status: numerator.status === 'A' && derived.exact ? 'A' : 'E',
        unitAsRead: indicator.unit,
        valueAsRead: null,
        note: derived.note,
      },
    ];
  });
}
