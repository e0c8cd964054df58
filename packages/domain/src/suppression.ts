import { INDICATORS } from './catalogue/indicators.js';
import { cellKey } from './cell.js';
import { STANDARD_DEFINITION } from './contracts.js';
import type { Disaggregation, IndicatorId, JurisdictionId } from './contracts.js';

export const DEFAULT_SUPPRESSION_K = 5;

const IDENTIFYING_INDICATORS = INDICATORS.filter((indicator) => indicator.identifying).length;

export const SUPPRESSION_METHOD =
  `Counts of people that could identify victims (${IDENTIFYING_INDICATORS} indicators in the catalogue) are ` +
  `never published when they lie between 1 and ${DEFAULT_SUPPRESSION_K - 1} (the threshold k is ` +
  `${DEFAULT_SUPPRESSION_K}). Any other figure that would let a reader work such a count out, such as a total ` +
  'minus its published breakdown, is suppressed too (complementary suppression). Suppressed is neither zero ' +
  'nor missing: a suppressed figure exists but is withheld and shows as “suppressed”; a true zero reveals no ' +
  'one and stays visible; a figure never reported stays missing. Sums and ratios are never computed from ' +
  'suppressed figures.';

export type SuppressionInputCell = {
  indicator: IndicatorId;
  jurisdiction: JurisdictionId;
  year: number;
  /** Defaults to `year`: cells of different spans never complete each other. */
  yearEnd?: number;
  disaggregation: Disaggregation;
  /** Defaults to the standard definition: cells of different definitions never complete each other. */
  definition?: string;
  /** Null when the figure is missing (not reported); missing stays missing. */
  value: number | null;
  /** Counts of people that could identify victims; other cells pass through untouched. */
  identifying: boolean;
  /** Already suppressed upstream. */
  suppressed?: boolean;
};

export type SuppressedOutput<T extends SuppressionInputCell> = Omit<T, 'value' | 'suppressed'> & {
  value: number | null;
  suppressed: boolean;
  suppressionReason: 'small_count' | 'complementary' | null;
};

type Work = { value: number | null; hidden: boolean; reason: 'small_count' | 'complementary' | null };

const keyOf = (c: SuppressionInputCell, disaggregation: Disaggregation = c.disaggregation) =>
  cellKey({
    ...c,
    yearEnd: c.yearEnd ?? c.year,
    definition: c.definition ?? STANDARD_DEFINITION,
    disaggregation,
  });

/**
 * Public-output suppression of identifying counts: values 1..k-1 become `value: null, suppressed: true`
 * (true zeros stay visible, they reveal no one), then complementary suppression until no suppressed value equals
 * a published total minus its published breakdown, in any dimension (k default 5). Totals and breakdowns are
 * matched by `cellKey`, so figures of different spans or definitions never complete each other.
 */
export function suppressSmallCounts<T extends SuppressionInputCell>(
  cells: readonly T[],
  { k = DEFAULT_SUPPRESSION_K }: { k?: number } = {},
): SuppressedOutput<T>[] {
  const work: Work[] = cells.map((c) => {
    if (c.suppressed === true) return { value: c.value, hidden: true, reason: 'small_count' };
    const small = c.identifying && c.value !== null && c.value > 0 && c.value < k;
    return { value: c.value, hidden: small, reason: small ? 'small_count' : null };
  });

  const cellIndex = new Map<string, number>();
  cells.forEach((c, i) => {
    if (!c.identifying) return;
    const key = keyOf(c);
    if (cellIndex.has(key)) throw new Error(`suppressSmallCounts: duplicate cell ${key}`);
    cellIndex.set(key, i);
  });

  // One equation per (margin cell, dimension): margin = sum of the cells that add that dimension's categories.
  const equations = new Map<string, { total: number | undefined; parts: number[] }>();
  cells.forEach((c, i) => {
    if (!c.identifying) return;
    for (const dim of Object.keys(c.disaggregation) as (keyof Disaggregation)[]) {
      const margin: Disaggregation = { ...c.disaggregation };
      delete margin[dim];
      const marginKey = keyOf(c, margin);
      const eqKey = `${marginKey}#${dim}`;
      const eq = equations.get(eqKey) ?? { total: cellIndex.get(marginKey), parts: [] };
      eq.parts.push(i);
      equations.set(eqKey, eq);
    }
  });

  const isPublished = (i: number) => !(work[i] as Work).hidden && (work[i] as Work).value !== null;
  const hide = (i: number) =>
    Object.assign(work[i] as Work, { hidden: true, reason: 'complementary' as const });

  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of equations.values()) {
      if (eq.total === undefined) continue;
      const total = work[eq.total] as Work;
      if (total.value === null && !total.hidden) continue;
      const members = [eq.total, ...eq.parts];
      if (members.filter((i) => (work[i] as Work).hidden).length !== 1) continue;
      const candidates = eq.parts.filter(isPublished).sort((a, b) => {
        const va = (work[a] as Work).value as number;
        const vb = (work[b] as Work).value as number;
        return Number(va === 0) - Number(vb === 0) || va - vb || a - b;
      });
      const next = candidates[0] ?? (isPublished(eq.total) ? eq.total : undefined);
      if (next === undefined) continue;
      hide(next);
      changed = true;
    }
  }

  return cells.map((c, i) => {
    const w = work[i] as Work;
    return {
      ...c,
      value: w.hidden ? null : w.value,
      suppressed: w.hidden,
      suppressionReason: w.hidden ? w.reason : null,
    };
  });
}
