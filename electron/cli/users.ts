// `desk users …`: a team desk's accounts, from the server's terminal. Passwords come on standard
// input (--password-stdin), never as an argument: arguments land in shell history and `ps`.
import type { CliIo } from '../cli';
import { DeskError } from '../../shared/errors';
import { defaultDataDir } from '../desk/paths';
import { databaseUrlFromEnv } from '../desk/store/open-store';
import { parseCli } from './cases';

export const usage = [
  'users add <email> --name "<full name>" --role agent|lead --password-stdin   a team desk agent',
  "  users list [--json]                       the desk's agents, their roles and state",
  '  users disable <email> | users enable <email>',
  '  users reset-password <email> --password-stdin   also unlocks the account and signs it out',
].join('\n');

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  // One line, as `echo pw |` or a password manager's pipe gives it; the newline is not part of it.
  const pw = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (!pw) throw new DeskError('BAD_ARGUMENT', 'No password on standard input (--password-stdin).');
  return pw;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseCli(
    rest,
    {
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    `users ${sub ?? ''}`,
  );
  if (!sub || !['add', 'list', 'disable', 'enable', 'reset-password'].includes(sub))
    throw new DeskError('BAD_ARGUMENT', `Usage: desk ${usage.split('\n')[0]}`);
  const url = databaseUrlFromEnv();
  if (!url)
    throw new DeskError(
      'BAD_ARGUMENT',
      'Accounts belong to a team desk: set PORTING_DESK_DATABASE_URL (or pass --database-url) to its PostgreSQL.',
    );
  const email = positionals[0];
  if (sub !== 'list' && !email)
    throw new DeskError('BAD_ARGUMENT', `desk users ${sub} needs the agent's email.`);
  if ((sub === 'add' || sub === 'reset-password') && !values['password-stdin'])
    throw new DeskError('BAD_ARGUMENT', 'Give the password on standard input with --password-stdin.');
  const password = sub === 'add' || sub === 'reset-password' ? await readPassword() : '';

  const [{ createPg, connectionError }, { migratePg }, { createAccounts }, { fileLogger }] =
    await Promise.all([
      import('../desk/store/postgres/connect'),
      import('../desk/store/postgres/migrate'),
      import('../desk/team/accounts'),
      import('../desk/log'),
    ]);
  const pg = createPg(url, { max: 2 });
  try {
    await migratePg(pg).catch((err: unknown) => {
      throw connectionError(err, url);
    });
    const accounts = createAccounts(pg, fileLogger(defaultDataDir(), { door: 'cli' }));
    if (sub === 'list') {
      const all = await accounts.list();
      if (values.json) io.out(JSON.stringify(all, null, 2) + '\n');
      else {
        io.out(`${'EMAIL'.padEnd(32)} ${'NAME'.padEnd(24)} ${'ROLE'.padEnd(6)} STATE\n`);
        for (const a of all) {
          const state = a.disabled
            ? 'disabled'
            : a.lockedUntil && Date.parse(a.lockedUntil) > Date.now()
              ? `locked until ${a.lockedUntil}`
              : 'active';
          io.out(`${a.email.padEnd(32)} ${a.name.padEnd(24)} ${a.role.padEnd(6)} ${state}\n`);
        }
      }
      return 0;
    }
    if (sub === 'add') {
      const role = values.role ?? 'agent';
      if (role !== 'agent' && role !== 'lead')
        throw new DeskError('BAD_ARGUMENT', `--role must be agent or lead, not '${role}'.`);
      if (!values.name) throw new DeskError('BAD_ARGUMENT', 'desk users add needs --name "<full name>".');
      const a = await accounts.add({ email: email!, name: values.name, role, password });
      io.out(`Added ${a.name} <${a.email}> as ${a.role === 'lead' ? 'a lead' : 'an agent'}.\n`);
    } else if (sub === 'disable') {
      const a = await accounts.disable(email!);
      io.out(`Disabled ${a.email}; their sessions are ended.\n`);
    } else if (sub === 'enable') {
      const a = await accounts.enable(email!);
      io.out(`Enabled ${a.email}.\n`);
    } else {
      const a = await accounts.resetPassword(email!, password);
      io.out(`New password set for ${a.email}; the account is unlocked and its sessions are ended.\n`);
    }
    return 0;
  } finally {
    await pg.end();
  }
}
