import { createRoute } from '@hono/zod-openapi';
import {
  methodTexts,
  ProgressQuerySchema,
  ProgressResponseSchema,
  TargetListResponseSchema,
  TargetRequestSchema,
  TargetResponseSchema,
  TargetsQuerySchema,
  assessProgress,
  type JurisdictionId,
  type Locale,
  type Principal,
  type ProgressItem,
  type ProgressResponse,
  type ReleaseId,
} from '@fourp/domain';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { callerOf } from './guard.js';
import { jsonBody, jsonResponse, NOT_MODIFIED, problems } from '../../openapi/responses.js';
import { createRouter } from '../../openapi/router.js';
import { readActuals } from '../../services/published/read.js';
import { memoUntilPublish } from '../../services/published/memo.js';
import { readTargets } from '../../services/published/targets.js';
import { setTarget } from '../../services/target/set.js';
import { requireIndicator, requireJurisdiction } from '../../services/lookup.js';
import { NO_STORE, REVIEWERS, access, type WorkflowDeps } from './shared.js';

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listTargets',
  summary: 'Baselines and targets with their sources',
  ...access('anyone', 'anyone'),
  request: { query: TargetsQuerySchema },
  responses: { 200: jsonResponse(TargetListResponseSchema), ...problems() },
});

const set = createRoute({
  method: 'put',
  path: '/',
  operationId: 'setTarget',
  summary: 'Set the baseline and target of an indicator for a jurisdiction',
  ...access(REVIEWERS),
  request: { body: jsonBody(TargetRequestSchema) },
  responses: { 200: jsonResponse(TargetResponseSchema), ...problems(401, 403, 404) },
});

const progress = createRoute({
  method: 'get',
  path: '/',
  operationId: 'progress',
  summary:
    'Baseline → target → latest published figure and the progress status, with the source of each number; ' +
    'a suppressed latest figure has value null and no status',
  ...access('anyone', 'anyone'),
  request: { query: ProgressQuerySchema },
  responses: { 200: jsonResponse(ProgressResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

export const targetRoutes = (deps: WorkflowDeps) =>
  createRouter()
    .openapi(list, async (c) => {
      const { jurisdiction } = c.req.valid('query');
      const rows = await readTargets(deps, c.var.principal, { jurisdiction });
      return c.json({ data: rows, meta: { count: rows.length } }, 200);
    })
    .openapi(set, async (c) => {
      const target = await setTarget(deps, callerOf(c), c.req.valid('json'));
      return c.json({ data: target }, 200, NO_STORE);
    });

/**
 * Baseline → target → latest published figure for each target of a jurisdiction, with the domain's status. The
 * public's answer is kept (serialised) until the next publish or target change, which moves the publish generation.
 */
export const progressRoutes = (deps: WorkflowDeps) =>
  createRouter().openapi(progress, async (c) => {
    const { jurisdiction, release } = c.req.valid('query');
    requireJurisdiction(jurisdictionTree(deps.db), jurisdiction);
    const { principal, locale } = c.var;
    const answer = async () =>
      JSON.stringify(await progressOf(deps, principal, { jurisdiction, release, locale }));
    const json =
      principal.kind === 'anonymous'
        ? await memoUntilPublish(deps.db, JSON.stringify(['progress', jurisdiction, release, locale]), answer)
        : await answer();
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });

async function progressOf(
  deps: WorkflowDeps,
  principal: Principal | null,
  { jurisdiction, release, locale }: { jurisdiction: JurisdictionId; release?: ReleaseId; locale: Locale },
): Promise<ProgressResponse> {
  const items: ProgressItem[] = [];
  const targets = await readTargets(deps, principal, { jurisdiction });
  const actualsByIndicator = await readActuals(
    deps,
    [...new Set(targets.map((t) => t.indicator))],
    jurisdiction,
    release,
  );
  for (const t of targets) {
    const indicator = requireIndicator(t.indicator);
    const actuals = actualsByIndicator.get(t.indicator) ?? [];
    const latest = actuals.at(-1) ?? null;
    const base = {
      indicator: t.indicator,
      jurisdiction,
      unit: indicator.unit,
      direction: indicator.direction,
      baseline: t.baseline,
      target: t.target,
      latest,
    };
    if (latest === null) {
      items.push({ ...base, status: null, assessment: null, reason: 'No published figure yet.' });
      continue;
    }
    if (t.baseline.value === null) {
      items.push({
        ...base,
        status: null,
        assessment: null,
        reason: 'The baseline is a small count, suppressed to protect victims.',
      });
      continue;
    }
    if (latest.value === null) {
      items.push({
        ...base,
        status: null,
        assessment: null,
        reason: 'The latest figure is a small count, suppressed to protect victims.',
      });
      continue;
    }
    if (indicator.direction === 'neutral') {
      items.push({
        ...base,
        status: null,
        assessment: null,
        reason: 'The indicator has no desired direction.',
      });
      continue;
    }
    const result = assessProgress({
      baseline: { year: t.baseline.year, value: t.baseline.value },
      target: t.target,
      figures: actuals.flatMap((a) => (a.value === null ? [] : [{ year: a.year, value: a.value }])),
      direction: indicator.direction,
      measureType: indicator.measureType,
      ...(indicator.range === undefined ? {} : { range: indicator.range }),
      locale,
    });
    items.push(
      result.ok
        ? { ...base, status: result.value.status, assessment: result.value, reason: null }
        : { ...base, status: null, assessment: null, reason: result.error.message },
    );
  }
  const body: ProgressResponse = {
    data: items,
    meta: { count: items.length, jurisdiction, method: methodTexts(locale).PROGRESS_METHOD },
  };
  return body;
}
