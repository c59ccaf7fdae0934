// The seeded streams make-bills draws bill `i` of `--seed seed` from (index.ts takes them in this
// order), so a test can render a committed held-out bill's scan or photo exactly as the run that
// found its misread did, from the bill's text PDF alone.
import { Rng } from './rng';

/** Bill i's own stream: the root stream forked once for each bill before it, as index.ts does. */
export function billRng(seed: number, i: number): Rng {
  const root = new Rng(seed);
  let r = root.fork(0);
  for (let k = 1; k <= i; k++) r = root.fork(k);
  return r;
}

/**
 * The stream bill i's rendition (scan, photo, fax) is drawn from: after its model (fork 1), its
 * page (fork 2; fork 7 before it for a transfer PIN) and, for a template with a fax share (the business suite), its fax header (fork 6).
 */
export function renderRng(
  seed: number,
  i: number,
  faxShare: boolean,
  pinFork = false,
  o: { dbaFork?: boolean; faxCoverFork?: boolean } = {},
): Rng {
  const r = billRng(seed, i);
  r.fork(1);
  // a template with a transfer PIN of its own length (Template.pinDigits) draws it first
  if (pinFork) r.fork(7);
  // a DBA template (Template.dbaNames) draws its legal and trade names
  if (o.dbaFork) r.fork(9);
  r.fork(2);
  // a faxed-with-cover template (Template.faxCover) drew whether a scan slot is a fax TIFF
  if (o.faxCoverFork) r.fork(8);
  if (faxShare) r.fork(6);
  return r.fork(4);
}
