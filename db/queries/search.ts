// Free-text search of the queue: protocol prefixes through the protocol's
// unique index, citizen names by word prefix through request_terms.
import type { Queryable } from './queryable.js';

export function normalizeSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP = new Set(['da', 'das', 'de', 'do', 'dos', 'e']);

/** The words of a name that search finds it by: folded, no particles, at most 12. */
export function nameTerms(name: string): string[] {
  const words = normalizeSearch(name).split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => w.length >= 2 && !STOP.has(w)))].slice(0, 12);
}

/** Indexes the citizen names of newly filed requests for search. */
export async function indexRequestTerms(db: Queryable, rows: { id: number; institution_id: number; citizen_name: string }[]): Promise<void> {
  const terms = rows.flatMap((r) => nameTerms(r.citizen_name).map((term) => ({ institution_id: r.institution_id, term, request_id: r.id })));
  for (let i = 0; i < terms.length; i += 3000)
    await db
      .insertInto('request_terms')
      .values(terms.slice(i, i + 3000))
      .execute();
}

/** Whether a search looks like (part of) a protocol: digits with at most one "/" (spaces around it ignored). */
export function looksLikeProtocol(q: string): boolean {
  return /^\d{1,10}$|^\d{1,6}\/\d{0,6}$/.test(q.replace(/\s+/g, ''));
}

/**
 * The stored-form prefixes (`YYYY/NNNNNN`) of the protocols a search can mean,
 * as people type a protocol, given the years that have protocols (and each
 * year's last number); null when the search is not protocol-like.
 * - `2026/0000`, `2026000010`: the stored form or its start (as before);
 * - `10/2026`, `10/20`, `10/`: number 10 of that year (of the years starting so);
 *   `2026/10` both number 10 of 2026 and the stored form's start;
 * - `000010`, `0000`: the number as stored, or its start, in every year;
 * - `10`, `2026`: number 10 (2026) of every year where it exists, and for four
 *   or more digits also the stored form's start (`2026` is that year).
 * Every prefix is a range of the protocol's unique index; a prefix of a
 * whole protocol is that protocol.
 */
export function protocolPrefixes(q: string, years: { year: number; last: number }[]): string[] | null {
  const term = q.replace(/\s+/g, '');
  if (!looksLikeProtocol(term)) return null;
  const out = new Set<string>();
  const known = (year: string) => years.some((y) => String(y.year) === year);
  const storedStart = (yyyy: string, rest: string) => known(yyyy) && out.add(rest ? `${yyyy}/${rest}` : yyyy);
  const numberIn = (digits: string, yearStart: string) => {
    for (const { year, last } of years) {
      if (!String(year).startsWith(yearStart)) continue;
      // With a leading zero the number is typed as stored (its start); without, it is the number itself.
      if (digits.startsWith('0')) out.add(`${year}/${digits}`);
      else if (Number(digits) <= last) out.add(`${year}/${digits.padStart(6, '0')}`);
    }
  };
  const slash = /^(\d+)\/(\d*)$/.exec(term);
  if (slash) {
    const [, a, b] = slash;
    if (a.length === 4 && b.length <= 6) storedStart(a, b);
    // `2026/10`: also number 10 of 2026 (the year first, the number unpadded).
    if (a.length === 4 && b.length > 0 && b.length < 6 && !b.startsWith('0')) numberIn(b, a);
    if (a.length <= 6 && b.length <= 4) numberIn(a, b);
  } else {
    if (term.length >= 4) storedStart(term.slice(0, 4), term.slice(4));
    if (term.length <= 6) numberIn(term, '');
  }
  // A prefix inside another adds nothing; sorted, so the ranges follow the protocol order.
  const all = [...out].sort();
  return all.filter((p, i) => !all.some((o, j) => j !== i && p.startsWith(o) && (o !== p || j < i)));
}

/**
 * The least string above every string that starts with `prefix`: the upper
 * bound of a prefix range (`>= prefix and < prefixEnd(prefix)`), which works
 * under any collation, unlike appending U+FFFF.
 */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
}
