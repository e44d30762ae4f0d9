// The writes of who may attend (issue #15), shared by the API routes
// (bff/routes/access.ts), the expiry sweep (bff/server.ts, on a timer) and
// the administrator's command line (bff/cli/admin.ts): granting a role,
// ending one (revoked or expired) with the requests it leaves "sem
// atendente", designating and revoking managers, and recording expiries.
//
// Every grant and end is audited in the institution's access history
// (audit_log entries with no request; contract ACCESS_EVENTS), with what the
// history shows in `data`: the subject, role, unit, ordinance, until, reason
// and source (AccessEventData). Each open request whose assignee lost access
// gets an ASSIGNEE_REMOVED entry in its own history.
//
// The rules are the domain's (bff/domain/access.ts, permissions.ts); this
// module only writes. Errors meant for a person (the command line) are
// AccessServiceError, with a Portuguese message.
import type { Kysely, Transaction } from 'kysely';
import { ASSIGNEE_REMOVED, type AccessEvent, type AccessEventSource } from '../contract/access.js';
import type { Role } from '../contract/types.js';
import { untilOf } from './domain/access.js';
import { canBeAssignee, sideOf } from './domain/permissions.js';
import type { Database } from '../db/schema.js';
import type { Queryable } from '../db/queries/queryable.js';
import {
  appendAccessAudit,
  endMembershipRow,
  expiredUnrecorded,
  findMembershipInForce,
  insertMembership,
  managersInForce,
  unassignOpenRequests,
} from '../db/queries/access.js';
import { appendAudit } from '../db/queries/requests.js';
import { findInstitutionByAcronym, findOrCreateUser, findUserBySub, getInstitution, getUser, rolesIn } from '../db/queries/users.js';

/** What an access event records in `data`: all the access history shows, besides who acted and when. */
export interface AccessEventData {
  institutionId: number;
  /** Whose access it is (their name when it happened). */
  subject: { id: number; name: string };
  role: Role;
  unit: string | null;
  ordinance: string | null;
  /** The last day of the access (YYYY-MM-DD, state's time zone); null: until revoked. */
  until: string | null;
  /** Why it was refused or revoked. */
  reason: string | null;
  source: AccessEventSource;
  accessRequestId?: number | null;
  membershipId?: number | null;
  /** The operating-system user who ran the command line, when it was the source. */
  operator?: string | null;
}

/** Appends an event to the institution's access history (audit_log, no request). */
export async function recordAccessEvent(
  trx: Queryable,
  e: { event: AccessEvent; actorId: number | null; at: Date | string; data: AccessEventData },
): Promise<number> {
  return appendAccessAudit(trx, { institutionId: e.data.institutionId, actorId: e.actorId, action: e.event, data: e.data, at: isoOf(e.at) });
}

const isoOf = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

async function nameOf(trx: Queryable, userId: number): Promise<string> {
  return (await getUser(trx, userId))?.name ?? '';
}

export interface GrantMembership {
  userId: number;
  institutionId: number;
  role: Role;
  unit: string | null;
  ordinance: string | null;
  /** The manager who authorized it; null: the administrator's command line. */
  grantedBy: number | null;
  /** When it ends by itself (bff/domain/access.ts accessExpiry); null: until revoked. */
  expiresAt: Date | null;
  /** The access request it authorizes, if any. */
  accessRequestId: number | null;
  at: Date;
  /** The state's time zone (the audit's `until` is a local day). */
  timeZone: string;
  /** Defaults to 'api' with a grantedBy, 'cli' without. */
  source?: AccessEventSource;
  /** The operating-system user, from the command line. */
  operator?: string | null;
}

/**
 * Grants a role at an institution and audits it (access_granted; for a
 * manager, manager_designated). Answers the membership's id. The caller has
 * checked that the person may get it (bff/domain/access.ts askRefusal).
 */
export async function grantMembership(trx: Transaction<Database>, g: GrantMembership): Promise<number> {
  const at = g.at.toISOString();
  const expiresAt = g.expiresAt?.toISOString() ?? null;
  const membershipId = await insertMembership(trx, { ...g, expiresAt, at });
  await recordAccessEvent(trx, {
    event: g.role === 'manager' ? 'manager_designated' : 'access_granted',
    actorId: g.grantedBy,
    at,
    data: {
      institutionId: g.institutionId,
      subject: { id: g.userId, name: await nameOf(trx, g.userId) },
      role: g.role,
      unit: g.unit,
      ordinance: g.ordinance,
      until: untilOf(expiresAt, g.timeZone),
      reason: null,
      source: g.source ?? (g.grantedBy === null ? 'cli' : 'api'),
      accessRequestId: g.accessRequestId,
      membershipId,
      ...(g.operator ? { operator: g.operator } : {}),
    },
  });
  return membershipId;
}

