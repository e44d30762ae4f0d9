// Follow-ups: messages and attachments both ways, internal notes that stay
// internal, uploads checked by content, and the request for information that
// pauses the deadline.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TINY_PDF, TINY_PNG, type TestContext, createTestContext, filingBody } from '../helpers.js';

function form(body: string | undefined, files: [string, Uint8Array][] = [], kind?: string): FormData {
  const fd = new FormData();
  if (body !== undefined) fd.set('body', body);
  if (kind) fd.set('kind', kind);
  for (const [name, bytes] of files) fd.append('files', new Blob([new Uint8Array(bytes)]), name);
  return fd;
}

describe('follow-ups', () => {
  let t: TestContext;
  let id: number;
  const thread = async (as: string, qs = '') => (await t.call('GET', `/api/requests/${id}/follow-ups${qs}`, { as })).json();
  const post = (as: string, fd: FormData) => t.call('POST', `/api/requests/${id}/follow-ups`, { as, body: fd });

  before(async () => {
    t = await createTestContext();
    const r = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    id = r.id;
    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    await t.call('POST', `/api/requests/${id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } });
  });
  after(() => t.close());

  test('attendant and citizen exchange messages with files both ways', async () => {
    const sent = await post(
      'attendant',
      form('Segue o boleto da taxa.', [
        ['boleto.pdf', TINY_PDF],
        ['mapa.png', TINY_PNG],
      ]),
    );
    assert.equal(sent.status, 201);
    const seen = await thread('citizen');
    const msg = seen.items.at(-1);
    assert.equal(msg.type, 'message');
    assert.equal(msg.body, 'Segue o boleto da taxa.');
    assert.equal(msg.author.side, 'staff');
    assert.deepEqual(
      msg.attachments.map((a: { fileName: string; contentType: string }) => [a.fileName, a.contentType]),
      [
        ['boleto.pdf', 'application/pdf'],
        ['mapa.png', 'image/png'],
      ],
    );
    const dl = await t.call('GET', msg.attachments[1].href, { as: 'citizen' });
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get('Content-Type'), 'image/png');
    assert.equal(dl.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(dl.headers.get('Content-Disposition') ?? '', /^attachment; filename="mapa.png"/);

    assert.equal((await post('citizen', form('Pago, comprovante anexo.', [['comprovante.pdf', TINY_PDF]]))).status, 201);
    const staffView = await thread('attendant');
    const reply = staffView.items.at(-1);
    assert.equal(reply.author.side, 'citizen');
    assert.equal(reply.attachments[0].fileName, 'comprovante.pdf');
  });

  test('the thread reads as one story with the life-cycle events, older entries on demand', async () => {
    const all = await thread('attendant', '?limit=100');
    const kinds = all.items.map((e: { type: string; action: string | null }) => e.action ?? e.type);
    assert.deepEqual(kinds.slice(0, 3), ['file', 'start_analysis', 'approve']);
    const newest = await thread('attendant', '?limit=2');
    assert.equal(newest.items.length, 2);
    assert.ok(newest.nextBefore);
    const older = await thread('attendant', `?limit=2&before=${newest.nextBefore}`);
    assert.ok(older.items.every((e: { id: number }) => e.id < newest.items[0].id));
  });

  test('internal notes never reach the citizen', async () => {
    const note = await post('attendant', form('Cidadão já teve outra via negada em 2024.', [['parecer.pdf', TINY_PDF]], 'internal_note'));
    assert.equal(note.status, 201);
    const staff = (await thread('manager')).items.at(-1);
    assert.equal(staff.type, 'internal_note');
    const citizenThread = await thread('citizen', '?limit=100');
    assert.ok(citizenThread.items.every((e: { type: string; body: string | null }) => e.type !== 'internal_note' && !e.body?.includes('2024')));
    assert.equal((await t.call('GET', staff.attachments[0].href, { as: 'citizen' })).status, 404);
    assert.equal((await t.call('GET', staff.attachments[0].href, { as: 'attendant2' })).status, 200);
    const history = await (await t.call('GET', `/api/requests/${id}/history`, { as: 'citizen' })).json();
    assert.ok(history.items.every((h: { action: string }) => h.action !== 'internal_note'));
    assert.equal((await post('citizen', form('nota', [], 'internal_note'))).status, 403);
  });

  test('another institution and another citizen get 404', async () => {
    for (const who of ['attendantB', 'other']) {
      assert.equal((await t.call('GET', `/api/requests/${id}/follow-ups`, { as: who })).status, 404, who);
      assert.equal((await post(who, form('olá'))).status, 404, who);
    }
    assert.equal((await t.call('GET', `/api/requests/${id}/follow-ups`)).status, 401);
  });

  test('uploads are checked by content and size; a refused file stores nothing', async () => {
    const before = (await thread('attendant', '?limit=100')).items.length;
    const cases: [string, [string, Uint8Array][], number][] = [
      ['plain text', [['notas.txt', Buffer.from('apenas texto')]], 415],
      ['renamed executable', [['relatorio.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 1)])]], 415],
      ['svg', [['foto.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')]], 415],
      ['html', [['pagina.pdf', Buffer.from('<!doctype html><script>alert(1)</script>')]], 415],
      ['empty file', [['vazio.pdf', new Uint8Array()]], 400],
      [
        'one good, one bad',
        [
          ['ok.pdf', TINY_PDF],
          ['x.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)])],
        ],
        415,
      ],
      ['over the file limit', [['grande.pdf', Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)])]], 413],
    ];
    for (const [name, files, status] of cases) {
      const res = await post('attendant', form('Arquivo', files));
      assert.equal(res.status, status, name);
      const problem = await res.json();
      if (status === 415) assert.match(problem.detail, /PDF, PNG, JPEG, WebP, ODT, DOCX/, name);
    }
    const blank = await post('attendant', form('   '));
    assert.equal(blank.status, 400);
    assert.ok((await blank.json()).errors.body);
    assert.equal((await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant', body: { body: 'json' } })).status, 415);
    assert.equal((await thread('attendant', '?limit=100')).items.length, before, 'nothing was stored');
  });

  test('a message over the size limit is refused from its Content-Length', async () => {
    const res = await t.call('POST', `/api/requests/${id}/follow-ups`, {
      as: 'attendant',
      body: 'x',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(60 * 1024 * 1024) },
    });
    assert.equal(res.status, 413);
  });

  test('file names with path tricks are made safe', async () => {
    assert.equal((await post('citizen', form('doc', [['../../../etc/"passwd".pdf', TINY_PDF]]))).status, 201);
    const last = (await thread('citizen')).items.at(-1);
    assert.equal(last.attachments[0].fileName, 'passwd.pdf');
  });

  test('asking the citizen for information pauses the deadline; the reply resumes it', async () => {
    const start = await (await t.call('GET', `/api/requests/${id}`, { as: 'attendant' })).json();
    assert.equal(start.status, 'in_service');
    const asked = await post('attendant', form('Envie o comprovante de residência.', [], 'info_request'));
    assert.equal(asked.status, 201);
    const waiting = await (await t.call('GET', `/api/requests/${id}`, { as: 'citizen' })).json();
    assert.equal(waiting.status, 'awaiting_citizen');
    const mine = await thread('citizen');
    assert.equal(mine.awaitingCitizen, true);
    assert.deepEqual(mine.viewer, { side: 'citizen', kinds: ['message'] });
    assert.deepEqual((await thread('attendant')).viewer, { side: 'staff', kinds: ['message', 'internal_note'] }, 'no second request while waiting');
    assert.equal(mine.items.at(-1).type, 'info_request');
    assert.equal((await post('attendant', form('De novo?', [], 'info_request'))).status, 409, 'already waiting');

    const threeDays = 3 * 24 * 60 * 60 * 1000;
    t.clock.now = new Date(t.clock.now.getTime() + threeDays);
    assert.equal((await post('citizen', form('Comprovante anexo.', [['residencia.pdf', TINY_PDF]]))).status, 201);
    const resumed = await (await t.call('GET', `/api/requests/${id}`, { as: 'attendant' })).json();
    assert.equal(resumed.status, 'in_service');
    assert.equal(Date.parse(resumed.dueAt) - Date.parse(start.dueAt), threeDays, 'the deadline moved by the time spent waiting');
    const reply = (await thread('attendant')).items.at(-1);
    assert.equal(reply.type, 'reply');
    assert.equal(reply.attachments[0].fileName, 'residencia.pdf');
  });
});
