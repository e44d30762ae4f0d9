// Bad input gets a 4xx problem+json with a clear message, never a 5xx.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestContext, TINY_PDF, createTestContext, filingBody } from '../helpers.js';

describe('bad input', () => {
  let t: TestContext;
  let inAnalysis: number;
  before(async () => {
    t = await createTestContext();
    const r = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    await t.call('POST', `/api/requests/${r.id}/analysis`, { as: 'attendant' });
    inAnalysis = r.id;
  });
  after(() => t.close());

  async function expectProblem(res: Response, status: number, what: string) {
    assert.equal(res.status, status, what);
    assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/, what);
    const body = await res.json();
    assert.equal(body.status, status, what);
    assert.ok(typeof body.title === 'string' && body.title.length > 0, what);
    return body;
  }

  test('malformed JSON, wrong media type, non-object bodies', async () => {
    const path = `/api/requests/${inAnalysis}/reject`;
    await expectProblem(await t.call('POST', path, { as: 'attendant', body: '{"justification": ' }), 400, 'truncated JSON');
    await expectProblem(await t.call('POST', path, { as: 'attendant', body: 'justification=x', headers: { 'Content-Type': 'text/plain' } }), 415, 'text/plain');
    for (const body of ['null', '[]', '"texto"', '42', 'true']) {
      await expectProblem(await t.call('POST', path, { as: 'attendant', body }), 400, `body ${body}`);
    }
  });

  test('wrong types and missing fields name the field in Portuguese', async () => {
    const b = await expectProblem(
      await t.call('POST', `/api/requests/${inAnalysis}/approve`, { as: 'attendant', body: { assigneeId: 'fulano' } }),
      400,
      'string id',
    );
    assert.ok(b.errors.assigneeId);
    const c = await expectProblem(await t.call('POST', `/api/requests/${inAnalysis}/reject`, { as: 'attendant', body: {} }), 400, 'missing');
    assert.match(c.errors.justification, /obrigatóri/);
    const d = await expectProblem(
      await t.call('PUT', `/api/requests/${inAnalysis}/steps/${t.fx.steps[0]}`, { as: 'attendant', body: { answer: 'talvez' } }),
      400,
      'enum',
    );
    assert.match(d.errors.answer, /Sim|Não/);
  });

  test('huge strings are refused, not stored', async () => {
    const huge = 'x'.repeat(1_000_000);
    const b = await expectProblem(await t.call('POST', `/api/requests/${inAnalysis}/reject`, { as: 'attendant', body: { justification: huge } }), 400, 'huge');
    assert.match(b.errors.justification, /no máximo/);
    await expectProblem(await t.call('GET', `/api/requests?q=${'a'.repeat(5000)}`, { as: 'attendant' }), 400, 'huge query');
    const detail = await (await t.call('GET', `/api/requests/${inAnalysis}`, { as: 'attendant' })).json();
    assert.equal(detail.status, 'in_analysis');
  });

  test('a body over the limit is 413', async () => {
    const big = JSON.stringify({ justification: 'x'.repeat(40 * 1024 * 1024) });
    await expectProblem(await t.call('POST', `/api/requests/${inAnalysis}/reject`, { as: 'attendant', body: big }), 413, 'over limit');
  });

  test('unknown, malformed and out-of-range ids', async () => {
    for (const id of ['999999', 'abc', '-1', '0', '1.5', '99999999999999999999', '%00', "1'--"]) {
      const res = await t.call('GET', `/api/requests/${id}`, { as: 'attendant' });
      assert.ok([400, 404].includes(res.status), `id ${id}: ${res.status}`);
      await expectProblem(res, res.status, `id ${id}`);
    }
    await expectProblem(await t.call('PUT', `/api/requests/${inAnalysis}/steps/999999`, { as: 'attendant', body: { answer: 'yes' } }), 404, 'unknown step');
    await expectProblem(await t.call('GET', '/api/nada', { as: 'attendant' }), 404, 'unknown route');
    await expectProblem(await t.call('GET', '/api/services/424242'), 404, 'unknown service');
  });

  test('queue parameters are checked', async () => {
    for (const qs of [
      'status=arquivada',
      'month=2026-13',
      'limit=1000',
      'limit=0',
      'sort=random',
      'cursor=%%%',
      'cursor=WzEsMl0',
      'serviceId=x',
      'assigneeId=voce',
    ]) {
      await expectProblem(await t.call('GET', `/api/requests?${qs}`, { as: 'attendant' }), 400, qs);
    }
    const ok = await t.call('GET', `/api/requests?q=${encodeURIComponent('%_\'\\"; drop table requests')}`, { as: 'attendant' });
    assert.equal(ok.status, 200, 'search text with SQL and LIKE metacharacters is just text');
  });

  test('If-Match must be an ETag', async () => {
    await expectProblem(
      await t.call('POST', `/api/requests/${inAnalysis}/reject`, { as: 'attendant', headers: { 'If-Match': 'amanhã' }, body: { justification: 'x' } }),
      400,
      'If-Match',
    );
  });

  test('filing: form data, documents and files are validated', async () => {
    const bad = filingBody(t.fx.service, { cpf: '123.456.789-00', motivo: 'Outro', extra: 'x' });
    const b = await expectProblem(await t.call('POST', '/api/requests', { as: 'citizen', body: bad }), 400, 'form data');
    assert.deepEqual(Object.keys(b.errors).sort(), ['formData.cpf', 'formData.extra', 'formData.motivo']);
    const noDocs = { ...filingBody(t.fx.service), documents: [] };
    const n = await expectProblem(await t.call('POST', '/api/requests', { as: 'citizen', body: noDocs }), 400, 'missing document');
    assert.match(Object.values(n.errors).join(' '), /Documento de identidade/);
    const exe = { ...filingBody(t.fx.service) };
    exe.documents = [
      {
        label: 'Documento de identidade',
        fileName: 'rg.pdf',
        contentBase64: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00' + 'x'.repeat(300), 'latin1').toString('base64'),
      },
    ];
    const e = await expectProblem(await t.call('POST', '/api/requests', { as: 'citizen', body: exe }), 415, 'renamed executable');
    assert.match(e.detail, /PDF, PNG, JPEG/);
    const html = { ...filingBody(t.fx.service) };
    html.documents = [{ label: 'Documento de identidade', fileName: 'rg.pdf', contentBase64: Buffer.from('<svg onload="alert(1)"></svg>').toString('base64') }];
    await expectProblem(await t.call('POST', '/api/requests', { as: 'citizen', body: html }), 415, 'svg as pdf');
    const notB64 = { ...filingBody(t.fx.service) };
    notB64.documents = [{ label: 'Documento de identidade', fileName: 'rg.pdf', contentBase64: '***' }];
    await expectProblem(await t.call('POST', '/api/requests', { as: 'citizen', body: notB64 }), 400, 'not base64');
    const unknownService = await expectProblem(await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(999999) }), 400, 'unknown service');
    assert.ok(unknownService.errors.serviceId);
    const before = await t.database.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(before.n) >= 1);
  });

  test('a document file name with path tricks is stored made safe', async () => {
    const body = filingBody(t.fx.service);
    body.documents = [{ label: 'Documento de identidade', fileName: '../../etc/"passwd\r\n.pdf', contentBase64: TINY_PDF.toString('base64') }];
    const r = await (await t.call('POST', '/api/requests', { as: 'citizen', body })).json();
    assert.equal(r.documents[0].fileName, 'passwd.pdf');
    const dl = await t.call('GET', r.documents[0].href, { as: 'attendant' });
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(dl.headers.get('Content-Disposition') ?? '', /^attachment; filename="passwd\.pdf"/);
    assert.deepEqual(Buffer.from(await dl.arrayBuffer()), TINY_PDF);
  });

  test('random JSON thrown at every write route never gives a 5xx', async () => {
    const values: unknown[] = [null, true, 0, -1, 1e308, '', ' ', 'ç', [], {}, [[]], { a: { b: {} } }, 'x'.repeat(300), [1, 'a', null]];
    const keys = [
      'serviceId',
      'formData',
      'documents',
      'answer',
      'note',
      'assigneeId',
      'justification',
      'text',
      'verdict',
      'rating',
      'comment',
      'name',
      'steps',
      'fields',
      'documents',
      'deadline',
      'reason',
      'institutionId',
      'startsAt',
      'durationMinutes',
      'subject',
      '__proto__',
      'constructor',
    ];
    const routes: [string, string][] = [
      ['POST', '/api/requests'],
      ['POST', `/api/requests/${inAnalysis}/approve`],
      ['POST', `/api/requests/${inAnalysis}/reject`],
      ['POST', `/api/requests/${inAnalysis}/conclude`],
      ['POST', `/api/requests/${inAnalysis}/evaluation`],
      ['PUT', `/api/requests/${inAnalysis}/steps/${t.fx.steps[0]}`],
      ['POST', '/api/services'],
      ['PATCH', `/api/services/${t.fx.serviceB}`],
      ['POST', `/api/services/${t.fx.serviceB}/unpublish`],
      ['POST', `/api/requests/${inAnalysis}/meetings`],
      ['PATCH', '/api/meetings/1'],
      ['POST', '/api/meetings/1/cancel'],
      ['POST', '/api/meetings/1/join'],
    ];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 150; i++) {
      const body: Record<string, unknown> = {};
      for (let k = 0; k < 1 + rand(3); k++) body[keys[rand(keys.length)]] = values[rand(values.length)];
      const [method, path] = routes[i % routes.length];
      const as = path.startsWith('/api/services') ? (i % 2 ? 'managerB' : 'manager') : i % 2 ? 'attendant' : 'citizen';
      const res = await t.call(method, path, { as, body: JSON.stringify(body) });
      assert.ok(res.status < 500, `${method} ${path} ${JSON.stringify(body).slice(0, 80)} → ${res.status}`);
    }
  });
});
