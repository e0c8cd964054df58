import { NewUserRequestSchema } from '@fourp/domain';
import { m } from '$lib/paraglide/messages.js';
import { errorsByField, type FieldErrors } from './forms';
import type { FormValues } from './requests';

/** Matches the API's rule for passwords. */
export const MIN_PASSWORD_LENGTH = 12;

/** The body of `POST /v1/users` from the admin form. */
export function newUserRequest(values: FormValues) {
  const jurisdictionId = (values.jurisdictionId ?? '').trim();
  const displayName = (values.displayName ?? '').trim();
  return {
    email: (values.email ?? '').trim(),
    password: values.password ?? '',
    role: values.role ?? '',
    jurisdictionId: jurisdictionId === '' ? null : jurisdictionId,
    displayName: displayName === '' ? null : displayName,
  };
}

/** The admin form's checks: the API's schema, the password length, and a jurisdiction for district officials. */
export function checkNewUser(values: FormValues): FieldErrors {
  const request = newUserRequest(values);
  const parsed = NewUserRequestSchema.safeParse(request);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (request.password.length < MIN_PASSWORD_LENGTH) {
    issues.push({
      path: 'password',
      message: m.form_passwordLength({ min: MIN_PASSWORD_LENGTH }),
    });
  }
  if (request.role === 'district_official' && request.jurisdictionId === null) {
    issues.push({
      path: 'jurisdictionId',
      message: m.form_officialNeedsJurisdiction(),
    });
  }
  return errorsByField(issues);
}
