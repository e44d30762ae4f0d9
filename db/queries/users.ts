// Users, their memberships (lotação and role) and the institutions.
//
// A membership is in force while it is not revoked and not past its end
// (`expires_at`): an access authorized until a day ends by the clock, even
// before the expiry sweep records it. Every query that reads memberships as
// roles takes `now` and asks inForceAt(now).
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { Queryable } from './queryable.js';

/** An ISO 8601 instant, as the columns store them. */
const iso = (now: Date | string) => (typeof now === 'string' ? now : now.toISOString());

/** The filter of memberships in force at `now` (the table as `m`). */
export function inForceAt(now: Date | string) {
  const at = iso(now);
  return (eb: ExpressionBuilder<Database & { m: Database['memberships'] }, 'm'>) =>
    eb.and([eb('m.revoked_at', 'is', null), eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', at)])]);
}

/** The user of an SSO subject, created with no role on first sight. */
export async function findOrCreateUser(db: Queryable, u: { sub: string; name: string; email: string | null; at: string }) {
  const find = () => db.selectFrom('users').select(['id', 'name', 'email']).where('sub', '=', u.sub).executeTakeFirst();
  const found = await find();
  if (found) return found;
  await db
    .insertInto('users')
    .values({ sub: u.sub, name: u.name, email: u.email, created_at: u.at })
    .onConflict((oc) => oc.column('sub').doNothing())
    .execute();
  const created = await find();
  if (!created) throw new Error(`user ${u.sub} was neither found nor created`);
  return created;
}

/** One user, by id. */
export async function getUser(db: Queryable, id: number) {
  return db.selectFrom('users').select(['id', 'sub', 'name', 'email']).where('id', '=', id).executeTakeFirst();
}

/** The user of an SSO subject, if Atende has seen them. */
export async function findUserBySub(db: Queryable, sub: string) {
  return db.selectFrom('users').select(['id', 'sub', 'name', 'email']).where('sub', '=', sub).executeTakeFirst();
}

/** A user's roles in force at `now`, per institution, with when each ends by itself (null: until revoked). */
export async function activeRoles(db: Queryable, userId: number, now: Date | string) {
  return db
    .selectFrom('memberships as m')
    .select(['m.institution_id', 'm.role', 'm.expires_at'])
    .where('m.user_id', '=', userId)
    .where(inForceAt(now))
    .execute();
}

/** A user's memberships in force at `now`, with their institutions. */
export async function activeMemberships(db: Queryable, userId: number, now: Date | string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('institutions as i', 'i.id', 'm.institution_id')
    .select(['i.id', 'i.acronym', 'i.name', 'm.role', 'm.unit', 'm.granted_at', 'm.ordinance', 'm.expires_at'])
    .where('m.user_id', '=', userId)
    .where(inForceAt(now))
    .orderBy('i.acronym')
    .execute();
}

/** The roles a user holds in one institution at `now`. */
export async function rolesIn(db: Queryable, userId: number, institutionId: number, now: Date | string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .select('m.role')
    .where('m.user_id', '=', userId)
    .where('m.institution_id', '=', institutionId)
    .where(inForceAt(now))
    .execute();
  return rows.map((r) => r.role);
}

export async function listInstitutions(db: Queryable) {
  return db.selectFrom('institutions').select(['id', 'acronym', 'name', 'units']).orderBy('acronym').execute();
}

/** One institution, by id. */
export async function getInstitution(db: Queryable, id: number) {
  return db.selectFrom('institutions').select(['id', 'acronym', 'name', 'units']).where('id', '=', id).executeTakeFirst();
}

/** One institution, by its acronym (any case). */
export async function findInstitutionByAcronym(db: Queryable, acronym: string) {
  return db
    .selectFrom('institutions')
    .select(['id', 'acronym', 'name', 'units'])
    .where((eb) => eb(eb.fn('upper', ['acronym']), '=', acronym.toUpperCase()))
    .executeTakeFirst();
}

/** Memberships in force at `now` of an institution with these roles, by person name. */
export async function institutionStaff(db: Queryable, institutionId: number, roles: readonly string[], now: Date | string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.unit'])
    .where('m.institution_id', '=', institutionId)
    .where('m.role', 'in', roles)
    .where(inForceAt(now))
    .orderBy('u.name')
    .execute();
}
