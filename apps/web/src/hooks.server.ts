import { writeValidationIn } from '@fourp/domain';
import type { Handle, HandleFetch, RequestEvent } from '@sveltejs/kit';
import { AsyncLocalStorage } from 'node:async_hooks';
import { FORMATTED_ID, recordFormatsIn } from '$lib/format';
import { DIRECTION } from '$lib/i18n/locale';
import { getLocale } from '$lib/paraglide/runtime.js';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { pageCache, publishGeneration, standsWithGeneration } from '$lib/server/api';
import { servedOverHttps } from '$lib/server/config';
import { applySecurityHeaders } from '$lib/server/security-headers';
import { SESSION_COOKIE, currentUser } from '$lib/server/session';

// Forms checked on this server with the domain's schemas answer in the page's language.
writeValidationIn(getLocale);

// The numbers and dates a page's render formats go into the page, so the browser hydrating it reuses them.
const formatsOfRequest = new AsyncLocalStorage<Map<string, string>>();
recordFormatsIn(() => formatsOfRequest.getStore());
/** The JSON block of `formats`; `<` escaped so no string can close the element. */
const formatsBlock = (formats: Map<string, string>) =>
  `<script type="application/json" id="${FORMATTED_ID}">${JSON.stringify(Object.fromEntries(formats)).replaceAll('<', '\\u003c')}</script>`;

/** A visitor's read of a page (or its data), the same for every visitor: no session, no credentials. */
const anonymousPageRead = (event: RequestEvent) =>
  event.request.method === 'GET' &&
  event.route.id !== null &&
  !event.route.id.startsWith('/api/') &&
  !event.request.headers.has('authorization') &&
  event.cookies.get(SESSION_COOKIE) === undefined;

const render: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, async ({ request, locale }) => {
    event.request = request;
    event.locals.user = event.route.id?.startsWith('/api/') ? null : await currentUser(event);
    const formats = new Map<string, string>();
    const response = await formatsOfRequest.run(formats, () =>
      resolve(event, {
        // The page's scripts are fetched when the page asks for them (at the end of its body), not announced
        // up front: the server's HTML and its inlined styles are the whole first view, and on a slow link the
        // scripts would otherwise share its bandwidth and arrive before the page is painted.
        preload: ({ type }) => type === 'css',
        transformPageChunk: ({ html, done }) => {
          const page = html.replace('%lang%', locale).replace('%dir%', DIRECTION[locale]);
          return done && formats.size > 0 ? page.replace('</body>', `${formatsBlock(formats)}</body>`) : page;
        },
      }),
    );
    const signedIn = event.locals.user !== null || event.cookies.get(SESSION_COOKIE) !== undefined;
    applySecurityHeaders(response.headers, { https: servedOverHttps(), signedIn });
    return response;
  });

export const handle: Handle = async (input) => {
  const { event } = input;
  if (!anonymousPageRead(event)) return render(input);
  const key = event.request.url;
  const generation = publishGeneration();
  const epoch = await generation;
  const replayed = pageCache.replay(key, epoch, event.request);
  if (replayed) return replayed;
  event.locals.generation = generation;
  const response = await render(input);
  if (event.locals.replayable === false || event.locals.user !== null) return response;
  return pageCache.keep(key, epoch, response, event.request);
};

export const handleFetch: HandleFetch = ({ event, request, fetch }) => {
  if (!standsWithGeneration(request.url)) event.locals.replayable = false;
  return fetch(request);
};
