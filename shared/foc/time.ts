// Eastern-time arithmetic with Intl only (shared/ is pure: no Node APIs). Port windows are set in
// America/New_York; converting through the zone's real offset at that instant keeps March and
// November (DST changes) correct.
export const ET_ZONE = 'America/New_York';

const fmt = new Intl.DateTimeFormat('en-US', {
  timeZone: ET_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function etParts(ms: number): Parts {
  const p: Record<string, number> = {};
  for (const x of fmt.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return {
    year: p.year!,
    month: p.month!,
    day: p.day!,
    hour: p.hour! % 24,
    minute: p.minute!,
    second: p.second!,
  };
}

/** Minutes to add to UTC to get New York wall time at this instant (-300 in winter, -240 in summer). */
export function etOffsetMinutes(ms: number): number {
  const p = etParts(ms);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant of a New York wall-clock time, e.g. etInstant('2025-03-10', '11:00'). */
export function etInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes: the offset at the guess can differ from the offset at the answer across a DST change.
  let ms = wall - etOffsetMinutes(wall) * 60_000;
  ms = wall - etOffsetMinutes(ms) * 60_000;
  return new Date(ms);
}

/** The New York calendar date (YYYY-MM-DD) at an instant. */
export function etDate(at: Date | number): string {
  const p = etParts(typeof at === 'number' ? at : at.getTime());
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** New York wall time "HH:MM" at an instant. */
export function etTime(at: Date | number): string {
  const p = etParts(typeof at === 'number' ? at : at.getTime());
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** Calendar arithmetic on YYYY-MM-DD (no time zone involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(date + 'T00:00:00Z').getUTCDay();
}

export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
