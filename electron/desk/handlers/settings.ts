import type { DeskHandlers } from '../../../shared/contract';
import type { settingsChannels } from '../../../shared/channels/settings';
import type { ServiceDeps } from '../service';
import { readSettings, smtpPassword, writeSettings } from '../packet/settings-store';

// Handlers of the settings channels (see shared/channels/settings.ts). The SMTP password goes in
// encrypted and never comes back out: settings:get reports only whether one is stored.
export function settingsHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof settingsChannels> {
  return {
    'settings:get': () => readSettings(deps.store),
    'settings:set': (patch) => writeSettings(deps.store, deps.secrets, patch),
    'settings:testSmtp': async () => {
      const s = readSettings(deps.store).email.smtp;
      try {
        const { verifySmtp } = await import('../packet/smtp'); // nodemailer loads only when asked
        const message = await verifySmtp({ ...s, password: smtpPassword(deps.store, deps.secrets) });
        return { ok: true, message };
      } catch (err) {
        return { ok: false, message: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
