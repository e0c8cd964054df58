import { CodeListResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { getParsed, readProblem, useTestApp } from '../test-support/api.js';

const t = useTestApp();

describe('GET /v1/code-lists', () => {
  it('lists the coded dimensions with labels and SDMX codes', async () => {
    const { res, body } = await getParsed(t.app, '/v1/code-lists', CodeListResponseSchema);
    expect(res.status).toBe(200);
    expect(body.data.map((l) => l.dimension)).toEqual([
      'sex',
      'age_group',
      'exploitation_form',
      'nationality',
    ]);
    const sex = body.data.find((l) => l.dimension === 'sex');
    expect(sex?.sdmxCodeList).toBe('SDMX CL_SEX');
    expect(sex?.codes).toEqual([
      { code: 'female', label: 'Female', sdmx: 'F' },
      { code: 'male', label: 'Male', sdmx: 'M' },
      { code: 'unknown', label: 'Unknown', sdmx: '_U' },
    ]);
    const nationality = body.data.find((l) => l.dimension === 'nationality');
    expect(nationality?.codes).toContainEqual({ code: 'pk', label: 'Pakistan', sdmx: 'PK' });
    expect(body.meta.count).toBe(4);
  });

  it('serves CSV with one row per code', async () => {
    const res = await t.app.request('/v1/code-lists?format=csv');
    expect(res.status).toBe(200);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('dimension,code,label,sdmx,sdmx_code_list');
    expect(lines).toContain('age_group,child,Children (under 18),Y_LT18,SDMX CL_AGE (Eurostat age)');
    expect(lines).toContain('nationality,it,Italy,IT,ISO 3166-1 alpha-2 (SDMX CL_AREA)');
  });

  it('rejects an unknown format with a 400 naming the parameter', async () => {
    const problem = await readProblem(await t.app.request('/v1/code-lists?format=xml'), 400);
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'format' })]);
  });

  it('answers 404 for a single list path, which does not exist', async () => {
    const problem = await readProblem(await t.app.request('/v1/code-lists/sex'), 404);
    expect(problem.code).toBe('route_not_found');
  });
});
