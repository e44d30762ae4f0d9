// Authorization matrix: every route × (no token, another citizen, owner
// citizen, attendant, attendant of another institution, manager, and an
// attendant of the institution who filed the request: its citizen, never its staff).
// The charter's routes, and who may attend (access requests, memberships, access history): the institution's managers only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { localDate } from '../../contract/time.js';
import { TINY_PDF, type TestContext, createTestContext, filingBody } from '../helpers.js';

type Who = 'none' | 'other' | 'citizen' | 'attendant' | 'attendantB' | 'manager' | 'attendantFiler';
const WHO: Who[] = ['none', 'other', 'citizen', 'attendant', 'attendantB', 'manager', 'attendantFiler'];
type State = 'submitted' | 'in_analysis' | 'in_service' | 'concluded' | 'evaluated';

interface Row {
  route: string;
  /** Request state the route needs (a fresh request per call), if any. */
  state?: State;
  call: (t: TestContext, ids: { request: number; file: number; evaluation?: number }, as?: string) => Promise<Response>;
  expect: Record<Who, number>;
}

const OWNER_STAFF_404 = { none: 401, other: 404, citizen: 200, attendant: 200, attendantB: 404, manager: 200, attendantFiler: 200 };
// attendantFiler filed the request: staff of the institution, but never its staff.
const STAFF_ACTION = { none: 401, other: 404, citizen: 403, attendant: 200, attendantB: 404, manager: 200, attendantFiler: 403 };

