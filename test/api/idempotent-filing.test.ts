// Filing is idempotent: a double click or a retry after a timeout with the
// same Idempotency-Key gives the same request, never two, also when the
// posts arrive together; the same key for another filing is refused (422).
// JSON and multipart alike, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { TINY_PDF, type TestContext, VALID_CPF, createTestContext, filingBody } from '../helpers.js';

describe('idempotent filing (Idempotency-Key)', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  /** How many requests the citizen has filed. */
  const filedBy = async (user: 'citizen' | 'other') => {
    const row = await t.database.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('citizen_id', '=', t.fx.users[user].id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const file = (key: string | undefined, body: unknown = filingBody(t.fx.service), as = 'citizen') =>
    t.call('POST', '/api/requests', { as, body, headers: key === undefined ? {} : { 'Idempotency-Key': key } });

  function filingForm(formData: Record<string, unknown> = { cpf: VALID_CPF, motivo: 'Perda' }) {
    const fd = new FormData();
    fd.set('request', JSON.stringify({ serviceId: t.fx.service, formData }));
    fd.append('Documento de identidade', new Blob([new Uint8Array(TINY_PDF)]), 'rg.pdf');
    return fd;
  }

  test('sent again with its key, a filing answers the request filed first: same status and body, Idempotent-Replayed', async () => {
    const key = randomUUID();
    const before = await filedBy('citizen');
    const first = await file(key);
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('Idempotent-Replayed'), null);
    const filed = await first.json();
    const again = await file(key, filingBody(t.fx.service, { cpf: `  ${VALID_CPF} ` }));
    assert.equal(again.status, 201, 'the same data, as cleaned');
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(again.headers.get('Location'), `/api/requests/${filed.id}`);
    const replayed = await again.json();
    assert.equal(replayed.id, filed.id);
    assert.equal(replayed.protocol, filed.protocol);
    assert.deepEqual(replayed.documents, filed.documents, 'no second copy of the documents');
    assert.equal(await filedBy('citizen'), before + 1);
  });

  test('five posts with one key at once file one request; each answer is that request', async () => {
    const key = randomUUID();
    const before = await filedBy('citizen');
    const answers = await Promise.all(Array.from({ length: 5 }, () => file(key)));
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201, 201, 201, 201],
    );
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).id)));
    assert.equal(ids.size, 1, 'one request');
    assert.equal(answers.filter((r) => r.headers.get('Idempotent-Replayed') === 'true').length, 4, 'four replays');
    assert.equal(await filedBy('citizen'), before + 1);
  });

  test('five multipart posts with one key at once file one request too', async () => {
    const key = randomUUID();
    const before = await filedBy('citizen');
    const answers = await Promise.all(Array.from({ length: 5 }, () => file(key, filingForm())));
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201, 201, 201, 201],
    );
    const bodies = await Promise.all(answers.map((r) => r.json()));
    assert.equal(new Set(bodies.map((b) => b.id)).size, 1);
    assert.equal(bodies[0].documents.length, 1);
    assert.equal(await filedBy('citizen'), before + 1);
    // A retry afterwards, as JSON this time: still that request.
    const retry = await file(key);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await retry.json()).id, bodies[0].id);
  });

  test('the same key with another service or other form data is refused (422), and files nothing', async () => {
    const key = randomUUID();
    assert.equal((await file(key)).status, 201);
    const before = await filedBy('citizen');
    for (const [what, body] of [
      ['another service', filingBody(t.fx.serviceB)],
      ['other form data', filingBody(t.fx.service, { motivo: 'Roubo' })],
      ['a field more', filingBody(t.fx.service, { observacoes: 'Perdi na rua.' })],
      ['invalid form data', filingBody(t.fx.service, { cpf: '111.111.111-11' })],
      ['multipart, other form data', filingForm({ cpf: VALID_CPF, motivo: 'Roubo' })],
    ] as const) {
      const res = await file(key, body);
      assert.equal(res.status, 422, what);
      assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/);
      const problem = await res.json();
      assert.equal(problem.title, 'Requisição não processável');
      assert.match(problem.detail, /Idempotency-Key já foi usada/);
    }
    assert.equal(await filedBy('citizen'), before);
  });

  test('a key is the citizen’s own: another citizen’s same key files their own request', async () => {
    const key = randomUUID();
    const mine = await (await file(key)).json();
    const theirs = await file(key, filingBody(t.fx.service), 'other');
    assert.equal(theirs.status, 201);
    assert.equal(theirs.headers.get('Idempotent-Replayed'), null);
    assert.notEqual((await theirs.json()).id, mine.id);
  });

  test('a malformed key is a 400 problem naming the header, and files nothing', async () => {
    const before = await filedBy('citizen');
    for (const key of ['curta', 'com espaço no meio', 'x'.repeat(201), 'ação-acentuada-1234']) {
      for (const body of [filingBody(t.fx.service), filingForm()]) {
        const res = await file(key, body);
        assert.equal(res.status, 400, key);
        const problem = await res.json();
        assert.match(Object.values(problem.errors ?? {}).join(' '), /Idempotency-Key/, key);
      }
    }
    assert.equal(await filedBy('citizen'), before);
  });

  test('without a key, two posts are two requests (as before)', async () => {
    const before = await filedBy('citizen');
    assert.equal((await file(undefined)).status, 201);
    assert.equal((await file(undefined)).status, 201);
    assert.equal(await filedBy('citizen'), before + 2);
  });

  test('a filing refused for its data keeps its key free: fixed and sent again with it, it is filed', async () => {
    const key = randomUUID();
    const bad = await file(key, filingBody(t.fx.service, { cpf: '123' }));
    assert.equal(bad.status, 400);
    const good = await file(key);
    assert.equal(good.status, 201);
    assert.equal(good.headers.get('Idempotent-Replayed'), null);
  });

  test('the OpenAPI document describes the header and the replay', async () => {
    const doc = await (await t.call('GET', '/api/openapi.json')).json();
    const op = doc.paths['/api/requests'].post;
    const header = op.parameters.find((p: { in: string; name: string }) => p.in === 'header' && /^idempotency-key$/i.test(p.name));
    assert.ok(header, 'the header is a documented parameter');
    assert.match(header.description ?? header.schema?.description ?? '', /same key/);
    assert.ok(op.responses['201'].headers['Idempotent-Replayed']);
    assert.ok(op.responses['422']);
  });
});
