import type { DeskHandlers } from '../../../shared/contract';
import type { settingsChannels } from '../../../shared/channels/settings';
import type { ServiceDeps } from '../service';

// Handlers of the settings channels (see shared/channels/settings.ts).
export function settingsHandlers(_deps: ServiceDeps): Pick<DeskHandlers, keyof typeof settingsChannels> {
  return {};
}
