// A document holding more than one statement of the account: a customer asked for "your bill"
// prints the last two months together (make-bills --two-months). The port names the account as
// it stands now, so the newest statement is the bill: its bill date (an older one would make a
// fresh bill look stale) and its lines (a line the older one lists was disconnected since).
import type { PageWords } from '../domain';

/** What one page says on its own: its account number and bill date (ISO), and whether a label named the date. */
export interface PageFacts {
  account: string | null;
  date: string | null;
  labelled: boolean;
}

const norm = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Share of page a's distinct words that page b prints too. */
function overlap(a: PageWords, b: PageWords): number {
  const words = (p: PageWords) =>
    new Set(p.words.map((w) => w.text.toLowerCase()).filter((t) => t.length > 2));
  const A = words(a);
  const B = words(b);
  if (!A.size) return 0;
  let n = 0;
  for (const t of A) if (B.has(t)) n++;
  return n / A.size;
}

/**
 * The pages of the newest statement when the document holds several, else null. A statement
 * starts on a page that shows the account number the first statement shows and a bill date other
 * than the statement before it; pages that show no date belong to the statement they follow
 * (an e-bill's email page goes with the statement before it: harmless, it shows no account). A
 * date no label names ("Statement generated January 20, 2025") starts a statement only on a page
 * that repeats most of the first statement's opening page: a continuation page's call dates do
 * not. Dates are read one page at a time, so continuation pages that repeat their statement's
 * date are part of it, and a page naming another account (a corporate summary, a sub-account)
 * starts none.
 */
export function newestStatement(
  pages: PageWords[],
  facts: (page: PageWords) => PageFacts,
): PageWords[] | null {
  if (pages.length < 2) return null;
  const sorted = pages.slice().sort((a, b) => a.page - b.page);
  const f = sorted.map(facts);
  const first = f.findIndex((x) => x.account && x.date && norm(x.account).length >= 4);
  if (first < 0) return byPageOne(sorted, f);
  const acct = norm(f[first]!.account!);
  let current = f[first]!.date;
  const starts = [0];
  const dates = [current!];
  for (let i = first + 1; i < f.length; i++) {
    const { account, date, labelled } = f[i]!;
    if (!date || date === current) continue;
    // (a page whose account number was not read on its own still opens a statement when it
    // repeats most of the first statement's opening page)
    const opensAlike = (!account || !labelled) && overlap(sorted[first]!, sorted[i]!) >= 0.6;
    if (account ? norm(account) !== acct : !opensAlike) continue;
    if (!labelled && !opensAlike) continue;
    starts.push(i);
    dates.push(date);
    current = date;
  }
  if (starts.length < 2) return null;
  let best = 0;
  for (let k = 1; k < starts.length; k++) if (dates[k]! > dates[best]!) best = k;
  return sorted.slice(starts[best], starts[best + 1] ?? sorted.length);
}

// "Page 1 of 3", as a statement numbers its first page
const PAGE_ONE = /\bpage\s+1\s+(?:of|\/)\s+(\d{1,2})\b/i;

/**
 * Statements told apart by their own page numbers, for a bill that prints its account number
 * nowhere in full (masked on every page): each "Page 1 of N" opens one, of N pages. Only when
 * every statement is whole and dated, and the dates differ.
 */
function byPageOne(sorted: PageWords[], f: PageFacts[]): PageWords[] | null {
  const text = (p: PageWords) => p.words.map((w) => w.text).join(' ');
  const starts: { at: number; n: number }[] = [];
  sorted.forEach((p, i) => {
    const m = PAGE_ONE.exec(text(p));
    if (m) starts.push({ at: i, n: Number(m[1]) });
  });
  if (starts.length < 2 || starts[0]!.at !== 0) return null;
  const groups = starts.map((s, k) => ({ from: s.at, to: starts[k + 1]?.at ?? sorted.length, n: s.n }));
  if (groups.some((g) => g.to - g.from !== g.n)) return null;
  const dates = groups.map((g) => f.slice(g.from, g.to).find((x) => x.date)?.date ?? null);
  if (dates.some((d) => !d) || new Set(dates).size < dates.length) return null;
  let best = 0;
  for (let k = 1; k < groups.length; k++) if (dates[k]! > dates[best]!) best = k;
  return sorted.slice(groups[best]!.from, groups[best]!.to);
}