export interface EndMembership {
  membershipId: number;
  /** 'revoked' now, by a person; 'expired' at its own end (the sweep). */
  kind: 'revoked' | 'expired';
  /** The manager who revoked it; null: the clock or the command line. */
  by: number | null;
  reason: string | null;
  source: AccessEventSource;
  /** The state's time zone (the audit's `until` is a local day). */
  timeZone: string;
  /** When it is recorded (a revocation's instant; an expiry is recorded at its own end, once that is not after `at`). */
  at: Date;
  /** The operating-system user, from the command line. */
  operator?: string | null;
}

export interface EndedMembership {
  membershipId: number;
  userId: number;
  institutionId: number;
  role: Role;
  /** When the access ended: the revocation's instant, or the expiry's. */
  endedAt: string;
  /** The requests in attendance that lost their assignee: now "sem atendente". */
  unassigned: { id: number; protocol: string }[];
}

/**
 * Ends a membership still in force (compare-and-set: null when it had ended
 * already, or — for 'expired' — is not past its end yet; for 'revoked', an
 * access past its end is not revoked). Writes the access history entry
 * (access_revoked, manager_revoked for a manager, or access_expired) and,
 * unless the person still holds another role that attends the institution,
 * takes them off each request in attendance assigned to them there: its
 * assignee cleared, its version bumped (the queue-version trigger sees the
 * update), and an ASSIGNEE_REMOVED entry in its history.
 */
export async function endMembership(trx: Transaction<Database>, e: EndMembership): Promise<EndedMembership | null> {
  const at = e.at.toISOString();
  const row = await endMembershipRow(trx, { id: e.membershipId, kind: e.kind, by: e.by, reason: e.reason, at });
  if (!row) return null;
  const role = row.role as Role;
  const endedAt = row.revoked_at ?? at;
  const name = await nameOf(trx, row.user_id);
  await recordAccessEvent(trx, {
    event: e.kind === 'expired' ? 'access_expired' : role === 'manager' ? 'manager_revoked' : 'access_revoked',
    actorId: e.by,
    at: endedAt,
    data: {
      institutionId: row.institution_id,
      subject: { id: row.user_id, name },
      role,
      unit: row.unit,
      ordinance: row.ordinance,
      until: untilOf(row.expires_at, e.timeZone),
      reason: e.reason,
      source: e.source,
      membershipId: row.id,
      ...(e.operator ? { operator: e.operator } : {}),
    },
  });
  const ended: EndedMembership = { membershipId: row.id, userId: row.user_id, institutionId: row.institution_id, role, endedAt, unassigned: [] };
  const left = (await rolesIn(trx, row.user_id, row.institution_id, at)) as Role[];
  if (canBeAssignee(left)) return ended;
  const requests = await unassignOpenRequests(trx, { userId: row.user_id, institutionId: row.institution_id, at });
  // The revoking manager acts as staff of the institution (decideAccess let them), unless the request is theirs.
  const actor = e.by === null ? null : { id: e.by, roles: new Map([[row.institution_id, ['manager' as Role]]]) };
  for (const r of requests) {
    await appendAudit(trx, {
      requestId: r.id,
      institutionId: row.institution_id,
      actorId: e.by,
      side: actor ? sideOf(actor, { institutionId: row.institution_id, citizenId: r.citizen_id }) : null,
      action: ASSIGNEE_REMOVED,
      from: r.status,
      to: r.status,
      data: { previousAssigneeId: row.user_id, previousAssigneeName: name, why: e.kind },
      at,
    });
    ended.unassigned.push({ id: r.id, protocol: r.protocol });
  }
  return ended;
}

/** The reasons the administrator's commands refuse, each with a message for the person at the terminal. */
export type AccessServiceErrorCode = 'unknown_institution' | 'unknown_user' | 'already_manager' | 'not_manager' | 'invalid_input';

export class AccessServiceError extends Error {
  constructor(
    readonly code: AccessServiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccessServiceError';
  }
}

type Institution = { id: number; acronym: string; name: string };

/** An institution by acronym (any case) or id; AccessServiceError unknown_institution otherwise. */
async function institutionOf(db: Queryable, key: string | number): Promise<Institution> {
  const text = String(key).trim();
  const found = /^\d{1,9}$/.test(text) ? await getInstitution(db, Number(text)) : text ? await findInstitutionByAcronym(db, text) : undefined;
  if (!found)
    throw new AccessServiceError('unknown_institution', `Instituição não encontrada: "${text}". Use a sigla (por exemplo, DETRAN) ou o número da instituição.`);
  return { id: found.id, acronym: found.acronym, name: found.name };
}

function required(value: string | undefined, what: string): string {
  const v = value?.trim();
  if (!v) throw new AccessServiceError('invalid_input', `Informe ${what}.`);
  return v;
}

export interface DesignateManager {
  /** The person's SSO subject. */
  sub: string;
  /** Their name: needed only when Atende has not seen them yet (they are registered with it). */
  name?: string;
  /** The institution's acronym (any case) or id. */
  institution: string | number;
  /** The portaria that designates them. */
  ordinance: string;
  unit?: string | null;
  at: Date;
  timeZone: string;
  /** The operating-system user running the command, for the record. */
  operator?: string | null;
}

export interface DesignatedManager {
  membershipId: number;
  user: { id: number; sub: string; name: string; created: boolean };
  institution: Institution;
}

