// Who am I, the institutions, and who can be assigned.
import { Hono } from 'hono';
import type { Me, Membership, Role } from '../../contract/types.js';
import { isStaffOf } from '../domain/permissions.js';
import { type AppEnv, type Deps, requireUser } from '../env.js';
import { notFound } from '../errors.js';
import {
  IdParam,
} from '../../contract/schemas.js';
import { parse } from '../validate.js';

export function identityRoutes({ db }: Deps) {
  return new Hono<AppEnv>()
    .get('/me', async (c) => {
      const user = requireUser(c);
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('institutions as i', 'i.id', 'm.institution_id')
        .select(['i.id', 'i.acronym', 'i.name', 'm.role', 'm.unit', 'm.granted_at', 'm.ordinance'])
        .where('m.user_id', '=', user.id)
        .where('m.revoked_at', 'is', null)
        .orderBy('i.acronym')
        .execute();
      const memberships: Membership[] = rows.map((r) => ({
        institution: { id: r.id, acronym: r.acronym, name: r.name },
        role: r.role,
        unit: r.unit,
        grantedAt: r.granted_at,
        ordinance: r.ordinance,
      }));
      const me: Me = {
        id: user.id, sub: user.sub, name: user.name, email: user.email, memberships,
        roles: [...new Set(memberships.map((m) => m.role))] as Role[],
      };
      return c.json(me);
    })
    .get('/institutions', async (c) => {
      const rows = await db.selectFrom('institutions').select(['id', 'acronym', 'name', 'units']).orderBy('acronym').execute();
      return c.json({ items: rows.map((r) => ({ id: r.id, acronym: r.acronym, name: r.name, units: JSON.parse(r.units) as string[] })) });
    })
    .get('/institutions/:id/attendants', async (c) => {
      const user = requireUser(c);
      const { id } = parse(IdParam, c.req.param());
      // Another institution's staff list is not yours to see: 404, as for requests.
      if (!isStaffOf(user, id)) throw notFound('Instituição não encontrada.');
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.unit'])
        .where('m.institution_id', '=', id)
        .where('m.role', 'in', ['attendant', 'manager'])
        .where('m.revoked_at', 'is', null)
        .orderBy('u.name')
        .execute();
      const byUser = new Map<number, { id: number; name: string; email: string | null; roles: Role[]; unit: string | null }>();
      for (const r of rows) {
        const u = byUser.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [], unit: r.unit };
        u.roles.push(r.role);
        byUser.set(r.id, u);
      }
      return c.json({ items: [...byUser.values()] });
    });
}
