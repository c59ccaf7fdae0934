// A utility prints the service address as the premise it serves, often by its street alone
// ("Service Location: 118 N Willow St"): a town's utility serves its own town, and the bill
// names that town only in the customer's address block. The service address is then the
// premise's street with the town, state and ZIP of that block, not the whole block (whose street
// may be a PO Box) and not nothing.
import type { Address } from '../domain';
import type { Picked } from './fields';
import type { LWord } from './layout';
import type { Labelled } from './read';
import { continuation, reads } from './read';
import { looksLikeStreet, parseCityStateZip, repairStreetLine, UNIT_RE } from './shapes';

interface Premise {
  line1: string;
  line2: string | null;
  words: LWord[];
}

/** The street a service-address label names with no city line under it (a unit line may follow). */
export function premiseStreet(L: Labelled): Premise | null {
  for (const hs of L.hitsByLine.values())
    for (const hit of hs) {
      if ((hit.kinds.serviceAddress ?? 0) <= 0) continue;
      for (const r of reads(L, hit)) {
        const text = r.text.trim();
        if (!looksLikeStreet(text) || parseCityStateZip(text)) continue;
        const next = continuation(L, r, 2)[1];
        const below = next?.text.trim();
        // (a city line under it makes a whole address: the labelled reader's, not this one's)
        if (below && parseCityStateZip(below)) return null;
        const unit = below !== undefined && UNIT_RE.test(below);
        return {
          line1: repairStreetLine(text),
          line2: unit ? below : null,
          words: [...r.words, ...(unit ? next!.words : [])],
        };
      }
    }
  return null;
}

/** The premise's street in the town of the customer's address block (`town`). */
export function premiseInTown(L: Labelled, town: Picked<Address> | null): Picked<Address> | null {
  const p = premiseStreet(L);
  if (!p || !town || !town.value.city || !town.value.state) return null;
  const value: Address = { ...town.value, line1: p.line1, line2: p.line2 };
  return {
    ...town,
    value,
    words: [...p.words, ...town.words],
    guess: 'took the street the service location names, in the town of the customer’s address block',
  };
}
