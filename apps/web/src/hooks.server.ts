import type { Handle } from '@sveltejs/kit';
import { currentUser } from '$lib/server/session';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = event.route.id?.startsWith('/api/') ? null : await currentUser(event);
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', 'en').replace('%dir%', 'ltr'),
  });
};
