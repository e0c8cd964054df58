import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime.js';

/** `/ur/indicators` renders the route of `/indicators`; the language stays in the URL the visitor sees. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
