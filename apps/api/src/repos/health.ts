import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { indicators, jurisdictions, measureAssessments, sources } from '../db/schema.js';
import { countObservations } from './observations.js';

export type DatabaseCounts = {
  observations: number;
  publishedObservations: number;
  sources: number;
  jurisdictions: number;
  indicators: number;
  measureAssessments: number;
};

export async function countRecords(db: Db): Promise<DatabaseCounts> {
  const rows = async (
    table: typeof sources | typeof indicators | typeof jurisdictions | typeof measureAssessments,
  ) => {
    const [row] = await db.select({ n: count() }).from(table);
    return row?.n ?? 0;
  };
  const [obs, sourceCount, jurisdictionCount, indicatorCount, assessmentCount] = await Promise.all([
    countObservations(db),
    rows(sources),
    rows(jurisdictions),
    rows(indicators),
    rows(measureAssessments),
  ]);
  return {
    observations: obs.all,
    publishedObservations: obs.published,
    sources: sourceCount,
    jurisdictions: jurisdictionCount,
    indicators: indicatorCount,
    measureAssessments: assessmentCount,
  };
}
