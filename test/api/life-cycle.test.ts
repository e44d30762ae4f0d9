// A request from filing to evaluation over HTTP, as each role.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { endOfLocalDay } from '../../contract/time.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

describe('request life cycle over HTTP', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  test('filed → in analysis → approved → steps answered → concluded → evaluated', async () => {
    const filed = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service, { observacoes: 'Perdi na rua.' }) });
    assert.equal(filed.status, 201);
    const req = await filed.json();
    assert.match(req.protocol, /^\d{4}\/\d{6}$/);
    assert.equal(req.status, 'submitted');
    assert.equal(req.documents.length, 1);
    assert.equal(req.documents[0].contentType, 'application/pdf');
    assert.ok(req.dueAt > req.filedAt);
    assert.equal(filed.headers.get('ETag'), '"1"');
    assert.deepEqual(req.allowedActions, []);

    const queue = await (await t.call('GET', '/api/requests?status=submitted', { as: 'attendant' })).json();
    assert.ok(
      queue.items.some((i: { id: number }) => i.id === req.id),
      'the attendant sees it in the queue',
    );

    const asAttendant = await (await t.call('GET', `/api/requests/${req.id}`, { as: 'attendant' })).json();
    assert.deepEqual(asAttendant.allowedActions, ['start_analysis']);

    const started = await t.call('POST', `/api/requests/${req.id}/analysis`, { as: 'attendant', headers: { 'If-Match': '"1"' } });
    assert.equal(started.status, 200);
    assert.equal((await started.json()).status, 'in_analysis');

    const step = await t.call('PUT', `/api/requests/${req.id}/steps/${t.fx.steps[0]}`, { as: 'attendant', body: { answer: 'yes' } });
    assert.equal(step.status, 200);
    assert.equal((await step.json()).steps[0].answer, 'yes');

    const approved = await t.call('POST', `/api/requests/${req.id}/approve`, {
      as: 'attendant',
      body: { assigneeId: t.fx.users.attendant2.id, confirmSteps: [t.fx.steps[1]] },
    });
    assert.equal(approved.status, 200);
    const a = await approved.json();
    assert.equal(a.status, 'in_service');
    assert.equal(a.assignee.id, t.fx.users.attendant2.id);

    const notAssignee = await t.call('POST', `/api/requests/${req.id}/conclude`, { as: 'attendant', body: { text: 'Feito.' } });
    assert.equal(notAssignee.status, 403, 'only the assignee concludes');

    const step2 = await t.call('PUT', `/api/requests/${req.id}/steps/${t.fx.steps[1]}`, { as: 'attendant2', body: { answer: 'no', note: 'Taxa em aberto' } });
    assert.equal((await step2.json()).steps[1].note, 'Taxa em aberto');

    const blank = await t.call('POST', `/api/requests/${req.id}/conclude`, { as: 'attendant2', body: { text: '   ' } });
    assert.equal(blank.status, 400);
    assert.ok((await blank.json()).errors.text);

    const concluded = await t.call('POST', `/api/requests/${req.id}/conclude`, { as: 'attendant2', body: { text: 'Nova via emitida.' } });
    assert.equal(concluded.status, 200);
    assert.equal((await concluded.json()).conclusion, 'Nova via emitida.');

    const othersVerdict = await t.call('POST', `/api/requests/${req.id}/evaluation`, { as: 'other', body: { verdict: 'approved', rating: 5 } });
    assert.equal(othersVerdict.status, 404);

    const evaluated = await t.call('POST', `/api/requests/${req.id}/evaluation`, {
      as: 'citizen',
      body: { verdict: 'approved', rating: 5, comment: 'Rápido.' },
    });
    assert.equal(evaluated.status, 200);
    const e = await evaluated.json();
    assert.equal(e.status, 'evaluated');
    assert.equal(e.evaluation.verdict, 'approved');

    const again = await t.call('POST', `/api/requests/${req.id}/evaluation`, { as: 'citizen', body: { verdict: 'rejected', rating: 2 } });
    assert.equal(again.status, 409, 'a verdict is given once');

    const mine = await (await t.call('GET', '/api/requests', { as: 'citizen' })).json();
    assert.equal(mine.items.find((i: { id: number }) => i.id === req.id).evaluation.verdict, 'approved');

    const history = await (await t.call('GET', `/api/requests/${req.id}/history`, { as: 'citizen' })).json();
    assert.deepEqual(
      history.items.map((h: { action: string }) => h.action),
      ['file', 'start_analysis', 'answer_step', 'approve', 'answer_step', 'conclude', 'evaluate'],
    );
    assert.equal(history.items[3].actor.id, t.fx.users.attendant.id);
  });

  test('reject needs a non-blank justification and ends the request', async () => {
    const req = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    await t.call('POST', `/api/requests/${req.id}/analysis`, { as: 'manager' });
    const blank = await t.call('POST', `/api/requests/${req.id}/reject`, { as: 'manager', body: { justification: ' \n ' } });
    assert.equal(blank.status, 400);
    assert.match((await blank.json()).errors.justification, /em branco/);
    const rejected = await t.call('POST', `/api/requests/${req.id}/reject`, { as: 'manager', body: { justification: 'Documento ilegível.' } });
    assert.equal(rejected.status, 200);
    const r = await rejected.json();
    assert.equal(r.status, 'rejected');
    assert.equal(r.justification, 'Documento ilegível.');
    const late = await t.call('POST', `/api/requests/${req.id}/approve`, {
      as: 'manager',
      body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps },
    });
    assert.equal(late.status, 409);
  });

  test('approve names an attendant of the same institution only', async () => {
    const req = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    await t.call('POST', `/api/requests/${req.id}/analysis`, { as: 'attendant' });
    for (const assigneeId of [t.fx.users.attendantB.id, t.fx.users.citizen.id, 999999]) {
      const res = await t.call('POST', `/api/requests/${req.id}/approve`, { as: 'attendant', body: { assigneeId } });
      assert.equal(res.status, 400);
      assert.ok((await res.json()).errors.assigneeId);
    }
    const attendants = await (await t.call('GET', `/api/institutions/${t.fx.instA}/attendants`, { as: 'attendant' })).json();
    assert.deepEqual(
      attendants.items.map((a: { id: number }) => a.id).sort(),
      [t.fx.users.attendant.id, t.fx.users.attendant2.id, t.fx.users.attendantFiler.id, t.fx.users.manager.id].sort(),
    );
  });

  test('ETag and If-Match: a stale version gets 412, a matching one 304 on read', async () => {
    const req = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    const read = await t.call('GET', `/api/requests/${req.id}`, { as: 'attendant', headers: { 'If-None-Match': '"1"' } });
    assert.equal(read.status, 304);
    const stale = await t.call('POST', `/api/requests/${req.id}/analysis`, { as: 'attendant', headers: { 'If-Match': '"7"' } });
    assert.equal(stale.status, 412);
    assert.equal(stale.headers.get('Content-Type'), 'application/problem+json; charset=UTF-8');
  });

  test('protocol numbers stay unique when many requests are filed at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => t.call('POST', '/api/requests', { as: 'other', body: filingBody(t.fx.service) })));
    assert.deepEqual(
      results.map((r) => r.status),
      Array(20).fill(201),
    );
    const protocols = await Promise.all(results.map(async (r) => (await r.json()).protocol));
    assert.equal(new Set(protocols).size, 20);
  });

  test('business-day deadlines skip weekends and holidays; the queue flags overdue requests', async () => {
    const saved = t.clock.now;
    try {
      t.clock.now = new Date('2026-12-18T15:00:00.000Z'); // a Friday, late morning in the state's zone
      const req = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
      // 10 business days from Fri 18 Dec, skipping two weekends and Christmas (configured) → Mon 4 Jan 2027.
      assert.equal(req.dueAt, endOfLocalDay('2027-01-04', t.config.timeZone).toISOString());
      assert.equal(req.overdue, false);
      t.clock.now = new Date('2027-01-06T12:00:00.000Z');
      const page = await (await t.call('GET', '/api/requests?status=submitted&sort=due', { as: 'attendant' })).json();
      assert.equal(page.items.find((i: { id: number }) => i.id === req.id).overdue, true);
    } finally {
      t.clock.now = saved;
    }
  });
});
