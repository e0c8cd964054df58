import { afterEach, describe, expect, it } from 'vitest';
import { LoginRequestSchema } from '../authorisation.js';
import { ObservationInputSchema } from '../validate-observation.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';
import { writeValidationIn } from './validation-locale.js';

const URDU = /[\u0600-\u06FF]/;
const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message] as const);

afterEach(() => writeValidationIn(() => DEFAULT_LOCALE));

describe('writeValidationIn', () => {
  it('writes zod’s own and the contracts’ messages in the language read at parse time, at the same paths', () => {
    let locale: Locale = 'en';
    writeValidationIn(() => locale);
    const parse = () => [
      ...messages(LoginRequestSchema.safeParse({ email: '', password: 5 })),
      ...messages(
        ObservationInputSchema.safeParse({ indicator: 'v', jurisdiction: 'IT', year: 'x', value: 1 }),
      ),
    ];
    const english = parse();
    locale = 'ur';
    const urdu = parse();
    locale = 'en';
    expect(parse()).toEqual(english);
    expect(english.length).toBeGreaterThanOrEqual(3);
    expect(english.map(([, m]) => m).join(' ')).not.toMatch(URDU);
    expect(urdu.map(([path]) => path)).toEqual(english.map(([path]) => path));
    for (const [path, message] of urdu) expect(message, path).toMatch(URDU);
  });
});
