import { POLICY_MEASURES, localiseMeasure } from '@fourp/domain';
import { getLocale } from '$lib/paraglide/runtime.js';
import { serverApi } from '$lib/server/api';
import { publicUser } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ fetch, locals }) => {
  const api = serverApi(fetch);
  // The nav must render even when the API is down, so that the page's own error can say what happened.
  const pillars = await api
    .pillars()
    .then((response) => response.data)
    .catch(() => []);
  const locale = getLocale();
  const measureNames = Object.fromEntries(
    POLICY_MEASURES.map((measure) => [measure.id, localiseMeasure(measure, locale).name]),
  );
  return { pillars, measureNames, user: locals.user ? publicUser(locals.user) : null };
}) satisfies LayoutServerLoad;
