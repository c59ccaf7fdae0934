// A utility prints the service address as the premise it serves, often by its street alone
// ("Service Location: 118 N Willow St"): a town's utility serves its own town, and the bill
// names that town only in the customer's address block. The service address is then the
// premise's street with the town, state and ZIP of that block, not the whole block (whose street
// may be a PO Box) and not nothing.
import type { Address } from '../domain';
import type { Picked } from './fields';
import type { LWord, Segment } from './layout';
import { columnPiece } from './layout';
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

const PO_BOX = /^\s*P\.?\s*O\.?\s*BOX\b|^\s*POST OFFICE BOX\b/i;

interface Town {
  city: string;
  state: string;
  zip: string;
  words: LWord[];
}

/**
 * The town of the customer's envelope block on page 1: a city line under a street or PO Box line
 * of its own (an envelope block; the utility's office prints its address on one line), whose
 * block names neither the carrier nor a payee ("Make checks payable to:", a remit caption).
 */
export function customerTown(L: Labelled, carrier: string | null): Town | null {
  const lines = L.doc.lines;
  const key = (t: string): string => t.toUpperCase().replace(/[^A-Z]/g, '');
  const carrierKey = key(carrier ?? '').slice(0, 10);
  for (const line of lines) {
    if (line.page !== 1) break;
    for (const seg of line.segs) {
      const csz = parseCityStateZip(seg.text);
      if (!csz || csz.before.trim() || looksLikeStreet(seg.text)) continue;
      const col = (k: number): Segment | undefined => columnPiece(lines, k, seg);
      // (lines of another column, interleaved with the block's, are stepped over)
      let up = line.index - 1;
      while (up > 0 && !col(up) && line.cy - lines[up]!.cy < line.h * 2.5) up--;
      const over = col(up);
      if (!over || !(looksLikeStreet(over.text) || PO_BOX.test(over.text) || UNIT_RE.test(over.text.trim())))
        continue;
      let payee = false;
      for (let k = line.index - 1; k >= Math.max(0, line.index - 5); k--) {
        const s = col(k);
        if (!s) continue;
        const hits = L.hitsByLine.get(k) ?? [];
        if (hits.some((h) => (h.kinds.remit ?? 0) > 0) || /payable to|remit/i.test(s.text)) payee = true;
        if (carrierKey.length >= 4 && key(s.text).startsWith(carrierKey)) payee = true;
      }
      if (!payee) return { city: csz.city, state: csz.state, zip: csz.zip, words: seg.words };
    }
  }
  return null;
}

/**
 * The premise's street in the town of the customer's envelope block, or else of the address
 * block a bill with no service label would be read from (`fallback`).
 */
export function premiseInTown(
  L: Labelled,
  carrier: string | null,
  fallback: Picked<Address> | null,
): Picked<Address> | null {
  const p = premiseStreet(L);
  if (!p) return null;
  const town = customerTown(L, carrier);
  const how = 'took the street the service location names, in the town of the customer’s address block';
  if (town)
    return {
      value: { line1: p.line1, line2: p.line2, city: town.city, state: town.state, zip: town.zip },
      confidence: 0.5,
      words: [...p.words, ...town.words],
      all: [],
      guess: how,
    };
  if (!fallback || !fallback.value.city || !fallback.value.state) return null;
  return {
    ...fallback,
    value: { ...fallback.value, line1: p.line1, line2: p.line2 },
    words: [...p.words, ...fallback.words],
    guess: how,
  };
}
