// The desk's learned carrier profiles, kept in the store under one settings key: both backends
// have a settings table, so a team desk on PostgreSQL shares what any of its agents taught, and
// no migration is needed. Teaching is rare (once per carrier layout) and an agent's action, so a
// read-modify-write of the one value is enough; see `teach` for what guards it.
import fs from 'node:fs';
import { DeskError } from '../../shared/errors';
import {
  LEARNED_KEY,
  LearnedCarriersSchema,
  learnCarrier,
  parseLearned,
  type CarrierProfile,
  type LearnResult,
  type TeachInfo,
  type Taught,
} from '../../shared/extract/learn';
import type { PageWords } from '../../shared/domain';
import { dbPath, defaultDataDir } from './paths';
import { databaseUrlFromEnv } from './store/open-store';
import type { Store } from './store/types';
import type { Logger } from './log';

/** The stored profiles; a stored value this version cannot read is refused, never overwritten. */
export async function readProfiles(store: Store): Promise<CarrierProfile[]> {
  const value = await store.getSetting(LEARNED_KEY);
  if (value === null || value === undefined) return [];
  const r = LearnedCarriersSchema.safeParse(value);
  if (!r.success)
    throw new DeskError(
      'CONFLICT',
      `The desk's learned carriers (settings key '${LEARNED_KEY}') are unreadable by this version; nothing was changed.`,
    );
  return r.data.profiles;
}

/**
 * The profiles for reading a bill in a running desk: a bill still reads, the generic way, when
 * they cannot be read, and the log says so.
 */
export async function profilesOrNone(store: Store, log: Pick<Logger, 'warn'>): Promise<CarrierProfile[]> {
  try {
    return await readProfiles(store);
  } catch (err) {
    log.warn('learn.unreadable', { code: err instanceof DeskError ? err.code : 'INTERNAL' });
    return [];
  }
}

async function writeProfiles(store: Store, profiles: CarrierProfile[]): Promise<void> {
  await store.setSetting(LEARNED_KEY, { version: 1, profiles });
}

/** Learns from a bill's words and the agent's right values, and stores the profile. */
export async function teach(
  store: Store,
  pages: PageWords[],
  taught: Taught,
  info: TeachInfo,
  carrierRead: string | null,
): Promise<LearnResult> {
  const profiles = await readProfiles(store);
  let res: LearnResult;
  try {
    res = learnCarrier(pages, taught, profiles, info, carrierRead);
  } catch (err) {
    throw new DeskError('BAD_ARGUMENT', (err as Error).message);
  }
  // A carrier's name alone is worth keeping (its bills then say who they are from), but not as
  // what is left of values the bill does not print.
  if (!res.learned.length || (res.notFound.length && res.learned.every((f) => f === 'carrier')))
    throw new DeskError(
      'BAD_ARGUMENT',
      `Nothing to learn: the taught ${res.notFound.join(', ') || 'values'} ${res.notFound.length > 1 ? 'are' : 'is'} not printed on the bill where a reader finds ${res.notFound.length > 1 ? 'them' : 'it'}`,
    );
  await writeProfiles(store, res.profiles);
  return res;
}

export async function forgetProfile(store: Store, id: string | null): Promise<number> {
  const profiles = await readProfiles(store);
  const kept = id === null ? [] : profiles.filter((p) => p.id !== id);
  if (id !== null && kept.length === profiles.length)
    throw new DeskError('NOT_FOUND', `No learned carrier ${id}; open Settings again to see the list.`);
  await writeProfiles(store, kept);
  return profiles.length - kept.length;
}

/**
 * The profiles for one-shot `desk intake`, which never opens the case store (start-up time):
 * one query on the desk's PostgreSQL when one is configured, else one read-only query on
 * <data>/desk.sqlite when that file exists. A desk whose profiles cannot be read still reads
 * bills, the generic way, and says so on `warn`.
 */
export async function profilesForIntake(
  warn: (s: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CarrierProfile[]> {
  const url = databaseUrlFromEnv(env);
  try {
    if (url) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      await client.connect();
      try {
        const r = await client.query<{ v: string }>('SELECT value::text AS v FROM settings WHERE key = $1', [
          LEARNED_KEY,
        ]);
        return r.rows[0] ? parseLearned(JSON.parse(r.rows[0].v)) : [];
      } finally {
        await client.end();
      }
    }
    const file = dbPath(defaultDataDir(env));
    if (!fs.existsSync(file)) return [];
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 2000');
      const hasTable = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'")
        .pluck()
        .get();
      if (!hasTable) return [];
      const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LEARNED_KEY) as
        string | undefined;
      return v ? parseLearned(JSON.parse(v)) : [];
    } finally {
      db.close();
    }
  } catch (err) {
    warn(`learned carriers not loaded (${(err as Error).message.split('\n')[0]}); reading without them\n`);
    return [];
  }
}
