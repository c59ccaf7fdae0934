// The team channels on a personal desk: it has no accounts, so it says so. The team host
// replaces these with the real ones (electron/host/team.ts) for signed-in agents.
import type { DeskHandlers } from '../../../shared/contract';
import type { teamChannels } from '../../../shared/channels/team';
import { DeskError } from '../../../shared/errors';

const personal = () => {
  throw new DeskError(
    'BAD_ARGUMENT',
    'This is a personal desk: it has no accounts. A team desk runs with `desk host --team` on PostgreSQL.',
  );
};

export function personalTeamHandlers(): Pick<DeskHandlers, keyof typeof teamChannels> {
  return {
    'session:me': () => ({ team: false, user: null }),
    'users:directory': () => [],
    'users:list': personal,
    'users:add': personal,
    'users:disable': personal,
    'users:enable': personal,
    'users:resetPassword': personal,
    'presence:set': () => ({ ok: true as const, viewers: [] }),
  };
}
