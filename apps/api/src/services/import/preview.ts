import { DEFAULT_LOCALE, type ImportReport } from '@fourp/domain';
import { planImport } from '../../import/plan.js';
import { jurisdictionTree } from '../../repos/jurisdictions.js';
import { permit, type Caller, type ServiceDeps } from '../caller.js';
import { readImport, reportOf, type ImportInput } from './read.js';

/** Checks the file against the database and reports what an import would do, errors included; writes nothing. */
export async function previewImport(
  { db, now }: ServiceDeps,
  { principal, locale = DEFAULT_LOCALE }: Caller,
  input: ImportInput,
): Promise<ImportReport> {
  permit(principal, 'import.run');
  const options = { principal, now: now(), tree: jurisdictionTree(db), locale };
  const parsed = await readImport(input, options);
  const plan = await planImport(db, parsed.checked, options);
  return reportOf(parsed, plan, true, null);
}
