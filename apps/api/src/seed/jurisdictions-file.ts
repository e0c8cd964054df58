import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createJurisdictionTree,
  JurisdictionFileSchema,
  jurisdictionIssues,
  unitsOfFile,
  type JurisdictionFile,
  type JurisdictionTree,
} from '@fourp/domain';

/** src/seed and dist/seed both sit two levels below apps/api, where the seed data lives. */
export const JURISDICTIONS_JSON_PATH = fileURLToPath(
  new URL('../../seed/jurisdictions.json', import.meta.url),
);

/** Reads and checks the versioned jurisdictions file; throws, naming every problem, when it is not a sound tree. */
export function readJurisdictionFile(path: string = JURISDICTIONS_JSON_PATH): JurisdictionFile {
  const file = JurisdictionFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const unknownKeys = file.units.flatMap((unit) =>
    [unit.source, ...unit.parents.map((p) => p.source)]
      .filter((key): key is string => key !== null && !(key in file.sources))
      .map((key) => `${unit.id}: unknown source ${key}`),
  );
  const issues = [
    ...unknownKeys,
    ...jurisdictionIssues(unitsOfFile(file)).map((issue) => `${issue.id} ${issue.path}: ${issue.message}`),
  ];
  if (issues.length > 0) throw new Error(`${path} is not a sound jurisdiction tree:\n${issues.join('\n')}`);
  return file;
}

/** The tree of the file's units alone (without units an admin added to a database). */
export function jurisdictionTreeOfFile(file: JurisdictionFile = readJurisdictionFile()): JurisdictionTree {
  return createJurisdictionTree(unitsOfFile(file));
}
