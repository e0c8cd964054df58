import { INDICATORS } from '@fourp/domain';
import Database from 'better-sqlite3';
import { SYNTHETIC_SOURCE } from './scale-data.js';

const TARGET_YEAR = 2030;
/** Punjab and the levels officials set targets for: its divisions and districts (tehsils have none). */
const TARGETED_KINDS = ['province', 'division', 'district'];

/**
 * Gives the scale database targets to measure `/v1/progress` against (without any, progress answers an empty
 * list): for Punjab, each division and each district, every directional indicator it holds figures of, a baseline
 * read from its earliest synthetic annual total and a target 20 % better by 2030, all under the SYNTHETIC source. Does
 * nothing when the database already has targets. Returns how many targets it holds.
 */
export function ensureScaleTargets(path: string): number {
  const sqlite = new Database(path);
  try {
    const held = (sqlite.prepare('select count(*) as n from targets').get() as { n: number }).n;
    if (held > 0) return held;
    const source = sqlite
      .prepare('select id from sources where title = ? and publisher = ?')
      .get(SYNTHETIC_SOURCE.title, SYNTHETIC_SOURCE.publisher) as { id: number } | undefined;
    if (source === undefined) throw new Error('the scale database has no synthetic source');
    const baselines = sqlite.prepare(
      `select o.indicator_id as indicator, o.jurisdiction_id as jurisdiction, min(o.year) as year, o.value as value
       from observations o join jurisdictions j on j.id = o.jurisdiction_id
       where o.workflow_state = 'published' and o.source_id = ? and o.disaggregation = '{}'
         and o.year_end = o.year and o.superseded_by is null
         and j.kind in (${TARGETED_KINDS.map(() => '?').join(', ')})
       group by o.indicator_id, o.jurisdiction_id`, // SQLite: value is read from the row of min(year)
    );
    const insert = sqlite.prepare(
      `insert into targets (indicator_id, jurisdiction_id, baseline_year, baseline_value, target_year,
         target_value, source_id, note, set_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, 'SYNTHETIC', 'bench:scale', ?)`,
    );
    const catalogue = new Map(INDICATORS.map((i) => [i.id, i]));
    const now = new Date().toISOString();
    let inserted = 0;
    sqlite.transaction(() => {
      const rows = baselines.all(source.id, ...TARGETED_KINDS) as {
        indicator: string;
        jurisdiction: string;
        year: number;
        value: number;
      }[];
      for (const { indicator, jurisdiction, year, value } of rows) {
        const found = catalogue.get(indicator);
        if (found === undefined || found.direction === 'neutral') continue;
        const better = Math.round(value * (found.direction === 'higher_is_better' ? 1.2 : 0.8));
        const target = found.range === undefined ? better : Math.min(found.range.max, better);
        insert.run(indicator, jurisdiction, year, value, TARGET_YEAR, target, source.id, now);
        inserted += 1;
      }
    })();
    return inserted;
  } finally {
    sqlite.close();
  }
}
