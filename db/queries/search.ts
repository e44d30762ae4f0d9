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

/** `2026/000123`, `2026/0001`, `2026000123`: a protocol or its prefix, in stored form; null otherwise. */
export function protocolPrefix(q: string): string | null {
  const term = q.trim();
  if (!/^\d{4}\/?\d{0,6}$/.test(term)) return null;
  return term.includes('/') || term.length <= 4 ? term : `${term.slice(0, 4)}/${term.slice(4)}`;
}

/**
 * The least string above every string that starts with `prefix`: the upper
 * bound of a prefix range (`>= prefix and < prefixEnd(prefix)`), which works
 * under any collation, unlike appending U+FFFF.
 */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
}
