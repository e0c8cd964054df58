import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../catalogue/indicators.js';
import { RUBRIC } from '../catalogue/measures.js';
import { PILLARS } from '../catalogue/pillars.js';
import { CODE_LISTS } from '../code-lists.js';
import { GRADE_METHOD } from '../compare.js';
import { LOCALES } from './locale.js';
import {
  localiseCodeList,
  localiseIndicator,
  localisePillar,
  localiseRubric,
  methodTexts,
  nameIn,
} from './localise.js';

const URDU = /[\u0600-\u06FF]/;

describe('localised catalogue', () => {
  it('gives every indicator its Urdu texts and keeps every machine field', () => {
    for (const indicator of INDICATORS) {
      const ur = localiseIndicator(indicator, 'ur');
      expect(ur.name).toMatch(URDU);
      expect(ur.definition).toMatch(URDU);
      const machine = (i: typeof indicator) => ({
        ...i,
        name: '',
        definition: '',
        unit: '',
        directionReason: '',
        scopeNotes: [],
        variants: i.variants.map((v) => v.id),
        crosswalks: i.crosswalks.map((x) => [x.framework, x.reference]),
      });
      expect(machine(ur)).toEqual(machine(indicator));
    }
  });

  it('leaves English as the catalogue wrote it', () => {
    for (const indicator of INDICATORS) expect(localiseIndicator(indicator, 'en')).toBe(indicator);
    expect(methodTexts('en').GRADE_METHOD).toBe(GRADE_METHOD);
  });

  it('puts pillars, rubric levels and code labels in Urdu with their ids and codes unchanged', () => {
    for (const pillar of PILLARS) expect(localisePillar(pillar, 'ur').name).toMatch(URDU);
    for (const level of localiseRubric(RUBRIC, 'ur')) expect(level.label).toMatch(URDU);
    for (const list of CODE_LISTS) {
      const ur = localiseCodeList(list, 'ur');
      expect(ur.codes.map((c) => [c.code, c.sdmx])).toEqual(list.codes.map((c) => [c.code, c.sdmx]));
      for (const code of ur.codes) expect(code.label).toMatch(URDU);
    }
  });

  it('has every method text in every locale', () => {
    const keys = Object.keys(methodTexts('en')).sort();
    for (const locale of LOCALES) expect(Object.keys(methodTexts(locale)).sort()).toEqual(keys);
    expect(methodTexts('ur').GRADE_METHOD.A).toMatch(URDU);
  });

  it('names a jurisdiction in English where it has no Urdu name', () => {
    expect(nameIn({ en: 'Gujrat', ur: 'گجرات' }, 'ur')).toBe('گجرات');
    expect(nameIn({ en: 'Gujrat' }, 'ur')).toBe('Gujrat');
    expect(nameIn({ en: 'Gujrat', ur: 'گجرات' }, 'en')).toBe('Gujrat');
  });
});
