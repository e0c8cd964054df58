import type { Problem } from '@fourp/domain';

/** One refused row of a unit import as the page lists it: the data row (the first after the header is 1), field, why. */
export type UnitIssue = { row: number | null; field: string; message: string };

const ROW_PATH = /^rows\[(\d+)\]\.?(.*)$/;
const ROW_PREFIX = /^row \d+, [^:]+: /;

/** A refused unit import's `errors[]` by row and field; an issue outside the rows keeps its path as the field. */
export function unitIssuesOf(problem: Pick<Problem, 'errors'>): UnitIssue[] {
  return (problem.errors ?? []).map((e) => {
    const message = e.message.replace(ROW_PREFIX, '');
    const match = ROW_PATH.exec(e.path);
    if (!match) return { row: null, field: e.path, message };
    return { row: Number(match[1]), field: match[2] || '—', message };
  });
}
