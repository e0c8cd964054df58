import type { Handle } from '@sveltejs/kit';

export const handle: Handle = async ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', 'en').replace('%dir%', 'ltr'),
  });
