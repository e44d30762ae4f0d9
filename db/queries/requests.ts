// Request queries: the queue (keyset pagination), the detail, filing and the
// guarded state transitions. Plain functions, `db` first; they answer rows,
// which the BFF maps to the contract's shapes (bff/dto.ts).
import { type Insertable, type Transaction, type Updateable, sql } from 'kysely';
import type { Database, RequestTable } from '../schema.js';
import type { Queryable } from './queryable.js';
import { CLOSED } from '../migrations/2026-12-01T02-10_queue-due-key.js';
import { indexRequestTerms, looksLikeProtocol, nameTerms, normalizeSearch, prefixEnd, protocolPrefixes } from './search.js';
import { listValues, param, params, templatesOf } from './templates.js';

export interface QueueScope {
  /** Staff view: these institutions. Citizen view: this citizen. */
  institutionIds?: number[];
  citizenId?: number;
}

export interface QueueFilters {
  statuses?: string[];
  serviceId?: number;
  assigneeId?: number;
  /** "Minhas" of this attendant: assigned to them, or in the analysis they started. */
  mineOf?: number;
  month?: string;
  q?: string;
  sort: 'filed' | 'due';
  cursor?: [string, number];
  limit: number;
}

function encodeCursor(value: string, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The largest id of an integer column (32-bit on PostgreSQL). */
const MAX_ID = 2_147_483_647;

/**
 * The sort key and id a cursor carries, or null when it is not one this
 * module made: the key a date or protocol (no NUL, nothing the database
 * would refuse), the id within the integer column's range.
 */
export function decodeCursor(cursor: string): [string, number] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      /^[0-9A-Za-z:.+\-/]{1,40}$/.test(v[0]) &&
      Number.isInteger(v[1]) &&
      v[1] >= 1 &&
      v[1] <= MAX_ID
    ) {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  return null;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface QueueRow {
  id: number;
  protocol: string;
  status: string;
  institution_id: number;
  acronym: string;
  institution_name: string;
  service_id: number;
  service_name: string;
  citizen_id: number;
  citizen_name: string;
  assignee_id: number | null;
  assignee_name: string | null;
  /** Where an awaiting request goes back to (analysis or service); null otherwise. */
  resume_status: string | null;
  filed_at: string;
  due_at: string;
  verdict: 'approved' | 'rejected' | null;
  version: number;
}

/** The tables the queue reads, by the aliases its select uses. */
export function queueSource(db: Queryable) {
  return db
    .selectFrom('requests as r')
    .innerJoin('service_versions as sv', 'sv.id', 'r.service_version_id')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .leftJoin('users as a', 'a.id', 'r.assignee_id')
    .leftJoin('evaluations as e', 'e.id', 'r.evaluation_id');
}

/**
 * What the queue shows of each request.
 *
 * Contract with the queue page cache (queue-cache.ts): a first page is served
 * from memory while its institutions' queue versions stand still, and only
 * triggers bump them (migrations queue-versions and queue-versions-coverage).
 * So a change to ANY column read here must bump, in the same transaction, the
 * version of every institution whose queue shows the changed row (before or
 * after the change); otherwise attendants keep seeing the old value until
 * something else changes. Adding a column here means adding its trigger in a
 * new migration, unless an existing one covers it (requests: any update, and
 * the old institution too when one moves; institutions and evaluations: any
 * update; users and service_versions: a new name). Ids are exempt: a row
 * keeps its id. test/db/queue-versions.test.ts changes every other column
 * listed here, one at a time, and fails for one that bumps nothing.
 */
export const QUEUE_SELECT = [
  'r.id',
  'r.protocol',
  'r.status',
  'r.institution_id',
  'i.acronym',
  'i.name as institution_name',
  'r.service_id',
  'sv.name as service_name',
  'r.citizen_id',
  'r.citizen_name',
  'r.assignee_id',
  'a.name as assignee_name',
  'r.resume_status',
  'r.filed_at',
  'r.due_at',
  'e.verdict',
  'r.version',
] as const;

// The queue and the detail run as query templates (templates.ts): each shape
// is built and compiled with Kysely once, later requests only bind values.
// Kept because they pay (issue #9): `npm run bench -- --sizes 10000 --rounds 3
// --only queue_db,detail` (SQLite, 10,000 requests, 50 connections, 2 shared
// cores), four runs of each variant back to back, against the same queries
// built and compiled by Kysely on every request (`.execute()`); medians of
// the runs' medians, ratio to the same run's hello-world:
//
//                         templates               compiled per request
//   queue (cache off)     2,321 req/s, 11.9 %     1,605 req/s, 9.0 %
//   detail                3,867 req/s, 19.0 %     2,050 req/s, 11.2 %
//
// Hello-world swung from 13,000 to 28,000 req/s with the machine's other
// load, so the ratios are noisy; req/s and p50 (queue 18–23 ms against
// 26–33 ms, detail 11–17 ms against 20–27 ms) agree run by run. In one
// process without HTTP: the queue 111–130 µs a call against 203–228 µs, the
// detail (its facts and three reads) 47–60 µs against 160–181 µs.
// The queue's rows as arrays (TemplateOptions.arrayRows) save about 35 µs a
// call on their own: 2,461 and 2,614 req/s with them, 2,345 and 2,274
// without (templates both ways, back to back); compiled per request, 1,738
// req/s with arrays against 1,605 without.

/** The queue's query for one shape; every value is a `param` (see above). */
function queueQuery(
  db: Queryable,
  scope: QueueScope,
  f: QueueFilters,
  s: { sortKey: SortKey; protocol: boolean | null; words: number; insts: number; statuses: number; like: boolean },
) {
  const sortCol = `r.${s.sortKey}` as const;
  let q = queueSource(db).select(QUEUE_SELECT);
  if (scope.citizenId !== undefined) q = q.where('r.citizen_id', '=', param<number>('citizen'));
  const insts = params<number>('inst', s.insts);
  if (scope.institutionIds) {
    // With a protocol, a full name or a person's own requests, the few
    // matching rows are the way in: "+" keeps the planner from walking the
    // institution's queue index (for an attendant with few requests it would
    // walk all of it).
    const narrow = s.protocol !== null || s.words > 1 || f.mineOf !== undefined || f.assigneeId !== undefined;
    const inst = narrow ? sql<number>`+r.institution_id` : sql.ref<number>('r.institution_id');
    q = insts.length === 1 ? q.where(inst, '=', insts[0]) : q.where(inst, 'in', insts);
  }
  const statuses = params<string>('status', s.statuses);
  if (statuses.length) q = statuses.length === 1 ? q.where('r.status', '=', statuses[0]) : q.where('r.status', 'in', statuses);
  if (f.serviceId !== undefined) q = q.where('r.service_id', '=', param<number>('service'));
  if (f.assigneeId !== undefined) q = q.where('r.assignee_id', '=', param<number>('assignee'));
  if (f.mineOf !== undefined) {
    // The analyst is whoever started the analysis (its audit entry; index audit_log_actor_action).
    const analysed = db
      .selectFrom('audit_log')
      .select('request_id')
      .where('actor_id', '=', param<number>('mine'))
      .where('action', '=', sql.lit('start_analysis'));
    q = q.where((eb) =>
      eb.or([eb('r.assignee_id', '=', param<number>('mine')), eb.and([eb('r.status', '=', sql.lit('in_analysis')), eb('r.id', 'in', analysed)])]),
    );
  }
  if (f.month) q = q.where('r.filed_at', '>=', param<string>('monthFrom')).where('r.filed_at', '<', param<string>('monthTo'));
  if (s.protocol !== null) {
    // One meaning of a protocol fragment: a range of the protocol index, walked in order (none: no match).
    if (!s.protocol) q = q.where(sql<boolean>`1 = 0`);
    else q = q.where('r.protocol', '>=', param<string>('protoFrom')).where('r.protocol', '<', param<string>('protoTo'));
  } else if (f.q?.trim() && scope.institutionIds) {
    // Each word narrows by a prefix of some word of the citizen's name;
    // particles alone ("da", "de") match no one.
    if (!s.words) q = q.where(sql<boolean>`1 = 0`);
    const matching = (k: number) =>
      db
        .selectFrom('request_terms')
        .select('request_id')
        .where('institution_id', 'in', insts)
        .where('term', '>=', param<string>(`word${k}From`))
        .where('term', '<', param<string>(`word${k}To`));
    if (s.words) {
      // One word (a surname) often matches thousands: walk the queue in
      // order and stop at a page. Several words (a name) match few: the
      // intersection is small, so fetch those rows and sort them.
      let terms = matching(0);
      for (let k = 1; k < s.words; k++) terms = terms.intersect(matching(k));
      q = q.where('r.id', 'in', terms);
    }
  } else if (s.like) {
    // A citizen's own requests are few: a plain scan finds any fragment.
    q = q.where(sql<boolean>`r.search_text like ${param<string>('like')} escape '\\'`);
  }
  if (f.cursor) {
    q = q.where((eb) => eb(eb.refTuple(sortCol, 'r.id'), '>', eb.tuple(param<string>('cursorKey'), param<number>('cursorId'))));
  }
  return q.orderBy(sortCol).orderBy('r.id').limit(param<number>('limit'));
}

export interface QueuePageRows {
  rows: QueueRow[];
  nextCursor: string | null;
}

type SortKey = 'protocol' | 'due_key' | 'filed_at';

const CLOSED_STATUSES = new Set<string>(CLOSED);

/** The deadline order's key of a row (the generated column due_key): closed requests after every open one. */
export function dueKey(status: string, dueAt: string): string {
  return CLOSED_STATUSES.has(status) ? `9${dueAt}` : dueAt;
}

/** The years that have protocols, with each one's last number (a few rows). */
async function protocolYears(db: Queryable): Promise<{ year: number; last: number }[]> {
  const rows = await db.selectFrom('protocol_counters').select(['year', 'last']).orderBy('year').execute();
  return rows.map((r) => ({ year: Number(r.year), last: Number(r.last) }));
}

export async function listRequests(db: Queryable, scope: QueueScope, f: QueueFilters): Promise<QueuePageRows> {
  // A protocol search walks the protocol index: protocols are numbered in
  // filing order, so this is the FIFO order too. Any part of a protocol as
  // people type it ("000010", "10/2026") is one or more ranges of that index.
  const prefixes = f.q && looksLikeProtocol(f.q) ? protocolPrefixes(f.q, await protocolYears(db)) : null;
  const protocol = prefixes !== null;
  // Deadline order: by due_key, so closed requests (no running deadline) come last.
  const sortKey: SortKey = protocol ? 'protocol' : f.sort === 'due' ? 'due_key' : 'filed_at';
  const words = !protocol && f.q?.trim() && scope.institutionIds ? nameTerms(f.q).slice(0, 4) : [];
  const like = !protocol && f.q?.trim() && !scope.institutionIds ? normalizeSearch(f.q).replace(/[\\%_]/g, (c) => `\\${c}`) : null;
  const insts = scope.institutionIds ? (scope.institutionIds.length ? scope.institutionIds : [-1]) : [];
  const statuses = f.statuses ?? [];
  // One value per param() of queueQuery; their names make most of the shape.
  const values: Record<string, unknown> = { limit: f.limit + 1, ...listValues('inst', insts), ...listValues('status', statuses) };
  if (scope.citizenId !== undefined) values.citizen = scope.citizenId;
  if (f.serviceId !== undefined) values.service = f.serviceId;
  if (f.assigneeId !== undefined) values.assignee = f.assigneeId;
  if (f.mineOf !== undefined) values.mine = f.mineOf;
  if (f.month) Object.assign(values, { monthFrom: `${f.month}-01`, monthTo: `${nextMonth(f.month)}-01` });
  words.forEach((w, k) => Object.assign(values, { [`word${k}From`]: w, [`word${k}To`]: prefixEnd(w) }));
  if (like !== null) values.like = `%${like}%`;
  if (f.cursor) Object.assign(values, { cursorKey: f.cursor[0], cursorId: f.cursor[1] });
  // The rest of the shape: the sort, and a search that leaves no word to look for (no value says so).
  const noWords = !protocol && f.q?.trim() && scope.institutionIds && !words.length ? '|no-words' : '';
  const noProtocol = prefixes?.length === 0 ? '|no-protocol' : '';
  const shape = {
    sortKey,
    protocol: prefixes ? prefixes.length > 0 : null,
    words: words.length,
    insts: insts.length,
    statuses: statuses.length,
    like: like !== null,
  };
  const run = (v: Record<string, unknown>): Promise<QueueRow[]> =>
    templatesOf(db).run(db, `queue|${sortKey}${noWords}${noProtocol}`, () => queueQuery(db, scope, f, shape), v, { arrayRows: true });
  let rows: QueueRow[];
  if (prefixes?.length) {
    // Several meanings ("10" is number 10 of each year): disjoint ranges in
    // protocol order, each walked in index order until the page is full —
    // never an OR of ranges, which would read and sort every match.
    rows = [];
    for (const p of prefixes) {
      if (rows.length > f.limit) break;
      rows.push(...(await run({ ...values, limit: f.limit + 1 - rows.length, protoFrom: p, protoTo: prefixEnd(p) })));
    }
  } else {
    rows = await run(values);
  }
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  const last = page[page.length - 1];
  const key = (r: QueueRow) => (sortKey === 'due_key' ? dueKey(r.status, r.due_at) : r[sortKey]);
  return { rows: page, nextCursor: more && last ? encodeCursor(key(last), last.id) : null };
}

/** Requests per status in a scope (the queue's tabs). */
export async function countByStatus(db: Queryable, scope: QueueScope): Promise<Record<string, number>> {
  let q = db.selectFrom('requests').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')]);
  if (scope.citizenId !== undefined) q = q.where('citizen_id', '=', scope.citizenId);
  if (scope.institutionIds) q = q.where('institution_id', 'in', scope.institutionIds.length ? scope.institutionIds : [-1]);
  const rows = await q.groupBy('status').execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export interface RequestFactsRow {
  id: number;
  institution_id: number;
  citizen_id: number;
  assignee_id: number | null;
  status: string;
  version: number;
  service_version_id: number;
  resume_status: string | null;
  paused_at: string | null;
  due_at: string;
  concluded_at: string | null;
  /** The current evaluation (null until evaluated, and after a reopening). */
  evaluation_id: number | null;
}

export async function getRequestFacts(db: Queryable, id: number): Promise<RequestFactsRow | undefined> {
  const [facts] = await templatesOf(db).run(
    db,
    'facts',
    () =>
      db
        .selectFrom('requests')
        .select([
          'id',
          'institution_id',
          'citizen_id',
          'assignee_id',
          'status',
          'version',
          'service_version_id',
          'resume_status',
          'paused_at',
          'due_at',
          'concluded_at',
          'evaluation_id',
        ])
        .where('id', '=', param<number>('id')),
    { id },
  );
  return facts;
}

/** The detail's rows: the request with its service version, institution, people and evaluation; its steps; its documents. */
export async function getRequestDetailRows(db: Queryable, id: number) {
  // Fixed shapes: query templates (see the queue above), run with this id.
  const t = templatesOf(db);
  const [request] = await t.run(
    db,
    'detail',
    () =>
      db
        .selectFrom('requests as r')
        .innerJoin('service_versions as sv', 'sv.id', 'r.service_version_id')
        .innerJoin('institutions as i', 'i.id', 'r.institution_id')
        .innerJoin('users as c', 'c.id', 'r.citizen_id')
        .leftJoin('users as a', 'a.id', 'r.assignee_id')
        .leftJoin('evaluations as e', 'e.id', 'r.evaluation_id')
        .selectAll('r')
        .select([
          'sv.name as service_name',
          'sv.version as service_version',
          'sv.fields',
          'sv.deadline_days',
          'sv.deadline_kind',
          'i.acronym',
          'i.name as institution_name',
          'c.email as citizen_email',
          'a.name as assignee_name',
          'e.id as e_id',
          'e.verdict as e_verdict',
          'e.rating as e_rating',
          'e.comment as e_comment',
          'e.status as e_status',
          'e.created_at as e_created_at',
          'e.masked as e_masked',
          'e.published_text as e_published_text',
          'e.moderation_reason as e_reason',
          'e.moderation_text as e_reason_text',
        ])
        .where('r.id', '=', param<number>('id')),
    { id },
  );
  if (!request) return undefined;
  // Who started the analysis, read from the audit trail only while it runs
  // (in analysis, or awaiting the citizen from it): a few rows of one request.
  const analysing = request.status === 'in_analysis' || (request.status === 'awaiting_citizen' && request.resume_status === 'in_analysis');
  const [steps, files, analysts] = await Promise.all([
    t.run(
      db,
      'detail-steps',
      () =>
        db
          .selectFrom('service_steps as s')
          .leftJoin('step_answers as sa', (j) => j.onRef('sa.step_id', '=', 's.id').on('sa.request_id', '=', param<number>('id')))
          .leftJoin('users as u', 'u.id', 'sa.answered_by')
          .select(['s.id', 's.position', 's.title', 'sa.answer', 'sa.note', 'sa.answered_by', 'u.name as answered_by_name', 'sa.answered_at'])
          .where('s.service_version_id', '=', param<number>('version'))
          .orderBy('s.position'),
      { id, version: request.service_version_id },
    ),
    t.run(
      db,
      'detail-files',
      () =>
        db
          .selectFrom('files')
          .select(['id', 'label', 'file_name', 'content_type', 'size'])
          .where('request_id', '=', param<number>('id'))
          .where('follow_up_id', 'is', null)
          .orderBy('id'),
      { id },
    ),
    analysing
      ? t.run(
          db,
          'detail-analyst',
          () =>
            db
              .selectFrom('audit_log as l')
              .innerJoin('users as u', 'u.id', 'l.actor_id')
              .select(['u.id', 'u.name'])
              .where('l.request_id', '=', param<number>('id'))
              .where('l.action', '=', param<string>('action'))
              .orderBy('l.id', 'desc')
              .limit(param<number>('one')),
          { id, action: 'start_analysis', one: 1 },
        )
      : [],
  ]);
  return { request, steps, files, analyst: analysts[0] ?? null };
}

export type RequestDetailRows = NonNullable<Awaited<ReturnType<typeof getRequestDetailRows>>>;

/** The audit trail in order, leaving out the entries of `hiddenActions`. */
export async function getHistoryRows(db: Queryable, requestId: number, hiddenActions: readonly string[]) {
  let q = db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select(['l.id', 'l.action', 'l.from_status', 'l.to_status', 'l.actor_id', 'u.name', 'l.at', 'l.data'])
    .where('l.request_id', '=', requestId);
  if (hiddenActions.length) q = q.where('l.action', 'not in', hiddenActions);
  return q.orderBy('l.id').execute();
}

export type HistoryRow = Awaited<ReturnType<typeof getHistoryRows>>[number];

/** The next protocol number of `year`, safe under concurrent filing on both databases. */
export async function nextProtocol(trx: Transaction<Database>, year: number): Promise<string> {
  const { last } = await trx
    .insertInto('protocol_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`protocol_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}/${String(last).padStart(6, '0')}`;
}

/** An audit entry to append (appendAudit, appendAudits). */
export interface AuditEntry {
  requestId: number;
  institutionId: number;
  /** Who acted; null for the clock or the command line (an access ending by itself or revoked by the administrator). */
  actorId: number | null;
  /** The actor's side on this request, as it is now (kept: a revoked attendant's past acts stay staff's); null without an actor. */
  side: 'staff' | 'citizen' | null;
  action: string;
  from: string | null;
  to: string | null;
  data?: unknown;
  at: string;
}

const auditValues = (e: AuditEntry) => ({
  request_id: e.requestId,
  institution_id: e.institutionId,
  actor_id: e.actorId,
  actor_side: e.side,
  action: e.action,
  from_status: e.from,
  to_status: e.to,
  data: e.data === undefined ? null : JSON.stringify(e.data),
  at: e.at,
});

export async function appendAudit(trx: Queryable, e: AuditEntry): Promise<number> {
  const { id } = await trx.insertInto('audit_log').values(auditValues(e)).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Appends several entries in one statement, in order (their ids ascending). */
export async function appendAudits(trx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await trx.insertInto('audit_log').values(entries.map(auditValues)).execute();
}

/** Files the request (its search terms and documents too); answers its id. */
export async function insertRequest(
  trx: Transaction<Database>,
  request: Insertable<RequestTable>,
  documents: { label: string; fileName: string; contentType: string; size: number; sha256: string; content: Uint8Array }[],
): Promise<number> {
  const { id } = await trx.insertInto('requests').values(request).returning('id').executeTakeFirstOrThrow();
  await indexRequestTerms(trx, [{ id, institution_id: request.institution_id, citizen_name: request.citizen_name }]);
  await insertFiles(trx, { requestId: id, followUpId: null, uploadedBy: request.citizen_id, at: request.filed_at, files: documents });
  return id;
}

export interface StoredFile {
  label?: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** The bytes, or empty when `stored` names them in the file store. */
  content: Uint8Array;
  stored?: string | null;
}

export async function insertFiles(
  trx: Queryable,
  m: { requestId: number; followUpId: number | null; uploadedBy: number; at: string; files: StoredFile[] },
): Promise<void> {
  for (const f of m.files) {
    await trx
      .insertInto('files')
      .values({
        request_id: m.requestId,
        follow_up_id: m.followUpId,
        label: f.label ?? null,
        file_name: f.fileName,
        content_type: f.contentType,
        size: f.size,
        sha256: f.sha256,
        content: f.content,
        stored: f.stored ?? null,
        uploaded_by: m.uploadedBy,
        created_at: m.at,
      })
      .execute();
  }
}

/**
 * Writes `set` with the next version only if the request is still at
 * `version` (two attendants racing: one wins); answers whether it did.
 */
export async function updateRequestAtVersion(trx: Queryable, id: number, version: number, set: Updateable<RequestTable>): Promise<boolean> {
  const res = await trx
    .updateTable('requests')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The step `stepId` of the service version (its title), or undefined when the version has no such step. */
export async function stepOfVersion(db: Queryable, stepId: number, serviceVersionId: number): Promise<{ title: string } | undefined> {
  return db.selectFrom('service_steps').select('title').where('id', '=', stepId).where('service_version_id', '=', serviceVersionId).executeTakeFirst();
}

/** The request's steps in order, with their answers (null: not answered). */
export async function stepAnswersOf(db: Queryable, requestId: number, serviceVersionId: number) {
  return db
    .selectFrom('service_steps as s')
    .leftJoin('step_answers as sa', (j) => j.onRef('sa.step_id', '=', 's.id').on('sa.request_id', '=', requestId))
    .select(['s.id', 's.title', 'sa.answer'])
    .where('s.service_version_id', '=', serviceVersionId)
    .orderBy('s.position')
    .execute();
}

export async function saveStepAnswer(
  trx: Queryable,
  a: { requestId: number; stepId: number; answer: 'yes' | 'no'; note: string | null; answeredBy: number; at: string },
): Promise<void> {
  const row = { answer: a.answer, note: a.note, answered_by: a.answeredBy, answered_at: a.at };
  await trx
    .insertInto('step_answers')
    .values({ request_id: a.requestId, step_id: a.stepId, ...row })
    .onConflict((oc) => oc.columns(['request_id', 'step_id']).doUpdateSet(row))
    .execute();
}

/** One evaluation's verdict and time (the reopening window). */
export async function getEvaluation(db: Queryable, id: number) {
  return db.selectFrom('evaluations').select(['id', 'verdict', 'created_at']).where('id', '=', id).executeTakeFirst();
}

/** A new evaluation, the request's current one from now on; its id. */
export async function insertEvaluation(
  trx: Queryable,
  e: { requestId: number; institutionId: number; verdict: 'approved' | 'rejected'; rating: number; comment: string | null; at: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('evaluations')
    .values({
      request_id: e.requestId,
      institution_id: e.institutionId,
      service_id: trx.selectFrom('requests').select('service_id').where('id', '=', e.requestId),
      verdict: e.verdict,
      rating: e.rating,
      comment: e.comment,
      status: 'pending',
      moderated_by: null,
      moderated_at: null,
      moderation_reason: null,
      moderation_text: null,
      published_text: null,
      created_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('requests').set({ evaluation_id: id }).where('id', '=', e.requestId).execute();
  return id;
}

/** The request a citizen filed with an Idempotency-Key, if any: what a repeated filing is compared with. */
export async function findByIdempotencyKey(db: Queryable, citizenId: number, key: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'service_id', 'service_version_id', 'form_data'])
    .where('citizen_id', '=', citizenId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Whether a database error is the unique index of (citizen_id,
 * idempotency_key) refusing a second filing with one key: a concurrent
 * filing with the same key won (PostgreSQL 23505 naming the index; SQLite's
 * UNIQUE constraint naming the columns).
 */
export function isIdempotencyConflict(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === '23505') return e.constraint === 'requests_idempotency';
  return (
    typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT') && typeof e.message === 'string' && e.message.includes('requests.idempotency_key')
  );
}
