// First queue pages kept in memory, as JSON, under the versions of the
// institutions they show. Every attendant of an institution opens the same
// first page (per tab and order) again and again; between two changes to
// that institution's requests it reads the same. Each version is bumped by
// a trigger in the transaction of every change (migrations queue-versions
// and queue-versions-coverage; the columns they must cover are written
// beside QUEUE_SELECT in requests.ts), so a page is served from memory only
// while the database still has the versions it was read under — in this
// process or any other sharing the database. A page is also dropped when one
// of its requests becomes overdue (the flag depends on the clock, not on a
// write).
//
// Only pages an attendant's view shares are kept: staff scope, first page,
// no free-text search. Searches and later pages always read the database.
import type { Queryable } from './queryable.js';
import type { QueueFilters, QueueScope } from './requests.js';
import { listValues, params, templatesOf } from './templates.js';

interface Entry {
  versions: string;
  /** The page stops being right at this instant (a request on it becomes overdue). */
  until: string;
  json: string;
}

export class QueueCache {
  readonly #entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;
  constructor(private readonly max = 1000) {}

  /** Whether a query's first page is kept here. */
  static cacheable(scope: QueueScope, f: QueueFilters): boolean {
    return scope.institutionIds !== undefined && scope.institutionIds.length > 0 && !f.cursor && !f.q?.trim();
  }

  /**
   * The page as JSON: from memory when the institutions' versions still
   * match and `now` is before the instant the page was valid until, else
   * from `load`, which answers the page and that instant (ISO 8601).
   */
  async page<T>(db: Queryable, scope: QueueScope, f: QueueFilters, now: Date, load: () => Promise<{ page: T; validUntil: string }>): Promise<string> {
    if (!QueueCache.cacheable(scope, f)) return JSON.stringify((await load()).page);
    const insts = [...scope.institutionIds!].sort((a, b) => a - b);
    const versions = await readVersions(db, insts);
    if (versions === null) return JSON.stringify((await load()).page);
    const key = JSON.stringify([insts, f.statuses ?? [], f.serviceId ?? null, f.assigneeId ?? null, f.mineOf ?? null, f.month ?? null, f.sort, f.limit]);
    const nowIso = now.toISOString();
    const hit = this.#entries.get(key);
    if (hit && hit.versions === versions && nowIso < hit.until) {
      // Most recently used last, so the oldest goes first when full.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      this.hits++;
      return hit.json;
    }
    this.misses++;
    const { page, validUntil: until } = await load();
    const json = JSON.stringify(page);
    this.#entries.delete(key);
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { versions, until, json });
    return json;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** "id:version,…" of these institutions (the sum of each one's slots), or null when one has none (then nothing is kept). */
export async function readVersions(db: Queryable, insts: number[]): Promise<string | null> {
  // Runs on every queue request the cache answers: a query template (templates.ts), like the queue's.
  const rows = await templatesOf(db).run(
    db,
    'queue-versions',
    () =>
      db
        .selectFrom('queue_versions')
        .select(['institution_id', (eb) => eb.fn.sum<number | string>('version').as('version')])
        .where('institution_id', 'in', params<number>('inst', insts.length))
        .groupBy('institution_id')
        .orderBy('institution_id'),
    listValues('inst', insts),
  );
  if (rows.length !== insts.length) return null;
  return rows.map((r) => `${r.institution_id}:${r.version}`).join(',');
}
