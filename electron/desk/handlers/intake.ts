import type { DeskHandlers } from '../../../shared/contract';
import type { intakeChannels } from '../../../shared/channels/intake';
import type { ServiceDeps } from '../service';

// Handlers of the intake channels (see shared/channels/intake.ts).
export function intakeHandlers(_deps: ServiceDeps): Pick<DeskHandlers, keyof typeof intakeChannels> {
  return {};
}
