// Who may attend (issue #15), through the API: a servant asks for the
// attendant profile; only the institution's managers authorize (optionally
// until a day), refuse or revoke; an access ends by the clock; a revoked or
// expired attendant loses access at once on this server and within
// IDENTITY_TTL on another sharing the database; their requests in attendance
// stay in the queue "sem atendente" until someone reassigns them; every step
// is in the institution's access history, with who and why.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { endOfLocalDay } from '../../contract/time.js';
import { type CallOptions, type TestContext, createTestContext, filingBody } from '../helpers.js';

/** A fixed "now": 10 Dec 2026, late morning in the state's zone (11:00 in Porto Velho). */
const BASE = new Date('2026-12-10T15:00:00.000Z');
/** When an access authorized until `day` ends: the first instant after that day in the state's zone (TIME_ZONE). */
const endOf = (t: TestContext, day: string) => new Date(endOfLocalDay(day, t.config.timeZone).getTime() + 1);

interface Caller {
  call(method: string, path: string, opts?: CallOptions): Promise<Response>;
}

/** Helpers over one context: people by fixture key or any new SSO subject. */
function people(t: TestContext) {
  const fixture = new Set(Object.keys(t.fx.users));
  const who = async (as: string) => (fixture.has(as) ? as : await t.token(as));
  const call = async (method: string, path: string, as: string, body?: unknown, on: Caller = t) => on.call(method, path, { as: await who(as), body });
  const ok = async (res: Response, status = 200) => {
    const text = await res.text();
    assert.equal(res.status, status, text);
    return text ? JSON.parse(text) : null;
  };
  /** A problem+json answer with this status; its body. */
  const problem = async (res: Response, status: number) => {
    const text = await res.text();
    assert.equal(res.status, status, text);
    assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/);
    return JSON.parse(text) as { detail: string; errors?: Record<string, string> };
  };
  const me = async (as: string) => ok(await call('GET', '/api/me', as));
  const ask = (as: string, body: Record<string, unknown> = {}) =>
    call('POST', '/api/access-requests', as, { institutionId: t.fx.instA, unit: 'Unidade 1', ordinance: 'Portaria nº 12/2026', ...body });
  /** `sub` asks institution A and its manager authorizes (until a day, if given): the access request. */
  const grant = async (sub: string, until?: string) => {
    const asked = await ok(await ask(sub), 201);
    return ok(await call('POST', `/api/access-requests/${asked.id}/approve`, 'manager', until ? { until } : {}));
  };
  /** A request of institution A in service, assigned to `assigneeId` (filed by the citizen, approved by "attendant"). */
  const inService = async (assigneeId: number) => {
    const filed = await ok(await call('POST', '/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    await ok(await call('POST', `/api/requests/${filed.id}/analysis`, 'attendant'));
    await ok(await call('POST', `/api/requests/${filed.id}/approve`, 'attendant', { assigneeId, confirmSteps: t.fx.steps }));
    return filed.id as number;
  };
  const history = async (institutionId = t.fx.instA) =>
    (await ok(await call('GET', `/api/institutions/${institutionId}/access-history?limit=100`, 'manager'))).items as {
      event: string;
      source: string;
      actor: { id: number; name: string } | null;
      subject: { id: number; name: string };
      role: string;
      unit: string | null;
      ordinance: string | null;
      until: string | null;
      reason: string | null;
    }[];
  return { call, ok, problem, me, ask, grant, inService, history };
}

describe('access requests: the round trip', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  before(async () => {
    t = await createTestContext();
    t.clock.now = new Date(BASE);
    p = people(t);
  });
  after(() => t.close());

  test('a servant asks, the manager authorizes until a day, the servant attends and sees it on /me', async () => {
    const { call, ok, me, ask } = p;
    const joao = 'servidor.joao';
    assert.deepEqual((await me(joao)).memberships, []);
    const asked = await ok(await ask(joao, { unit: ' Unidade 1 ', ordinance: 'SEI 0001.000123/2026-11' }), 201);
    assert.equal(asked.status, 'pending');
    assert.equal(asked.unit, 'Unidade 1');
    assert.equal(asked.institution.acronym, 'DETRAN');
    assert.equal(asked.requester.name, 'Pessoa servidor.joao');
    assert.equal(asked.access, null);

    const mine = await ok(await call('GET', '/api/access-requests', joao));
    assert.deepEqual(
      mine.items.map((r: { id: number }) => r.id),
      [asked.id],
    );
    const theirs = await ok(await call('GET', '/api/access-requests?status=pending', 'manager'));
    assert.ok(theirs.items.some((r: { id: number }) => r.id === asked.id));
    assert.ok(
      (await ok(await call('GET', '/api/access-requests', 'managerB'))).items.every((r: { id: number }) => r.id !== asked.id),
      'another institution’s manager does not see it',
    );

    const approved = await ok(await call('POST', `/api/access-requests/${asked.id}/approve`, 'manager', { until: '2026-12-31' }));
    assert.equal(approved.status, 'approved');
    assert.equal(approved.decidedBy.id, t.fx.users.manager.id);
    assert.equal(approved.until, '2026-12-31');
    assert.equal(approved.access.state, 'active');
    assert.equal(approved.access.endedAt, null);

    const memberships = (await me(joao)).memberships;
    assert.equal(memberships.length, 1);
    assert.equal(memberships[0].role, 'attendant');
    assert.equal(memberships[0].unit, 'Unidade 1');
    assert.equal(memberships[0].ordinance, 'SEI 0001.000123/2026-11');
    assert.equal(memberships[0].expiresAt, endOf(t, '2026-12-31').toISOString(), 'the end of 31 Dec in the state’s zone');

    // João sees DETRAN's queue and starts an analysis.
    const filed = await ok(await call('POST', '/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    const queue = await ok(await call('GET', '/api/requests?as=staff', joao));
    assert.ok(queue.items.some((r: { id: number }) => r.id === filed.id));
    assert.equal((await ok(await call('POST', `/api/requests/${filed.id}/analysis`, joao))).status, 'in_analysis');

    const staff = await ok(await call('GET', `/api/institutions/${t.fx.instA}/memberships`, 'manager'));
    const row = staff.items.find((m: { user: { name: string } }) => m.user.name === 'Pessoa servidor.joao');
    assert.equal(row.id, approved.access.membershipId);
    assert.equal(row.grantedBy.id, t.fx.users.manager.id);
    assert.equal(row.expiresAt, endOf(t, '2026-12-31').toISOString());
    assert.equal(row.openAssigned, 0);

    const events = await p.history();
    const [granted, requested] = events;
    assert.equal(granted.event, 'access_granted');
    assert.equal(granted.actor?.id, t.fx.users.manager.id);
    assert.equal(granted.subject.name, 'Pessoa servidor.joao');
    assert.deepEqual([granted.source, granted.role, granted.unit, granted.until], ['api', 'attendant', 'Unidade 1', '2026-12-31']);
    assert.equal(requested.event, 'access_requested');
    assert.equal(requested.actor?.name, 'Pessoa servidor.joao');
    assert.equal(requested.ordinance, 'SEI 0001.000123/2026-11');
  });

  test('a manager refuses with a reason; the servant reads it and may ask again', async () => {
    const { call, ok, ask } = p;
    const asked = await ok(await ask('servidora.ana'), 201);
    const refused = await ok(await call('POST', `/api/access-requests/${asked.id}/reject`, 'manager', { reason: '  Portaria não localizada.  ' }));
    assert.equal(refused.status, 'rejected');
    assert.equal(refused.reason, 'Portaria não localizada.');
    assert.equal(refused.access, null);
    const mine = await ok(await call('GET', '/api/access-requests?mine=true', 'servidora.ana'));
    assert.equal(mine.items[0].reason, 'Portaria não localizada.');
    assert.deepEqual((await p.me('servidora.ana')).memberships, []);
    const [event] = await p.history();
    assert.deepEqual([event.event, event.reason, event.actor?.id], ['access_refused', 'Portaria não localizada.', t.fx.users.manager.id]);
    await ok(await ask('servidora.ana', { ordinance: 'Portaria nº 13/2026' }), 201);
  });

  test('an authorization without a date lasts until revoked', async () => {
    const granted = await p.grant('servidor.sem.data');
    assert.equal(granted.until, null);
    assert.equal((await p.me('servidor.sem.data')).memberships[0].expiresAt, null);
  });
});

describe('access requests: one pending per servant and institution', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  before(async () => {
    t = await createTestContext();
    p = people(t);
  });
  after(() => t.close());

  test('a second request while one is pending, or from who already attends, is refused with a clear message', async () => {
    await p.ok(await p.ask('servidor.dup'), 201);
    const again = await p.problem(await p.ask('servidor.dup', { ordinance: 'Outra portaria' }), 409);
    assert.equal(again.detail, 'Você já tem uma solicitação pendente nesta instituição.');
    await p.ok(await p.ask('servidor.dup', { institutionId: t.fx.instB }), 201);
    for (const as of ['attendant', 'manager']) {
      assert.equal((await p.problem(await p.ask(as), 409)).detail, 'Você já atende esta instituição.', as);
    }
  });

  test('five requests at once: exactly one is stored, the others get 409', async () => {
    const token = await t.token('servidor.pressa');
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, k) =>
        t.call('POST', '/api/access-requests', { as: token, body: { institutionId: t.fx.instA, unit: 'Unidade 1', ordinance: `Portaria ${k}` } }),
      ),
    );
    assert.deepEqual(answers.map((r) => r.status).sort(), [201, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.status === 409)) assert.match(r.headers.get('Content-Type') ?? '', /problem\+json/);
    const mine = await p.ok(await t.call('GET', '/api/access-requests', { as: token }));
    assert.equal(mine.items.length, 1);
    assert.equal((await p.history()).filter((e) => e.subject.name === 'Pessoa servidor.pressa').length, 1, 'one access_requested');
  });

  test('an unknown institution is 404; a unit it does not have, 400 naming its units', async () => {
    await p.problem(await p.ask('servidor.x', { institutionId: 99999 }), 404);
    const bad = await p.problem(await p.ask('servidor.x', { unit: 'Gerência inexistente' }), 400);
    assert.match(bad.errors?.unit ?? '', /Unidade 1/);
  });
});

