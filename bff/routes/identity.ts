// Who am I, the institutions, and who can be assigned.
import { createRoute } from '@hono/zod-openapi';
import type { Me, Membership, Role } from '../../contract/types.js';
import { AttendantsQuery, IdParam } from '../../contract/schemas.js';
import { AppConfig, Attendant, Institution, Items, Me as MeSchema } from '../../contract/responses.js';
import { ASSIGNABLE_ROLES, assigneeRefusal, isStaffOf } from '../domain/permissions.js';
import { asRole, requestFacts } from '../dto.js';
import { type Deps, requireUser } from '../env.js';
import { notFound } from '../errors.js';
import { bearer, json, problemsOf, router } from '../openapi.js';
import { activeMemberships, institutionStaff, listInstitutions } from '../../db/queries/users.js';
import { getRequestFacts } from '../../db/queries/requests.js';

const me = createRoute({
  method: 'get',
  path: '/me',
  summary: 'Identity, memberships and roles',
  description: 'Who: any signed-in user.',
  security: bearer,
  responses: { 200: json(MeSchema, 'Who you are'), ...problemsOf(401) },
});

const institutions = createRoute({
  method: 'get',
  path: '/institutions',
  summary: 'Institutions',
  description: 'Who: anyone.',
  responses: { 200: json(Items(Institution), 'Every institution') },
});

const attendants = createRoute({
  method: 'get',
  path: '/institutions/{id}/attendants',
  summary: 'Who can be assigned',
  description:
    "Who: the institution's attendants and managers (others: 404). With `forRequest` (a request of the institution, else 404), only those who may be named its assignee: not who filed it.",
  security: bearer,
  request: { params: IdParam, query: AttendantsQuery },
  responses: { 200: json(Items(Attendant), 'Attendants and managers in force'), ...problemsOf(400, 401, 404) },
});

const appConfig = createRoute({
  method: 'get',
  path: '/config',
  summary: 'What the elements need from the server',
  description:
    'Who: anyone (no token). The time zone every date is shown in (TIME_ZONE), the join lead time (JOIN_LEAD_MINUTES), whether video (Jitsi) is configured. Cache-Control: public, max-age=300.',
  responses: { 200: json(AppConfig, 'The settings') },
});

export function identityRoutes({ db, now, config }: Deps) {
  return router()
    .openapi(appConfig, (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(
        {
          timeZone: config.timeZone,
          joinLeadMinutes: config.joinLeadMinutes,
          video: { configured: config.jitsi !== null, domain: config.jitsi?.domain ?? null },
          reopenDays: config.reopenDays,
        },
        200,
      );
    })
    .openapi(me, async (c) => {
      const user = requireUser(c);
      const memberships: Membership[] = (await activeMemberships(db, user.id, now())).map((r) => ({
        institution: { id: r.id, acronym: r.acronym, name: r.name },
        role: asRole(r.role),
        unit: r.unit,
        grantedAt: r.granted_at,
        ordinance: r.ordinance,
        expiresAt: r.expires_at,
      }));
      const mine: Me = {
        id: user.id,
        sub: user.sub,
        name: user.name,
        email: user.email,
        memberships,
        roles: [...new Set(memberships.map((m) => m.role))],
      };
      return c.json(mine, 200);
    })
    .openapi(institutions, async (c) => {
      const rows = await listInstitutions(db);
      return c.json({ items: rows.map((r) => ({ id: r.id, acronym: r.acronym, name: r.name, units: JSON.parse(r.units) as string[] })) }, 200);
    })
    .openapi(attendants, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      // Another institution's staff list is not yours to see: 404, as for requests.
      if (!isStaffOf(user, id)) throw notFound('Instituição não encontrada.');
      const { forRequest } = c.req.valid('query');
      const request = forRequest === undefined ? undefined : await getRequestFacts(db, forRequest);
      if (forRequest !== undefined && request?.institution_id !== id) throw notFound('Solicitação não encontrada.');
      const byUser = new Map<number, { id: number; name: string; email: string | null; roles: Role[]; unit: string | null }>();
      for (const r of await institutionStaff(db, id, ASSIGNABLE_ROLES, now())) {
        const u = byUser.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [], unit: r.unit };
        u.roles.push(asRole(r.role));
        byUser.set(r.id, u);
      }
      const items = [...byUser.values()];
      return c.json({ items: request ? items.filter((u) => assigneeRefusal(u, requestFacts(request)) === null) : items }, 200);
    });
}
