import type { Action, Role } from '@fourp/domain';
import type { MessageKey } from '$lib/i18n/messages';

type NavUser = { role: Role; actions: readonly Action[] } | null;

const OFFICIAL_LINKS: {
  href: '/entry' | '/imports' | '/review' | '/admin';
  key: MessageKey;
  action: Action;
}[] = [
  { href: '/entry', key: 'nav.entry', action: 'observation.create' },
  { href: '/imports', key: 'nav.imports', action: 'import.run' },
  { href: '/review', key: 'nav.review', action: 'observation.approve' },
  { href: '/admin', key: 'nav.admin', action: 'user.manage' },
];

/** The officials' pages the user's role may use, in nav order; none when signed out. */
export const officialLinks = (user: NavUser) =>
  user === null ? [] : OFFICIAL_LINKS.filter((link) => user.actions.includes(link.action));

export const roleKey = (role: Role): MessageKey => `role.${role}`;
