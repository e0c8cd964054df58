import { describe, expect, it } from 'vitest';
import {
  listParam,
  parseCompareView,
  parseIndicatorView,
  serialiseCompareView,
  serialiseIndicatorView,
  type IndicatorViewState,
} from './url-state';

const options = {
  available: ['PK-PB-GUJRAT', 'PK-PB', 'PK', 'IT', 'ES', 'EU27'],
  defaultJurisdictions: ['PK-PB-GUJRAT', 'PK', 'IT', 'ES'],
  perCapita: true,
};
const parse = (query: string, overrides = {}) =>
  parseIndicatorView(new URLSearchParams(query), { ...options, ...overrides });

describe('parseIndicatorView', () => {
  it('uses the defaults for an empty query', () => {
    expect(parse('')).toEqual({
      tab: 'chart',
      per: '100k',
      jurisdictions: ['PK-PB-GUJRAT', 'PK', 'IT', 'ES'],
    });
  });

  it('reads tab, scale and a comma-separated list', () => {
    expect(parse('tab=table&per=absolute&jurisdictions=IT,ES')).toEqual({
      tab: 'table',
      per: 'absolute',
      jurisdictions: ['IT', 'ES'],
    });
  });

  it('accepts repeated parameters, as a plain GET form sends them', () => {
    expect(parse('jurisdictions=ES&jurisdictions=IT').jurisdictions).toEqual(['IT', 'ES']);
  });

  it('drops unknown values and keeps display order', () => {
    expect(parse('tab=nope&per=weekly&jurisdictions=XX,ES,PK')).toEqual({
      tab: 'chart',
      per: '100k',
      jurisdictions: ['PK', 'ES'],
    });
  });

  it('keeps an explicitly empty selection empty', () => {
    expect(parse('jurisdictions=').jurisdictions).toEqual([]);
  });

  it('forces absolute numbers when the indicator cannot be put per resident', () => {
    expect(parse('per=100k', { perCapita: false }).per).toBe('absolute');
  });
});

describe('serialiseIndicatorView', () => {
  it('round-trips every state', () => {
    const states: IndicatorViewState[] = [
      { tab: 'chart', per: '100k', jurisdictions: ['PK-PB-GUJRAT', 'IT'] },
      { tab: 'sources', per: 'absolute', jurisdictions: [] },
      { tab: 'about', per: 'absolute', jurisdictions: [...options.available] },
    ];
    for (const state of states) {
      expect(parse(serialiseIndicatorView(state))).toEqual(state);
    }
  });

  it('writes readable commas', () => {
    expect(serialiseIndicatorView({ tab: 'table', per: 'absolute', jurisdictions: ['IT', 'ES'] })).toBe(
      'tab=table&per=absolute&jurisdictions=IT,ES',
    );
  });
});

describe('compare view', () => {
  const compareOptions = {
    indicators: ['victims_identified', 'persons_convicted', 'tip_tier'],
    jurisdictions: ['PK-PB-GUJRAT', 'PK', 'IT', 'ES'],
    defaultIndicators: ['victims_identified'],
    defaultJurisdictions: ['IT', 'ES'],
  };

  it('falls back to the defaults', () => {
    expect(parseCompareView(new URLSearchParams(''), compareOptions)).toEqual({
      indicators: ['victims_identified'],
      jurisdictions: ['IT', 'ES'],
      per: '100k',
    });
  });

  it('round-trips a chosen view in catalogue order', () => {
    const parsed = parseCompareView(
      new URLSearchParams(
        'indicators=tip_tier&indicators=victims_identified&jurisdictions=ES,PK&per=absolute',
      ),
      compareOptions,
    );
    expect(parsed).toEqual({
      indicators: ['victims_identified', 'tip_tier'],
      jurisdictions: ['PK', 'ES'],
      per: 'absolute',
    });
    expect(parseCompareView(new URLSearchParams(serialiseCompareView(parsed)), compareOptions)).toEqual(
      parsed,
    );
  });
});

describe('listParam', () => {
  it('splits, trims and de-duplicates', () => {
    expect(listParam(new URLSearchParams('a= x , y&a=x,,z'), 'a')).toEqual(['x', 'y', 'z']);
  });
});
