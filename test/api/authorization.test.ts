// Authorization matrix: every route × (no token, another citizen, owner
// citizen, attendant, attendant of another institution, manager).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

type Who = 'none' | 'other' | 'citizen' | 'attendant' | 'attendantB' | 'manager';
const WHO: Who[] = ['none', 'other', 'citizen', 'attendant', 'attendantB', 'manager'];
type State = 'submitted' | 'in_analysis' | 'in_service' | 'concluded';

interface Row {
  route: string;
  /** Request state the route needs (a fresh request per call), if any. */
  state?: State;
  call: (t: TestContext, ids: { request: number; file: number }, as?: string) => Promise<Response>;
  expect: Record<Who, number>;
}

const OWNER_STAFF_404 = { none: 401, other: 404, citizen: 200, attendant: 200, attendantB: 404, manager: 200 };
const STAFF_ACTION = { none: 401, other: 404, citizen: 403, attendant: 200, attendantB: 404, manager: 200 };

const ROWS: Row[] = [
  {
    route: 'GET /api/me',
    call: (t, _i, as) => t.call('GET', '/api/me', { as }),
    expect: { none: 401, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200 },
  },
  {
    route: 'GET /api/institutions',
    call: (t, _i, as) => t.call('GET', '/api/institutions', { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200 },
  },
  {
    route: 'GET /api/institutions/:id/attendants',
    call: (t, _i, as) => t.call('GET', `/api/institutions/${t.fx.instA}/attendants`, { as }),
    expect: { none: 401, other: 404, citizen: 404, attendant: 200, attendantB: 404, manager: 200 },
  },
  {
    route: 'GET /api/services',
    call: (t, _i, as) => t.call('GET', '/api/services', { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200 },
  },
  {
    route: 'GET /api/services/:id',
    call: (t, _i, as) => t.call('GET', `/api/services/${t.fx.service}`, { as }),
    expect: { none: 200, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200 },
  },
  {
    route: 'POST /api/requests',
    call: (t, _i, as) => t.call('POST', '/api/requests', { as, body: filingBody(t.fx.service) }),
    expect: { none: 401, other: 201, citizen: 201, attendant: 201, attendantB: 201, manager: 201 },
  },
  {
    route: 'GET /api/requests',
    call: (t, _i, as) => t.call('GET', '/api/requests', { as }),
    expect: { none: 401, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200 },
  },
  {
    route: 'GET /api/requests/counts',
    call: (t, _i, as) => t.call('GET', '/api/requests/counts', { as }),
    expect: { none: 401, other: 200, citizen: 200, attendant: 200, attendantB: 200, manager: 200 },
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
    expect: { none: 401, other: 404, citizen: 201, attendant: 201, attendantB: 404, manager: 201 },
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
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/approve`, { as, body: { assigneeId: t.fx.users.attendant.id } }),
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
    expect: { none: 401, other: 404, citizen: 403, attendant: 200, attendantB: 404, manager: 403 },
  },
  {
    route: 'POST /api/requests/:id/evaluation',
    state: 'concluded',
    call: (t, i, as) => t.call('POST', `/api/requests/${i.request}/evaluation`, { as, body: { verdict: 'approved' } }),
    expect: { none: 401, other: 404, citizen: 200, attendant: 403, attendantB: 404, manager: 403 },
  },
];

async function prepare(t: TestContext, state: State): Promise<{ request: number; file: number }> {
  const res = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) });
  assert.equal(res.status, 201);
  const r = await res.json();
  const steps: [string, string, unknown?][] = [];
  if (state !== 'submitted') steps.push(['POST', 'analysis']);
  if (state === 'in_service' || state === 'concluded') steps.push(['POST', 'approve', { assigneeId: t.fx.users.attendant.id }]);
  if (state === 'concluded') steps.push(['POST', 'conclude', { text: 'Feito.' }]);
  for (const [method, action, body] of steps) {
    const s = await t.call(method, `/api/requests/${r.id}/${action}`, { as: 'attendant', body });
    assert.equal(s.status, 200, `preparing ${state}: ${action}`);
  }
  return { request: r.id, file: r.documents[0].id };
}

describe('authorization matrix', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  for (const row of ROWS) {
    test(row.route, async () => {
      const got: Record<string, number> = {};
      for (const who of WHO) {
        const ids = row.state ? await prepare(t, row.state) : { request: 0, file: 0 };
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
});
