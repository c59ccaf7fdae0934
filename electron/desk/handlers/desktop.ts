// The desktop app's team-desk channels. The probe is plain Node; remembering the desk and
// switching the window are the shell's (main injects ServiceDeps.desktop). Other doors have no
// window to switch and say so.
import type { DeskHandlers } from '../../../shared/contract';
import type { desktopChannels } from '../../../shared/channels/desktop';
import { DeskError } from '../../../shared/errors';
import type { ServiceDeps } from '../service';

export function desktopHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof desktopChannels> {
  const shell = () => {
    if (!deps.desktop)
      throw new DeskError(
        'BAD_ARGUMENT',
        'Joining a team desk is done from the desktop app; in a browser, open its address.',
      );
    return deps.desktop;
  };
  return {
    'desktop:teamState': () => ({ available: !!deps.desktop, joined: deps.desktop?.joined() ?? null }),
    'desktop:teamProbe': async ({ url }) => {
      shell();
      const { probeTeamDesk } = await import('../team/probe');
      return probeTeamDesk(url);
    },
    'desktop:teamJoin': async ({ origin, fingerprint }) => {
      const { teamOrigin } = await import('../team/probe');
      await shell().join(teamOrigin(origin).origin, fingerprint);
      return { ok: true as const };
    },
  };
}
