// A bill date whose year OCR misread ("December 17, 202! 5": a watermark's stroke through the
// year's last digit, read 2021 for 2025) stands years away from every other date the bill
// prints, while its month and day sit right beside them (the billing period's close, the due
// date). A bill is dated within weeks of those, so the year they give is the bill's.
import type { Labelled } from './read';
import { findDates, findDatesDayFirst } from './shapes';

const DAY = 86_400_000;
const days = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

/**
 * The bill date with its year put back where OCR misread it, or the date as read: only when no
 * other date of the bill lies within a year of it, and the same month and day in another year
 * lie within 45 days of two or more of them.
 */
export function billYearFromNeighbours(L: Labelled, iso: string): string {
  const find = L.dayFirst ? findDatesDayFirst : findDates;
  const others = L.doc.lines
    .flatMap((l) => l.segs.flatMap((s) => find(s.text).map((d) => d.iso)))
    .filter((d) => d !== iso);
  if (others.length < 2 || others.some((d) => days(d, iso) <= 366)) return iso;
  const years = [...new Set(others.map((d) => d.slice(0, 4)))];
  const fits = years
    .map((y) => `${y}${iso.slice(4)}`)
    .filter((c) => !Number.isNaN(Date.parse(c)))
    .map((c) => ({ c, near: others.filter((d) => days(d, c) <= 45).length }))
    .filter((x) => x.near >= 2)
    .sort((a, b) => b.near - a.near);
  return fits[0]?.c ?? iso;
}
