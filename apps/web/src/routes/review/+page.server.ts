import {
  ObservationListResponseSchema,
  ReviewQueueResponseSchema,
  detectOutlier,
  type Observation,
  type WorkflowObservation,
} from '@fourp/domain';
import { requireAction, sessionGet } from '$lib/server/session';
import { workflowActions } from '$lib/workflow/transition.server';
import type { Actions, PageServerLoad } from './$types';

const sameCell = (a: Observation, b: WorkflowObservation) =>
  a.definition === b.definition && JSON.stringify(a.disaggregation) === JSON.stringify(b.disaggregation);

type ReviewCheck = {
  previous: { year: number; value: number; source: string } | null;
  outlier: string | null;
};

export const load = (async (event) => {
  const me = requireAction(event, 'observation.approve');
  const [submitted, approved] = await Promise.all([
    sessionGet(event, '/v1/reviews', ReviewQueueResponseSchema, { state: 'submitted' }),
    sessionGet(event, '/v1/reviews', ReviewQueueResponseSchema, { state: 'approved' }),
  ]);
  const figures = [...submitted.data, ...approved.data];
  const cells = [...new Set(figures.map((f) => `${f.indicator}|${f.jurisdiction}`))];
  const published = new Map(
    await Promise.all(
      cells.map(async (cell) => {
        const [indicator, jurisdiction] = cell.split('|') as [string, string];
        const list = await sessionGet(event, '/v1/observations', ObservationListResponseSchema, {
          indicator,
          jurisdiction,
        });
        return [cell, list.data] as const;
      }),
    ),
  );
  const checks: Record<number, ReviewCheck> = {};
  for (const figure of figures) {
    const previous = (published.get(`${figure.indicator}|${figure.jurisdiction}`) ?? [])
      .filter((o) => o.year === figure.year - 1 && o.value !== null && !o.superseded && sameCell(o, figure))
      .at(0);
    const outlier =
      previous?.value != null && figure.value !== null ? detectOutlier(figure.value, previous.value) : null;
    checks[figure.id] = {
      previous:
        previous?.value != null
          ? { year: previous.year, value: previous.value, source: previous.source.title }
          : null,
      outlier: outlier?.message ?? null,
    };
  }
  return { submitted: submitted.data, approved: approved.data, checks, allowed: me.actions, me: me.user.id };
}) satisfies PageServerLoad;

export const actions = workflowActions(['approve', 'reject', 'publish', 'unlock']) satisfies Actions;
