// Handlers of the inbox channels (shared/channels/inbox.ts) over the desk's Inbox (inbox/inbox.ts).
import type { DeskHandlers } from '../../../shared/contract';
import type { inboxChannels } from '../../../shared/channels/inbox';
import { DeskError } from '../../../shared/errors';
import type { ServiceDeps } from '../service';

export function inboxHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof inboxChannels> {
  const inbox = () => {
    if (!deps.inbox)
      throw new DeskError(
        'BAD_ARGUMENT',
        'This door of the desk does not watch a folder (the desktop app and the host do)',
      );
    return deps.inbox;
  };
  return {
    'inbox:list': () => inbox().view(),
    'inbox:setFolder': ({ folder }) => inbox().setFolder(folder),
    'inbox:done': async ({ id, caseId }) => {
      if (caseId !== null) await deps.store.getCase(caseId); // NOT_FOUND for a case that is not there
      return caseId === null ? inbox().mark(id, { dismissed: true }) : inbox().mark(id, { caseId });
    },
  };
}
