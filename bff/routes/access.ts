// Who may attend (issue #15): a servant asks for the attendant profile of an
// institution; its managers authorize (optionally until a day) or refuse,
// list who attends and revoke an attendant, and read the access history.
// The rules are bff/domain/access.ts and decideAccess (404 before 403 before
// 409); the writes, bff/access-service.ts.
import { createRoute } from '@hono/zod-openapi';
import type { Role } from '../../contract/types.js';
import {
  AccessHistoryQuery,
  AccessRequestListQuery,
  ApproveAccessBody,
  CreateAccessRequestBody,
  IdParam,
  RejectAccessBody,
  RevokeMembershipBody,
} from '../../contract/schemas.js';
import { ACCESS_EVENTS, type AccessRequestStatus } from '../../contract/access.js';
import {
  AccessHistoryPage,
  AccessRequestPage,
  AccessRequest as AccessRequestSchema,
  Items,
  MembershipRevoked,
  StaffMembership,
} from '../../contract/responses.js';
import { REQUESTED_ROLE, accessExpiry, askRefusal, canDecide, isUnitOf, revokeRefusal } from '../domain/access.js';
import { ACCESS_WHO, type Actor, decideAccess, managedInstitutions } from '../domain/permissions.js';
import { endMembership, grantMembership, recordAccessEvent } from '../access-service.js';
import { toAccessHistoryEntry, toAccessRequest, toStaffMembership } from '../dto.js';
import { type AppDeps, requireUser } from '../env.js';
import { badRequest, conflict, forbidden, notFound } from '../errors.js';
import { bearer, json, jsonBody, problemsOf, router } from '../openapi.js';
import { jsonOnly } from '../validate.js';
import {
  decideAccessRequest,
  getAccessRequest,
  getMembership,
  hasPendingAccessRequest,
  insertAccessRequest,
  institutionMemberships,
  isOnePendingConflict,
  listAccessHistory,
  listAccessRequests,
} from '../../db/queries/access.js';
import { getInstitution, rolesIn } from '../../db/queries/users.js';

const ASK_REFUSALS = {
  already_attends: 'Você já atende esta instituição.',
  pending: 'Você já tem uma solicitação pendente nesta instituição.',
} as const;

const REVOKE_REFUSALS = {
  not_attendant: 'Gestores são designados e revogados pelo administrador.',
  ended: 'Este acesso já terminou.',
} as const;

const decided = () => conflict('Esta solicitação de acesso já foi decidida.');

/** 404 or 403 unless the actor manages the institution (decideAccess). */
function mustManage(actor: Actor, institutionId: number, notFoundText: string) {
  const decision = decideAccess(actor, institutionId);
  if (decision === 'not_found') throw notFound(notFoundText);
  if (decision !== 'allow') throw forbidden('Somente gestores da instituição decidem quem a atende.');
}

const list = createRoute({
  method: 'get',
  path: '/access-requests',
  summary: 'Access requests, newest first',
  security: bearer,
  description:
    `Who: any signed-in user. A manager gets the requests of the institutions they manage; anyone else, or with mine=true, their own. ` +
    `With institutionId (and not mine=true) the institution’s: ${ACCESS_WHO.replace(/^Who: /, '')}`,
  request: { query: AccessRequestListQuery },
  responses: { 200: json(AccessRequestPage, 'A page; pass nextBefore as before for older ones'), ...problemsOf(400, 401, 403, 404) },
});

const create = createRoute({
  method: 'post',
  path: '/access-requests',
  summary: 'Ask for the attendant profile (Solicitar acesso)',
  security: bearer,
  description:
    'Who: any signed-in user, as a servant asking for the attendant profile of an institution, with the unit (one of its units: 400 otherwise) ' +
    'and the portaria or SEI process that backs it. An unknown institution: 404. 409 for who already attends it or has a request pending there ' +
    '(one pending per servant and institution, also when several arrive at once).',
  middleware: [jsonOnly] as const,
  request: { body: jsonBody(CreateAccessRequestBody) },
  responses: { 201: json(AccessRequestSchema, 'The pending request'), ...problemsOf(400, 401, 404, 409, 415, 429) },
});

const approve = createRoute({
  method: 'post',
  path: '/access-requests/{id}/approve',
  summary: 'Authorize (Autorizar), optionally until a day',
  security: bearer,
  description: `${ACCESS_WHO} Only a pending request (409 once decided). With until (today or later, else 400), the access ends by itself at the end of that day in the state’s time zone. The servant attends the institution from their next request.`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(ApproveAccessBody) },
  responses: { 200: json(AccessRequestSchema, 'The approved request, with its access'), ...problemsOf(400, 401, 403, 404, 409, 415) },
});

