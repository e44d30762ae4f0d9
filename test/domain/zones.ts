// The zones every zone-dependent test runs in: the manual's state (Rondônia,
// the default) and Brasília. Their offsets are written out here, apart from
// contract/time.ts, so the tests check its arithmetic instead of repeating it
// (neither zone has had daylight saving time since 2019).
export const ZONES = [
  { zone: 'America/Porto_Velho', hoursBehindUtc: 4 },
  { zone: 'America/Sao_Paulo', hoursBehindUtc: 3 },
] as const;

export type Zone = (typeof ZONES)[number];

/** The ISO instant of a wall-clock time (`HH:MM`, `HH:MM:SS.mmm`) on a day in `z`. */
export function wall(z: Zone, date: string, time: string): string {
  const [hms, ms = '0'] = time.split('.');
  const [h, m, s = 0] = hms.split(':').map(Number);
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h + z.hoursBehindUtc, m, s, Number(ms))).toISOString();
}
