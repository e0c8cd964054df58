import {
  PROGRESS_METHOD,
  ProgressQuerySchema,
  TargetRequestSchema,
  TargetsQuerySchema,
  assessProgress,
  type ProgressItem,
  type ProgressResponse,
  type Target,
} from '@fourp/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { actorOf, requireAllowed, requireUser } from '../../auth/guard.js';
import { ApiError } from '../../errors.js';
import { validQuery } from '../../middleware/validate.js';
import { appendAudit } from '../../repos/workflow/audit.js';
import { findSource } from '../../repos/sources.js';
import { findOrCreateSource } from '../../repos/workflow/observations.js';
import { latestPublishedActual, listTargets, upsertTarget } from '../../repos/workflow/targets.js';
import { inTransaction } from '../../repos/workflow/transaction.js';
import type { Db } from '../../db/client.js';
import { requireIndicator, requireJurisdiction } from '../lookup.js';
import { validJson, type WorkflowDeps } from './shared.js';

async function sourceIdFor(
  db: Db,
  evidence: { sourceId?: number | undefined; source?: Parameters<typeof findOrCreateSource>[1] | undefined },
  path: string,
) {
  if (evidence.sourceId === undefined) return (await findOrCreateSource(db, evidence.source!)).source.id;
  if (!(await findSource(db, evidence.sourceId))) {
    throw new ApiError('unknown_source', `There is no source ${evidence.sourceId}.`, [
      { path: `${path}.sourceId`, message: `There is no source ${evidence.sourceId}.` },
    ]);
  }
  return evidence.sourceId;
}

const targetView = (t: Target | undefined) =>
  t && {
    baseline: { year: t.baseline.year, value: t.baseline.value, sourceId: t.baseline.source?.id ?? null },
    target: { year: t.target.year, value: t.target.value, sourceId: t.target.source?.id ?? null },
    note: t.note,
  };

export const targetRoutes = ({ db, now }: WorkflowDeps) =>
  new Hono<AppEnv>()
    .get('/', validQuery(TargetsQuerySchema), async (c) => {
      const { jurisdiction } = c.req.valid('query');
      const rows = await listTargets(db, { jurisdiction });
      return c.json({ data: rows, meta: { count: rows.length } });
    })
    .put('/', validJson(TargetRequestSchema), async (c) => {
      requireUser(c);
      const body = c.req.valid('json');
      const indicator = requireIndicator(body.indicator);
      requireJurisdiction(body.jurisdiction);
      const principal = requireAllowed(c, 'target.set', { jurisdictionId: body.jurisdiction });
      if (indicator.direction === 'neutral') {
        throw new ApiError(
          'validation_failed',
          `${indicator.id} has no desired direction, so it cannot have a target.`,
          [{ path: 'indicator', message: 'a neutral indicator cannot have a target' }],
        );
      }
      const at = now();
      const [before] = await listTargets(db, { jurisdiction: body.jurisdiction, indicator: body.indicator });
      const id = await inTransaction(db, async (tx) => {
        const baselineSourceId = await sourceIdFor(tx, body.baseline, 'baseline');
        const targetSourceId = await sourceIdFor(tx, body.target, 'target');
        const saved = await upsertTarget(
          tx,
          {
            indicator: body.indicator,
            jurisdiction: body.jurisdiction,
            baseline: { year: body.baseline.year, value: body.baseline.value, sourceId: baselineSourceId },
            target: { year: body.target.year, value: body.target.value, sourceId: targetSourceId },
            note: body.note,
            setBy: principal.userId,
          },
          at,
        );
        await appendAudit(
          tx,
          actorOf(c),
          {
            action: 'target.set',
            entityType: 'target',
            entityId: saved,
            jurisdictionId: body.jurisdiction,
            oldValue: targetView(before) ?? null,
            newValue: {
              indicator: body.indicator,
              baseline: { year: body.baseline.year, value: body.baseline.value, sourceId: baselineSourceId },
              target: { year: body.target.year, value: body.target.value, sourceId: targetSourceId },
              note: body.note,
            },
          },
          at,
        );
        return saved;
      });
      const [saved] = (
        await listTargets(db, { jurisdiction: body.jurisdiction, indicator: body.indicator })
      ).filter((t) => t.id === id);
      return c.json({ data: saved! }, 200, { 'Cache-Control': 'no-store' });
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