// The charter's own service (institution A): published, with a draft (version 2), so every charter route has something to act on.
let charter = 0;
// Who edits institution A's charter: its managers; its other staff 403, anyone else 404.
const CHARTER = { none: 401, other: 404, citizen: 404, attendant: 403, attendantB: 404, manager: 200, attendantFiler: 403 };
// Routes on an institution named in the request (creating, a manager's list): 403 for anyone but its managers.
const CHARTER_OF_INSTITUTION = { none: 401, other: 403, citizen: 403, attendant: 403, attendantB: 403, manager: 200, attendantFiler: 403 };
const asManager = (t: TestContext, method: string, path: string, body?: unknown) => t.call(method, path, { as: 'manager', body });
// Who decides who attends institution A (decideAccess): its managers; its attendants get 403, anyone else 404.
const ACCESS = { none: 401, other: 404, citizen: 404, attendant: 403, attendantB: 404, manager: 200, attendantFiler: 403 };
let servants = 0;
/** A pending access request to institution A from a servant seen for the first time. */
async function pendingAccess(t: TestContext): Promise<number> {
  const token = await t.token(`servidor.matriz.${++servants}`);
  const res = await t.call('POST', '/api/access-requests', {
    as: token,
    body: { institutionId: t.fx.instA, unit: 'Unidade 1', ordinance: 'Portaria nº 1/2026' },
  });
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

// Each meeting gets a slot of its own (an hour apart, days ahead), so no host's bookings overlap.
let slots = 0;
const nextSlot = () => ({
  startsAt: new Date(Date.now() + (2 * 24 + ++slots) * 60 * 60 * 1000).toISOString(),
  durationMinutes: 30,
  subject: 'Conferir documentos',
});
/** A meeting booked on the request by "attendant" at the next slot; its id. */
async function meeting(t: TestContext, request: number): Promise<number> {
  const res = await t.call('POST', `/api/requests/${request}/meetings`, { as: 'attendant', body: nextSlot() });
  assert.equal(res.status, 201, 'booking the meeting');
  return (await res.json()).id;
}

const ROWS: Row[] = [
  {
    route: 'GET /api/me',
    call: (t, _i, as) => t.call('GET', '/api/me', { as }),
    expect: { none: 401, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/institutions',
    call: (t, _i, as) => t.call('GET', '/api/institutions', { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/institutions/:id/attendants',
    call: (t, _i, as) => t.call('GET', `/api/institutions/${t.fx.instA}/attendants`, { as }),
    expect: { none: 401, other: 404, citizen: 404, attendant: 200, attendantB: 404, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/services',
    call: (t, _i, as) => t.call('GET', '/api/services', { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/services/:id',
    call: (t, _i, as) => t.call('GET', `/api/services/${t.fx.service}`, { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/services?drafts=true',
    call: (t, _i, as) => t.call('GET', `/api/services?drafts=true&institutionId=${t.fx.instA}`, { as }),
    expect: CHARTER_OF_INSTITUTION,
  },
  {
    route: 'POST /api/services',
    call: (t, _i, as) => t.call('POST', '/api/services', { as, body: { institutionId: t.fx.instA, name: 'Serviço novo' } }),
    expect: { ...CHARTER_OF_INSTITUTION, manager: 201 },
  },
  {
    route: 'PATCH /api/services/:id',
    call: (t, _i, as) => t.call('PATCH', `/api/services/${charter}`, { as, body: { cost: `Custo de ${as}` } }),
    expect: CHARTER,
  },
  {
    route: 'POST /api/services/:id/publish',
    call: async (t, _i, as) => {
      await asManager(t, 'PATCH', `/api/services/${charter}`, { cost: 'Gratuito' });
      return t.call('POST', `/api/services/${charter}/publish`, { as });
    },
    expect: CHARTER,
  },
  {
    route: 'POST /api/services/:id/unpublish',
    call: async (t, _i, as) => {
      await asManager(t, 'PATCH', `/api/services/${charter}`, { cost: 'Gratuito' });
      await asManager(t, 'POST', `/api/services/${charter}/publish`);
      return t.call('POST', `/api/services/${charter}/unpublish`, { as, body: { reason: 'Suspenso.' } });
    },
    expect: CHARTER,
  },
  { route: 'GET /api/services/:id/versions', call: (t, _i, as) => t.call('GET', `/api/services/${charter}/versions`, { as }), expect: CHARTER },
  { route: 'GET /api/services/:id/versions/:version', call: (t, _i, as) => t.call('GET', `/api/services/${charter}/versions/1`, { as }), expect: CHARTER },
  {
    route: 'GET /api/services/:id/versions/:a/diff/:b',
    call: (t, _i, as) => t.call('GET', `/api/services/${charter}/versions/1/diff/2`, { as }),
    expect: CHARTER,
  },
  {
    route: 'POST /api/requests',
    call: (t, _i, as) => t.call('POST', '/api/requests', { as, body: filingBody(t.fx.service) }),
    expect: { none: 401, other: 201, citizen: 201, attendant: 201, attendantB: 201, manager: 201, attendantFiler: 201 },
  },
  {
    route: 'GET /api/requests',
    call: (t, _i, as) => t.call('GET', '/api/requests', { as }),
    expect: { none: 401, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/requests/counts',
    call: (t, _i, as) => t.call('GET', '/api/requests/counts', { as }),
    expect: { none: 401, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  { route: 'GET /api/requests/:id', state: 'submitted', call: (t, i, as) => t.call('GET', `/api/requests/${i.request}`, { as }), expect: OWNER_STAFF_404 },
  {
    route: 'GET /api/requests/:id/history',
    state: 'submitted',
    call: (t, i, as) => t.call('GET', `/api/requests/${i.request}/history`, { as }),
    expect: OWNER_STAFF_404,
  },
  { route: 'GET /api/attachments/:id', state: 'submitted', call: (t, i, as) => t.call('GET', `/api/attachments/${i.file}`, { as }), expect: OWNER_STAFF_404 },
  {
    route: 'GET /api/requests/:id/follow-ups',
    state: 'submitted',
    call: (t, i, as) => t.call('GET', `/api/requests/${i.request}/follow-ups`, { as }),
    expect: OWNER_STAFF_404,
  },
  {
    route: 'POST /api/requests/:id/follow-ups',
    state: 'in_analysis',
    call: (t, i, as) => {
      const fd = new FormData();
      fd.set('body', 'Mensagem');
      return t.call('POST', `/api/requests/${i.request}/follow-ups`, { as, body: fd });
    },
    expect: { none: 401, other: 404, citizen: 201, attendant: 201, attendantB: 404, manager: 201, attendantFiler: 201 },
  },
  {
    route: 'POST /api/requests/:id/analysis',
    state: 'submitted',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/analysis`, { as }),
    expect: STAFF_ACTION,
  },
  {
    route: 'PUT /api/requests/:id/steps/:stepId',
    state: 'in_analysis',
    call: (t, i, as) => t.call('PUT', `/api/requests/${i.request}/steps/${t.fx.steps[0]}`, { as, body: { answer: 'yes' } }),
    expect: STAFF_ACTION,
  },
  {
    route: 'POST /api/requests/:id/approve',
    state: 'in_analysis',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/approve`, { as, body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } }),
    expect: STAFF_ACTION,
  },
  {
    route: 'POST /api/requests/:id/reject',
    state: 'in_analysis',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/reject`, { as, body: { justification: 'Faltou documento.' } }),
    expect: STAFF_ACTION,
  },
  {
    route: 'POST /api/requests/:id/conclude',
    state: 'in_service',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/conclude`, { as, body: { text: 'Atendido.' } }),
    // Only the assignee (here: "attendant") concludes; the manager is not the assignee.
    expect: { none: 401, other: 404, citizen: 403, attendant: 200, attendantB: 404, manager: 403, attendantFiler: 403 },
  },
  {
    route: 'POST /api/requests/:id/reassign',
    state: 'in_service',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/reassign`, { as, body: { assigneeId: t.fx.users.attendant2.id } }),
    expect: STAFF_ACTION,
  },
  {
    route: 'GET /api/access-requests',
    call: (t, _i, as) => t.call('GET', '/api/access-requests', { as }),
    expect: { none: 401, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/access-requests?institutionId=',
    call: (t, _i, as) => t.call('GET', `/api/access-requests?institutionId=${t.fx.instA}`, { as }),
    expect: ACCESS,
  },
  {
    route: 'POST /api/access-requests',
    call: (t, _i, as) =>
      t.call('POST', '/api/access-requests', { as, body: { institutionId: t.fx.instA, unit: 'Unidade 1', ordinance: 'Portaria nº 2/2026' } }),
    // Anyone signed in may ask; who already attends institution A: 409.
    expect: { none: 401, other: 201, citizen: 201, attendant: 409, attendantB: 201, manager: 409, attendantFiler: 409 },
  },
  {
    route: 'POST /api/access-requests/:id/approve',
    call: async (t, _i, as) => t.call('POST', `/api/access-requests/${await pendingAccess(t)}/approve`, { as, body: {} }),
    expect: ACCESS,
  },
  {
    route: 'POST /api/access-requests/:id/reject',
    call: async (t, _i, as) => t.call('POST', `/api/access-requests/${await pendingAccess(t)}/reject`, { as, body: { reason: 'Sem portaria.' } }),
    expect: ACCESS,
  },
  {
    route: 'POST /api/memberships/:id/revoke',
    call: async (t, _i, as) => {
      const approved = await (await asManager(t, 'POST', `/api/access-requests/${await pendingAccess(t)}/approve`, {})).json();
      return t.call('POST', `/api/memberships/${approved.access.membershipId}/revoke`, { as, body: { reason: 'Encerrado.' } });
    },
    expect: ACCESS,
  },
  {
    route: 'GET /api/institutions/:id/memberships',
    call: (t, _i, as) => t.call('GET', `/api/institutions/${t.fx.instA}/memberships`, { as }),
    expect: ACCESS,
  },
  {
    route: 'GET /api/institutions/:id/access-history',
    call: (t, _i, as) => t.call('GET', `/api/institutions/${t.fx.instA}/access-history`, { as }),
    expect: ACCESS,
  },
  {
    route: 'POST /api/requests/:id/evaluation',
    state: 'concluded',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/evaluation`, { as, body: { verdict: 'approved', rating: 5 } }),
    expect: { none: 401, other: 404, citizen: 200, attendant: 403, attendantB: 404, manager: 403, attendantFiler: 200 },
  },
  {
    route: 'POST /api/requests/:id/reopen',
    state: 'evaluated',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/reopen`, { as, body: { reason: 'Não resolveu.' } }),
    expect: { none: 401, other: 404, citizen: 200, attendant: 403, attendantB: 404, manager: 403, attendantFiler: 200 },
  },
  // Moderation: the institution's staff (attendantB: its own institution's queue); attending none: 403.
  {
    route: 'GET /api/evaluations',
    call: (t, _i, as) => t.call('GET', '/api/evaluations', { as }),
    expect: { none: 401, other: 403, citizen: 403, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/evaluations?institutionId=',
    call: (t, _i, as) => t.call('GET', `/api/evaluations?institutionId=${t.fx.instA}`, { as }),
    expect: { none: 401, other: 403, citizen: 403, attendant: 200, attendantB: 404, manager: 200, attendantFiler: 200 },
  },
  // An evaluation of a request they filed is not theirs to moderate (attendantFiler: 404).
  ...(
    [
      ['POST /api/evaluations/:id/approve', (e: number): [string, unknown] => [`/api/evaluations/${e}/approve`, { mask: true }]],
      ['POST /api/evaluations/:id/reject', (e: number): [string, unknown] => [`/api/evaluations/${e}/reject`, { reason: 'off_topic' }]],
      ['POST /api/evaluations/moderate', (e: number): [string, unknown] => ['/api/evaluations/moderate', { ids: [e], decision: 'approve' }]],
    ] as const
  ).map(([route, to]): Row => ({
    route,
    state: 'evaluated',
    call: (t, i, as) => {
      const [path, body] = to(i.evaluation!);
      return t.call('POST', path, { as, body });
    },
    expect: { none: 401, other: 403, citizen: 403, attendant: 200, attendantB: 404, manager: 200, attendantFiler: 404 },
  })),
  // Meetings: booked, moved and cancelled by the institution's staff (never on a request they filed); read and joined by its citizen too.
  {
    route: 'POST /api/requests/:id/meetings',
    state: 'in_service',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/meetings`, { as, body: nextSlot() }),
    expect: { ...STAFF_ACTION, attendant: 201, manager: 201 },
  },
  {
    route: 'GET /api/requests/:id/meetings',
    state: 'in_service',
    call: (t, i, as) => t.call('GET', `/api/requests/${i.request}/meetings`, { as }),
    expect: OWNER_STAFF_404,
  },
  {
    route: 'PATCH /api/meetings/:id',
    state: 'in_service',
    call: async (t, i, as) => t.call('PATCH', `/api/meetings/${await meeting(t, i.request)}`, { as, body: { startsAt: nextSlot().startsAt } }),
    expect: STAFF_ACTION,
  },
  {
    route: 'POST /api/meetings/:id/cancel',
    state: 'in_service',
    call: async (t, i, as) => t.call('POST', `/api/meetings/${await meeting(t, i.request)}/cancel`, { as, body: { reason: 'Imprevisto.' } }),
    expect: STAFF_ACTION,
  },
  {
    route: 'POST /api/meetings/:id/join',
    state: 'in_service',
    // At the start, inside the window; a Jitsi without tokens is configured here.
    call: async (t, i, as) => {
      const id = await meeting(t, i.request);
      const { startsAt } = await t.database.db.selectFrom('meetings').select('starts_at as startsAt').where('id', '=', id).executeTakeFirstOrThrow();
      const was = t.clock.now;
      t.clock.now = new Date(startsAt);
      try {
        return await t.call('POST', `/api/meetings/${id}/join`, { as });
      } finally {
        t.clock.now = was;
      }
    },
    expect: OWNER_STAFF_404,
  },
  // Jitsi's reservation hook takes the shared JITSI_RESERVATION_TOKEN, never a user's token.
  ...(
    [
      ['POST /api/jitsi/conference', 'POST', '/api/jitsi/conference', 'name=atende-sala'],
      ['DELETE /api/jitsi/conference/:id', 'DELETE', '/api/jitsi/conference/1', undefined],
    ] as const
  ).map(([route, method, path, body]): Row => ({
    route,
    call: (t, _i, as) => t.call(method, path, { as, body, headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {} }),
    expect: { none: 401, other: 401, citizen: 401, attendant: 401, attendantB: 401, manager: 401, attendantFiler: 401 },
  })),
  {
    route: 'GET /api/public/ratings',
    call: (t, _i, as) => t.call('GET', '/api/public/ratings', { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/public/services/:id/comments',
    call: (t, _i, as) => t.call('GET', `/api/public/services/${t.fx.service}/comments`, { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  }, // The day agenda (issue #12): staff only; one meeting's .ics: its request's citizen and staff.
  {
    route: 'GET /api/meetings?date=',
    call: (t, _i, as) => t.call('GET', `/api/meetings?date=${today(t)}&institutionId=${t.fx.instA}`, { as }),
    expect: { none: 401, other: 403, citizen: 403, attendant: 200, attendantB: 404, manager: 200, attendantFiler: 200 },
  },
  {
    route: 'GET /api/meetings/:id/ics',
    state: 'in_service',
    call: async (t, i, as) => t.call('GET', `/api/meetings/${await bookMeeting(t, i.request)}/ics`, { as }),
    expect: OWNER_STAFF_404,
  },
  {
    route: 'POST /api/agenda/share',
    call: (t, _i, as) => t.call('POST', '/api/agenda/share', { as, body: { date: today(t), institutionId: t.fx.instA } }),
    expect: { none: 401, other: 403, citizen: 403, attendant: 201, attendantB: 404, manager: 201, attendantFiler: 201 },
  },
  {
    route: 'GET /api/agenda/shares',
    call: (t, _i, as) => t.call('GET', '/api/agenda/shares', { as }),
    expect: { none: 401, other: 403, citizen: 403, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
  // Its creator (attendant) or a manager of the institution; its other attendants 403.
  {
    route: 'DELETE /api/agenda/share/:id',
    call: async (t, _i, as) => t.call('DELETE', `/api/agenda/share/${(await agendaShare(t)).id}`, { as }),
    expect: { none: 401, other: 404, citizen: 404, attendant: 200, attendantB: 404, manager: 200, attendantFiler: 403 },
  },
  // The shared page is public: the link is the key.
  {
    route: 'GET /agenda/:token',
    call: async (t, _i, as) => t.call('GET', new URL((await agendaShare(t)).url).pathname, { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200, attendantFiler: 200 },
  },
];

/** Today in the state's zone. */
const today = (t: TestContext) => localDate(t.clock.now, t.config.timeZone);

/** A meeting tomorrow on a request (booked straight into the table), hosted by "attendant". */
async function bookMeeting(t: TestContext, requestId: number): Promise<number> {
  const start = new Date(t.clock.now.getTime() + 24 * 60 * 60 * 1000);
  const at = t.clock.now.toISOString();
  const host = t.fx.users.attendant.id;
  const row = await t.database.db
    .insertInto('meetings')
    .values({
      request_id: requestId,
      institution_id: t.fx.instA,
      host_id: host,
      room: randomUUID(),
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 30 * 60 * 1000).toISOString(),
      duration_minutes: 30,
      subject: 'Conferência',
      status: 'scheduled',
      cancel_reason: null,
      cancelled_by: null,
      cancelled_at: null,
      created_by: host,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A share link of institution A's day, made by "attendant". */
async function agendaShare(t: TestContext): Promise<{ id: number; url: string }> {
  const res = await t.call('POST', '/api/agenda/share', { as: 'attendant', body: { date: today(t) } });
  assert.equal(res.status, 201, 'preparing a share link');
  return res.json();
}

/** A fresh request in `state`, filed by `filer` (the attendantFiler column files its own), moved on by "attendant". */
async function prepare(t: TestContext, state: State, filer = 'citizen'): Promise<{ request: number; file: number; evaluation?: number }> {
  const res = await t.call('POST', '/api/requests', { as: filer, body: filingBody(t.fx.service) });
  assert.equal(res.status, 201);
  const r = await res.json();
  const steps: [string, string, unknown?][] = [];
  if (state !== 'submitted') steps.push(['POST', 'analysis']);
  if (state === 'in_service' || state === 'concluded' || state === 'evaluated')
    steps.push(['POST', 'approve', { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps }]);
  if (state === 'concluded' || state === 'evaluated') steps.push(['POST', 'conclude', { text: 'Feito.' }]);
  for (const [method, action, body] of steps) {
    const s = await t.call(method, `/api/requests/${r.id}/${action}`, { as: 'attendant', body });
    assert.equal(s.status, 200, `preparing ${state}: ${action}`);
  }
  if (state === 'evaluated') {
    // Not approved, with a comment: reopenable, and something to moderate.
    const e = await t.call('POST', `/api/requests/${r.id}/evaluation`, { as: filer, body: { verdict: 'rejected', rating: 2, comment: 'Não resolveu.' } });
    assert.equal(e.status, 200, `preparing ${state}: evaluation`);
    return { request: r.id, file: r.documents[0].id, evaluation: (await e.json()).evaluation.id };
  }
  return { request: r.id, file: r.documents[0].id };
}

describe('authorization matrix', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ env: { JITSI_DOMAIN: 'meet.example.gov.br', JITSI_RESERVATION_TOKEN: 'token-do-gancho-de-reservas' } });
    // A copy of the fixture service's entry, published, then edited: versions 1 (current) and 2 (draft).
    const entry = (await (await t.call('GET', `/api/services/${t.fx.service}/versions/1`, { as: 'manager' })).json()).entry;
    const created = await asManager(t, 'POST', '/api/services', { ...entry, institutionId: t.fx.instA, name: 'Serviço da matriz' });
    charter = (await created.json()).serviceId;
    assert.equal((await asManager(t, 'POST', `/api/services/${charter}/publish`)).status, 200);
    assert.equal((await asManager(t, 'PATCH', `/api/services/${charter}`, { cost: 'Gratuito' })).status, 200);
  });
  after(() => t.close());

  for (const row of ROWS) {
    test(row.route, async () => {
      const got: Record<string, number> = {};
      for (const who of WHO) {
        const ids = row.state ? await prepare(t, row.state, who === 'attendantFiler' ? who : 'citizen') : { request: 0, file: 0 };
        const res = await row.call(t, ids, who === 'none' ? undefined : who);
        got[who] = res.status;
        if (res.status >= 400) {
          assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/, `${row.route} as ${who}`);
        }
      }
      assert.deepEqual(got, row.expect);
    });
  }

  test('a request of another institution does not leak through the queue', async () => {
    await prepare(t, 'submitted');
    const page = await (await t.call('GET', '/api/requests?limit=100', { as: 'attendantB' })).json();
    assert.ok(page.items.every((i: { institution: { id: number } }) => i.institution.id === t.fx.instB));
    const other = await (await t.call('GET', '/api/requests?limit=100', { as: 'other' })).json();
    const otherId = t.fx.users.other.id;
    assert.ok(
      other.items.every((i: { citizen: { id: number } }) => i.citizen.id === otherId),
      'a citizen sees only their own',
    );
    const forced = await t.call('GET', `/api/requests?institutionId=${t.fx.instA}`, { as: 'attendantB' });
    assert.equal(forced.status, 403);
    const staffView = await t.call('GET', '/api/requests?as=staff', { as: 'citizen' });
    assert.equal(staffView.status, 403);
  });

  describe('separation of duties: an attendant on a request they filed is its citizen', () => {
    const filer = 'attendantFiler';
    const note = (body: string, kind?: string, file = false) => {
      const fd = new FormData();
      fd.set('body', body);
      if (kind) fd.set('kind', kind);
      if (file) fd.append('files', new Blob([new Uint8Array(TINY_PDF)]), 'parecer.pdf');
      return fd;
    };

    test('the list of who can be assigned to a request leaves out who filed it; another institution\u2019s request is not found', async () => {
      const { request } = await prepare(t, 'in_analysis', filer);
      const ids = async (query: string, as = 'attendant') => {
        const res = await t.call('GET', `/api/institutions/${t.fx.instA}/attendants${query}`, { as });
        assert.equal(res.status, 200, query);
        return ((await res.json()).items as { id: number }[]).map((u) => u.id);
      };
      assert.ok((await ids('')).includes(t.fx.users.attendantFiler.id), 'the institution\u2019s list names every attendant');
      const forIt = await ids(`?forRequest=${request}`);
      assert.ok(!forIt.includes(t.fx.users.attendantFiler.id), 'not the filer, for their own request');
      assert.ok(forIt.includes(t.fx.users.attendant2.id) && forIt.includes(t.fx.users.manager.id));
      const elsewhere = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.serviceB) });
      const b = (await elsewhere.json()).id;
      const res = await t.call('GET', `/api/institutions/${t.fx.instA}/attendants?forRequest=${b}`, { as: 'attendant' });
      assert.equal(res.status, 404);
      assert.equal((await t.call('GET', `/api/institutions/${t.fx.instA}/attendants?forRequest=0`, { as: 'attendant' })).status, 400);
    });

    test('nobody names the filer assignee of their own request', async () => {
      const { request } = await prepare(t, 'in_analysis', filer);
      for (const as of ['attendant', 'manager']) {
        const res = await t.call('POST', `/api/requests/${request}/approve`, { as, body: { assigneeId: t.fx.users.attendantFiler.id } });
        assert.equal(res.status, 400, as);
        const body = await res.json();
        assert.match(body.detail, /Quem fez a solicitação não pode atendê-la/);
        assert.ok(body.errors.assigneeId);
      }
      const other = await t.call('POST', `/api/requests/${request}/approve`, {
        as: 'attendant',
        body: { assigneeId: t.fx.users.attendant2.id, confirmSteps: t.fx.steps },
      });
      assert.equal(other.status, 200, 'another attendant may be named');
    });

    test('a filer named assignee before the rule still may not conclude it', async () => {
      const { request } = await prepare(t, 'in_service', filer);
      await t.database.db.updateTable('requests').set({ assignee_id: t.fx.users.attendantFiler.id }).where('id', '=', request).execute();
      assert.equal((await t.call('POST', `/api/requests/${request}/conclude`, { as: filer, body: { text: 'Feito.' } })).status, 403);
    });

    test('the filer does not see the internal notes of their own request, and may not write one', async () => {
      const { request } = await prepare(t, 'in_analysis', filer);
      const posted = await t.call('POST', `/api/requests/${request}/follow-ups`, { as: 'attendant', body: note('Parecer reservado.', 'internal_note', true) });
      assert.equal(posted.status, 201);
      const staffThread = await (await t.call('GET', `/api/requests/${request}/follow-ups`, { as: 'attendant' })).json();
      const internal = staffThread.items.find((e: { type: string }) => e.type === 'internal_note');
      assert.ok(internal, 'the staff see it');
      const href: string = internal.attachments[0].href;

      const thread = await (await t.call('GET', `/api/requests/${request}/follow-ups`, { as: filer })).json();
      assert.ok(thread.items.every((e: { type: string; body: string | null }) => e.type !== 'internal_note' && !e.body?.includes('reservado')));
      assert.deepEqual(thread.viewer, { side: 'citizen', kinds: ['message'] });
      const history = await (await t.call('GET', `/api/requests/${request}/history`, { as: filer })).json();
      assert.ok(history.items.every((h: { action: string }) => h.action !== 'internal_note'));
      assert.equal((await t.call('GET', href, { as: filer })).status, 404);
      const detail = await (await t.call('GET', `/api/requests/${request}`, { as: filer })).json();
      assert.deepEqual(detail.allowedActions, [], 'no staff action on their own request');

      assert.equal((await t.call('POST', `/api/requests/${request}/follow-ups`, { as: filer, body: note('Nota minha.', 'internal_note') })).status, 403);
      assert.equal((await t.call('POST', `/api/requests/${request}/follow-ups`, { as: filer, body: note('Pedido.', 'info_request') })).status, 403);
      const message = await t.call('POST', `/api/requests/${request}/follow-ups`, { as: filer, body: note('Mensagem minha.') });
      assert.equal(message.status, 201);
      assert.equal((await message.json()).side, 'citizen', 'they write as the citizen');
      const seen = await (await t.call('GET', `/api/requests/${request}/follow-ups`, { as: 'attendant' })).json();
      const mine = seen.items.find((e: { body: string | null }) => e.body === 'Mensagem minha.');
      assert.equal(mine.author.side, 'citizen', 'the staff see it as the citizen’s');
    });

    test('the filer replies to a request for information as the citizen, and evaluates', async () => {
      const { request } = await prepare(t, 'in_analysis', filer);
      assert.equal(
        (await t.call('POST', `/api/requests/${request}/follow-ups`, { as: 'attendant', body: note('Envie o comprovante.', 'info_request') })).status,
        201,
      );
      assert.equal((await t.call('POST', `/api/requests/${request}/follow-ups`, { as: filer, body: note('Segue.') })).status, 201);
      const detail = await (await t.call('GET', `/api/requests/${request}`, { as: filer })).json();
      assert.equal(detail.status, 'in_analysis', 'their message was the reply that resumes the request');
    });
  });
});
