import type { Action, Role } from '@fourp/domain';
import type { Label } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages.js';

type NavUser = { role: Role; actions: readonly Action[] } | null;

const OFFICIAL_LINKS: {
  href: '/entry' | '/imports' | '/review' | '/admin';
  label: Label;
  action: Action;
}[] = [
  { href: '/entry', label: m.nav_entry, action: 'observation.create' },
  { href: '/imports', label: m.nav_imports, action: 'import.run' },
  { href: '/review', label: m.nav_review, action: 'observation.approve' },
  { href: '/admin', label: m.nav_admin, action: 'user.manage' },
];

/** The officials' pages the user's role may use, in nav order; none when signed out. */
export const officialLinks = (user: NavUser) =>
  user === null ? [] : OFFICIAL_LINKS.filter((link) => user.actions.includes(link.action));
