import { publicUnits } from '$lib/server/units';
import { INDICATORS } from '@fourp/domain';
import { fail, redirect } from '@sveltejs/kit';
import { failWith } from '$lib/api/problem';
import { treeOf } from '$lib/jurisdictions';
import { serverApi } from '$lib/server/api';
import { requireAction, sessionApi } from '$lib/server/session';
import { formValues } from '$lib/workflow/forms';
import {
  ENTRY_FIELDS,
  checkEntry,
  entryFieldOf,
  jurisdictionsInScope,
  observationRequest,
} from '$lib/workflow/requests';
import { knownSources } from '$lib/workflow/sources.server';
import { workflowActions } from '$lib/workflow/transition.server';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime.js';

/** Indicators computed from a formula are never entered; everything else is. */
const ENTERABLE = INDICATORS.filter((indicator) => indicator.formula === undefined);

export const load = (async (event) => {
  const me = requireAction(event, 'observation.create');
  const api = sessionApi(event);
  const [queue, sources, units] = await Promise.all([
    api.reviews(),
    knownSources(event),
    publicUnits(event.fetch),
  ]);
  const prefill: Record<string, string> = {};
  for (const [name, value] of event.url.searchParams) {
    if ((ENTRY_FIELDS as readonly string[]).includes(name) || name === 'sourceMode') prefill[name] = value;
  }
  const mine = queue.data.filter((o) => o.createdBy === me.user.id);
  const rejections = Object.fromEntries(
    await Promise.all(
      mine
        .filter((o) => o.workflowState === 'rejected')
        .map(async (o) => {
          const history = await api.observationHistory(o.id);
          const reject = history.data.steps.filter((step) => step.event === 'reject').at(-1);
          return [o.id, reject ? { reason: reject.reason, by: reject.actorEmail } : null] as const;
        }),
    ),
  );
  const saved = Number(event.url.searchParams.get('saved'));
  return {
    indicators: ENTERABLE,
    units,
    jurisdictions: jurisdictionsInScope(treeOf(units), me.scope),
    scope: me.scope,
    sources,
    mine,
    rejections,
    others: queue.data.filter((o) => o.createdBy !== me.user.id),
    prefill,
    saved: Number.isInteger(saved) && saved > 0 ? saved : null,
    allowed: me.actions,
  };
}) satisfies PageServerLoad;

export const actions = {
  save: async (event) => {
    const me = requireAction(event, 'observation.create');
    const values = formValues(await event.request.formData());
    const tree = treeOf((await serverApi(event.fetch).jurisdictions()).data.items);
    const errors = checkEntry(values, me.scope, new Date().getUTCFullYear(), tree);
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, message: null });
    const result = await sessionApi(event).createObservation(observationRequest(values));
    if (!result.ok) {
      return failWith(result.problem, { values }, { fieldOf: entryFieldOf, fields: ENTRY_FIELDS });
    }
    redirect(303, localizeHref(`/entry?saved=${result.data.data.id}`));
  },
  ...workflowActions(['submit']),
} satisfies Actions;
