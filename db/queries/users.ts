// Users, their memberships (lotação and role) and the institutions.
import type { Queryable } from './queryable.js';

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

/** A user's roles in force, per institution. */
export async function activeRoles(db: Queryable, userId: number) {
  return db.selectFrom('memberships').select(['institution_id', 'role']).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** A user's memberships in force, with their institutions. */
export async function activeMemberships(db: Queryable, userId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('institutions as i', 'i.id', 'm.institution_id')
    .select(['i.id', 'i.acronym', 'i.name', 'm.role', 'm.unit', 'm.granted_at', 'm.ordinance'])
    .where('m.user_id', '=', userId)
    .where('m.revoked_at', 'is', null)
    .orderBy('i.acronym')
    .execute();
}

/** The roles a user holds in one institution. */
export async function rolesIn(db: Queryable, userId: number, institutionId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('institution_id', '=', institutionId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => r.role);
}

export async function listInstitutions(db: Queryable) {
  return db.selectFrom('institutions').select(['id', 'acronym', 'name', 'units']).orderBy('acronym').execute();
}

/** Memberships in force of an institution with these roles, by person name. */
export async function institutionStaff(db: Queryable, institutionId: number, roles: readonly string[]) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.unit'])
    .where('m.institution_id', '=', institutionId)
    .where('m.role', 'in', roles)
    .where('m.revoked_at', 'is', null)
    .orderBy('u.name')
    .execute();
}
