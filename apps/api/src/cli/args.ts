import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Same default as the server: apps/api/data/fourp.db, two levels above dist/cli. */
export const databasePath = () =>
  process.env.DATABASE_PATH ?? fileURLToPath(new URL('../../data/fourp.db', import.meta.url));

/** A path the user typed, relative to where they ran pnpm (pnpm runs scripts in the package folder). */
export const userPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

export class UsageError extends Error {}

/** The command-line arguments, without the `--` that `pnpm run x -- --flag` may pass through. */
export const cliArgs = () => process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));

/** The command's options, parsed strictly; an unknown or malformed option is a UsageError followed by `usage`. */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(
  options: O,
  usage: string,
): ReturnType<typeof parseArgs<{ args: string[]; strict: true; options: O }>>['values'] {
  try {
    return parseArgs({ args: cliArgs(), strict: true, options }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** Runs a CLI main: usage problems exit 2, other failures exit 1, both with the message on stderr. */
export function runCli(main: () => Promise<void>) {
  main().then(
    () => process.exit(),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
