// Bad input never becomes a 5xx, on PostgreSQL too: a NUL (U+0000) in any
// text and an integer outside the 32-bit columns' range are refused with a
// 400 problem+json in Portuguese, and nothing is stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestContext, TINY_PDF, createTestContext, filingBody } from '../helpers.js';

const NUL = 'a\u0000b';

describe('input bounds: NUL bytes and 32-bit integers', () => {
  let t: TestContext;
  let inAnalysis: number;
  let inService: number;
  let concluded: number;
  before(async () => {
    t = await createTestContext();
    const file = async () => (await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json()).id as number;
    inAnalysis = await file();
    await t.call('POST', `/api/requests/${inAnalysis}/analysis`, { as: 'attendant' });
    inService = await file();
    await t.call('POST', `/api/requests/${inService}/analysis`, { as: 'attendant' });
    await t.call('POST', `/api/requests/${inService}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } });
    concluded = await file();
    await t.call('POST', `/api/requests/${concluded}/analysis`, { as: 'attendant' });
    await t.call('POST', `/api/requests/${concluded}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } });
    const c = await t.call('POST', `/api/requests/${concluded}/conclude`, { as: 'attendant', body: { text: 'Feito.' } });
    assert.equal(c.status, 200);
  });
  after(() => t.close());

  /** Rows that a refused request must not have added to. */
  async function stored() {
    const n = async (table: 'requests' | 'audit_log' | 'follow_ups' | 'files' | 'users' | 'evaluations' | 'step_answers' | 'meetings') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      requests: await n('requests'),
      audit: await n('audit_log'),
      followUps: await n('follow_ups'),
      files: await n('files'),
      users: await n('users'),
      evaluations: await n('evaluations'),
      steps: await n('step_answers'),
      meetings: await n('meetings'),
    };
  }

  async function expect400(res: Response, what: string, field?: string) {
    assert.equal(res.status, 400, `${what}: ${res.status} ${res.status >= 500 ? await res.text() : ''}`);
    assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/, what);
    const body = await res.json();
    assert.equal(body.title, 'Requisição inválida', what);
    if (field) {
      assert.ok(body.errors?.[field], `${what}: errors.${field} in ${JSON.stringify(body.errors)}`);
      assert.match(body.errors[field], /[ãçéíóúâêô]|inválid|máximo|mínimo|obrigatóri|nulo|informe|escolha|de 1 a/i, `${what}: Portuguese message`);
    }
    return body;
  }

  test('a NUL in any text is refused with a 400 naming the field, and nothing is stored', async () => {
    const before = await stored();
    const json = (method: string, path: string, body: unknown, as = 'attendant') => t.call(method, path, { as, body });
    const nulMessage = async (res: Response, what: string, field: string) => {
      const b = await expect400(res, what, field);
      assert.match(b.errors[field], /nulo/, `${what}: says what is wrong`);
    };
    await nulMessage(await json('POST', `/api/requests/${inAnalysis}/reject`, { justification: NUL }), 'justification', 'justification');
    await nulMessage(await json('POST', `/api/requests/${inService}/conclude`, { text: NUL }), 'conclusion', 'text');
    await nulMessage(await json('PUT', `/api/requests/${inAnalysis}/steps/${t.fx.steps[0]}`, { answer: 'yes', note: NUL }), 'step note', 'note');
    await nulMessage(
      await json('POST', `/api/requests/${concluded}/evaluation`, { verdict: 'approved', rating: 5, comment: NUL }, 'citizen'),
      'evaluation comment',
      'comment',
    );
    await nulMessage(await json('POST', '/api/requests', filingBody(t.fx.service, { observacoes: NUL }), 'citizen'), 'form data text', 'formData.observacoes');
    await nulMessage(
      await json('POST', '/api/requests', filingBody(t.fx.service, { observacoes: { a: [{ b: NUL }] } }), 'citizen'),
      'form data nested',
      'formData.observacoes',
    );
    await nulMessage(await json('POST', '/api/requests', filingBody(t.fx.service, { [NUL]: 'x' }), 'citizen'), 'form data key', `formData.${NUL}`);
    await nulMessage(
      await json('POST', '/api/requests', filingBody(t.fx.service, { observacoes: '2026-01-01\u0000' }), 'citizen'),
      'form data date-like text',
      'formData.observacoes',
    );
    const doc = (label: string, fileName: string) => ({
      ...filingBody(t.fx.service),
      documents: [{ label, fileName, contentBase64: TINY_PDF.toString('base64') }],
    });
    await nulMessage(
      await json('POST', '/api/requests', doc(`Documento de identidade${'\u0000'}`, 'rg.pdf'), 'citizen'),
      'document label',
      'documents.0.label',
    );
    await nulMessage(await json('POST', '/api/requests', doc('Documento de identidade', 'rg\u0000.pdf'), 'citizen'), 'file name', 'documents.0.fileName');
    for (const kind of ['message', 'internal_note', 'info_request']) {
      const form = new FormData();
      form.set('body', NUL);
      form.set('kind', kind);
      await nulMessage(await t.call('POST', `/api/requests/${inService}/follow-ups`, { as: 'attendant', body: form }), `follow-up ${kind}`, 'body');
    }
    const citizenForm = new FormData();
    citizenForm.set('body', `Olá ${NUL}`);
    await nulMessage(await t.call('POST', `/api/requests/${inService}/follow-ups`, { as: 'citizen', body: citizenForm }), 'citizen follow-up', 'body');
    for (const [qs, field] of [
      [`q=${encodeURIComponent(NUL)}`, 'q'],
      [`q=${encodeURIComponent('2026/\u0000')}`, 'q'],
      [`status=${encodeURIComponent('submitted\u0000')}`, 'status'],
      [`month=${encodeURIComponent('2026-11\u0000')}`, 'month'],
      [`cursor=${encodeURIComponent(NUL)}`, 'cursor'],
    ]) {
      await expect400(await t.call('GET', `/api/requests?${qs}`, { as: 'attendant' }), `queue ${qs}`, field);
      await expect400(await t.call('GET', `/api/requests?${qs}`, { as: 'citizen' }), `citizen queue ${qs}`, field);
    }
    // Videoconferência: the subject, the start, a cancellation's reason.
    const startsAt = new Date(t.clock.now.getTime() + 3 * 24 * 60 * 60 * 1000).toISOString();
    await nulMessage(await json('POST', `/api/requests/${inService}/meetings`, { startsAt, durationMinutes: 30, subject: NUL }), 'meeting subject', 'subject');
    await expect400(
      await json('POST', `/api/requests/${inService}/meetings`, { startsAt: `${startsAt}\u0000`, durationMinutes: 30, subject: 'x' }),
      'meeting start',
      'startsAt',
    );
    await expect400(
      await json('POST', `/api/requests/${inService}/meetings`, { startsAt, durationMinutes: 2 ** 31, subject: 'x' }),
      'meeting length',
      'durationMinutes',
    );
    await nulMessage(await json('PATCH', '/api/meetings/1', { startsAt, subject: NUL }), 'meeting subject on reschedule', 'subject');
    await nulMessage(await json('POST', '/api/meetings/1/cancel', { reason: NUL }), 'cancellation reason', 'reason');
    await nulMessage(await t.call('GET', `/api/services?q=${encodeURIComponent(NUL)}`), 'service search', 'q');
    await nulMessage(await t.call('POST', '/dev/token', { body: { sub: NUL } }), 'dev token sub', 'sub');
    assert.deepEqual(await stored(), before, 'nothing stored');
    const d = await (await t.call('GET', `/api/requests/${inAnalysis}`, { as: 'attendant' })).json();
    assert.equal(d.status, 'in_analysis');
  });

  test('a keyset cursor carrying a NUL or an out-of-range id is a 400, not a database error', async () => {
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const c of [
      ['2026-11-01T12:00:00.000Z', 2 ** 31],
      ['2026-11-01T12:00:00.000Z', 2 ** 53],
      ['2026-11-01T12:00:00.000Z', -1],
      ['2026-11-01T12:00:00.000Z', 0],
      ['2026-11-01\u0000', 1],
      ['', 1],
      ['2026-11-01T12:00:00.000Z', 1.5],
    ]) {
      for (const as of ['attendant', 'citizen']) {
        await expect400(await t.call('GET', `/api/requests?cursor=${cursor(c)}`, { as }), `cursor ${JSON.stringify(c)} as ${as}`, 'cursor');
        await expect400(await t.call('GET', `/api/requests?sort=due&cursor=${cursor(c)}`, { as }), `due cursor ${JSON.stringify(c)} as ${as}`, 'cursor');
      }
    }
    // A real cursor still pages.
    const first = await (await t.call('GET', '/api/requests?limit=1', { as: 'attendant' })).json();
    assert.ok(first.nextCursor);
    const next = await t.call('GET', `/api/requests?limit=1&cursor=${first.nextCursor}`, { as: 'attendant' });
    assert.equal(next.status, 200);
    const protoFirst = await (await t.call('GET', '/api/requests?limit=1&q=2026', { as: 'attendant' })).json();
    if (protoFirst.nextCursor)
      assert.equal((await t.call('GET', `/api/requests?limit=1&q=2026&cursor=${protoFirst.nextCursor}`, { as: 'attendant' })).status, 200);
  });

  const OUT_OF_RANGE = ['2147483648', '9007199254740992', '-1', '1e309', 'NaN'];

  test('path and query integers outside the 32-bit range are 400', async () => {
    for (const v of OUT_OF_RANGE) {
      for (const path of [
        `/api/requests/${v}`,
        `/api/requests/${v}/history`,
        `/api/requests/${v}/follow-ups`,
        `/api/services/${v}`,
        `/api/attachments/${v}`,
        `/api/institutions/${v}/attendants`,
      ]) {
        await expect400(await t.call('GET', path, { as: 'manager' }), `GET ${path}`, 'id');
      }
      for (const [qs, field] of [
        [`serviceId=${v}`, 'serviceId'],
        [`institutionId=${v}`, 'institutionId'],
        [`assigneeId=${v}`, 'assigneeId'],
        [`limit=${v}`, 'limit'],
      ]) {
        await expect400(await t.call('GET', `/api/requests?${qs}`, { as: 'manager' }), `queue ${qs}`, field);
      }
      await expect400(await t.call('GET', `/api/requests/counts?institutionId=${v}`, { as: 'manager' }), `counts ${v}`, 'institutionId');
      await expect400(await t.call('GET', `/api/services?institutionId=${v}`), `services ${v}`, 'institutionId');
      await expect400(await t.call('GET', `/api/requests/${inService}/follow-ups?before=${v}`, { as: 'attendant' }), `before=${v}`, 'before');
      await expect400(await t.call('GET', `/api/requests/${inService}/follow-ups?limit=${v}`, { as: 'attendant' }), `follow-up limit=${v}`, 'limit');
      await expect400(await t.call('PUT', `/api/requests/${inAnalysis}/steps/${v}`, { as: 'attendant', body: { answer: 'yes' } }), `step ${v}`, 'stepId');
      await expect400(await t.call('POST', `/api/requests/${inAnalysis}/analysis`, { as: 'attendant', headers: { 'If-Match': `"${v}"` } }), `If-Match "${v}"`);
    }
  });

  test('JSON body integers outside the 32-bit range are 400, and nothing changes', async () => {
    const before = await stored();
    // Raw JSON text, so 1e309 reaches the server as written (JSON.parse makes it Infinity).
    for (const v of [...OUT_OF_RANGE.filter((x) => x !== 'NaN'), '"NaN"', '1.5', '"7"', 'true', '[1]', 'null']) {
      await expect400(
        await t.call('POST', `/api/requests/${inAnalysis}/approve`, { as: 'attendant', body: `{"assigneeId":${v}}` }),
        `assigneeId ${v}`,
        'assigneeId',
      );
      await expect400(
        await t.call('POST', `/api/requests/${concluded}/evaluation`, { as: 'citizen', body: `{"verdict":"approved","rating":${v}}` }),
        `rating ${v}`,
        'rating',
      );
      const filing = JSON.stringify(filingBody(t.fx.service)).replace(/"serviceId":\d+/, `"serviceId":${v}`);
      await expect400(await t.call('POST', '/api/requests', { as: 'citizen', body: filing }), `serviceId ${v}`, 'serviceId');
    }
    assert.deepEqual(await stored(), before, 'nothing stored');
    const d = await (await t.call('GET', `/api/requests/${inAnalysis}`, { as: 'attendant' })).json();
    assert.equal(d.status, 'in_analysis');
  });
});
