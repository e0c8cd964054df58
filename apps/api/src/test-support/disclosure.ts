import {
  ObservationListResponseSchema,
  perModesOf,
  findIndicator,
  WorkflowObservationResponseSchema,
} from '@fourp/domain';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { PublicFigure } from './attacker.js';
import { json, type TestUser, type WorkflowTestApp } from './workflow.js';

export type Entry = {
  indicator: string;
  jurisdiction: string;
  year: number;
  yearEnd?: number;
  disaggregation?: Record<string, string>;
  value: number;
  source?: string;
};

const sourceOf = (title = 'District police annual report') => ({
  title,
  publisher: 'Punjab Police, Gujrat',
  year: 2024,
  locator: 'table 4',
  kind: 'primary' as const,
});

/** Enters each figure as the district official, submits it, and has two reviewers approve and publish it. */
export async function publishThroughApi(t: WorkflowTestApp, entries: readonly Entry[]): Promise<number[]> {
  const ids: number[] = [];
  const call = async (path: string, who: TestUser, body: unknown) => {
    const res = await t.app.request(path, json(who.bearer, body));
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return res;
  };
  for (const { source, ...entry } of entries) {
    const created = await call('/v1/observations', t.official, {
      ...entry,
      source: sourceOf(source),
      comment: 'checked against the register',
    });
    const { id } = WorkflowObservationResponseSchema.parse(await created.json()).data;
    await call(`/v1/observations/${id}/submit`, t.official, {});
    await call(`/v1/observations/${id}/approve`, t.reviewer, {});
    await call(`/v1/observations/${id}/publish`, t.reviewer2, {});
    ids.push(id);
  }
  return ids;
}

/** `rates`: per-100k rates compare computed from a count, by the count's id. */
export type Reading = { figures: PublicFigure[]; rates: Map<number, number> };
type Point = { year: number; value: number | null };
type Scope = { indicator: string; jurisdictions: readonly string[]; years: readonly number[] };

/**
 * What `headers` (anonymous, a donor) reads about the scope through every public route: observations JSON and
 * CSV, compare, coverage, progress and targets, scorecard, sources, and for a signed-in reader figure history
 * and the audit CSV. Each figure carries the value any route revealed.
 */
export async function readEveryRoute(
  t: WorkflowTestApp,
  headers: Record<string, string>,
  scopes: readonly Scope[],
): Promise<Reading> {
  const texts: string[] = [];
  const revealed = new Map<number, number>();
  const rates = new Map<number, number>();
  const reveal = (id: unknown, value: unknown) => {
    if (typeof id === 'number' && typeof value === 'number') revealed.set(id, value);
  };
  const get = async (path: string) => {
    const res = await t.app.request(path, { headers });
    const text = await res.text();
    expect(res.status, `${path}: ${text}`).toBe(200);
    texts.push(text);
    return text;
  };
  const figures = new Map<number, PublicFigure>();
  const cellPoints: { indicator: string; jurisdiction: string; point: Point }[] = [];
  const walk = (value: unknown, visit: (o: Record<string, unknown>) => void) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
    else if (value !== null && typeof value === 'object') {
      visit(value as Record<string, unknown>);
      Object.values(value).forEach((v) => walk(v, visit));
    }
  };

  for (const { indicator, jurisdictions, years } of scopes) {
    for (const jurisdiction of jurisdictions) {
      const query = `indicator=${indicator}&jurisdiction=${jurisdiction}`;
      const list = ObservationListResponseSchema.parse(JSON.parse(await get(`/v1/observations?${query}`)));
      for (const o of list.data) {
        figures.set(o.id, {
          id: o.id,
          indicator: o.indicator,
          definition: o.definition,
          jurisdiction: o.jurisdiction,
          year: o.year,
          yearEnd: o.yearEnd,
          disaggregation: o.disaggregation,
          value: o.value,
        });
      }
      const rows = parse(await get(`/v1/observations?${query}&format=csv`), { columns: true }) as Record<
        string,
        string
      >[];
      for (const row of rows) if (row.value !== '') reveal(Number(row.id), Number(row.value));

      for (const per of perModesOf(findIndicator(indicator)!)) {
        const compare = JSON.parse(
          await get(`/v1/compare?indicator=${indicator}&base=${jurisdiction}&with=IT&per=${per}`),
        );
        walk(compare, (o) => {
          reveal(o.observationId, o.rawValue);
          if (per === '100k' && typeof o.observationId === 'number' && typeof o.value === 'number') {
            rates.set(o.observationId, o.value);
          }
        });
      }
      for (const path of [
        `/v1/progress?jurisdiction=${jurisdiction}`,
        `/v1/targets?jurisdiction=${jurisdiction}`,
      ]) {
        walk(JSON.parse(await get(path)), (o) => {
          if (o.indicator !== indicator) return;
          reveal((o.latest as { observationId?: unknown } | null)?.observationId, (o.latest as Point)?.value);
          for (const key of ['baseline', 'target'] as const) {
            const point = o[key] as Point | undefined;
            if (point) cellPoints.push({ indicator, jurisdiction, point });
          }
        });
      }
      for (const year of years) {
        walk(JSON.parse(await get(`/v1/scorecard?jurisdiction=${jurisdiction}&year=${year}`)), (o) => {
          if (o.indicator === indicator && o.basis) {
            cellPoints.push({ indicator, jurisdiction, point: o.basis as Point });
          }
        });
      }
    }
  }
  await get('/v1/coverage');
  const sourceIds = new Set<number>();
  for (const text of texts)
    walk(JSON.parse(text.startsWith('{') ? text : '{}'), (o) => {
      const source = o.source as { id?: unknown } | undefined;
      if (typeof source?.id === 'number') sourceIds.add(source.id);
    });
  for (const id of sourceIds) {
    walk(JSON.parse(await get(`/v1/sources/${id}`)), (o) => {
      if (typeof o.id === 'number' && 'indicator' in o) reveal(o.id, o.value);
    });
  }
  if ('Authorization' in headers) {
    for (const id of figures.keys()) {
      const history = JSON.parse(await get(`/v1/observations/${id}/history`));
      reveal(id, history.data.observation.value);
      for (const revision of history.data.revisions) reveal(id, revision.newValue);
    }
    const audit = parse(await get('/v1/audit.csv'), { columns: true }) as Record<string, string>[];
    for (const row of audit) {
      if (row.entity_type !== 'observation' || row.new_value === '') continue;
      reveal(Number(row.entity_id), (JSON.parse(row.new_value!) as { value?: unknown }).value);
    }
  }

  const shown = [...figures.values()].map((f) => ({ ...f, value: f.value ?? revealed.get(f.id) ?? null }));
  for (const { indicator, jurisdiction, point } of cellPoints) {
    if (point.value === null) continue;
    for (const f of shown) {
      const annualTotal = f.year === point.year && f.yearEnd === point.year;
      if (f.indicator === indicator && f.jurisdiction === jurisdiction && annualTotal) {
        if (Object.keys(f.disaggregation).length === 0 && f.value === null) f.value = point.value;
      }
    }
  }
  return { figures: shown, rates };
}
