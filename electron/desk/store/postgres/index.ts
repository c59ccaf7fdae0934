// Opening a desk's PostgreSQL store: connect, refuse what is not ours or too new, migrate, and
// check that this host holds the desk's secret key before anything is written with it.
import { DeskError } from '../../../../shared/errors';
import type { SecretBox } from '../../secrets';
import type { Store } from '../types';
import { connectionError, createPg, redactUrl, type Pg, type PgOptions } from './connect';
import { assertOpenablePg, migratePg } from './migrate';
import { PG_SCHEMA_VERSION } from './migrations';
import { createPgStore } from './store';

export { redactUrl } from './connect';
export { PG_SCHEMA_VERSION } from './migrations';

export interface PgStoreOptions extends PgOptions {
  secrets?: SecretBox;
  /** Apply pending migrations (default). false: the schema must already be current (db info). */
  migrate?: boolean;
}

const KEY_CHECK = 'porting-desk key check v1';

/**
 * PINs are encrypted with a key kept outside the database (secret.key beside each host). Every
 * host of one desk must hold the same key, or the PINs one writes are unreadable to the others:
 * the first host to open the desk leaves a value encrypted with its key, and a host with another
 * key is refused with the fix, before it writes anything.
 */
async function assertDeskKey(pg: Pg, secrets: SecretBox): Promise<void> {
  await pg.query("INSERT INTO desk_meta (key, value) VALUES ('key_check', $1) ON CONFLICT (key) DO NOTHING", [
    secrets.encrypt(KEY_CHECK),
  ]);
  const r = await pg.query<{ value: string }>("SELECT value FROM desk_meta WHERE key = 'key_check'");
  let ok = false;
  try {
    ok = secrets.decrypt(r.rows[0]!.value) === KEY_CHECK;
  } catch {
    ok = false;
  }
  if (!ok)
    throw new DeskError(
      'BAD_ARGUMENT',
      `This machine's secret.key is not the key of the desk at ${redactUrl(pg.url)}, so it could not read the port-out PINs. ` +
        'Copy the desk’s secret.key into this data folder (or set PORTING_DESK_KEY_FILE to it) and start again.',
    );
}

export async function openPostgresStore(url: string, opts: PgStoreOptions = {}): Promise<Store> {
  const pg = createPg(url, opts);
  try {
    // The first query tells a wrong password or a missing database apart from a slow server.
    await pg.query('SELECT 1').catch((err: unknown) => {
      throw connectionError(err, url);
    });
    if (opts.migrate === false) {
      const v = await assertOpenablePg(pg);
      if (v !== PG_SCHEMA_VERSION)
        throw new DeskError(
          'BAD_INPUT_FILE',
          `The desk database at ${redactUrl(url)} is at schema ${v}; run \`desk db migrate\` to bring it to ${PG_SCHEMA_VERSION}.`,
        );
    } else {
      await migratePg(pg);
    }
    if (opts.secrets && opts.migrate !== false) await assertDeskKey(pg, opts.secrets);
    return createPgStore(pg, opts.secrets);
  } catch (err) {
    await pg.end().catch(() => {});
    throw err;
  }
}