const reject = createRoute({
  method: 'post',
  path: '/access-requests/{id}/reject',
  summary: 'Refuse with a reason (Recusar)',
  security: bearer,
  description: `${ACCESS_WHO} Only a pending request (409 once decided); the servant reads the reason.`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(RejectAccessBody) },
  responses: { 200: json(AccessRequestSchema, 'The refused request'), ...problemsOf(400, 401, 403, 404, 409, 415) },
});

const revoke = createRoute({
  method: 'post',
  path: '/memberships/{id}/revoke',
  summary: 'Revoke an attendant’s access (Revogar acesso)',
  security: bearer,
  description:
    `${ACCESS_WHO} Attendants only (managers are designated and revoked by the administrator: 409), and only an access in force (409). ` +
    'It ends at once on this server and within IDENTITY_TTL on any other; their requests in attendance there become "sem atendente" for reassignment.',
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(RevokeMembershipBody) },
  responses: { 200: json(MembershipRevoked, 'Ended, with the requests now without an assignee'), ...problemsOf(400, 401, 403, 404, 409, 415) },
});

const memberships = createRoute({
  method: 'get',
  path: '/institutions/{id}/memberships',
  summary: 'Who attends the institution now',
  security: bearer,
  description: `${ACCESS_WHO} The roles in force (not revoked, not past their end), by name, with the requests in attendance assigned to each.`,
  request: { params: IdParam },
  responses: { 200: json(Items(StaffMembership), 'Roles in force'), ...problemsOf(400, 401, 403, 404) },
});

const history = createRoute({
  method: 'get',
  path: '/institutions/{id}/access-history',
  summary: 'Access history, newest first',
  security: bearer,
  description: `${ACCESS_WHO} Every request for access, grant, refusal, expiry and revocation (and the administrator’s designations), with who and why.`,
  request: { params: IdParam, query: AccessHistoryQuery },
  responses: { 200: json(AccessHistoryPage, 'A page; pass nextBefore as before for older entries'), ...problemsOf(400, 401, 403, 404) },
});

