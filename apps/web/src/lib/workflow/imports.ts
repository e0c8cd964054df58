import type { ImportIssue, Problem } from '@fourp/domain';

/** An import problem as the page lists it; `row` is null when the problem is not in one row of the file. */
export type FileIssue = Omit<ImportIssue, 'row'> & { row: number | null };

/** A refused import's `errors[]` by row and column (the header being row 1); other issues name their parameter. */
export function importIssuesOf(problem: Pick<Problem, 'errors'>): FileIssue[] {
  return (problem.errors ?? []).map((e) => ({
    row: e.row ?? null,
    column: e.column ?? e.path,
    message: e.message,
  }));
}

/** Issues in file order: by row (issues without one first), then column. */
export const byRow = (a: FileIssue, b: FileIssue) =>
  (a.row ?? 0) - (b.row ?? 0) || a.column.localeCompare(b.column);
