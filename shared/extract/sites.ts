// Bills of several sites (a multi-location business account) print one service address per site,
// each in the site's own section over the site's own numbers. A port names the account's service
// address: the primary site's, the one whose heading says so ("Headquarters - Primary location")
// or whose numbers include the BTN.
import type { Line } from './layout';
import type { Labelled } from './read';

const PRIMARY = /\b(?:primary|head\s?quarters|head office|main (?:office|site|location)|HQ)\b/i;

/**
 * For addresses read under labels at `lines` (document order, one per candidate), a weight per
 * candidate: above 1 for the one primary site, 1 elsewhere. Everything is 1 unless the addresses
 * differ and exactly one section stands out, so a bill with one service address (printed
 * once or several times) reads as before.
 */
export function primarySiteWeights(L: Labelled, lines: Line[], keys: string[], btn: string | null): number[] {
  const ones = lines.map(() => 1);
  if (new Set(keys).size < 2) return ones;
  const all = L.doc.lines;
  const heads: boolean[] = [];
  const holdsBtn: boolean[] = [];
  lines.forEach((line, i) => {
    const prev = i > 0 ? lines[i - 1]!.index : -1;
    // the site's heading: the few lines right above its address label, after the previous site
    let head = false;
    for (let k = line.index - 1; k > prev && k >= line.index - 3; k--) {
      const ln = all[k]!;
      if (ln.page !== line.page) break;
      if (PRIMARY.test(ln.segs.map((s) => s.text).join(' '))) head = true;
    }
    heads.push(head);
    // the site's section: from its label to the next site's label
    const end = i + 1 < lines.length ? lines[i + 1]!.index : Math.min(all.length, line.index + 120);
    let has = false;
    if (btn)
      for (let k = line.index; k < end && !has; k++)
        has = all[k]!.segs.some((s) => s.text.replace(/\D/g, '').includes(btn));
    holdsBtn.push(has);
  });
  const one = (xs: boolean[]) => xs.filter(Boolean).length === 1;
  return lines.map((_, i) => (one(heads) && heads[i] ? 1.4 : 1) * (one(holdsBtn) && holdsBtn[i] ? 1.5 : 1));
}
