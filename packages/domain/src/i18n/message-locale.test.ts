import { afterEach, describe, expect, it } from 'vitest';
import { ANONYMOUS, authorize } from '../authorisation.js';
import { parseBreakdown } from '../parse-breakdown.js';
import { DisaggregationSchema } from '../contracts.js';
import { ExportQuerySchema } from '../exports.js';
import { TEST_TREE } from '../test-support/jurisdictions.js';
import { ObservationInputSchema } from '../validate-observation.js';
import { applyWorkflowEvent } from '../workflow.js';
import { DEFAULT_LOCALE } from './locale.js';
import { readMessageLocaleFrom } from './message-locale.js';
import { renderReason } from './reasons.js';

const URDU = /[\u0600-\u06FF]/;
const messagesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

afterEach(() => readMessageLocaleFrom(() => DEFAULT_LOCALE));

describe('the contracts’ own messages', () => {
  it('follow the language the API reads them in, at the same paths', () => {
    const inputs = [
      () => DisaggregationSchema.safeParse({ sex: 'women', age_group: 'Child' }),
      () => ExportQuerySchema.safeParse({ from: '2023', to: '2020' }),
      () => ObservationInputSchema.safeParse({ indicator: 'v', jurisdiction: 'IT', year: 2020, value: 1 }),
      () =>
        ObservationInputSchema.safeParse({ indicator: 'v', jurisdiction: 'it', year: 2020.5, value: 'x' }),
    ];
    const english = inputs.map((parse) => messagesOf(parse()));
    readMessageLocaleFrom(() => 'ur');
    const urdu = inputs.map((parse) => messagesOf(parse()));
    expect(english[0]).toEqual([
      ['age_group', 'a snake_case category'],
      ['sex', 'sex "women" is not in the sex code list; allowed: female, male, unknown'],
      ['age_group', 'age_group "Child" is not in the age group code list; allowed: child, adult, unknown'],
    ]);
    expect(english[1]).toEqual([['from', 'from must not be later than to']]);
    expect(english[2]).toEqual([
      ['sourceId', 'Give either sourceId (an existing source) or source (a new one), exactly one of them'],
    ]);
    expect(english[3]).toEqual([
      ['jurisdiction', 'a jurisdiction id such as PK-PB-GUJRAT, IT or ES'],
      ['year', 'year must be a whole year'],
      ['value', 'value must be a finite number (write 1234.5, not "1,234.5" or text)'],
    ]);
    for (const [i, issues] of urdu.entries()) {
      expect(issues.map(([path]) => path)).toEqual(english[i]?.map(([path]) => path));
      for (const [, message] of issues) expect(message).toMatch(URDU);
    }
    expect(urdu[0]?.[1]?.[1]).toBe('sex "women"، جنس کی کوڈ فہرست میں نہیں؛ اجازت: female، male، unknown');
  });

  it('write a bad breakdown’s problem in the locale asked for', () => {
    const en = parseBreakdown('sex=female;sex=male');
    const ur = parseBreakdown('nationality=pakistani', 'ur');
    expect(en.ok || en.error.message).toBe('sex is given twice');
    expect(ur.ok || ur.error.issues?.[0]).toEqual({
      path: 'disaggregation',
      message: expect.stringMatching(/^nationality "pakistani"، شہریت کی کوڈ فہرست میں نہیں/),
    });
  });
});

describe('refusals', () => {
  it('keep the English message and carry the reason to write it in Urdu', () => {
    const publish = applyWorkflowEvent(
      { state: 'draft', locked: false, submittedBy: null },
      { type: 'publish', actorId: 'r' },
    );
    expect(publish.ok).toBe(false);
    if (publish.ok) return;
    expect(publish.error.message).toBe('A draft figure cannot be published.');
    expect(renderReason(publish.error.why, 'ur')).toBe('مسودہ حالت کا عدد شائع نہیں کیا جا سکتا۔');

    const anonymous = authorize(ANONYMOUS, 'observation.create');
    const official = {
      kind: 'user',
      userId: 'o',
      role: 'district_official',
      jurisdictionId: 'PK-PB-GUJRAT',
    } as const;
    const outside = authorize(official, 'observation.create', { jurisdictionId: 'IT', tree: TEST_TREE });
    expect(anonymous.allowed || renderReason(anonymous.why, 'ur')).toMatch(/سائن اِن/);
    expect(outside.allowed || outside.message).toBe(
      'A district_official for PK-PB-GUJRAT may not observation.create for IT.',
    );
    expect(outside.allowed || renderReason(outside.why, 'ur')).toBe(
      'PK-PB-GUJRAT کے ضلعی افسر کو IT کے لیے observation.create کی اجازت نہیں۔',
    );
  });
});
