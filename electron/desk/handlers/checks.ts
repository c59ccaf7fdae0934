import type { DeskHandlers } from '../../../shared/contract';
import type { checksChannels } from '../../../shared/channels/checks';
import type { ServiceDeps } from '../service';

// Handlers of the checks channels (see shared/channels/checks.ts).
export function checksHandlers(_deps: ServiceDeps): Pick<DeskHandlers, keyof typeof checksChannels> {
  return {};
}
