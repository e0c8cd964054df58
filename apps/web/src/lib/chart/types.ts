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
  /** Poisson 95 % interval of each point, drawn as a band around a line; null where there is none. */
  intervals?: ({ low: number; high: number } | null)[];
  /** True where the line from this point to the next would join two different series (definition or publisher). */
  breaks?: boolean[];
};

export type ChartTarget = { value: number; label: string };
