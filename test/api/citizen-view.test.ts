// The citizen reads the staff's checklist as progress: each step done or
// pending, never the staff's yes/no answers or notes — neither in the
// request's detail nor in its history. Staff read them in full.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

interface Step {
  id: number;
  answer: string | null;
  note: string | null;
  answeredAt: string | null;
}

describe('the citizen’s view of the steps', () => {
  let t: TestContext;
  let id: number;
  let filedByStaff: number;
  const NOTE = 'Nota interna: CNH com foto desatualizada, conferir na base.';

  before(async () => {
    t = await createTestContext();
    id = (await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json()).id;
    filedByStaff = (await (await t.call('POST', '/api/requests', { as: 'attendantFiler', body: filingBody(t.fx.service) })).json()).id;
    for (const r of [id, filedByStaff]) {
      assert.equal((await t.call('POST', `/api/requests/${r}/analysis`, { as: 'attendant' })).status, 200);
      const answered = await t.call('PUT', `/api/requests/${r}/steps/${t.fx.steps[0]}`, { as: 'attendant', body: { answer: 'no', note: NOTE } });
      assert.equal(answered.status, 200);
    }
  });
  after(() => t.close());

  const detail = async (as: string, r = id) => {
    const res = await t.call('GET', `/api/requests/${r}`, { as });
    assert.equal(res.status, 200);
    return (await res.json()) as { steps: Step[]; viewer: { side: string } };
  };
  const history = async (as: string, r = id) => {
    const res = await t.call('GET', `/api/requests/${r}/history`, { as });
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: { action: string; data: Record<string, unknown> | null }[] }).items.filter((h) => h.action === 'answer_step');
  };

  test('staff read the answer and the note of a step', async () => {
    const d = await detail('attendant');
    assert.equal(d.viewer.side, 'staff');
    const [first, second] = d.steps;
    assert.deepEqual([first.answer, first.note], ['no', NOTE]);
    assert.equal(second.answeredAt, null);
    const [h] = await history('attendant');
    assert.deepEqual([h.data?.answer, h.data?.note], ['no', NOTE]);
  });

  test('the citizen reads the step as done, without the answer or the note, in the detail and the history', async () => {
    const res = await t.call('GET', `/api/requests/${id}`, { as: 'citizen' });
    const raw = await res.text();
    assert.ok(!raw.includes(NOTE), 'the note is not in the citizen’s detail');
    const d = JSON.parse(raw) as { steps: Step[]; viewer: { side: string } };
    assert.equal(d.viewer.side, 'citizen');
    const [first, second] = d.steps;
    assert.equal(first.answer, null);
    assert.equal(first.note, null);
    assert.ok(first.answeredAt, 'the step reads as done');
    assert.equal(second.answeredAt, null, 'the next step reads as pending');
    const raw2 = await (await t.call('GET', `/api/requests/${id}/history`, { as: 'citizen' })).text();
    assert.ok(!raw2.includes(NOTE), 'the note is not in the citizen’s history');
    const [h] = await history('citizen');
    assert.equal(h.data?.stepId, t.fx.steps[0], 'the history still says which step was done');
    assert.ok(!('answer' in (h.data ?? {})) && !('note' in (h.data ?? {})));
  });

  test('an attendant who filed the request reads it as its citizen', async () => {
    const d = await detail('attendantFiler', filedByStaff);
    assert.equal(d.viewer.side, 'citizen');
    assert.deepEqual([d.steps[0].answer, d.steps[0].note], [null, null]);
    assert.ok(d.steps[0].answeredAt);
    const [h] = await history('attendantFiler', filedByStaff);
    assert.ok(!('note' in (h.data ?? {})));
  });
});
