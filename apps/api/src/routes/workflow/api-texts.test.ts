import { IMPORT_COLUMNS, ImportReportResponseSchema, WorkflowObservationResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../../test-support/api.js';
import { gujratFigure, json, signIn, tableCounts, useWorkflowTestApp } from '../../test-support/workflow.js';

const t = useWorkflowTestApp();
const URDU = /[\u0600-\u06FF]/;
const LANGUAGES = { en: { 'Accept-Language': 'en' }, ur: { 'Accept-Language': 'ur-PK,ur;q=0.9' } };
type Language = keyof typeof LANGUAGES;

/** Both answers to the same request, in English and in Urdu. */
const inBoth = async (path: string, init: RequestInit = {}) => {
  const ask = (language: Language) =>
    t.app.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...LANGUAGES[language] },
    });
  return { en: await ask('en'), ur: await ask('ur') };
};

const templateCsv = (rows: Record<string, string>[]) => {
  const base: Record<string, string> = {
    indicator: 'victims_identified',
    jurisdiction: 'PK-PB-GUJRAT',
    source_title: 'District police annual report',
    source_publisher: 'Punjab Police Gujrat',
  };
  const lines = rows.map((row) => IMPORT_COLUMNS.map((c) => ({ ...base, ...row })[c] ?? '').join(','));
  return [IMPORT_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
};
const upload = (body: string, query = '') =>
  inBoth(`/v1/imports${query}`, {
    method: 'POST',
    headers: { ...t.official.bearer, 'Content-Type': 'text/csv' },
    body,
  });

describe('an import file’s messages in the caller’s language', () => {
  const file = templateCsv([
    { year: '1991', value: '5' },
    { year: '1992', value: 'five' },
  ]);

  it('names the same row and column of a bad row in a dry run, in Urdu', async () => {
    const { en, ur } = await upload(file, '?dryRun=true');
    const errorsOf = async (res: Response) => {
      expect(res.status).toBe(200);
      return ImportReportResponseSchema.parse(await res.json()).data.errors;
    };
    const english = await errorsOf(en);
    const urdu = await errorsOf(ur);
    expect(english).toEqual([
      {
        row: 3,
        column: 'value',
        message: '"five" is not a plain number (write 1234.5, without thousands separators)',
      },
    ]);
    expect(urdu).toEqual([{ row: 3, column: 'value', message: expect.stringMatching(URDU) }]);
    expect(urdu[0]!.message).toContain('"five"');
    expect(urdu[0]!.message).not.toMatch(/plain number|thousands/);
  });

  it('refuses the file in Urdu, naming the row, with the same errors[] paths, and writes nothing', async () => {
    const before = await tableCounts(t.db);
    const { en, ur } = await upload(file);
    const english = await readProblem(en, 400);
    const urdu = await readProblem(ur, 400);
    expect(english.detail).toMatch(
      /^1 row\(s\) cannot be imported, nothing was written\. First: row 3, value: /,
    );
    expect(urdu.detail).toMatch(URDU);
    expect(urdu.detail).toContain('قطار 3');
    expect(urdu.detail).not.toMatch(/cannot be imported|nothing was written|spreadsheet/);
    expect(urdu.errors?.map((e) => e.path)).toEqual(['row 3, value']);
    expect(urdu.errors?.map((e) => e.path)).toEqual(english.errors?.map((e) => e.path));
    expect(urdu.errors?.[0]?.message).toMatch(URDU);
    expect({ type: urdu.type, status: urdu.status, code: urdu.code }).toEqual({
      type: english.type,
      status: english.status,
      code: english.code,
    });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('explains a file it cannot read at all in Urdu: missing columns, empty file', async () => {
    const columns = await upload('name,amount\r\nx,1\r\n');
    const english = await readProblem(columns.en, 400);
    const urdu = await readProblem(columns.ur, 400);
    expect(english.detail).toMatch(/^row 1, indicator, jurisdiction, .*: missing columns; use the template/);
    expect(urdu.detail).toMatch(/^قطار 1، indicator, jurisdiction, .*: کالم موجود نہیں؛/);
    expect(urdu.errors?.[0]).toMatchObject({ row: 1, column: english.errors?.[0]?.['column'] });
    const empty = await upload('');
    expect((await readProblem(empty.en, 400)).detail).toBe('row 1, (file): the file is empty');
    expect((await readProblem(empty.ur, 400)).detail).toBe('قطار 1، (file): فائل خالی ہے');
  });
});

describe('the API’s own problem details in Urdu', () => {
  it('a wrong password', async () => {
    const { en, ur } = await inBoth(
      '/v1/auth/login',
      json({}, { email: 'official@example.org', password: 'not the password at all' }),
    );
    expect((await readProblem(en, 401)).detail).toBe('The email or password is wrong.');
    const urdu = await readProblem(ur, 401);
    expect(urdu.detail).toBe('ای میل یا پاس ورڈ غلط ہے۔');
    expect(urdu.title).toMatch(URDU);
  });

  it('a cookie request without the CSRF header', async () => {
    const { cookie } = await signIn(t.app, 'official@example.org');
    const { en, ur } = await inBoth('/v1/observations', json(cookie, gujratFigure({ year: 1993 })));
    expect((await readProblem(en, 403)).detail).toBe(
      'Send the X-FourP-CSRF header with the token from GET /v1/auth/me.',
    );
    expect((await readProblem(ur, 403)).detail).toBe(
      'GET /v1/auth/me سے ملنے والے ٹوکن کے ساتھ X-FourP-CSRF ہیڈر بھیجیں۔',
    );
  });

  it('a route or a source that is not there, and a method not allowed', async () => {
    const route = await inBoth('/v1/nothing-here?lang=ur');
    expect((await readProblem(route.ur, 404)).detail).toBe('/v1/nothing-here پر کچھ موجود نہیں۔');
    const source = await inBoth('/v1/sources/999999');
    expect((await readProblem(source.en, 404)).detail).toBe('There is no source 999999.');
    expect((await readProblem(source.ur, 404)).detail).toBe('ماخذ 999999 موجود نہیں۔');
    const method = await inBoth('/v1/pillars', { method: 'DELETE' });
    expect((await readProblem(method.en, 405)).detail).toBe('DELETE is not allowed on /v1/pillars.');
    expect((await readProblem(method.ur, 405)).detail).toBe('/v1/pillars پر DELETE کی اجازت نہیں۔');
  });

  it('a body too large', async () => {
    const big = json(t.official.bearer, gujratFigure({ note: 'x'.repeat(1_100_000) }));
    const { en, ur } = await inBoth('/v1/observations', big);
    expect((await readProblem(en, 413)).detail).toBe('The request body exceeds the size limit.');
    const urdu = await readProblem(ur, 413);
    expect(urdu.detail).toBe('درخواست کا مواد مقررہ حد سے بڑا ہے۔');
    expect(urdu.code).toBe('payload_too_large');
  });

  it('a refused batch transition names the figure and says nothing was changed', async () => {
    const created = await t.app.request(
      '/v1/observations',
      json(t.official.bearer, gujratFigure({ year: 1994 })),
    );
    const id = WorkflowObservationResponseSchema.parse(await created.json()).data.id;
    const before = await tableCounts(t.db);
    const { en, ur } = await inBoth(
      '/v1/observations/transitions',
      json(t.reviewer.bearer, { event: 'approve', ids: [id] }),
    );
    const english = await readProblem(en, 409);
    const urdu = await readProblem(ur, 409);
    expect(english.detail).toMatch(new RegExp(`^Figure ${id}: .* Nothing was changed\\.$`));
    expect(urdu.detail).toMatch(new RegExp(`^عدد ${id}: .* کچھ تبدیل نہیں کیا گیا۔$`));
    expect(urdu.errors?.map((e) => e.path)).toEqual(['ids.0']);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
