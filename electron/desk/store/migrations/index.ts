// The ordered list of schema migrations. Each is SQL text in a TypeScript module (not a .sql
// file) so it survives bundling with esbuild and asar packaging without any loader or fs path.
import { sql as init } from './001-init';
import { sql as search } from './002-search';
import { sql as intake } from './003-intake';
import { sql as listOrder } from './004-list-order';
import { sql as checksEpoch } from './005-checks-epoch';
import { sql as assignee } from './006-assignee';

export interface Migration {
  /** PRAGMA user_version after this migration ran. Consecutive from 1. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'search', sql: search },
  { version: 3, name: 'intake', sql: intake },
  { version: 4, name: 'list-order', sql: listOrder },
  { version: 5, name: 'checks-epoch', sql: checksEpoch },
  { version: 6, name: 'assignee', sql: assignee },
];

/** The schema version this build of the app writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
