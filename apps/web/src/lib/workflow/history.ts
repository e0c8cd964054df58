import type { UserRef } from '@fourp/domain';
import { cached } from '$lib/format';

const when = () =>
  cached(
    'when',
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  );

/** An ISO timestamp as "29 Nov 2026, 06:10 UTC". */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${when().format(date)} UTC`;
}

const show = (value: unknown): string => {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
};

/** The fields an audit entry changed, old → new; a whole value when it is not an object. */
export function changesOf(oldValue: unknown, newValue: unknown): { key: string; from: string; to: string }[] {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(oldValue) && !isRecord(newValue)) {
    return oldValue === undefined && newValue === undefined
      ? []
      : [{ key: 'value', from: show(oldValue), to: show(newValue) }];
  }
  const before = isRecord(oldValue) ? oldValue : {};
  const after = isRecord(newValue) ? newValue : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => show(before[key]) !== show(after[key]))
    .map((key) => ({ key, from: show(before[key]), to: show(after[key]) }));
}

/** A person as others recognise them: "Name (email)", the email alone, or the id; null for the system. */
export function personOf(user: UserRef | null): string | null {
  if (user === null) return null;
  if (user.displayName && user.email) return `${user.displayName} (${user.email})`;
  return user.email ?? user.displayName ?? user.id;
}
