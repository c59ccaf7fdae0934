import type { DeskHandlers } from '../../../shared/contract';
import type { settingsChannels } from '../../../shared/channels/settings';
import type { ServiceDeps } from '../service';
import fs from 'node:fs';
import path from 'node:path';
import { readSettings, smtpPassword, writeSettings } from '../packet/settings-store';
import { backupName, backupsDir, keepCount, listBackups, prune } from '../backups';
import { getDownload, registerDownload } from '../downloads';
import { DeskError } from '../../../shared/errors';
import { PG_BACKUP_ADVICE, PG_RESTORE_ADVICE } from '../store/rules';

// Handlers of the settings channels (see shared/channels/settings.ts). The SMTP password goes in
// encrypted and never comes back out: settings:get reports only whether one is stored.
export function settingsHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof settingsChannels> {
  // A backup leaves the machine only as a download the agent asked for (browser door) or a file
  // in the data folder (desktop): never by a path the page chose.
  const describe = (file: string, at: number) => ({
    file,
    at: new Date(at).toISOString(),
    bytes: fs.statSync(file).size,
    downloadId: registerDownload(file, path.basename(file), 'application/vnd.sqlite3'),
  });
  return {
    'data:info': async () => {
      const info = await deps.store.info();
      return {
        dataDir: deps.dataDir,
        backend: info.backend,
        location: info.location,
        dbBytes: info.bytes,
        // A PostgreSQL desk is backed up with pg_dump on its server, never into this folder.
        backups:
          info.backend === 'sqlite' ? listBackups(deps.dataDir).map((b) => describe(b.file, b.at)) : [],
      };
    },
    'data:backup': async () => {
      if (deps.store.backend !== 'sqlite') throw new DeskError('BAD_ARGUMENT', PG_BACKUP_ADVICE);
      const now = new Date();
      fs.mkdirSync(backupsDir(deps.dataDir), { recursive: true, mode: 0o700 });
      const file = path.join(backupsDir(deps.dataDir), backupName(now));
      await deps.store.backup(file);
      prune(deps.dataDir, await keepCount(deps.store));
      return describe(file, now.getTime());
    },
    // Only a backup this desk listed (by its random id, never a path from the page) can be restored.
    'data:restore': async ({ downloadId }) => {
      if (deps.store.backend !== 'sqlite') throw new DeskError('BAD_ARGUMENT', PG_RESTORE_ADVICE);
      const entry = getDownload(downloadId);
      const dir = path.resolve(backupsDir(deps.dataDir));
      if (!entry || path.dirname(path.resolve(entry.filePath)) !== dir)
        throw new DeskError(
          'NOT_FOUND',
          'That backup is no longer listed; open Settings again and pick one.',
        );
      const keptAs = path.join(
        dir,
        `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`,
      );
      const { cases } = await deps.store.restoreFrom(entry.filePath, keptAs);
      deps.log.info('data.restore', { cases });
      return { cases, keptAs };
    },
    'settings:get': () => readSettings(deps.store),
    'settings:set': (patch) => writeSettings(deps.store, deps.secrets, patch),
    'settings:testSmtp': async () => {
      const s = (await readSettings(deps.store)).email.smtp;
      try {
        const { verifySmtp } = await import('../packet/smtp'); // nodemailer loads only when asked
        const message = await verifySmtp({ ...s, password: await smtpPassword(deps.store, deps.secrets) });
        return { ok: true, message };
      } catch (err) {
        return { ok: false, message: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
