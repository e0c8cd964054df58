import type { Handle } from '@sveltejs/kit';
import { servedOverHttps } from '$lib/server/config';
import { applySecurityHeaders } from '$lib/server/security-headers';
import { SESSION_COOKIE, currentUser } from '$lib/server/session';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = event.route.id?.startsWith('/api/') ? null : await currentUser(event);
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', 'en').replace('%dir%', 'ltr'),
  });
  const signedIn = event.locals.user !== null || event.cookies.get(SESSION_COOKIE) !== undefined;
  applySecurityHeaders(response.headers, { https: servedOverHttps(), signedIn });
  return response;
};
