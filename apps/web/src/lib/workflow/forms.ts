import { tick } from 'svelte';

export type Issue = { path: string; message: string };
/** Field name → messages; a form's fields are named like the API's error paths (`value`, `source.title`). */
export type FieldErrors = Record<string, string[]>;

/** Groups issues by the field they name; paths the form has no field for go under `''`. */
export function errorsByField(issues: readonly Issue[] | undefined, fields?: readonly string[]): FieldErrors {
  const grouped: FieldErrors = {};
  for (const issue of issues ?? []) {
    const path = issue.path.replace(/^body\./, '');
    const key = fields === undefined || fields.includes(path) ? path : '';
    (grouped[key] ??= []).push(issue.message);
  }
  return grouped;
}

export const fieldId = (name: string) => `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
export const errorId = (name: string) => `${fieldId(name)}-error`;

/** The attributes that tie an input to its error message. */
export function invalidAttrs(name: string, errors: FieldErrors, hintId?: string) {
  const invalid = (errors[name]?.length ?? 0) > 0;
  const described = [invalid ? errorId(name) : null, hintId ?? null].filter((id) => id !== null).join(' ');
  return {
    id: fieldId(name),
    name,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': described === '' ? undefined : described,
  };
}

/** Moves focus to the first invalid field of the form, or to its error summary. */
export async function focusFirstError(form: HTMLFormElement | null | undefined) {
  await tick();
  const target =
    form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    form?.querySelector<HTMLElement>('.error-summary');
  target?.focus();
}

/** A form value as text, '' when absent or a file. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** '' → undefined; otherwise Number (NaN stays NaN so the schema reports it). */
export function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  return Number(value.trim());
}

/** Every text field of a form, to put back into the form after a failed submission. */
export function formValues(form: FormData, omit: readonly string[] = ['password']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !omit.includes(name)) values[name] = value;
  }
  return values;
}
