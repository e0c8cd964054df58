import type { SeriesStyle } from '$lib/palette';

/** One line or bar group: a value per category (year or pillar), null where there is none. */
export type ChartSeries = {
  id: string;
  label: string;
  style: SeriesStyle;
  values: (number | null)[];
  /** What a reader is told for each point: the formatted value, "Suppressed" or "No data". */
  display: string[];
  suppressed: boolean[];
  /** Citation of each point's source, where there is one. */
  sources: (string | null)[];
};

export type ChartTarget = { value: number; label: string };
