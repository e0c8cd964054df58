import { writeValidationIn } from '@fourp/domain';
import type { Handle } from '@sveltejs/kit';
import { DIRECTION } from '$lib/i18n/locale';
import { getLocale } from '$lib/paraglide/runtime.js';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { servedOverHttps } from '$lib/server/config';
import { applySecurityHeaders } from '$lib/server/security-headers';
import { SESSION_COOKIE, currentUser } from '$lib/server/session';

// Forms checked on this server with the domain's schemas answer in the page's language.
writeValidationIn(getLocale);

export const handle: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, async ({ request, locale }) => {
    event.request = request;
    event.locals.user = event.route.id?.startsWith('/api/') ? null : await currentUser(event);
    const response = await resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', DIRECTION[locale]),
    });
    const signedIn = event.locals.user !== null || event.cookies.get(SESSION_COOKIE) !== undefined;
    applySecurityHeaders(response.headers, { https: servedOverHttps(), signedIn });
    return response;
  });
