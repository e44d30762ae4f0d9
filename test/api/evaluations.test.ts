// Avaliações (issue #13) over HTTP, on the engine of the run: the citizen's
// evaluation (once, after the conclusion, a rating required), reopening within
// REOPEN_DAYS and evaluating again, moderation by the institution's staff
// (one and bulk, all or nothing, every decision audited), and the public
// panel that shows only what was published, masked where chosen, never who.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { endOfLocalDay, localDate } from '../../contract/time.js';
import { type TestContext, createTestContext, filingBody, inService, json, problem } from '../helpers.js';

const ENGINE = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const DAY = 24 * 60 * 60 * 1000;
const COMMENT = 'Demorou demais. Liguem no (69) 99988-7766, CPF 529.982.247-25. Pessoa Citizen';

describe(`evaluations (${ENGINE})`, () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    t.clock.now = new Date('2026-11-10T15:00:00.000Z'); // late morning of 10 Nov in the state's zone (11:00 in Porto Velho)
  });
  after(() => t.close());

  const post = (path: string, as: string | undefined, body?: unknown) => t.call('POST', path, { as, body });

  /** A request of institution A (or B) filed by `citizen`, attended and concluded. */
  async function concluded(o: { b?: boolean; citizen?: string } = {}) {
    const r = await inService(t, o);
    const staff = o.b ? 'attendantB' : 'attendant';
    return json(await post(`/api/requests/${r.id}/conclude`, staff, { text: 'Feito.' }), 200, 'conclude');
  }

  /** A concluded request evaluated by its citizen; the detail. */
  async function evaluated(body: { verdict: 'approved' | 'rejected'; rating: number; comment?: string }, o: { b?: boolean; citizen?: string } = {}) {
    const r = await concluded(o);
    return json(await post(`/api/requests/${r.id}/evaluation`, o.citizen ?? 'citizen', body), 200, 'evaluation');
  }

  test('only the owner evaluates, once, only after the conclusion, with a rating', async () => {
    const r = await json(await post('/api/requests', 'citizen', filingBody(t.fx.service)), 201);
    await problem(await post(`/api/requests/${r.id}/evaluation`, 'citizen', { verdict: 'approved', rating: 5 }), 409, 'before the conclusion');
    const c = await concluded();
    const missing = await problem(await post(`/api/requests/${c.id}/evaluation`, 'citizen', { verdict: 'approved' }), 400, 'no rating');
    assert.ok(missing.errors.rating, 'the rating field is named');
    await problem(await post(`/api/requests/${c.id}/evaluation`, 'citizen', { verdict: 'approved', rating: 6 }), 400, 'rating 6');
    await problem(await post(`/api/requests/${c.id}/evaluation`, 'citizen', { verdict: 'approved', rating: 5, comment: 'x'.repeat(2001) }), 400, 'long');
    await problem(await post(`/api/requests/${c.id}/evaluation`, 'other', { verdict: 'approved', rating: 5 }), 404, 'another citizen');
    await problem(await post(`/api/requests/${c.id}/evaluation`, 'attendant', { verdict: 'approved', rating: 5 }), 403, 'the staff');
    const d = await json(await post(`/api/requests/${c.id}/evaluation`, 'citizen', { verdict: 'approved', rating: 5, comment: '  Ótimo.  ' }), 200);
    assert.equal(d.status, 'evaluated');
    assert.deepEqual(
      { ...d.evaluation, id: typeof d.evaluation.id },
      {
        id: 'number',
        verdict: 'approved',
        rating: 5,
        comment: 'Ótimo.',
        status: 'pending',
        createdAt: t.clock.now.toISOString(),
        publication: { state: 'pending', reason: null, text: null, publishedText: null },
        reopenUntil: null,
      },
    );
    assert.ok(!d.allowedActions.includes('reopen'), 'approved: nothing to reopen');
    await problem(await post(`/api/requests/${c.id}/evaluation`, 'citizen', { verdict: 'rejected', rating: 1 }), 409, 'once');
    await problem(await post(`/api/requests/${c.id}/reopen`, 'citizen', { reason: 'Mudei de ideia.' }), 409, 'approved: no reopening');
    const ratingOnly = await evaluated({ verdict: 'approved', rating: 4 });
    assert.equal(ratingOnly.evaluation.publication, null, 'without a comment nothing to publish');
  });

  test('reopen: within REOPEN_DAYS, back in service with the same assignee and a shifted deadline, then evaluated again', async () => {
    const start = t.clock.now;
    const c = await concluded();
    t.clock.now = new Date(start.getTime() + 2 * DAY);
    const d = await json(await post(`/api/requests/${c.id}/evaluation`, 'citizen', { verdict: 'rejected', rating: 2, comment: 'Não resolveu.' }), 200);
    // Evaluated on 12 Nov (local) + 7 days: until the end of 19 Nov in the state's zone.
    assert.equal(t.config.reopenDays, 7);
    assert.equal(d.evaluation.reopenUntil, endOfLocalDay('2026-11-19', t.config.timeZone).toISOString());
    assert.ok(d.allowedActions.includes('reopen'));
    await problem(await post(`/api/requests/${c.id}/reopen`, 'attendant', { reason: 'x' }), 403, 'the staff do not reopen');
    await problem(await post(`/api/requests/${c.id}/reopen`, 'other', { reason: 'x' }), 404, 'another citizen');
    await problem(await post(`/api/requests/${c.id}/reopen`, 'citizen', {}), 400, 'a reason is required');
    t.clock.now = new Date(start.getTime() + 3 * DAY);
    const r = await json(await post(`/api/requests/${c.id}/reopen`, 'citizen', { reason: 'O documento veio errado.' }), 200, 'reopen');
    assert.equal(r.status, 'in_service');
    assert.equal(r.assignee.id, t.fx.users.attendant.id, 'the same assignee');
    assert.equal(Date.parse(r.dueAt) - Date.parse(c.dueAt), 3 * DAY, 'the deadline moves by the time it stood concluded');
    assert.equal(r.evaluation, null, 'no current evaluation while it is attended again');
    const history = await json(await t.call('GET', `/api/requests/${c.id}/history`, { as: 'citizen' }), 200);
    const entry = history.items.find((h: { action: string }) => h.action === 'reopen');
    assert.deepEqual([entry.from, entry.to, entry.data], ['evaluated', 'in_service', { reason: 'O documento veio errado.' }]);
    const queue = await json(await t.call('GET', '/api/requests?status=in_service&limit=100', { as: 'attendant' }), 200);
    const inQueue = queue.items.find((i: { id: number }) => i.id === c.id);
    assert.ok(inQueue, 'back in the attendant’s queue');
    assert.equal(inQueue.evaluation, null, 'the queue shows no old verdict');

    await json(await post(`/api/requests/${c.id}/conclude`, 'attendant', { text: 'Corrigido.' }), 200, 'concluded again');
    const again = await json(await post(`/api/requests/${c.id}/evaluation`, 'citizen', { verdict: 'approved', rating: 5, comment: 'Agora sim.' }), 200);
    assert.notEqual(again.evaluation.id, d.evaluation.id, 'a new evaluation');
    assert.equal(again.evaluation.comment, 'Agora sim.');
    const kept = await t.database.db.selectFrom('evaluations').select('comment').where('request_id', '=', c.id).orderBy('id').execute();
    assert.deepEqual(
      kept.map((e) => e.comment),
      ['Não resolveu.', 'Agora sim.'],
      'each evaluation kept',
    );
    const mine = await json(await t.call('GET', '/api/requests?limit=100', { as: 'citizen' }), 200);
    assert.equal(mine.items.find((i: { id: number }) => i.id === c.id).evaluation.verdict, 'approved', 'the queue shows the current verdict');
  });

  test('reopen after the window: 409 naming the last day', async () => {
    const d = await evaluated({ verdict: 'rejected', rating: 1 });
    t.clock.now = new Date(Date.parse(d.evaluation.reopenUntil) + 1);
    const detail = await json(await t.call('GET', `/api/requests/${d.id}`, { as: 'citizen' }), 200);
    assert.ok(!detail.allowedActions.includes('reopen'), 'the window closed');
    const p = await problem(await post(`/api/requests/${d.id}/reopen`, 'citizen', { reason: 'Tarde.' }), 409);
    const [y, m, day] = localDate(new Date(d.evaluation.reopenUntil), t.config.timeZone).split('-');
    assert.ok(p.detail.includes(`${day}/${m}/${y}`), p.detail);
  });

  test('moderation: only the institution’s staff; the personal data found; decisions and changes audited; the citizen reads the outcome', async () => {
    const d = await evaluated({ verdict: 'rejected', rating: 2, comment: COMMENT });
    const id = d.evaluation.id;
    const page = await json(await t.call('GET', '/api/evaluations?limit=100', { as: 'attendant' }), 200);
    const item = page.items.find((i: { id: number }) => i.id === id);
    assert.ok(item, 'in the pending queue');
    assert.deepEqual(
      item.spans.map((s: { start: number; end: number; kind: string }) => [COMMENT.slice(s.start, s.end), s.kind]),
      [
        ['(69) 99988-7766', 'phone'],
        ['529.982.247-25', 'cpf'],
        ['Pessoa Citizen', 'name'],
      ],
    );
    assert.equal(item.masked, 'Demorou demais. Liguem no ███, CPF ███. ███');
    assert.deepEqual([item.request.id, item.request.protocol, item.rating, item.verdict, item.decision], [d.id, d.protocol, 2, 'rejected', null]);
    const rated = await evaluated({ verdict: 'approved', rating: 5 });
    assert.ok(!page.items.some((i: { id: number }) => i.id === rated.evaluation.id), 'a rating alone is not in the queue');

    const elsewhere = await json(await t.call('GET', '/api/evaluations?limit=100', { as: 'attendantB' }), 200);
    assert.ok(!elsewhere.items.some((i: { id: number }) => i.id === id), 'not in another institution’s queue');
    await problem(await t.call('GET', `/api/evaluations?institutionId=${t.fx.instA}`, { as: 'attendantB' }), 404, 'another institution');
    await problem(await t.call('GET', '/api/evaluations', { as: 'citizen' }), 403, 'a citizen moderates nothing');
    await problem(await post(`/api/evaluations/${id}/approve`, 'attendantB', {}), 404, 'another institution’s attendant');
    await problem(await post(`/api/evaluations/${id}/approve`, 'citizen', {}), 403, 'the citizen');

    const approved = await json(await post(`/api/evaluations/${id}/approve`, 'attendant', { mask: true }), 200);
    assert.equal(approved.status, 'approved');
    assert.deepEqual(
      { ...approved.decision, at: undefined },
      { by: { id: t.fx.users.attendant.id, name: 'Pessoa attendant' }, at: undefined, masked: true, reason: null, text: null },
    );
    let mine = await json(await t.call('GET', `/api/requests/${d.id}`, { as: 'citizen' }), 200);
    assert.deepEqual(mine.evaluation.publication, {
      state: 'published_masked',
      reason: null,
      text: null,
      publishedText: 'Demorou demais. Liguem no ███, CPF ███. ███',
    });

    // The decision changes (a manager this time): audited too.
    const rejected = await json(await post(`/api/evaluations/${id}/reject`, 'manager', { reason: 'sensitive_data' }), 200);
    assert.equal(rejected.status, 'rejected');
    mine = await json(await t.call('GET', `/api/requests/${d.id}`, { as: 'citizen' }), 200);
    assert.deepEqual(mine.evaluation.publication, { state: 'not_published', reason: 'sensitive_data', text: null, publishedText: null });
    const staffHistory = await json(await t.call('GET', `/api/requests/${d.id}/history`, { as: 'attendant' }), 200);
    const decisions = staffHistory.items.filter((h: { action: string }) => h.action === 'evaluation_moderated');
    assert.deepEqual(
      decisions.map((h: { actor: { id: number }; data: Record<string, unknown> }) => [h.actor.id, h.data]),
      [
        [t.fx.users.attendant.id, { evaluationId: id, decision: 'approve_masked', masked: true, reason: null, text: null, previous: 'pending' }],
        [t.fx.users.manager.id, { evaluationId: id, decision: 'reject', masked: false, reason: 'sensitive_data', text: null, previous: 'approved' }],
      ],
    );
    const citizenHistory = await json(await t.call('GET', `/api/requests/${d.id}/history`, { as: 'citizen' }), 200);
    assert.deepEqual(
      citizenHistory.items.filter((h: { action: string }) => h.action === 'evaluation_moderated').map((h: { data: unknown }) => h.data),
      [{ evaluationId: id }, { evaluationId: id }],
      'the decisions’ data is the staff’s; the citizen reads the outcome in the evaluation',
    );
    const rejectedPage = await json(await t.call('GET', '/api/evaluations?status=rejected&limit=100', { as: 'manager' }), 200);
    assert.ok(rejectedPage.items.some((i: { id: number }) => i.id === id));

    // Nobody moderates the comment on a request they filed.
    const own = await evaluated({ verdict: 'approved', rating: 4, comment: 'Atendimento bom.' }, { citizen: 'attendantFiler' });
    await problem(await post(`/api/evaluations/${own.evaluation.id}/approve`, 'attendantFiler', {}), 404, 'their own');
    await problem(await post(`/api/evaluations/${rated.evaluation.id}/approve`, 'attendant', {}), 409, 'nothing to publish');
  });

  test('bulk moderation is all or nothing', async () => {
    const a = await evaluated({ verdict: 'approved', rating: 5, comment: 'Rápido e eficiente.' });
    const b = await evaluated({ verdict: 'approved', rating: 4, comment: 'Muito bom, obrigado.' });
    const other = await evaluated({ verdict: 'approved', rating: 3, comment: 'Razoável.' }, { b: true });
    const ids = [a.evaluation.id, b.evaluation.id];
    const status = async () =>
      (
        await t.database.db
          .selectFrom('evaluations')
          .select('status')
          .where('id', 'in', [...ids, other.evaluation.id])
          .orderBy('id')
          .execute()
      ).map((e) => e.status);
    const unknown = await problem(await post('/api/evaluations/moderate', 'attendant', { ids: [...ids, 999_999], decision: 'approve' }), 404);
    assert.match(unknown.detail, /999999/, 'names the id');
    const foreign = await problem(await post('/api/evaluations/moderate', 'attendant', { ids: [...ids, other.evaluation.id], decision: 'approve' }), 404);
    assert.match(foreign.detail, new RegExp(String(other.evaluation.id)));
    assert.deepEqual(await status(), ['pending', 'pending', 'pending'], 'nothing changed');
    const done = await json(await post('/api/evaluations/moderate', 'attendant', { ids, decision: 'reject', reason: 'other', text: 'Duplicado.' }), 200);
    assert.deepEqual(
      done.items.map((i: { id: number; status: string; decision: { reason: string; text: string } }) => [i.id, i.status, i.decision.reason, i.decision.text]),
      ids.map((id) => [id, 'rejected', 'other', 'Duplicado.']),
    );
    assert.deepEqual(await status(), ['rejected', 'rejected', 'pending']);
  });

  test('the public panel: only published text, masked where chosen, never who; ratings per service and month', async () => {
    t.clock.now = new Date('2026-12-01T12:00:00.000Z');
    const masked = await evaluated({ verdict: 'rejected', rating: 1, comment: COMMENT });
    const plain = await evaluated({ verdict: 'approved', rating: 5, comment: 'Excelente atendimento.' });
    const hidden = await evaluated({ verdict: 'approved', rating: 4, comment: 'Não publicar isto.' });
    await json(await post(`/api/evaluations/${masked.evaluation.id}/approve`, 'attendant', { mask: true }), 200);
    await json(await post(`/api/evaluations/${plain.evaluation.id}/approve`, 'attendant', { mask: false }), 200);
    await json(await post(`/api/evaluations/${hidden.evaluation.id}/reject`, 'attendant', { reason: 'off_topic' }), 200);
    // A rating without a comment, marked approved as the demo seed marks them: nothing to show.
    const silent = await evaluated({ verdict: 'approved', rating: 3 });
    await t.database.db.updateTable('evaluations').set({ status: 'approved' }).where('id', '=', silent.evaluation.id).execute();

    const res = await t.call('GET', `/api/public/services/${t.fx.service}/comments?limit=50`);
    assert.equal(res.headers.get('Cache-Control'), 'public, max-age=60');
    const text = await res.text();
    const page = JSON.parse(text);
    const byId = new Map(page.items.map((i: { id: number; text: string }) => [i.id, i.text]));
    assert.equal(byId.get(masked.evaluation.id), 'Demorou demais. Liguem no ███, CPF ███. ███');
    assert.equal(byId.get(plain.evaluation.id), 'Excelente atendimento.');
    assert.ok(!byId.has(hidden.evaluation.id), 'a rejected comment is not published');
    assert.ok(!byId.has(silent.evaluation.id), 'a rating without a comment is not a comment');
    assert.ok(!text.includes('Pessoa citizen') && !text.includes('99988') && !text.includes(masked.protocol), 'never who');
    assert.deepEqual(Object.keys(page.items[0]).sort(), ['id', 'publishedAt', 'rating', 'service', 'text', 'verdict']);
    const ids = page.items.map((i: { id: number }) => i.id);
    assert.deepEqual(
      ids,
      [...ids].sort((x: number, y: number) => y - x),
      'newest first',
    );
    const first = await json(await t.call('GET', `/api/public/services/${t.fx.service}/comments?limit=1`), 200);
    const next = await json(await t.call('GET', `/api/public/services/${t.fx.service}/comments?limit=1&before=${first.nextBefore}`), 200);
    assert.equal(next.items[0].id, ids[1], 'keyset pages');
    await problem(await t.call('GET', '/api/public/services/999999/comments'), 404);
    await problem(await t.call('GET', `/api/public/services/${t.fx.service}/comments?limit=51`), 400);

    const ratingsRes = await t.call('GET', `/api/public/ratings?serviceId=${t.fx.service}`);
    assert.equal(ratingsRes.headers.get('Cache-Control'), 'public, max-age=60');
    const ratings = await json(ratingsRes, 200);
    assert.equal(ratings.items.length, 1);
    const s = ratings.items[0];
    const all = await t.database.db.selectFrom('evaluations').select(['rating', 'verdict']).where('service_id', '=', t.fx.service).execute();
    assert.equal(s.count, all.length);
    assert.deepEqual(
      s.distribution,
      [1, 2, 3, 4, 5].map((k) => all.filter((e) => e.rating === k).length),
    );
    assert.equal(s.approvedShare, Math.round((all.filter((e) => e.verdict === 'approved').length / all.length) * 100) / 100);
    assert.equal(s.months.length, 12);
    assert.deepEqual([s.months[0].month, s.months[11].month], ['2026-01', '2026-12']);
    assert.deepEqual([s.months[11].count, s.months[11].average], [4, 3.25], 'this month: the four above (a rating without a comment counts)');
    assert.equal(s.months[0].count, 0, 'months without evaluations are there');
    assert.equal(s.months[0].average, null);
    assert.ok(!JSON.stringify(ratings).includes('citizen'));
    const b = await json(await t.call('GET', `/api/public/ratings?institutionId=${t.fx.instB}`), 200);
    assert.ok(b.items.length >= 1 && b.items.every((i: { institution: { id: number } }) => i.institution.id === t.fx.instB));
  });

  test('bad input answers 4xx problem+json', async () => {
    const d = await evaluated({ verdict: 'rejected', rating: 3, comment: 'Comentário qualquer.' });
    const id = d.evaluation.id;
    await problem(await post(`/api/evaluations/${id}/reject`, 'attendant', {}), 400, 'no reason');
    const other = await problem(await post(`/api/evaluations/${id}/reject`, 'attendant', { reason: 'other' }), 400, 'other without text');
    assert.ok(other.errors.text);
    await problem(await post(`/api/evaluations/${id}/approve`, 'attendant', { mask: 'sim' }), 400, 'mask not boolean');
    await problem(await post('/api/evaluations/moderate', 'attendant', { ids: [], decision: 'approve' }), 400, 'no ids');
    await problem(await post('/api/evaluations/moderate', 'attendant', { ids: Array.from({ length: 101 }, (_, k) => k + 1), decision: 'approve' }), 400, '101');
    await problem(await post('/api/evaluations/moderate', 'attendant', { ids: [id], decision: 'reject' }), 400, 'reject without reason');
    await problem(await post('/api/evaluations/moderate', 'attendant', { ids: [id], decision: 'publish' }), 400, 'unknown decision');
    await problem(await t.call('GET', '/api/evaluations?status=hidden', { as: 'attendant' }), 400, 'unknown status');
    await problem(await t.call('GET', '/api/evaluations?before=abc', { as: 'attendant' }), 400, 'before');
    await problem(await post('/api/evaluations/abc/approve', 'attendant', {}), 400, 'id');
    await problem(await post(`/api/requests/${d.id}/reopen`, 'citizen', { reason: '' }), 400, 'empty reason');
    await problem(await t.call('GET', '/api/public/ratings?serviceId=x'), 400, 'serviceId');
    assert.equal((await t.database.db.selectFrom('evaluations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'pending');
  });
});
