// Migration 5: a check report is only as current as the other open cases it compared against.
// Every write that adds, drops or reopens a number bumps checks_epoch on each case holding that
// number; a stored report remembers the epoch it was computed at, so a report made before a
// colleague's case took the same number reads as out of date and is run again (the duplicate-
// order rule holds even when two agents save the same number at once).
export const sql = /* sql */ `
ALTER TABLE cases ADD COLUMN checks_epoch INTEGER NOT NULL DEFAULT 0;
-- Reports stored before this migration match no epoch, so they are re-run once.
ALTER TABLE case_checks ADD COLUMN epoch INTEGER NOT NULL DEFAULT -1;
`;
