import {
  PROGRESS_METHOD,
  ProgressQuerySchema,
  TargetRequestSchema,
  TargetsQuerySchema,
  assessProgress,
  type ProgressItem,
  type ProgressResponse,
} from '@fourp/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { callerOf } from '../../auth/guard.js';
import { validQuery } from '../../middleware/validate.js';
import { latestPublishedActual, listTargets } from '../../repos/workflow/targets.js';
import { setTarget } from '../../services/target/set.js';
import { requireIndicator, requireJurisdiction } from '../lookup.js';
import { validJson, type WorkflowDeps } from './shared.js';

export const targetRoutes = (deps: WorkflowDeps) =>
  new Hono<AppEnv>()
    .get('/', validQuery(TargetsQuerySchema), async (c) => {
      const { jurisdiction } = c.req.valid('query');
      const rows = await listTargets(deps.db, { jurisdiction });
      return c.json({ data: rows, meta: { count: rows.length } });
    })
    .put('/', validJson(TargetRequestSchema), async (c) => {
      const target = await setTarget(deps, callerOf(c), c.req.valid('json'));
      return c.json({ data: target }, 200, { 'Cache-Control': 'no-store' });
    });

/** Baseline → target → latest published figure for each target of a jurisdiction, with the domain's status. */
export const progressRoutes = ({ db }: WorkflowDeps) =>
  new Hono<AppEnv>().get('/', validQuery(ProgressQuerySchema), async (c) => {
    const { jurisdiction } = c.req.valid('query');
    requireJurisdiction(jurisdiction);
    const items: ProgressItem[] = [];
    for (const t of await listTargets(db, { jurisdiction })) {
      const indicator = requireIndicator(t.indicator);
      const latest = await latestPublishedActual(db, t.indicator, jurisdiction);
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
        baseline: t.baseline,
        target: t.target,
        latest,
        direction: indicator.direction,
      });
      items.push(
        result.ok
          ? { ...base, status: result.value.status, assessment: result.value, reason: null }
          : { ...base, status: null, assessment: null, reason: result.error.message },
      );
    }
    const body: ProgressResponse = {
      data: items,
      meta: { count: items.length, jurisdiction, method: PROGRESS_METHOD },
    };
    return c.json(body);
  });
