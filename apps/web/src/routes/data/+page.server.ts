import { fail } from '@sveltejs/kit';
import { NewReleaseRequestSchema } from '@fourp/domain';
import { failWith } from '$lib/api/problem';
import { serverApi } from '$lib/server/api';
import { requireAction, sessionApi } from '$lib/server/session';
import { errorsByField, text } from '$lib/workflow/forms';
import type { Actions, PageServerLoad } from './$types';

/** How many of each release's changes the page lists; the rest are a link to the paged API away. */
const FIRST_CHANGES = 10;
/** The newest releases whose first changes are listed: one API request each, so the page's requests stay bounded. */
const LISTED_RELEASES = 3;

export const load = (async ({ fetch, locals }) => {
  const api = serverApi(fetch);
  const releases = await api.releases();
  const firstChanges = await Promise.all(
    releases.data
      .slice(0, LISTED_RELEASES)
      .map(async (r) => (await api.releaseChanges(r.id, { limit: FIRST_CHANGES })).data),
  );
  return {
    releases: releases.data.map((r, i) => ({ ...r, firstChanges: firstChanges[i] ?? [] })),
    canRelease: locals.user?.actions.includes('release.create') ?? false,
  };
}) satisfies PageServerLoad;

export const actions = {
  release: async (event) => {
    requireAction(event, 'release.create');
    const note = text(await event.request.formData(), 'note');
    const parsed = NewReleaseRequestSchema.safeParse({ note: note === '' ? null : note });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return fail(400, { note, errors: errorsByField(issues), message: null });
    }
    const result = await sessionApi(event).createRelease(parsed.data);
    if (!result.ok) return failWith(result.problem, { note });
    return { created: result.data.data.id };
  },
} satisfies Actions;
