import { ROLES, RoleSchema } from '@fourp/domain';
import { ApiError } from '../errors.js';
import { createUser } from '../services/user/create.js';
import { UsageError, databasePath, parseOptions, runCli } from './args.js';
import { openAsOperator } from './operator.js';

const USAGE =
  'Usage: pnpm --filter @fourp/api user:create --email name@example.org --role <role> [--jurisdiction PK-PB-GUJRAT] [--name "Full name"]\n' +
  `Roles: ${ROLES.join(', ')}. The password is asked twice, or read from FOURP_PASSWORD.`;

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY)
    return Promise.reject(new UsageError('No terminal to ask for the password on: set FOURP_PASSWORD.'));
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('Cancelled.'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  if (process.env.FOURP_PASSWORD !== undefined) return process.env.FOURP_PASSWORD;
  const first = await promptHidden('Password (at least 12 characters): ');
  const second = await promptHidden('Password again: ');
  if (first !== second) throw new UsageError('The two passwords differ.');
  return first;
}

async function main() {
  const args = parseOptions(
    {
      email: { type: 'string' },
      role: { type: 'string' },
      jurisdiction: { type: 'string' },
      name: { type: 'string' },
    },
    USAGE,
  );
  if (!args.email || !args.role) throw new UsageError(`--email and --role are required.\n${USAGE}`);
  const role = RoleSchema.safeParse(args.role);
  if (!role.success) throw new UsageError(`Unknown role "${args.role}"; use one of ${ROLES.join(', ')}.`);
  const password = await readPassword();
  const { db, close, operator } = openAsOperator(databasePath());
  try {
    const user = await createUser({ db, now: () => new Date() }, operator, {
      email: args.email,
      password,
      role: role.data,
      jurisdictionId: args.jurisdiction ?? null,
      displayName: args.name ?? null,
    });
    const scope = user.jurisdictionId ? ` for ${user.jurisdictionId}` : '';
    process.stdout.write(`Created ${user.role} account ${user.email}${scope} (id ${user.id}).\n`);
  } catch (error) {
    if (error instanceof ApiError) throw new Error(`Not created: ${error.message}`, { cause: error });
    throw error;
  } finally {
    close();
  }
}

runCli(main);
