// Who may attend (issue #15): servants' access requests, the memberships
// they grant and how those end, the requests left "sem atendente" when an
// access ends, and an institution's access history (audit entries with no
// request). Plain functions, `db` first; bff/access-service.ts composes the
// writes and bff/dto.ts maps the rows.
import { sql } from 'kysely';
import type { Queryable } from './queryable.js';
import { inForceAt } from './users.js';

const iso = (now: Date | string) => (typeof now === 'string' ? now : now.toISOString());

// ---- Access requests ----

/** An access request with its institution, requester, decider and the membership it granted. */
function accessRequestRows(db: Queryable) {
  return db
    .selectFrom('access_requests as ar')
    .innerJoin('institutions as i', 'i.id', 'ar.institution_id')
    .innerJoin('users as u', 'u.id', 'ar.user_id')
    .leftJoin('users as d', 'd.id', 'ar.decided_by')
    .leftJoin('memberships as m', 'm.id', 'ar.membership_id')
    .select([
      'ar.id',
      'ar.institution_id',
      'i.acronym',
      'i.name as institution_name',
      'ar.user_id',
      'u.name as user_name',
      'u.email as user_email',
      'ar.unit',
      'ar.ordinance',
      'ar.status',
      'ar.created_at',
      'ar.decided_at',
      'ar.decided_by',
      'd.name as decided_by_name',
      'ar.reason',
      'ar.membership_id',
      'm.expires_at',
      'm.revoked_at',
      'm.end_kind',
      'm.revoke_reason',
    ]);
}

export type AccessRequestRow = NonNullable<Awaited<ReturnType<typeof getAccessRequest>>>;

/** One access request, or undefined. */
export async function getAccessRequest(db: Queryable, id: number) {
  return accessRequestRows(db).where('ar.id', '=', id).executeTakeFirst();
}

export interface AccessRequestScope {
  /** A manager's view: these institutions' requests. */
  institutionIds?: number[];
  /** A servant's view: their own requests. */
  userId?: number;
}

