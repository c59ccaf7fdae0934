import type { DeskHandlers } from '../../../shared/contract';
import type { learnChannels } from '../../../shared/channels/learn';
import type { CarrierProfile } from '../../../shared/extract/learn';
import type { ServiceDeps } from '../service';
import { forgetProfile, readProfiles } from '../learned';

// Handlers of the learned-carrier channels (see shared/channels/learn.ts). Only a summary leaves
// main: the landmarks and wording a profile keeps are of no use to the page.
const summary = (p: CarrierProfile) => ({
  id: p.id,
  carrier: p.carrier,
  fields: Object.keys(p.fields) as (keyof CarrierProfile['fields'])[],
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  taught: p.taught,
});

export function learnHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof learnChannels> {
  return {
    'learn:list': async () => (await readProfiles(deps.store)).map(summary),
    'learn:forget': async ({ id }) => {
      const forgotten = await forgetProfile(deps.store, id);
      deps.log.info('learn.forget', { forgotten });
      return { forgotten };
    },
  };
}
