import { describe, expect, it } from 'vitest';
import { groupByPillar } from './group-by-pillar';

const pillars = [{ id: 'prevention' }, { id: 'protection' }, { id: 'context' }];

describe('groupByPillar', () => {
  it('keeps the pillars’ order and each item under its own pillar', () => {
    const items = [
      { id: 'b', pillar: 'protection' },
      { id: 'a', pillar: 'prevention' },
      { id: 'c', pillar: 'protection' },
    ];
    expect(groupByPillar(pillars, items)).toEqual([
      { pillar: { id: 'prevention' }, items: [{ id: 'a', pillar: 'prevention' }] },
      {
        pillar: { id: 'protection' },
        items: [
          { id: 'b', pillar: 'protection' },
          { id: 'c', pillar: 'protection' },
        ],
      },
    ]);
  });

  it('leaves out pillars with nothing in them and items of unknown pillars', () => {
    expect(groupByPillar(pillars, [{ id: 'x', pillar: 'partnership' }])).toEqual([]);
  });
});