/** A page of access requests, newest first (keyset on id); `limit` + 1 rows tell whether there are more. */
export async function listAccessRequests(
  db: Queryable,
  scope: AccessRequestScope,
  f: { institutionId?: number; status?: string; before?: number; limit: number },
): Promise<AccessRequestRow[]> {
  let q = accessRequestRows(db);
  if (scope.institutionIds) q = q.where('ar.institution_id', 'in', scope.institutionIds.length ? scope.institutionIds : [-1]);
  if (scope.userId !== undefined) q = q.where('ar.user_id', '=', scope.userId);
  if (f.institutionId !== undefined) q = q.where('ar.institution_id', '=', f.institutionId);
  if (f.status !== undefined) q = q.where('ar.status', '=', f.status);
  if (f.before !== undefined) q = q.where('ar.id', '<', f.before);
  return q
    .orderBy('ar.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Whether the servant has a pending request at the institution. */
export async function hasPendingAccessRequest(db: Queryable, userId: number, institutionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('access_requests')
    .select('id')
    .where('user_id', '=', userId)
    .where('institution_id', '=', institutionId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a pending access request; answers its id. The unique index refuses a second pending one (isOnePendingConflict). */
export async function insertAccessRequest(
  trx: Queryable,
  r: { userId: number; institutionId: number; unit: string; ordinance: string; at: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('access_requests')
    .values({ user_id: r.userId, institution_id: r.institutionId, unit: r.unit, ordinance: r.ordinance, status: 'pending', created_at: r.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Whether a database error is the partial unique index of one pending
 * request per servant and institution refusing a second one (PostgreSQL
 * 23505 naming the index; SQLite's UNIQUE constraint naming the columns).
 */
export function isOnePendingConflict(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === '23505') return e.constraint === 'access_requests_one_pending';
  return (
    typeof e.code === 'string' &&
    e.code.startsWith('SQLITE_CONSTRAINT') &&
    typeof e.message === 'string' &&
    e.message.includes('access_requests.user_id, access_requests.institution_id')
  );
}

/**
 * Records the decision on a pending request; answers whether it was still
 * pending (two managers deciding at once: one wins).
 */
export async function decideAccessRequest(
  trx: Queryable,
  d: { id: number; status: 'approved' | 'rejected'; decidedBy: number; at: string; reason: string | null; membershipId: number | null },
): Promise<boolean> {
  const res = await trx
    .updateTable('access_requests')
    .set({ status: d.status, decided_by: d.decidedBy, decided_at: d.at, reason: d.reason, membership_id: d.membershipId })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ---- Memberships ----

/** Grants a role; answers the membership's id. */
export async function insertMembership(
  trx: Queryable,
  m: {
    userId: number;
    institutionId: number;
    role: string;
    unit: string | null;
    ordinance: string | null;
    grantedBy: number | null;
    expiresAt: string | null;
    accessRequestId: number | null;
    at: string;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('memberships')
    .values({
      user_id: m.userId,
      institution_id: m.institutionId,
      role: m.role,
      unit: m.unit,
      granted_by: m.grantedBy,
      granted_at: m.at,
      ordinance: m.ordinance,
      revoked_at: null,
      expires_at: m.expiresAt,
      revoked_by: null,
      revoke_reason: null,
      end_kind: null,
      access_request_id: m.accessRequestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** One membership with its person, in force or not. */
export async function getMembership(db: Queryable, id: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.user_id',
      'u.name as user_name',
      'm.institution_id',
      'm.role',
      'm.unit',
      'm.ordinance',
      'm.granted_at',
      'm.expires_at',
      'm.revoked_at',
      'm.end_kind',
      'm.revoke_reason',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export type MembershipRow = NonNullable<Awaited<ReturnType<typeof getMembership>>>;

/** A user's membership with this role in force at `now` at the institution, if any. */
export async function findMembershipInForce(db: Queryable, userId: number, institutionId: number, role: string, now: Date | string) {
  const row = await db
    .selectFrom('memberships as m')
    .select('m.id')
    .where('m.user_id', '=', userId)
    .where('m.institution_id', '=', institutionId)
    .where('m.role', '=', role)
    .where(inForceAt(now))
    .orderBy('m.id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Records the end of a membership still in force (compare-and-set; answers
 * the ended row, or undefined when it had ended already):
 * - 'revoked' at `at`, by `by` for `reason`, when not past its end;
 * - 'expired' at its own end (`expires_at`), once that is not after `at`.
 */
export async function endMembershipRow(trx: Queryable, e: { id: number; kind: 'revoked' | 'expired'; by: number | null; reason: string | null; at: string }) {
  let q = trx.updateTable('memberships').where('id', '=', e.id).where('revoked_at', 'is', null);
  if (e.kind === 'revoked') {
    q = q
      .set({ revoked_at: e.at, end_kind: 'revoked', revoked_by: e.by, revoke_reason: e.reason })
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', e.at)]));
  } else {
    q = q.set((eb) => ({ revoked_at: eb.ref('expires_at'), end_kind: 'expired', revoked_by: e.by, revoke_reason: e.reason })).where('expires_at', '<=', e.at);
  }
  return q.returning(['id', 'user_id', 'institution_id', 'role', 'unit', 'ordinance', 'expires_at', 'revoked_at']).executeTakeFirst();
}

/** The memberships past their end at `now` that no one has recorded as ended yet (index memberships_expiry). */
export async function expiredUnrecorded(db: Queryable, now: Date | string): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('id')
    .where('revoked_at', 'is', null)
    .where('expires_at', '<=', iso(now))
    .orderBy('expires_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The requests of an institution in attendance (bff/domain/request-machine.ts
 * inAttendance: in service, or awaiting the citizen from service), as SQL.
 */
const inAttendance = (table: 'r' | 'requests') =>
  sql<boolean>`(${sql.ref(`${table}.status`)} = 'in_service' or (${sql.ref(`${table}.status`)} = 'awaiting_citizen' and ${sql.ref(`${table}.resume_status`)} = 'in_service'))`;

/** The roles in force at `now` of an institution, with who holds them and how many requests in attendance are assigned to each. */
export async function institutionMemberships(db: Queryable, institutionId: number, now: Date | string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('users as g', 'g.id', 'm.granted_by')
    .select((eb) => [
      'm.id',
      'm.user_id',
      'u.name as user_name',
      'u.email as user_email',
      'm.role',
      'm.unit',
      'm.granted_at',
      'm.granted_by',
      'g.name as granted_by_name',
      'm.ordinance',
      'm.expires_at',
      eb
        .selectFrom('requests as r')
        .select((c) => c.fn.countAll<number | string>().as('n'))
        .whereRef('r.assignee_id', '=', 'm.user_id')
        .whereRef('r.institution_id', '=', 'm.institution_id')
        .where(inAttendance('r'))
        .as('open_assigned'),
    ])
    .where('m.institution_id', '=', institutionId)
    .where(inForceAt(now))
    .orderBy('u.name')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ ...r, open_assigned: Number(r.open_assigned ?? 0) }));
}

/**
 * Takes the user off every request in attendance assigned to them at the
 * institution (one statement: a transition racing it either ran before or
 * sees the new version); bumps each one's version. Answers the requests.
 */
export async function unassignOpenRequests(trx: Queryable, u: { userId: number; institutionId: number; at: string }) {
  // Not aliased: SQLite's RETURNING does not see an UPDATE's alias.
  return trx
    .updateTable('requests')
    .set({ assignee_id: null, version: sql<number>`version + 1`, updated_at: u.at })
    .where('requests.assignee_id', '=', u.userId)
    .where('requests.institution_id', '=', u.institutionId)
    .where(inAttendance('requests'))
    .returning(['requests.id', 'requests.protocol', 'requests.status', 'requests.citizen_id'])
    .execute();
}

// ---- Access history ----

/** An entry of an institution's access history: no request, the institution, who acted (null: the clock or the command line). */
export async function appendAccessAudit(
  trx: Queryable,
  e: { institutionId: number; actorId: number | null; action: string; data: unknown; at: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('audit_log')
    .values({
      request_id: null,
      institution_id: e.institutionId,
      actor_id: e.actorId,
      actor_side: null,
      action: e.action,
      from_status: null,
      to_status: null,
      data: JSON.stringify(e.data),
      at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A page of an institution's access history (entries with no request and one of `actions`), newest first; `limit` + 1 rows. */
export async function listAccessHistory(db: Queryable, institutionId: number, f: { actions: readonly string[]; before?: number; limit: number }) {
  let q = db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select(['l.id', 'l.at', 'l.action', 'l.actor_id', 'u.name as actor_name', 'l.data'])
    .where('l.institution_id', '=', institutionId)
    .where('l.request_id', 'is', null)
    .where('l.action', 'in', f.actions);
  if (f.before !== undefined) q = q.where('l.id', '<', f.before);
  return q
    .orderBy('l.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export type AccessHistoryRow = Awaited<ReturnType<typeof listAccessHistory>>[number];

/** The managers in force at `now`, of one institution or all, by institution and name (the administrator's list-managers). */
export async function managersInForce(db: Queryable, f: { institutionId?: number; now: Date | string }) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('institutions as i', 'i.id', 'm.institution_id')
    .select(['i.acronym', 'u.sub', 'u.name', 'm.ordinance', 'm.granted_at'])
    .where('m.role', '=', 'manager')
    .where(inForceAt(f.now));
  if (f.institutionId !== undefined) q = q.where('m.institution_id', '=', f.institutionId);
  return q.orderBy('i.acronym').orderBy('u.name').execute();
}
