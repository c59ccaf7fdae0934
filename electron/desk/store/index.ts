// The case store. Import from here only: the rest of the folder is the SQLite implementation.
export type {
  Store,
  ListQuery,
  Readiness,
  DocumentKind,
  DocumentInput,
  DocumentRecord,
  EventInput,
  StoredChecks,
  StaleBill,
  DuplicateHit,
  Workload,
  StoreBackend,
  StoreInfo,
} from './types';
export { DOCUMENT_KINDS } from './types';
export { openStore, type StoreOptions } from './sqlite-store';
export { openDeskStore, databaseUrlFromEnv, DATABASE_URL_ENV, type OpenStoreOptions } from './open-store';
export { inspectDatabase, APPLICATION_ID } from './open';
export { SCHEMA_VERSION } from './migrations';
export { PIN_MASK } from './diff';