export function accessRoutes(deps: AppDeps) {
  const { db, now, identities } = deps;

  /** The access request, when the actor manages its institution (404 before 403); its row. */
  const managedRequest = async (actor: Actor, id: number) => {
    const r = await getAccessRequest(db, id);
    if (!r) throw notFound('Solicitação de acesso não encontrada.');
    mustManage(actor, r.institution_id, 'Solicitação de acesso não encontrada.');
    return r;
  };

  const answer = async (id: number, at: Date) => {
    const row = await getAccessRequest(db, id);
    if (!row) throw notFound('Solicitação de acesso não encontrada.');
    return toAccessRequest(row, at, deps.config.timeZone);
  };

  return router()
    .openapi(list, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const managed = managedInstitutions(user);
      let scope: { institutionIds?: number[]; userId?: number };
      if (q.mine === 'true' || (q.institutionId === undefined && managed.length === 0)) {
        scope = { userId: user.id };
      } else if (q.institutionId !== undefined) {
        mustManage(user, q.institutionId, 'Instituição não encontrada.');
        scope = { institutionIds: [q.institutionId] };
      } else {
        scope = { institutionIds: managed };
      }
      const rows = await listAccessRequests(db, scope, { institutionId: q.institutionId, status: q.status, before: q.before, limit: q.limit });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const at = now();
      return c.json({ items: page.map((r) => toAccessRequest(r, at, deps.config.timeZone)), nextBefore: more ? page[page.length - 1].id : null }, 200);
    })
    .openapi(create, async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      const institution = await getInstitution(db, body.institutionId);
      if (!institution) throw notFound('Instituição não encontrada.');
      const units = JSON.parse(institution.units) as string[];
      const unit = body.unit.trim();
      const ordinance = body.ordinance.trim();
      if (!isUnitOf(units, unit)) {
        throw badRequest('Escolha uma unidade (lotação) desta instituição.', { unit: `Unidades de ${institution.acronym}: ${units.join('; ')}.` });
      }
      const at = now();
      const [roles, pending] = await Promise.all([rolesIn(db, user.id, institution.id, at), hasPendingAccessRequest(db, user.id, institution.id)]);
      const refusal = askRefusal(roles as Role[], pending);
      if (refusal) throw conflict(ASK_REFUSALS[refusal]);
      let id: number;
      try {
        id = await deps.writes.run(async (trx) => {
          const created = await insertAccessRequest(trx, { userId: user.id, institutionId: institution.id, unit, ordinance, at: at.toISOString() });
          await recordAccessEvent(trx, {
            event: 'access_requested',
            actorId: user.id,
            at,
            data: {
              institutionId: institution.id,
              subject: { id: user.id, name: user.name },
              role: REQUESTED_ROLE,
              unit,
              ordinance,
              until: null,
              reason: null,
              source: 'api',
              accessRequestId: created,
            },
          });
          return created;
        });
      } catch (err) {
        // Another request of theirs arrived at the same time and was stored first.
        if (isOnePendingConflict(err)) throw conflict(ASK_REFUSALS.pending);
        throw err;
      }
      c.header('Location', `/api/access-requests/${id}`);
      return c.json(await answer(id, at), 201);
    })
    .openapi(approve, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const { until } = c.req.valid('json');
      const r = await managedRequest(user, id);
      if (!canDecide(r.status as AccessRequestStatus)) throw decided();
      const at = now();
      const expiresAt = accessExpiry(until, at, deps.config.timeZone);
      if (expiresAt === 'past') throw badRequest('A data final precisa ser hoje ou depois.', { until: 'A data final precisa ser hoje ou depois.' });
      // Since they asked, they may have come to attend it some other way (a manager's designation).
      if (askRefusal((await rolesIn(db, r.user_id, r.institution_id, at)) as Role[], false)) {
        throw conflict(`${r.user_name} já atende esta instituição.`);
      }
      await deps.writes.run(async (trx) => {
        const membershipId = await grantMembership(trx, {
          userId: r.user_id,
          institutionId: r.institution_id,
          role: REQUESTED_ROLE,
          unit: r.unit,
          ordinance: r.ordinance,
          grantedBy: user.id,
          expiresAt,
          accessRequestId: r.id,
          at,
          timeZone: deps.config.timeZone,
        });
        // Two managers deciding at once: the second finds it decided, and its grant is rolled back.
        const won = await decideAccessRequest(trx, { id, status: 'approved', decidedBy: user.id, at: at.toISOString(), reason: null, membershipId });
        if (!won) throw decided();
      });
      identities.forget(r.user_id);
      return c.json(await answer(id, at), 200);
    })
    .openapi(reject, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const reason = c.req.valid('json').reason.trim();
      const r = await managedRequest(user, id);
      if (!canDecide(r.status as AccessRequestStatus)) throw decided();
      const at = now();
      await deps.writes.run(async (trx) => {
        const won = await decideAccessRequest(trx, { id, status: 'rejected', decidedBy: user.id, at: at.toISOString(), reason, membershipId: null });
        if (!won) throw decided();
        await recordAccessEvent(trx, {
          event: 'access_refused',
          actorId: user.id,
          at,
          data: {
            institutionId: r.institution_id,
            subject: { id: r.user_id, name: r.user_name },
            role: REQUESTED_ROLE,
            unit: r.unit,
            ordinance: r.ordinance,
            until: null,
            reason,
            source: 'api',
            accessRequestId: r.id,
          },
        });
      });
      return c.json(await answer(id, at), 200);
    })
    .openapi(revoke, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const reason = c.req.valid('json').reason.trim();
      const m = await getMembership(db, id);
      if (!m) throw notFound('Acesso não encontrado.');
      mustManage(user, m.institution_id, 'Acesso não encontrado.');
      const at = now();
      const refusal = revokeRefusal(m, at);
      if (refusal) throw conflict(REVOKE_REFUSALS[refusal]);
      const ended = await deps.writes.run((trx) =>
        endMembership(trx, { membershipId: id, kind: 'revoked', by: user.id, reason, source: 'api', at, timeZone: deps.config.timeZone }),
      );
      if (!ended) throw conflict(REVOKE_REFUSALS.ended);
      identities.forget(m.user_id);
      return c.json({ id, endedAt: ended.endedAt, unassigned: ended.unassigned }, 200);
    })
    .openapi(memberships, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      mustManage(user, id, 'Instituição não encontrada.');
      const rows = await institutionMemberships(db, id, now());
      return c.json({ items: rows.map(toStaffMembership) }, 200);
    })
    .openapi(history, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      mustManage(user, id, 'Instituição não encontrada.');
      const rows = await listAccessHistory(db, id, { actions: ACCESS_EVENTS, before: q.before, limit: q.limit });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return c.json({ items: page.map(toAccessHistoryEntry), nextBefore: more ? page[page.length - 1].id : null }, 200);
    });
}
