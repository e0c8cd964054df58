import { describe, expect, it } from 'vitest';
import { readProblem } from '../../test-support/api.js';
import { gujratFigure, json, tableCounts, useWorkflowTestApp } from '../../test-support/workflow.js';

const t = useWorkflowTestApp();
const URDU = /[\u0600-\u06FF]/;

const refused = async (overrides: Record<string, unknown>, language: string) => {
  const request = json(t.official.bearer, gujratFigure(overrides));
  const headers = { ...(request.headers as Record<string, string>), 'Accept-Language': language };
  return readProblem(await t.app.request('/v1/observations', { ...request, headers }), 400);
};

describe('an official’s figure refused in Urdu', () => {
  it('explains each field in Urdu at the same paths as in English, storing nothing', async () => {
    const before = await tableCounts(t.db);
    const figure = { value: 2.5, year: 1980, jurisdiction: 'PK-PB-GUJRAT', disaggregation: {} };
    const en = await refused(figure, 'en');
    const ur = await refused(figure, 'ur-PK,ur;q=0.9');
    expect(ur.code).toBe('invalid_observation');
    expect(ur.errors?.map((e) => e.path)).toEqual(en.errors?.map((e) => e.path));
    expect(ur.errors?.map((e) => e.path)).toEqual(['year', 'value']);
    for (const e of ur.errors ?? []) expect(e.message).toMatch(URDU);
    expect(ur.errors?.[1]?.message).toContain('2.5');
    expect(ur.title).toMatch(URDU);
    expect(ur.detail).toMatch(URDU);
    expect(en.errors?.[1]?.message).toBe(
      'victims_identified is a count of persons: value must be a whole number, 0 or more (got 2.5)',
    );
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
