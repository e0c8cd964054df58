import { findIndicator, suppressSmallCounts, type Observation } from '@fourp/domain';

/**
 * Observations as the public may see them: identifying counts suppressed (small counts, then complementary).
 * Each source's figures are suppressed on their own (within a source each cell is unique). A suppressed row also
 * loses the text that could restate its value (value as read, note).
 */
export function suppressForPublic(observations: readonly Observation[], k: number): Observation[] {
  const groups = new Map<number, Observation[]>();
  for (const o of observations) {
    groups.set(o.source.id, [...(groups.get(o.source.id) ?? []), o]);
  }
  const shown = new Map<number, Observation>();
  for (const group of groups.values()) {
    const cells = group.map((o) => ({ ...o, identifying: findIndicator(o.indicator)?.identifying ?? false }));
    for (const { identifying: _i, suppressionReason: _r, ...o } of suppressSmallCounts(cells, { k })) {
      shown.set(o.id, o.suppressed ? { ...o, valueAsRead: null, note: null } : o);
    }
  }
  return observations.map((o) => shown.get(o.id) ?? o);
}
