import { describe, expect, it } from 'vitest';
import { PILLARS } from '../../catalogue/pillars.js';
import { urduProblems } from '../../test-support/urdu.js';
import { PILLAR_TEXTS_UR } from './pillars.js';

describe('Urdu pillar texts', () => {
  it('cover exactly the catalogue pillars', () => {
    expect(Object.keys(PILLAR_TEXTS_UR).sort()).toEqual(PILLARS.map((pillar) => pillar.id).sort());
  });

  it.each(PILLARS.map((pillar) => [pillar.id, pillar] as const))(
    '%s: name and description in Urdu, Latin words kept',
    (id, { name, description }) => {
      expect(urduProblems({ name, description }, PILLAR_TEXTS_UR[id])).toEqual([]);
    },
  );

  it('use the glossary names of the four pillars', () => {
    expect(Object.values(PILLAR_TEXTS_UR).map((pillar) => pillar.name)).toEqual([
      'روک تھام',
      'تحفظ',
      'استغاثہ',
      'شراکت داری',
      'پس منظر',
    ]);
  });
});
