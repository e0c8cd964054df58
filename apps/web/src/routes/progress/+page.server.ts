import { publicUnits } from '$lib/server/units';
import { BASE_JURISDICTION, INDICATORS } from '@fourp/domain';
import { treeOf } from '$lib/jurisdictions';
import { fail } from '@sveltejs/kit';
import { failWith } from '$lib/api/problem';
import { sessionApi } from '$lib/server/session';
import { formValues } from '$lib/workflow/forms';
import { checkTarget, targetFieldOf, targetRequest } from '$lib/workflow/requests';
import { knownSources } from '$lib/workflow/sources.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const tree = treeOf(await publicUnits(event.fetch));
  const monitored = tree.unitsAt().filter((j) => j.role === 'monitored');
  const requested = event.url.searchParams.get('jurisdiction');
  const jurisdiction = monitored.some((j) => j.id === requested) ? requested! : BASE_JURISDICTION;
  const me = event.locals.user;
  const canSetTargets = me?.actions.includes('target.set') ?? false;
  const api = sessionApi(event);
  const [progress, scorecard, sources] = await Promise.all([
    api.progress({ jurisdiction }),
    api.scorecard({ jurisdiction }),
    canSetTargets ? knownSources(event) : Promise.resolve([]),
  ]);
  const scope = me?.scope ?? null;
  return {
    jurisdiction,
    jurisdictions: monitored,
    items: progress.data,
    method: progress.meta.method,
    scorecard: scorecard.data,
    units: tree.units,
    canSetTargets,
    targetJurisdictions: canSetTargets
      ? monitored.filter((j) => me?.user.role === 'admin' || (scope !== null && tree.isWithin(j.id, scope)))
      : [],
    targetIndicators: canSetTargets ? INDICATORS.filter((i) => i.direction !== 'neutral') : [],
    sources,
  };
}) satisfies PageServerLoad;

export const actions = {
  setTarget: async (event) => {
    const values = formValues(await event.request.formData());
    const errors = checkTarget(values);
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, message: null });
    const result = await sessionApi(event).setTarget(targetRequest(values));
    if (!result.ok) return failWith(result.problem, { values }, { fieldOf: targetFieldOf });
    return { saved: result.data.data.indicator };
  },
} satisfies Actions;
