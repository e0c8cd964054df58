import { WorkflowObservationResponseSchema, type Problem } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../../test-support/api.js';
import { gujratFigure, json, useWorkflowTestApp } from '../../test-support/workflow.js';

const t = useWorkflowTestApp();
const URDU = /[\u0600-\u06FF]/;
const LANGUAGES = ['en', 'ur'] as const;

let year = 2010;
const draft = async () => {
  year += 1;
  const res = await t.app.request('/v1/observations', json(t.official.bearer, gujratFigure({ year })));
  expect(res.status, await res.clone().text()).toBe(201);
  return WorkflowObservationResponseSchema.parse(await res.json()).data.id;
};

/** The same request in English and in Urdu, answered with `status` both times. */
const inBoth = async (status: number, path: string, init: RequestInit = {}) => {
  const [en, ur] = await Promise.all(
    LANGUAGES.map(async (lang) =>
      readProblem(await t.app.request(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`, init), status),
    ),
  );
  return { en: en!, ur: ur! };
};

const machineFields = (p: Problem) => ({
  type: p.type,
  code: p.code,
  status: p.status,
  paths: p.errors?.map((e) => e.path),
});

const expectSameButUrdu = ({ en, ur }: { en: Problem; ur: Problem }) => {
  expect(machineFields(ur)).toEqual(machineFields(en));
  expect(ur.detail).toMatch(URDU);
  expect(ur.detail).not.toBe(en.detail);
  for (const e of ur.errors ?? []) expect(e.message).toMatch(URDU);
};

describe('the domain’s refusals in the caller’s language', () => {
  it.each([
    [
      'a reviewer publishing a draft',
      409,
      'publish',
      'reviewer',
      'A draft figure cannot be published.',
      'مسودہ حالت کا عدد شائع نہیں کیا جا سکتا۔',
    ],
    [
      'an official approving',
      403,
      'approve',
      'official',
      'A district_official may not observation.approve.',
      'ضلعی افسر کو observation.approve کی اجازت نہیں۔',
    ],
    [
      'a donor submitting',
      403,
      'submit',
      'donor',
      'A donor may not observation.submit.',
      'عطیہ دہندہ کو observation.submit کی اجازت نہیں۔',
    ],
  ] as const)(
    'refuses %s in Urdu, with the same status and type',
    async (_who, status, event, role, en, ur) => {
      const id = await draft();
      const answers = await inBoth(status, `/v1/observations/${id}/${event}`, json(t[role].bearer, {}));
      expectSameButUrdu(answers);
      expect([answers.en.detail, answers.ur.detail]).toEqual([en, ur]);
    },
  );

  it('refuses a batch with the figure named and the reason in Urdu', async () => {
    const id = await draft();
    const answers = await inBoth(
      409,
      '/v1/observations/transitions',
      json(t.reviewer.bearer, { event: 'publish', ids: [id] }),
    );
    expectSameButUrdu(answers);
    expect(answers.ur.detail).toContain(`${id}`);
  });
});

describe('the contracts’ own messages in the caller’s language', () => {
  it.each([
    ['a bad breakdown', { disaggregation: { sex: 'Female' } }, ['disaggregation.sex', 'disaggregation.sex']],
    ['an unknown code', { disaggregation: { age_group: 'girls' } }, ['disaggregation.age_group']],
    ['a period that does not fit its year', { year: 2016, period: '2015-01/2015-06' }, ['period']],
    ['neither a source nor a source id', { source: undefined }, ['sourceId']],
  ])('explains %s in Urdu at the same path', async (_name, overrides, paths) => {
    const answers = await inBoth(400, '/v1/observations', json(t.official.bearer, gujratFigure(overrides)));
    expectSameButUrdu(answers);
    expect(answers.ur.errors?.map((e) => e.path)).toEqual(paths);
    for (const e of answers.en.errors ?? []) expect(e.message).not.toMatch(URDU);
  });

  it('explains an export query whose from is later than its to in Urdu', async () => {
    const answers = await inBoth(400, '/v1/exports/csv?from=2023&to=2020');
    expectSameButUrdu(answers);
    expect(answers.en.errors).toEqual([{ path: 'from', message: 'from must not be later than to' }]);
    expect(answers.ur.errors).toEqual([
      { path: 'from', message: 'from کا سال to کے سال کے بعد کا نہیں ہو سکتا' },
    ]);
  });
});
