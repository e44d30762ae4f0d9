// A request keeps the version of its service it was filed under: after the
// manager edits the service and publishes the edit, the request filed before
// still shows its own name, form and steps (detail and queue), its steps are
// still answered and approved, and a new filing gets the new version.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TINY_PNG, type TestContext, VALID_CPF, createTestContext, filingBody } from '../helpers.js';

const selfie = { label: 'Selfie com documento', fileName: 'selfie.png', contentBase64: TINY_PNG.toString('base64') };

describe('version pinning: a request keeps its service version', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  test('an edit published after filing changes nothing of the request filed before; a new filing gets the new version', async () => {
    const { service } = t.fx;
    const filed = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(service, { observacoes: 'Perdi no ônibus.' }) })).json();
    const old = await (await t.call('GET', `/api/requests/${filed.id}`, { as: 'attendant' })).json();
    assert.deepEqual(
      old.steps.map((s: { title: string }) => s.title),
      ['Conferir identidade', 'Verificar pagamento da taxa'],
    );

    const newFields = [
      { code: 'cpf', label: 'CPF do condutor', datatype: 'string', format: 'cpf', required: true },
      { code: 'renach', label: 'Número do RENACH', datatype: 'string', required: true },
    ];
    const edit = await t.call('PATCH', `/api/services/${service}`, {
      as: 'manager',
      body: {
        name: 'Segunda via da CNH (digital)',
        steps: ['Validar biometria', 'Conferir a taxa', 'Emitir a CNH digital'],
        fields: newFields,
        documents: [{ name: 'Selfie com documento', required: true, formats: ['jpg', 'png'] }],
      },
    });
    assert.equal(edit.status, 200);
    assert.equal((await edit.json()).version, 2);
    assert.equal((await t.call('POST', `/api/services/${service}/publish`, { as: 'manager' })).status, 200);

    // The request filed before: its version, name, fields, form data, documents and steps, for the staff and the citizen.
    for (const as of ['attendant', 'citizen']) {
      const now = await (await t.call('GET', `/api/requests/${filed.id}`, { as })).json();
      assert.equal(now.service.version, 1, as);
      assert.equal(now.service.versionId, old.service.versionId, as);
      assert.equal(now.service.name, 'Segunda via da CNH', as);
      assert.deepEqual(now.fields, old.fields, as);
      assert.deepEqual(now.formData, { cpf: VALID_CPF, motivo: 'Perda', observacoes: 'Perdi no ônibus.' }, as);
      assert.deepEqual(now.documents, old.documents, as);
      assert.deepEqual(
        now.steps.map((s: { id: number; title: string }) => [s.id, s.title]),
        old.steps.map((s: { id: number; title: string }) => [s.id, s.title]),
        as,
      );
    }
    const queue = await (await t.call('GET', `/api/requests?serviceId=${service}&limit=100`, { as: 'attendant' })).json();
    assert.equal(queue.items.find((r: { id: number }) => r.id === filed.id).service.name, 'Segunda via da CNH', 'the queue too');

    // Its steps are still answered, and it is approved on them.
    assert.equal((await t.call('POST', `/api/requests/${filed.id}/analysis`, { as: 'attendant' })).status, 200);
    for (const step of old.steps) {
      const res = await t.call('PUT', `/api/requests/${filed.id}/steps/${step.id}`, { as: 'attendant', body: { answer: 'yes' } });
      assert.equal(res.status, 200, step.title);
    }
    const current = await (await t.call('GET', `/api/services/${service}`)).json();
    assert.equal(current.version, 2);
    const foreign = await t.call('PUT', `/api/requests/${filed.id}/steps/${current.steps[0].id}`, { as: 'attendant', body: { answer: 'yes' } });
    assert.equal(foreign.status, 404, 'a step of the new version is no step of this request');
    const approved = await t.call('POST', `/api/requests/${filed.id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant2.id } });
    assert.equal(approved.status, 200, 'every step of its own version answered "Sim": no confirmation needed');

    // A new filing is checked against the new version and gets its steps.
    const oldForm = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(service) });
    assert.equal(oldForm.status, 400, 'the old form no longer fits');
    const fresh = await t.call('POST', '/api/requests', {
      as: 'citizen',
      body: {
        serviceId: service,
        formData: { cpf: VALID_CPF, renach: 'RO123456789' },
        documents: [selfie],
      },
    });
    assert.equal(fresh.status, 201);
    const next = await fresh.json();
    assert.equal(next.service.version, 2);
    assert.equal(next.service.name, 'Segunda via da CNH (digital)');
    assert.deepEqual(next.fields, newFields);
    assert.deepEqual(
      next.steps.map((s: { title: string }) => s.title),
      ['Validar biometria', 'Conferir a taxa', 'Emitir a CNH digital'],
    );
  });

  test('editing the draft again (not yet published) changes nothing of the requests either', async () => {
    const { service } = t.fx;
    const res = await t.call('POST', '/api/requests', {
      as: 'citizen',
      body: { serviceId: service, formData: { cpf: VALID_CPF, renach: 'RO1' }, documents: [selfie] },
    });
    assert.equal(res.status, 201);
    const filed = await res.json();
    const patch = await t.call('PATCH', `/api/services/${service}`, { as: 'manager', body: { name: 'Nome em rascunho', steps: ['Só uma etapa'] } });
    assert.equal(patch.status, 200);
    const now = await (await t.call('GET', `/api/requests/${filed.id}`, { as: 'attendant' })).json();
    assert.equal(now.service.name, 'Segunda via da CNH (digital)');
    assert.equal(now.steps.length, 3);
  });
});
