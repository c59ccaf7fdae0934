import type { DeskHandlers } from '../../../shared/contract';
import type { packetChannels } from '../../../shared/channels/packet';
import type { ServiceDeps } from '../service';

// Handlers of the packet channels (see shared/channels/packet.ts).
export function packetHandlers(_deps: ServiceDeps): Pick<DeskHandlers, keyof typeof packetChannels> {
  return {};
}
