import { PER_MODES } from '@fourp/domain/client';
import type { PerMode } from '@fourp/domain';

export const INDICATOR_TABS = ['chart', 'table', 'about', 'sources'] as const;
export type IndicatorTab = (typeof INDICATOR_TABS)[number];

export type IndicatorViewState = {
  tab: IndicatorTab;
  per: PerMode;
  jurisdictions: string[];
  /** The district in focus when it is not Gujrat. */
  base?: string | undefined;
};

export type IndicatorViewOptions = {
  /** Jurisdiction ids the view may show, in display order. */
  available: readonly string[];
  defaultJurisdictions: readonly string[];
  /** Whether the indicator can be expressed per 100,000 residents at all. */
  perCapita: boolean;
};

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((candidate) => candidate === value);

/** Every value of a repeated or comma-separated parameter, trimmed, without blanks or duplicates. */
export function listParam(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return [...new Set(values)];
}

/** The jurisdictions an indicator view shows, in display order: the `jurisdictions` parameter's, else the defaults. */
export function selectedJurisdictions(
  params: URLSearchParams,
  { available, defaultJurisdictions }: Pick<IndicatorViewOptions, 'available' | 'defaultJurisdictions'>,
): string[] {
  const requested = params.has('jurisdictions') ? listParam(params, 'jurisdictions') : null;
  const chosen = (requested ?? defaultJurisdictions).filter((id) => available.includes(id));
  return available.filter((id) => chosen.includes(id));
}

/** The indicator view from the URL; unknown values fall back to defaults so any link opens something sensible. */
export function parseIndicatorView(
  params: URLSearchParams,
  options: IndicatorViewOptions,
): IndicatorViewState {
  const tab = oneOf(INDICATOR_TABS, params.get('tab')) ?? 'chart';
  const requestedPer = oneOf(PER_MODES, params.get('per'));
  const per: PerMode = options.perCapita ? (requestedPer ?? '100k') : 'absolute';
  return { tab, per, jurisdictions: selectedJurisdictions(params, options) };
}

/** The query string (without "?") that reproduces the view. */
export function serialiseIndicatorView(state: IndicatorViewState): string {
  const params = new URLSearchParams();
  params.set('tab', state.tab);
  params.set('per', state.per);
  params.set('jurisdictions', state.jurisdictions.join(','));
  if (state.base !== undefined) params.set('base', state.base);
  return params.toString().replace(/%2C/g, ',');
}

export type CompareViewState = {
  indicators: string[];
  jurisdictions: string[];
  per: PerMode;
};

export type CompareViewOptions = {
  indicators: readonly string[];
  jurisdictions: readonly string[];
  defaultIndicators: readonly string[];
  defaultJurisdictions: readonly string[];
};

/** The compare view from the URL: known ids only, in catalogue order. */
export function parseCompareView(params: URLSearchParams, options: CompareViewOptions): CompareViewState {
  const pick = (name: string, allowed: readonly string[], fallback: readonly string[]) => {
    const requested = params.has(name) ? listParam(params, name) : fallback;
    return allowed.filter((id) => requested.includes(id));
  };
  return {
    indicators: pick('indicators', options.indicators, options.defaultIndicators),
    jurisdictions: pick('jurisdictions', options.jurisdictions, options.defaultJurisdictions),
    per: oneOf(PER_MODES, params.get('per')) ?? '100k',
  };
}

export function serialiseCompareView(state: CompareViewState): string {
  const params = new URLSearchParams();
  params.set('indicators', state.indicators.join(','));
  params.set('jurisdictions', state.jurisdictions.join(','));
  params.set('per', state.per);
  return params.toString().replace(/%2C/g, ',');
}
