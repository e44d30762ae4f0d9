// Who am I, the institutions, and who can be assigned.
import { Hono } from 'hono';
import type { Me, Membership, Role } from '../../contract/types.js';
import { IdParam } from '../../contract/schemas.js';
import { ASSIGNABLE_ROLES, isStaffOf } from '../domain/permissions.js';
import { asRole } from '../dto.js';
import { type AppEnv, type Deps, requireUser } from '../env.js';
import { notFound } from '../errors.js';
import { parse } from '../validate.js';
import { activeMemberships, institutionStaff, listInstitutions } from '../../db/queries/users.js';

export function identityRoutes({ db }: Deps) {
  return new Hono<AppEnv>()
    .get('/me', async (c) => {
      const user = requireUser(c);
      const memberships: Membership[] = (await activeMemberships(db, user.id)).map((r) => ({
        institution: { id: r.id, acronym: r.acronym, name: r.name },
        role: asRole(r.role),
        unit: r.unit,
        grantedAt: r.granted_at,
        ordinance: r.ordinance,
      }));
      const me: Me = {
        id: user.id, sub: user.sub, name: user.name, email: user.email, memberships,
        roles: [...new Set(memberships.map((m) => m.role))],
      };
      return c.json(me);
    })
    .get('/institutions', async (c) => {
      const rows = await listInstitutions(db);
      return c.json({ items: rows.map((r) => ({ id: r.id, acronym: r.acronym, name: r.name, units: JSON.parse(r.units) as string[] })) });
    })
    .get('/institutions/:id/attendants', async (c) => {
      const user = requireUser(c);
      const { id } = parse(IdParam, c.req.param());
      // Another institution's staff list is not yours to see: 404, as for requests.
      if (!isStaffOf(user, id)) throw notFound('Instituição não encontrada.');
      const byUser = new Map<number, { id: number; name: string; email: string | null; roles: Role[]; unit: string | null }>();
      for (const r of await institutionStaff(db, id, ASSIGNABLE_ROLES)) {
        const u = byUser.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [], unit: r.unit };
        u.roles.push(asRole(r.role));
        byUser.set(r.id, u);
      }
      return c.json({ items: [...byUser.values()] });
    });
}
