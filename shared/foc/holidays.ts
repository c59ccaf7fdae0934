// Holidays on which no port is scheduled, from date-holidays (maintained rules, observed
// "substitute" days included). US: the federal holidays. Canada: the national statutory holidays
// plus those federally regulated carriers observe (Victoria Day, Thanksgiving, Boxing Day, the
// National Day for Truth and Reconciliation).
import Holidays from 'date-holidays';

const us = new Holidays('US');
const caNational = new Holidays('CA');
const caOntario = new Holidays('CA', 'ON');
const CA_EXTRA = /Victoria Day|Thanksgiving|Boxing Day|Truth and Reconciliation/;

const cache = new Map<string, Map<string, string>>();

function build(year: number, country: 'US' | 'CA'): Map<string, string> {
  const out = new Map<string, string>();
  const add = (date: string, name: string) => {
    if (!out.has(date)) out.set(date, name);
  };
  if (country === 'US') {
    for (const h of us.getHolidays(year)) if (h.type === 'public') add(h.date.slice(0, 10), h.name);
  } else {
    for (const h of caNational.getHolidays(year))
      if (h.type === 'public' || CA_EXTRA.test(h.name)) add(h.date.slice(0, 10), h.name);
    for (const h of caOntario.getHolidays(year))
      if (h.type === 'public' && CA_EXTRA.test(h.name)) add(h.date.slice(0, 10), h.name);
  }
  return out;
}

function yearTable(year: number, country: 'US' | 'CA'): Map<string, string> {
  const key = `${country}${year}`;
  let t = cache.get(key);
  if (!t) {
    t = build(year, country);
    cache.set(key, t);
  }
  return t;
}

/** The holiday on this date, e.g. "Christmas Day (US federal holiday)", or null. */
export function holidayOn(date: string, canadian: boolean): string | null {
  const year = Number(date.slice(0, 4));
  const usName = yearTable(year, 'US').get(date);
  if (usName) return `${usName} (US federal holiday)`;
  if (canadian) {
    const caName = yearTable(year, 'CA').get(date);
    if (caName) return `${caName} (Canadian statutory holiday)`;
  }
  return null;
}
