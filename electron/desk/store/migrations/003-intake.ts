// Migration 3: what bill intake and the check engine store per case, and the settings.
export const sql = /* sql */ `
CREATE TABLE extractions (
  document_id  INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  json         TEXT NOT NULL,
  created_at   TEXT NOT NULL
);

-- The latest check run per case; the list shows its readiness.
CREATE TABLE case_checks (
  case_id      INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  json         TEXT NOT NULL,
  readiness    TEXT NOT NULL CHECK (readiness IN ('blocked', 'warnings', 'ready')),
  computed_at  TEXT NOT NULL
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
`;
