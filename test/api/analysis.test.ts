// The request under analysis: who is analysing it (in the detail, refreshed
// cheaply with If-None-Match), and the steps checklist's consequences — an
// approval names every step answered "Não" or not answered, and the history
// records them; an answered step is named in the history.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

describe('analysis: the analyst and the steps checklist', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  const file = async () => (await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json()) as { id: number };
  const detail = async (id: number, as = 'attendant2') => (await t.call('GET', `/api/requests/${id}`, { as })).json();
  const history = async (id: number, as = 'manager') =>
    (await (await t.call('GET', `/api/requests/${id}/history`, { as })).json()).items as { action: string; data: Record<string, unknown> | null }[];

  test('the detail names who is analysing the request, while the analysis runs', async () => {
    const { id } = await file();
    assert.equal((await detail(id)).analyst, null, 'nobody before the analysis starts');
    const seen = await t.call('GET', `/api/requests/${id}`, { as: 'attendant2' });
    const etag = seen.headers.get('ETag')!;
    const notChanged = await t.call('GET', `/api/requests/${id}`, { as: 'attendant2', headers: { 'If-None-Match': etag } });
    assert.equal(notChanged.status, 304, 'an unchanged request answers 304');

    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    // The other attendant's refresh sees the change, and who made it.
    const changed = await t.call('GET', `/api/requests/${id}`, { as: 'attendant2', headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    const d = await changed.json();
    assert.equal(d.status, 'in_analysis');
    assert.equal(d.analyst.id, t.fx.users.attendant.id);
    assert.ok(d.analyst.name.length > 0);
    assert.ok(!d.allowedActions.includes('start_analysis'));
    // The citizen sees who is analysing it too.
    assert.equal((await detail(id, 'citizen')).analyst.id, t.fx.users.attendant.id);

    // Asked for information while in analysis: still that analyst's.
    const form = new FormData();
    form.set('body', 'Envie o comprovante.');
    form.set('kind', 'info_request');
    assert.equal((await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant', body: form })).status, 201);
    assert.equal((await detail(id)).analyst.id, t.fx.users.attendant.id);
    const reply = new FormData();
    reply.set('body', 'Segue.');
    assert.equal((await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'citizen', body: reply })).status, 201);

    const approved = await t.call('POST', `/api/requests/${id}/approve`, {
      as: 'manager',
      body: { assigneeId: t.fx.users.attendant2.id, confirmSteps: t.fx.steps },
    });
    assert.equal(approved.status, 200);
    assert.equal((await approved.json()).analyst, null, 'decided: nobody is analysing it any more');
  });

  test('approving with steps answered "Não" or not answered needs them named, in Portuguese', async () => {
    const { id } = await file();
    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    const no = await t.call('PUT', `/api/requests/${id}/steps/${t.fx.steps[0]}`, { as: 'attendant', body: { answer: 'no', note: 'Foto ilegível' } });
    assert.equal(no.status, 200);

    const bare = await t.call('POST', `/api/requests/${id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant2.id } });
    assert.equal(bare.status, 400);
    assert.match(bare.headers.get('Content-Type') ?? '', /application\/problem\+json/);
    const p = await bare.json();
    assert.match(p.detail, /"Conferir identidade" \(Não\)/);
    assert.match(p.detail, /"Verificar pagamento da taxa" \(sem resposta\)/);
    assert.match(p.errors.confirmSteps, /Confirme a aprovação apesar de as etapas/);

    const half = await t.call('POST', `/api/requests/${id}/approve`, {
      as: 'attendant',
      body: { assigneeId: t.fx.users.attendant2.id, confirmSteps: [t.fx.steps[0]] },
    });
    assert.equal(half.status, 400);
    const h = await half.json();
    assert.match(h.errors.confirmSteps, /a etapa "Verificar pagamento da taxa" \(sem resposta\)/);
    assert.doesNotMatch(h.detail, /Conferir identidade/, 'only the step left out is named');
    const unchanged = await detail(id);
    assert.equal(unchanged.status, 'in_analysis');
    assert.equal(unchanged.version, 3, 'a refused approval changes nothing');

    const ok = await t.call('POST', `/api/requests/${id}/approve`, {
      as: 'attendant',
      body: { assigneeId: t.fx.users.attendant2.id, confirmSteps: [t.fx.steps[1], t.fx.steps[0]] },
    });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).status, 'in_service');
    const entry = (await history(id)).find((e) => e.action === 'approve')!;
    assert.deepEqual(entry.data, {
      assigneeId: t.fx.users.attendant2.id,
      confirmedSteps: [
        { id: t.fx.steps[0], title: 'Conferir identidade', answer: 'no' },
        { id: t.fx.steps[1], title: 'Verificar pagamento da taxa', answer: null },
      ],
    });
    // The citizen reads that it was approved and which steps were done, never the staff's answers.
    const seen = await history(id, 'citizen');
    assert.deepEqual(seen.find((e) => e.action === 'approve')!.data, { assigneeId: t.fx.users.attendant2.id });
    assert.deepEqual(
      seen.filter((e) => e.action === 'answer_step').map((e) => e.data),
      [{ stepId: t.fx.steps[0], title: 'Conferir identidade' }],
    );
  });

  test('every step answered "Sim": no confirmation, and the history names each step answered', async () => {
    const { id } = await file();
    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    for (const step of t.fx.steps) {
      assert.equal((await t.call('PUT', `/api/requests/${id}/steps/${step}`, { as: 'attendant', body: { answer: 'yes' } })).status, 200);
    }
    const ok = await t.call('POST', `/api/requests/${id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant2.id } });
    assert.equal(ok.status, 200);
    const items = await history(id);
    assert.deepEqual(
      items.filter((e) => e.action === 'answer_step').map((e) => e.data!.title),
      ['Conferir identidade', 'Verificar pagamento da taxa'],
    );
    assert.deepEqual(items.find((e) => e.action === 'approve')!.data!.confirmedSteps, []);
  });

  test('confirmSteps must be a list of ids', async () => {
    const { id } = await file();
    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    for (const confirmSteps of ['todas', [0], ['1'], [1.5]]) {
      const res = await t.call('POST', `/api/requests/${id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant2.id, confirmSteps } });
      assert.equal(res.status, 400, JSON.stringify(confirmSteps));
      const p = await res.json();
      assert.ok(
        Object.keys(p.errors).some((k) => k.startsWith('confirmSteps')),
        JSON.stringify(p),
      );
    }
  });
});
