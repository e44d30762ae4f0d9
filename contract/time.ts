// Calendar days and wall-clock times in the state's time zone (`TIME_ZONE`,
// an IANA name; Rondônia is America/Porto_Velho, UTC−4), never the
// browser's zone and never a fixed offset. Shared by the BFF (deadlines,
// protocol years, meetings, the agenda, ICS files) and the elements (which
// learn the zone from GET /api/config). Pure: only Intl.

/** The zone when none is configured: the manual's state. */
export const DEFAULT_TIME_ZONE = 'America/Porto_Velho';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `zone` is an IANA time zone this runtime knows ("America/Porto_Velho", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.trim() !== zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(zone: string): Intl.DateTimeFormat {
  let f = partFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at an instant: {year, month, day, hour, minute, second}. */
export function wallClock(at: Date | number, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out: Record<string, number> = {};
  for (const p of partsFormat(zone).formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** How far `zone`'s wall clock is ahead of UTC at an instant, in ms (−4 h in Porto Velho: −14 400 000). */
export function zoneOffsetMs(at: number, zone: string): number {
  const w = wallClock(at, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYY-MM-DD of an instant in `zone`. */
export function localDate(at: Date | number, zone: string): string {
  const w = wallClock(at, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** HH:MM of an instant in `zone`. */
export function localTime(at: Date | number, zone: string): string {
  const w = wallClock(at, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a wall-clock time (`YYYY-MM-DD`, `HH:MM`) happens in `zone`.
 * A time skipped by a daylight-saving jump resolves to the instant after it
 * (02:30 on a spring-forward night is 03:30); a time that happens twice (the
 * autumn hour) to the earlier one.
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offsets half a day either side: any change near `wall` lies between them.
  const before = zoneOffsetMs(wall - DAY_MS / 2, zone);
  const after = zoneOffsetMs(wall + DAY_MS / 2, zone);
  const candidates = [wall - before, wall - after].filter((at) => at + zoneOffsetMs(at, zone) === wall);
  // None: the time was skipped; the offset in force before the jump lands just after it.
  return new Date(candidates.length ? Math.min(...candidates) : wall - before);
}

/** The day after (or `n` days after) a YYYY-MM-DD. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD as Portuguese text writes it: dd/mm/aaaa. */
export function brDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** The first instant of a day in `zone`. */
export function startOfLocalDay(date: string, zone: string): Date {
  return zonedInstant(date, '00:00', zone);
}

/** The last instant (…59.999) of a day in `zone`. */
export function endOfLocalDay(date: string, zone: string): Date {
  return new Date(startOfLocalDay(addDays(date, 1), zone).getTime() - 1);
}

/** A YYYY-MM-DD that names a real calendar day. */
export function isCalendarDay(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00Z`); // NaN for a month 13 or a day 32
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date;
}