/**
 * Designates a manager of an institution (the administrator's command line;
 * audited manager_designated, source 'cli', no actor). Throws
 * AccessServiceError: unknown_institution; unknown_user (not seen by Atende,
 * and no name given); already_manager; invalid_input (a blank sub or ordinance).
 */
export async function designateManager(db: Kysely<Database>, d: DesignateManager): Promise<DesignatedManager> {
  const sub = required(d.sub, 'o identificador do usuário (--sub)');
  const ordinance = required(d.ordinance, 'a portaria da designação (--ordinance)');
  const institution = await institutionOf(db, d.institution);
  return db.transaction().execute(async (trx) => {
    let user = await findUserBySub(trx, sub);
    let created = false;
    if (!user) {
      const name = d.name?.trim();
      if (!name) {
        throw new AccessServiceError(
          'unknown_user',
          `Usuário desconhecido: "${sub}" ainda não entrou no Atende. Informe o nome (--name) para cadastrá-lo, ou peça que entre uma vez.`,
        );
      }
      const made = await findOrCreateUser(trx, { sub, name, email: null, at: d.at.toISOString() });
      user = { ...made, sub };
      created = true;
    }
    if (await findMembershipInForce(trx, user.id, institution.id, 'manager', d.at)) {
      throw new AccessServiceError('already_manager', `${user.name} (${sub}) já é gestor(a) de ${institution.acronym}.`);
    }
    const membershipId = await grantMembership(trx, {
      userId: user.id,
      institutionId: institution.id,
      role: 'manager',
      unit: d.unit?.trim() || null,
      ordinance,
      grantedBy: null,
      expiresAt: null,
      accessRequestId: null,
      at: d.at,
      timeZone: d.timeZone,
      source: 'cli',
      operator: d.operator ?? null,
    });
    return { membershipId, user: { id: user.id, sub, name: user.name, created }, institution };
  });
}

export interface RevokeManager {
  sub: string;
  institution: string | number;
  reason: string;
  at: Date;
  timeZone: string;
  operator?: string | null;
}

export interface RevokedManager extends EndedMembership {
  user: { id: number; sub: string; name: string };
  institution: Institution;
}

/**
 * Revokes a manager of an institution (the administrator's command line;
 * audited manager_revoked, source 'cli', no actor); their requests in
 * attendance there become "sem atendente" unless they still attend it.
 * Throws AccessServiceError: unknown_institution; unknown_user; not_manager;
 * invalid_input (a blank sub or reason).
 */
export async function revokeManager(db: Kysely<Database>, r: RevokeManager): Promise<RevokedManager> {
  const sub = required(r.sub, 'o identificador do usuário (--sub)');
  const reason = required(r.reason, 'o motivo da revogação (--reason)');
  const institution = await institutionOf(db, r.institution);
  const user = await findUserBySub(db, sub);
  if (!user) throw new AccessServiceError('unknown_user', `Usuário desconhecido: "${sub}" nunca entrou no Atende.`);
  const notManager = () => new AccessServiceError('not_manager', `${user.name} (${sub}) não é gestor(a) de ${institution.acronym}.`);
  return db.transaction().execute(async (trx) => {
    const membershipId = await findMembershipInForce(trx, user.id, institution.id, 'manager', r.at);
    if (membershipId === undefined) throw notManager();
    const ended = await endMembership(trx, {
      membershipId,
      kind: 'revoked',
      by: null,
      reason,
      source: 'cli',
      at: r.at,
      timeZone: r.timeZone,
      operator: r.operator ?? null,
    });
    if (!ended) throw notManager();
    return { ...ended, user: { id: user.id, sub, name: user.name }, institution };
  });
}

/** The managers in force at `now`, of one institution (acronym or id; AccessServiceError when unknown) or all (the administrator's list-managers). */
export async function listManagers(db: Kysely<Database>, f: { institution?: string; now: Date }) {
  const institutionId = f.institution === undefined ? undefined : (await institutionOf(db, f.institution)).id;
  const rows = await managersInForce(db, { institutionId, now: f.now });
  return rows.map((r) => ({ acronym: r.acronym, sub: r.sub, name: r.name, ordinance: r.ordinance, grantedAt: r.granted_at }));
}

/**
 * Records every access past its end at `now` and not yet recorded as ended:
 * ended at its own end ('expired', source 'clock'), with its requests "sem
 * atendente". Each in its own transaction, compare-and-set: two instances
 * sweeping at once record each expiry once (only the one whose update ended
 * the row writes the audit). Answers what it recorded.
 */
export async function sweepExpired(db: Kysely<Database>, now: Date, timeZone: string): Promise<EndedMembership[]> {
  const recorded: EndedMembership[] = [];
  for (const membershipId of await expiredUnrecorded(db, now)) {
    const ended = await db
      .transaction()
      .execute((trx) => endMembership(trx, { membershipId, kind: 'expired', by: null, reason: null, source: 'clock', at: now, timeZone }));
    if (ended) recorded.push(ended);
  }
  return recorded;
}
