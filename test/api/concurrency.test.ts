// Two attendants starting the analysis of the same request at the same moment:
// exactly one wins, the other gets 409, and the audit log has one entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

describe('racing transitions', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  test('start analysis: one winner in each of 20 rounds', async () => {
    const [a, b] = await Promise.all([t.token('attendant'), t.token('attendant2')]);
    for (let round = 0; round < 20; round++) {
      const req = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
      const results = await Promise.all([a, b].map((tok) => t.call('POST', `/api/requests/${req.id}/analysis`, { as: tok })));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 409], `round ${round}`);
      const entries = await t.database.db
        .selectFrom('audit_log')
        .select('actor_id')
        .where('request_id', '=', req.id)
        .where('action', '=', 'start_analysis')
        .execute();
      assert.equal(entries.length, 1);
      const detail = await (await t.call('GET', `/api/requests/${req.id}`, { as: 'attendant' })).json();
      assert.equal(detail.version, 2, 'the version was bumped once');
    }
  });

  test('approve racing reject: one decision stands', async () => {
    const req = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    await t.call('POST', `/api/requests/${req.id}/analysis`, { as: 'attendant' });
    const [approve, reject] = await Promise.all([
      t.call('POST', `/api/requests/${req.id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } }),
      t.call('POST', `/api/requests/${req.id}/reject`, { as: 'attendant2', body: { justification: 'Não cabe.' } }),
    ]);
    assert.deepEqual([approve.status, reject.status].sort(), [200, 409]);
    const detail = await (await t.call('GET', `/api/requests/${req.id}`, { as: 'attendant' })).json();
    assert.equal(detail.status, approve.status === 200 ? 'in_service' : 'rejected');
  });

  test('the audit log refuses edits', async () => {
    await assert.rejects(t.database.db.updateTable('audit_log').set({ action: 'forged' }).execute(), /append-only/);
    await assert.rejects(t.database.db.deleteFrom('audit_log').execute(), /append-only/);
  });
});