describe('access requests: only the institution’s managers decide', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  let pending: number;
  before(async () => {
    t = await createTestContext();
    p = people(t);
    pending = (await p.ok(await p.ask('servidor.aguarda'), 201)).id;
  });
  after(() => t.close());

  test('its attendants get 403; other institutions’ managers and the servant, 404; a decided request, 409', async () => {
    const status = async (as: string, method: string, path: string, body?: unknown) => (await p.call(method, path, as, body)).status;
    const decisions: [string, unknown][] = [
      ['approve', {}],
      ['reject', { reason: 'Não.' }],
    ];
    for (const [action, body] of decisions) {
      const path = `/api/access-requests/${pending}/${action}`;
      assert.equal(await status('attendant', 'POST', path, body), 403, `attendant ${action}`);
      assert.equal(await status('managerB', 'POST', path, body), 404, `managerB ${action}`);
      assert.equal(await status('attendantB', 'POST', path, body), 404, `attendantB ${action}`);
      assert.equal(await status('servidor.aguarda', 'POST', path, body), 404, `the servant ${action}`);
      assert.equal(await status('manager', 'POST', '/api/access-requests/987654/approve', {}), 404, 'an unknown request');
    }
    for (const path of [`/api/institutions/${t.fx.instA}/memberships`, `/api/institutions/${t.fx.instA}/access-history`]) {
      assert.equal(await status('attendant', 'GET', path), 403, path);
      assert.equal(await status('managerB', 'GET', path), 404, path);
      assert.equal(await status('citizen', 'GET', path), 404, path);
      assert.equal(await status('manager', 'GET', path), 200, path);
    }
    assert.equal(await status('attendant', 'GET', `/api/access-requests?institutionId=${t.fx.instA}`), 403);
    assert.equal(await status('managerB', 'GET', `/api/access-requests?institutionId=${t.fx.instA}`), 404);
    assert.equal(await status('servidor.aguarda', 'GET', `/api/access-requests?institutionId=${t.fx.instA}`), 404);
    const attendantsList = await p.ok(await p.call('GET', '/api/access-requests', 'attendant'));
    assert.deepEqual(attendantsList.items, [], 'an attendant lists their own requests, not the institution’s');

    await p.ok(await p.call('POST', `/api/access-requests/${pending}/approve`, 'manager', {}));
    for (const [action, body] of decisions) {
      const decided = await p.problem(await p.call('POST', `/api/access-requests/${pending}/${action}`, 'manager', body), 409);
      assert.equal(decided.detail, 'Esta solicitação de acesso já foi decidida.');
    }
  });

  test('two managers deciding at once: one wins', async () => {
    const granted = await p.ok(await p.ask('servidor.disputa'), 201);
    // A second manager of institution A, designated by the administrator before their first request.
    const { designateManager } = await import('../../bff/access-service.js');
    await designateManager(t.database.db, {
      sub: 'gestor.segundo',
      name: 'Gestor Segundo',
      institution: 'detran',
      ordinance: 'Portaria nº 9/2026',
      at: t.clock.now,
      timeZone: t.config.timeZone,
    });
    const second = await t.token('gestor.segundo');
    const [a, b] = await Promise.all([
      t.call('POST', `/api/access-requests/${granted.id}/approve`, { as: 'manager', body: {} }),
      t.call('POST', `/api/access-requests/${granted.id}/reject`, { as: second, body: { reason: 'Não.' } }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const memberships = (await p.me('servidor.disputa')).memberships;
    assert.equal(memberships.length, a.status === 200 ? 1 : 0, 'a refused grant leaves no access behind');
  });

  test('managers are revoked by the administrator, not through the API', async () => {
    const staff = await p.ok(await p.call('GET', `/api/institutions/${t.fx.instA}/memberships`, 'manager'));
    const managerRow = staff.items.find((m: { user: { id: number } }) => m.user.id === t.fx.users.manager.id);
    const refused = await p.problem(await p.call('POST', `/api/memberships/${managerRow.id}/revoke`, 'manager', { reason: 'Teste.' }), 409);
    assert.equal(refused.detail, 'Gestores são designados e revogados pelo administrador.');
    const attendantRow = staff.items.find((m: { user: { id: number } }) => m.user.id === t.fx.users.attendant.id);
    assert.equal((await p.call('POST', `/api/memberships/${attendantRow.id}/revoke`, 'attendant2', { reason: 'Teste.' })).status, 403);
    assert.equal((await p.call('POST', `/api/memberships/${attendantRow.id}/revoke`, 'managerB', { reason: 'Teste.' })).status, 404);
    assert.equal((await p.call('POST', '/api/memberships/987654/revoke', 'manager', { reason: 'Teste.' })).status, 404);
  });
});

describe('access requests: revocation, the requests left without an assignee, and reassignment', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  before(async () => {
    t = await createTestContext();
    t.clock.now = new Date(BASE);
    p = people(t);
  });
  after(() => t.close());

  test('revoked: refused at once on this server; the request in attendance shows "sem atendente" in the queue and the detail', async () => {
    const { call, ok, problem } = p;
    const joao = 'servidor.joao';
    const granted = await p.grant(joao, '2026-12-31');
    const me = await p.me(joao);
    const request = await p.inService(me.id);
    const other = await ok(await call('POST', '/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    // Their identity is cached, and the manager's queue page too.
    assert.equal((await ok(await call('GET', `/api/requests/${request}`, joao))).assignee.id, me.id);
    const before = await ok(await call('GET', '/api/requests?as=staff&status=in_service', 'manager'));
    assert.equal(before.items.find((r: { id: number }) => r.id === request).unassigned, false);
    const staff = await ok(await call('GET', `/api/institutions/${t.fx.instA}/memberships`, 'manager'));
    assert.equal(staff.items.find((m: { id: number }) => m.id === granted.access.membershipId).openAssigned, 1);

    const revoked = await ok(await call('POST', `/api/memberships/${granted.access.membershipId}/revoke`, 'manager', { reason: 'Mudou de lotação.' }));
    assert.equal(revoked.id, granted.access.membershipId);
    assert.equal(revoked.endedAt, t.clock.now.toISOString());
    assert.deepEqual(
      revoked.unassigned.map((r: { id: number }) => r.id),
      [request],
    );

    // His next action is refused: the institution's requests are not his to see any more.
    await problem(await call('POST', `/api/requests/${other.id}/analysis`, joao), 404);
    await problem(await call('GET', `/api/requests/${request}`, joao), 404);
    assert.deepEqual((await p.me(joao)).memberships, []);

    const detail = await ok(await call('GET', `/api/requests/${request}`, 'manager'));
    assert.equal(detail.status, 'in_service');
    assert.equal(detail.assignee, null);
    assert.equal(detail.unassigned, true);
    assert.ok(detail.allowedActions.includes('reassign'));
    assert.ok(!detail.allowedActions.includes('conclude'));
    const queue = await ok(await call('GET', '/api/requests?as=staff&status=in_service', 'manager'));
    const row = queue.items.find((r: { id: number }) => r.id === request);
    assert.deepEqual([row.unassigned, row.assignee], [true, null], 'the cached queue page was dropped');
    const requestHistory = await ok(await call('GET', `/api/requests/${request}/history`, 'manager'));
    const removed = requestHistory.items.at(-1);
    assert.equal(removed.action, 'assignee_removed');
    assert.equal(removed.actor.id, t.fx.users.manager.id);
    assert.deepEqual(removed.data, { previousAssigneeId: me.id, previousAssigneeName: 'Pessoa servidor.joao', why: 'revoked' });
    // The citizen reads that their request changes hands, not why the attendant's access ended.
    const citizenHistory = await ok(await call('GET', `/api/requests/${request}/history`, 'citizen'));
    const seen = citizenHistory.items.find((h: { action: string }) => h.action === 'assignee_removed');
    assert.deepEqual(seen.data, { previousAssigneeId: me.id, previousAssigneeName: 'Pessoa servidor.joao' });

    const [event] = await p.history();
    assert.deepEqual(
      [event.event, event.reason, event.actor?.id, event.subject.id, event.source, event.until],
      ['access_revoked', 'Mudou de lotação.', t.fx.users.manager.id, me.id, 'api', '2026-12-31'],
    );
    const listed = await ok(await call('GET', '/api/access-requests?mine=true', joao));
    assert.deepEqual(listed.items[0].access, {
      membershipId: granted.access.membershipId,
      state: 'revoked',
      endedAt: revoked.endedAt,
      reason: 'Mudou de lotação.',
    });
    const again = await problem(await call('POST', `/api/memberships/${granted.access.membershipId}/revoke`, 'manager', { reason: 'De novo.' }), 409);
    assert.equal(again.detail, 'Este acesso já terminou.');
    assert.ok(
      (await ok(await call('GET', `/api/institutions/${t.fx.instA}/memberships`, 'manager'))).items.every(
        (m: { id: number }) => m.id !== granted.access.membershipId,
      ),
    );
  });

  test('reassign: same rules as approve’s assignee, only in attendance', async () => {
    const { call, ok, problem } = p;
    const granted = await p.grant('servidor.reatribui');
    const person = (await p.me('servidor.reatribui')).id as number;
    const request = await p.inService(person);
    await ok(await call('POST', `/api/memberships/${granted.access.membershipId}/revoke`, 'manager', { reason: 'Saiu.' }));

    const refused = await problem(await call('POST', `/api/requests/${request}/reassign`, 'attendant', { assigneeId: person }), 400);
    assert.ok(refused.errors?.assigneeId, 'not an attendant any more');
    assert.ok(
      (await problem(await call('POST', `/api/requests/${request}/reassign`, 'attendant', { assigneeId: t.fx.users.citizen.id }), 400)).errors?.assigneeId,
    );
    assert.equal((await call('POST', `/api/requests/${request}/reassign`, 'citizen', { assigneeId: t.fx.users.attendant2.id })).status, 403);
    assert.equal((await call('POST', `/api/requests/${request}/reassign`, 'managerB', { assigneeId: t.fx.users.attendant2.id })).status, 404);
    await problem(await call('POST', `/api/requests/${request}/reassign`, 'attendant', {}), 400);

    const reassigned = await ok(await call('POST', `/api/requests/${request}/reassign`, 'attendant', { assigneeId: t.fx.users.attendant2.id }));
    assert.equal(reassigned.assignee.id, t.fx.users.attendant2.id);
    assert.equal(reassigned.unassigned, false);
    assert.equal(reassigned.status, 'in_service');
    const same = await problem(await call('POST', `/api/requests/${request}/reassign`, 'manager', { assigneeId: t.fx.users.attendant2.id }), 400);
    assert.ok(same.errors?.assigneeId);
    // A normal reassignment, from someone to someone else, with an If-Match.
    const again = await t.call('POST', `/api/requests/${request}/reassign`, {
      as: 'manager',
      body: { assigneeId: t.fx.users.attendant.id },
      headers: { 'If-Match': `"${reassigned.version}"` },
    });
    assert.equal((await p.ok(again)).assignee.id, t.fx.users.attendant.id);
    const trail = (await ok(await call('GET', `/api/requests/${request}/history`, 'manager'))).items.filter((h: { action: string }) => h.action === 'reassign');
    assert.deepEqual(
      trail.map((h: { data: unknown; from: string; to: string }) => [h.data, h.from, h.to]),
      [
        [
          { assigneeId: t.fx.users.attendant2.id, assigneeName: 'Pessoa attendant2', previousAssigneeId: null, previousAssigneeName: null },
          'in_service',
          'in_service',
        ],
        [
          {
            assigneeId: t.fx.users.attendant.id,
            assigneeName: 'Pessoa attendant',
            previousAssigneeId: t.fx.users.attendant2.id,
            previousAssigneeName: 'Pessoa attendant2',
          },
          'in_service',
          'in_service',
        ],
      ],
    );
    assert.equal((await call('POST', `/api/requests/${request}/conclude`, 'attendant', { text: 'Feito.' })).status, 200, 'the new assignee concludes');
  });

  test('reassign while awaiting the citizen: from service yes, from analysis 409 (nobody named yet)', async () => {
    const { call, ok, problem } = p;
    const ask = (id: number) => {
      const form = new FormData();
      form.set('body', 'Envie o comprovante.');
      form.set('kind', 'info_request');
      return t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant', body: form });
    };
    const served = await p.inService(t.fx.users.attendant.id);
    assert.equal((await ask(served)).status, 201);
    const moved = await ok(await call('POST', `/api/requests/${served}/reassign`, 'manager', { assigneeId: t.fx.users.attendant2.id }));
    assert.deepEqual([moved.status, moved.assignee.id], ['awaiting_citizen', t.fx.users.attendant2.id]);

    const filed = await ok(await call('POST', '/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    await problem(await call('POST', `/api/requests/${filed.id}/reassign`, 'attendant', { assigneeId: t.fx.users.attendant2.id }), 409);
    await ok(await call('POST', `/api/requests/${filed.id}/analysis`, 'attendant'));
    await problem(await call('POST', `/api/requests/${filed.id}/reassign`, 'attendant', { assigneeId: t.fx.users.attendant2.id }), 409);
    assert.equal((await ask(filed.id)).status, 201);
    const awaiting = await ok(await call('GET', `/api/requests/${filed.id}`, 'attendant'));
    assert.equal(awaiting.status, 'awaiting_citizen');
    assert.equal(awaiting.unassigned, false, 'awaiting the citizen from analysis: nobody was named, it is not "sem atendente"');
    assert.ok(!awaiting.allowedActions.includes('reassign'));
    await problem(await call('POST', `/api/requests/${filed.id}/reassign`, 'attendant', { assigneeId: t.fx.users.attendant2.id }), 409);
  });

  test('whoever still attends the institution another way keeps their requests', async () => {
    const granted = await p.grant('servidor.gestor');
    const person = (await p.me('servidor.gestor')).id as number;
    const request = await p.inService(person);
    const { designateManager } = await import('../../bff/access-service.js');
    await designateManager(t.database.db, {
      sub: 'servidor.gestor',
      institution: t.fx.instA,
      ordinance: 'Portaria nº 77/2026',
      at: t.clock.now,
      timeZone: t.config.timeZone,
    });
    const revoked = await p.ok(await p.call('POST', `/api/memberships/${granted.access.membershipId}/revoke`, 'manager', { reason: 'Agora é gestor.' }));
    assert.deepEqual(revoked.unassigned, []);
    const detail = await p.ok(await p.call('GET', `/api/requests/${request}`, 'servidor.gestor'));
    assert.deepEqual([detail.assignee.id, detail.unassigned], [person, false]);
  });
});

describe('access requests: expiry by the clock', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  before(async () => {
    t = await createTestContext();
    t.clock.now = new Date(BASE);
    p = people(t);
  });
  after(() => t.close());

  test('an access until a day ends at the end of that day; the sweep records it once and leaves the request "sem atendente"', async () => {
    const { call, ok, problem } = p;
    const END_OF_DAY = endOf(t, '2026-12-10');
    const until = await p.grant('servidor.temporario', '2026-12-10');
    assert.equal(until.until, '2026-12-10');
    const person = (await p.me('servidor.temporario')).id as number;
    const request = await p.inService(person);
    const other = await ok(await call('POST', '/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    assert.equal((await p.me('servidor.temporario')).memberships[0].expiresAt, END_OF_DAY.toISOString());

    t.clock.now = new Date(END_OF_DAY.getTime() - 1);
    assert.equal((await ok(await call('GET', `/api/requests/${request}`, 'servidor.temporario'))).assignee.id, person, 'the last instant of the day');

    // The next instant: refused before the sweep ran (the roles in force exclude it; the identity was not kept past it).
    t.clock.now = new Date(END_OF_DAY);
    await problem(await call('POST', `/api/requests/${other.id}/analysis`, 'servidor.temporario'), 404);
    const listed = await ok(await call('GET', '/api/access-requests?mine=true', 'servidor.temporario'));
    assert.deepEqual([listed.items[0].access.state, listed.items[0].access.endedAt], ['expired', END_OF_DAY.toISOString()]);
    const staff = await ok(await call('GET', `/api/institutions/${t.fx.instA}/memberships`, 'manager'));
    assert.ok(
      staff.items.every((m: { user: { id: number } }) => m.user.id !== person),
      'not listed as attending',
    );
    assert.equal(
      (await p.problem(await call('POST', `/api/memberships/${until.access.membershipId}/revoke`, 'manager', { reason: 'X.' }), 409)).detail,
      'Este acesso já terminou.',
    );
    // A manager may not name them assignee any more.
    assert.ok((await problem(await call('POST', `/api/requests/${request}/reassign`, 'manager', { assigneeId: person }), 400)).errors?.assigneeId);

    t.clock.now = new Date(END_OF_DAY.getTime() + 30_000);
    const sibling = t.sibling({ now: t.clock.now });
    // Two instances sweeping at once record it once.
    const [mine, theirs] = await Promise.all([t.app.sweepExpired(), sibling.app.sweepExpired()]);
    assert.equal(mine.length + theirs.length, 1);
    const ended = [...mine, ...theirs][0];
    assert.deepEqual([ended.membershipId, ended.endedAt, ended.unassigned.map((r) => r.id)], [until.access.membershipId, END_OF_DAY.toISOString(), [request]]);
    assert.deepEqual(await t.app.sweepExpired(), [], 'nothing left to record');

    const expired = (await p.history()).filter((e) => e.event === 'access_expired');
    assert.equal(expired.length, 1);
    assert.deepEqual([expired[0].actor, expired[0].source, expired[0].subject.id, expired[0].until], [null, 'clock', person, '2026-12-10']);
    const detail = await ok(await call('GET', `/api/requests/${request}`, 'manager'));
    assert.deepEqual([detail.assignee, detail.unassigned], [null, true]);
    const removed = (await ok(await call('GET', `/api/requests/${request}/history`, 'manager'))).items.at(-1);
    assert.deepEqual([removed.action, removed.actor, removed.data.why], ['assignee_removed', null, 'expired']);
    const thread = await ok(await call('GET', `/api/requests/${request}/follow-ups`, 'manager'));
    assert.equal(thread.items.at(-1).author.side, 'staff', 'an event of the clock is on the institution’s side');
  });

  test('until must be today or later, a real date', async () => {
    const asked = await p.ok(await p.ask('servidor.datas'), 201);
    const path = `/api/access-requests/${asked.id}/approve`;
    const past = await p.problem(await p.call('POST', path, 'manager', { until: '2026-12-09' }), 400);
    assert.equal(past.errors?.until, 'A data final precisa ser hoje ou depois.');
    for (const until of ['2026-02-30', '10/12/2026', '', 20261231]) {
      assert.ok((await p.problem(await p.call('POST', path, 'manager', { until }), 400)).errors?.until, String(until));
    }
    assert.equal((await p.ok(await p.call('GET', `/api/access-requests?mine=true`, 'servidor.datas'))).items[0].status, 'pending');
  });
});

describe('access requests: two app instances on one database', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  before(async () => {
    t = await createTestContext({ env: { IDENTITY_TTL: '2' } });
    t.clock.now = new Date(BASE);
    p = people(t);
  });
  after(() => t.close());

  test('a revocation on one server is refused on the other within IDENTITY_TTL; a grant is seen there too', async () => {
    const clock = { now: new Date(BASE) };
    const other = t.sibling(clock);
    const granted = await p.grant('servidor.dois');
    // The other server reads the new role (it had not cached this user yet).
    const filed = await p.ok(await p.call('POST', '/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    const second = await p.ok(await p.call('POST', '/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    assert.equal((await p.ok(await p.call('GET', `/api/requests/${filed.id}`, 'servidor.dois', undefined, other))).id, filed.id);

    await p.ok(await p.call('POST', `/api/memberships/${granted.access.membershipId}/revoke`, 'manager', { reason: 'Encerrado.' }));
    assert.equal((await p.call('POST', `/api/requests/${filed.id}/analysis`, 'servidor.dois')).status, 404, 'at once on the server that revoked');

    clock.now = new Date(BASE.getTime() + 2000);
    assert.equal(
      (await p.call('POST', `/api/requests/${second.id}/analysis`, 'servidor.dois', undefined, other)).status,
      404,
      'within IDENTITY_TTL on the other',
    );
    assert.equal((await p.call('GET', '/api/requests/' + filed.id, 'attendant', undefined, other)).status, 200, 'the others still attend');
  });
});

describe('access history', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  before(async () => {
    t = await createTestContext();
    p = people(t);
  });
  after(() => t.close());

  test('newest first, page by page, with who and why; other institutions’ entries and the charter’s stay out', async () => {
    const a = await p.ok(await p.ask('servidor.h1'), 201);
    await p.ok(await p.call('POST', `/api/access-requests/${a.id}/reject`, 'manager', { reason: 'Sem portaria.' }));
    const b = await p.ok(await p.ask('servidor.h2'), 201);
    const granted = await p.ok(await p.call('POST', `/api/access-requests/${b.id}/approve`, 'manager', {}));
    await p.ok(await p.call('POST', `/api/memberships/${granted.access.membershipId}/revoke`, 'manager', { reason: 'Licença.' }));
    await p.ok(await p.ask('servidor.h3', { institutionId: t.fx.instB }), 201);
    await p.ok(await p.call('POST', '/api/services', 'manager', { institutionId: t.fx.instA, name: 'Serviço novo' }), 201);

    const all = await p.history();
    assert.deepEqual(
      all.map((e) => [e.event, e.subject.name, e.reason]),
      [
        ['access_revoked', 'Pessoa servidor.h2', 'Licença.'],
        ['access_granted', 'Pessoa servidor.h2', null],
        ['access_requested', 'Pessoa servidor.h2', null],
        ['access_refused', 'Pessoa servidor.h1', 'Sem portaria.'],
        ['access_requested', 'Pessoa servidor.h1', null],
      ],
    );
    const first = await p.ok(await p.call('GET', `/api/institutions/${t.fx.instA}/access-history?limit=2`, 'manager'));
    assert.equal(first.items.length, 2);
    const rest = await p.ok(await p.call('GET', `/api/institutions/${t.fx.instA}/access-history?limit=10&before=${first.nextBefore}`, 'manager'));
    assert.deepEqual(
      [...first.items, ...rest.items].map((e: { event: string }) => e.event),
      all.map((e) => e.event),
    );
    assert.equal(rest.nextBefore, null);
    const b2 = await p.ok(await p.call('GET', `/api/institutions/${t.fx.instB}/access-history`, 'managerB'));
    assert.deepEqual(
      b2.items.map((e: { event: string }) => e.event),
      ['access_requested'],
    );
  });

  test('the administrator’s designation and revocation of a manager are in it, from the command line', async () => {
    const { designateManager, revokeManager } = await import('../../bff/access-service.js');
    await designateManager(t.database.db, {
      sub: 'gestora.nova',
      name: 'Gestora Nova',
      institution: 'DETRAN',
      ordinance: 'Portaria nº 5/2026',
      at: t.clock.now,
      timeZone: t.config.timeZone,
      operator: 'root',
    });
    const res = await revokeManager(t.database.db, {
      sub: 'gestora.nova',
      institution: 'DETRAN',
      reason: 'Exonerada.',
      at: t.clock.now,
      timeZone: t.config.timeZone,
    });
    assert.deepEqual(res.unassigned, []);
    const [revoked, designated] = await p.history();
    assert.deepEqual(
      [designated.event, designated.source, designated.actor, designated.subject.name, designated.role, designated.ordinance],
      ['manager_designated', 'cli', null, 'Gestora Nova', 'manager', 'Portaria nº 5/2026'],
    );
    assert.deepEqual([revoked.event, revoked.source, revoked.actor, revoked.reason], ['manager_revoked', 'cli', null, 'Exonerada.']);
  });
});

describe('access requests: bad input is a 4xx problem, never a 5xx', () => {
  let t: TestContext;
  let p: ReturnType<typeof people>;
  before(async () => {
    t = await createTestContext();
    p = people(t);
  });
  after(() => t.close());

  test('bodies, ids and queries', async () => {
    const asked = await p.ok(await p.ask('servidor.entrada'), 201);
    const cases: [string, string, unknown, number][] = [
      ['POST', '/api/access-requests', { institutionId: t.fx.instA, unit: 'Unidade 1' }, 400],
      ['POST', '/api/access-requests', { institutionId: t.fx.instA, unit: 'Unidade 1', ordinance: '   ' }, 400],
      ['POST', '/api/access-requests', { institutionId: t.fx.instA, unit: 'Unidade\u00001', ordinance: 'P' }, 400],
      ['POST', '/api/access-requests', { institutionId: 2 ** 31, unit: 'Unidade 1', ordinance: 'P' }, 400],
      ['POST', '/api/access-requests', { institutionId: '1', unit: 'Unidade 1', ordinance: 'P' }, 400],
      ['POST', '/api/access-requests', { institutionId: t.fx.instA, unit: 'x'.repeat(201), ordinance: 'P' }, 400],
      ['POST', '/api/access-requests', '{"institutionId":', 400],
      ['POST', `/api/access-requests/${asked.id}/reject`, {}, 400],
      ['POST', `/api/access-requests/${asked.id}/reject`, { reason: ' ' }, 400],
      ['POST', `/api/access-requests/${asked.id}/approve`, { until: null }, 400],
      ['POST', '/api/access-requests/0/approve', {}, 400],
      ['POST', '/api/access-requests/99999999999/approve', {}, 400],
      ['POST', '/api/access-requests/abc/reject', { reason: 'x' }, 400],
      ['POST', '/api/memberships/1/revoke', {}, 400],
      ['POST', '/api/memberships/1/revoke', { reason: 'x'.repeat(2001) }, 400],
      ['GET', '/api/access-requests?status=aberto', undefined, 400],
      ['GET', '/api/access-requests?limit=0', undefined, 400],
      ['GET', '/api/access-requests?before=-1', undefined, 400],
      ['GET', '/api/access-requests?mine=sim', undefined, 400],
      ['GET', `/api/institutions/${t.fx.instA}/access-history?limit=101`, undefined, 400],
      ['GET', '/api/institutions/2147483648/memberships', undefined, 400],
      ['POST', '/api/requests/1/reassign', { assigneeId: 'x' }, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await p.call(method, path, 'manager', body);
      assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body)}: ${await res.clone().text()}`);
      assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/);
    }
    const plain = await t.call('POST', `/api/access-requests/${asked.id}/approve`, {
      as: 'manager',
      body: 'until=2026-12-31',
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.equal(plain.status, 415);
    assert.equal((await t.call('POST', '/api/access-requests', { body: { institutionId: t.fx.instA, unit: 'Unidade 1', ordinance: 'P' } })).status, 401);
    assert.equal((await t.call('GET', '/api/access-requests')).status, 401);
  });
});
