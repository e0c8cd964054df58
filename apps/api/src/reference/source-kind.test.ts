import { describe, expect, it } from 'vitest';
import { classifySourceKind, statusFor } from './source-kind.js';

describe('classifySourceKind', () => {
  it.each([
    [
      'TIP report on state.gov',
      'U.S. Department of State',
      'https://www.state.gov/reports/x/spain/ (Protection)',
      'primary',
    ],
    [
      'TIP report reproduced on ecoi.net',
      'U.S. Department of State',
      'https://www.ecoi.net/en/document/1.html',
      'secondary',
    ],
    [
      'TIP report reproduced on refworld',
      'U.S. Department of State',
      'http://www.refworld.org/docid/5b3e.html',
      'secondary',
    ],
    [
      'FGE memoria',
      'Fiscalía General del Estado',
      'https://www.fiscal.es/memorias/memoria2025/x.html',
      'primary',
    ],
    [
      'Eurostat Statistics Explained',
      'Eurostat',
      'https://ec.europa.eu/eurostat/statistics-explained/x',
      'primary',
    ],
    [
      'CITCO balance via press',
      'Ministerio del Interior (CITCO) via press',
      'https://herculesdiario.es/x',
      'secondary',
    ],
    [
      'Census figure',
      'Wikipedia (via wikiwand) / Nawa-i-Waqt citing PBS',
      'https://wikiwand.com/en/x',
      'secondary',
    ],
    [
      'GSI chart',
      'Statista (citing Walk Free Global Slavery Index 2023)',
      'https://www.statista.com/chart/1',
      'secondary',
    ],
    ['Press article', 'The Nation', 'https://nation.com.pk/27-Dec-2016/x', 'secondary'],
    [
      'Primary host but marked',
      'Italiador (citing European Commission)',
      'https://italiador.com/x (secondary)',
      'secondary',
    ],
    ['Mixed locators', 'Dawn; The Nation', 'https://dawn.com/news/1 ; https://nation.com.pk/2', 'secondary'],
    ['Two publisher pages', 'Eurostat', 'https://ec.europa.eu/a ; https://ec.europa.eu/b', 'primary'],
    ['Host look-alike', 'U.S. Department of State', 'https://notstate.gov.example.com/x', 'secondary'],
    ['Legal text without URL', 'Government of Italy', null, 'secondary'],
  ] as const)('%s → %s', (title, publisher, locator, kind) => {
    expect(classifySourceKind({ title, publisher, locator })).toBe(kind);
  });

  it('treats a note that calls the figure secondary as a reproduction', () => {
    expect(
      classifySourceKind({
        title: 'TIP 2022',
        publisher: 'U.S. Department of State',
        locator: 'https://www.state.gov/x',
        note: 'secondary source',
      }),
    ).toBe('secondary');
  });
});

describe('statusFor', () => {
  it.each([
    ['1 Jan 2024, provisional; INE annual census figure', undefined, 'P'],
    ['Provisional; law enforcement new investigations', undefined, 'P'],
    ['GSI 2014 estimate', 'E', 'E'],
    ['resident population at 31 Dec 2022', undefined, 'A'],
    ['', undefined, 'A'],
  ] as const)('%s → %s', (note, mapped, status) => {
    expect(statusFor(note, mapped)).toBe(status);
  });
});
