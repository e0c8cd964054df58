import type { JurisdictionId } from '@fourp/domain';

/** How one jurisdiction is drawn: Okabe–Ito colour plus a point style and dash pattern, so colour is never the only cue. */
export type SeriesStyle = {
  colour: string;
  pointStyle: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'star' | 'crossRot' | 'cross' | 'rectRounded';
  dash: number[];
  /** A short glyph for tables and legends that mirrors the point style. */
  glyph: string;
};

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

const STYLES: Record<string, SeriesStyle> = {
  'PK-PB-GUJRAT': { colour: OKABE_ITO.blue, pointStyle: 'circle', dash: [], glyph: '●' },
  'PK-PB': { colour: OKABE_ITO.bluishGreen, pointStyle: 'rect', dash: [6, 3], glyph: '■' },
  PK: { colour: OKABE_ITO.black, pointStyle: 'crossRot', dash: [2, 2], glyph: '✕' },
  IT: { colour: OKABE_ITO.vermillion, pointStyle: 'triangle', dash: [10, 4], glyph: '▲' },
  ES: { colour: OKABE_ITO.reddishPurple, pointStyle: 'rectRot', dash: [10, 3, 2, 3], glyph: '◆' },
  EU27: { colour: OKABE_ITO.orange, pointStyle: 'star', dash: [1, 3], glyph: '✱' },
  'PK-PB-GUJRANWALA': { colour: OKABE_ITO.skyBlue, pointStyle: 'rectRounded', dash: [4, 4], glyph: '▢' },
};

const FALLBACKS: SeriesStyle[] = [
  { colour: OKABE_ITO.skyBlue, pointStyle: 'cross', dash: [3, 3], glyph: '+' },
  { colour: OKABE_ITO.orange, pointStyle: 'rectRounded', dash: [8, 2], glyph: '▢' },
  { colour: OKABE_ITO.bluishGreen, pointStyle: 'star', dash: [1, 2], glyph: '✱' },
];

/** The drawing style for a jurisdiction; unknown ids get a stable fallback. */
export function seriesStyle(id: JurisdictionId): SeriesStyle {
  const known = STYLES[id];
  if (known) return known;
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return FALLBACKS[hash % FALLBACKS.length] as SeriesStyle;
}

export const TARGET_COLOUR = '#595959';
