// Migration 1: the case record, its numbers, documents, the audit trail and comments.
// Never edit a shipped migration: add a new numbered file instead.
export const sql = /* sql */ `
CREATE TABLE cases (
  id              INTEGER PRIMARY KEY,
  account_name    TEXT NOT NULL,
  account_type    TEXT NOT NULL CHECK (account_type IN ('business', 'residential')),
  account_number  TEXT NOT NULL,
  btn             TEXT NOT NULL DEFAULT '',
  -- AES-GCM ciphertext from the SecretBox, never the plaintext PIN.
  pin_enc         TEXT,
  losing_carrier  TEXT NOT NULL,
  wireless        INTEGER NOT NULL DEFAULT 0,
  auth_name       TEXT NOT NULL,
  auth_title      TEXT NOT NULL DEFAULT '',
  auth_email      TEXT NOT NULL DEFAULT '',
  auth_phone      TEXT NOT NULL DEFAULT '',
  svc_line1       TEXT NOT NULL,
  svc_line2       TEXT,
  svc_city        TEXT NOT NULL,
  svc_state       TEXT NOT NULL,
  svc_zip         TEXT NOT NULL,
  new_btn         TEXT,
  foc_date        TEXT,
  foc_time        TEXT,
  flags           TEXT NOT NULL DEFAULT '{}',
  notes           TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'draft',
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
-- The list's sorts and the status filter (status first so a filtered page walks one range).
CREATE INDEX cases_updated ON cases (updated_at, id);
CREATE INDEX cases_status_updated ON cases (status, updated_at, id);
CREATE INDEX cases_name ON cases (account_name COLLATE NOCASE, id);
CREATE INDEX cases_foc ON cases (foc_date, id);

CREATE TABLE numbers (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  number    TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('port', 'keep')),
  kind      TEXT NOT NULL CHECK (kind IN ('local', 'tollfree', 'canadian')),
  e911      TEXT,
  UNIQUE (case_id, number)
);
-- The duplicate-order check looks numbers up across cases.
CREATE INDEX numbers_number ON numbers (number);

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  kind        TEXT NOT NULL CHECK (kind IN ('bill', 'signed_loa', 'loa', 'other')),
  filename    TEXT NOT NULL,
  mime        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  pages       INTEGER,
  created_at  TEXT NOT NULL
);
CREATE INDEX documents_case ON documents (case_id, id);
CREATE INDEX documents_sha ON documents (sha256);

-- The audit trail and the status history: append-only.
CREATE TABLE case_events (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  kind       TEXT NOT NULL,
  field      TEXT,
  old_value  TEXT,
  new_value  TEXT,
  note       TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE comments (
  id       INTEGER PRIMARY KEY,
  case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at       TEXT NOT NULL,
  author   TEXT NOT NULL,
  body     TEXT NOT NULL
);
CREATE INDEX comments_case ON comments (case_id, id);
`;
