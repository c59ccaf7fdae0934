// Which team desk this desktop app has joined, and the certificate it trusts there: one small
// file in the data folder, written atomically. Absent: the personal desk.
import fs from 'node:fs';
import path from 'node:path';

export interface JoinedTeamDesk {
  origin: string;
  /** The SHA-256 fingerprint the agent accepted; null over loopback HTTP. */
  fingerprint: string | null;
}

export const TEAM_DESK_FILE = 'team-desk.json';

export function readJoinedTeamDesk(dataDir: string): JoinedTeamDesk | null {
  try {
    const v = JSON.parse(
      fs.readFileSync(path.join(dataDir, TEAM_DESK_FILE), 'utf8'),
    ) as Partial<JoinedTeamDesk>;
    if (typeof v.origin !== 'string' || !/^https?:\/\//.test(v.origin)) return null;
    return {
      origin: new URL(v.origin).origin,
      fingerprint: typeof v.fingerprint === 'string' ? v.fingerprint : null,
    };
  } catch {
    return null; // none, or damaged: the personal desk opens, which is always safe
  }
}

export function writeJoinedTeamDesk(dataDir: string, desk: JoinedTeamDesk | null): void {
  const file = path.join(dataDir, TEAM_DESK_FILE);
  if (!desk) {
    fs.rmSync(file, { force: true });
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(desk, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
