// The record of access to personal data (LGPD art. 37): every opening of a
// request's detail, history or thread and every download is recorded before
// it is answered; the institution's manager, and nobody else, reads it; the
// database refuses to edit it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { TINY_PDF, TINY_PNG, type TestContext, createTestContext, filingBody } from '../helpers.js';

type Entry = { id: number; at: string; action: string; user: { id: number; name: string }; request: { id: number; protocol: string }; fileId: number | null };

function message(body: string, kind: string, file: [string, Uint8Array]): FormData {
  const fd = new FormData();
  fd.set('body', body);
  fd.set('kind', kind);
  fd.append('files', new Blob([new Uint8Array(file[1])]), file[0]);
  return fd;
}

describe('record of access to personal data', () => {
  let t: TestContext;
  let id: number;
  let protocol: string;
  let doc: number, staffFile: number, noteFile: number;
  const log = async (as: string, qs = '') => t.call('GET', `/api/institutions/${t.fx.instA}/access-log${qs}`, { as });
  const entries = async (qs = '') => {
    const res = await log('manager', qs);
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: Entry[] }).items;
  };

  before(async () => {
    t = await createTestContext();
    const filed = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    ({ id, protocol } = filed);
    doc = filed.documents[0].id;
    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    await t.call('POST', `/api/requests/${id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } });
    await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant', body: message('Segue o boleto.', 'message', ['boleto.pdf', TINY_PDF]) });
    await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'manager', body: message('Foto conferida.', 'internal_note', ['foto.png', TINY_PNG]) });
    const thread = await (await t.call('GET', `/api/requests/${id}/follow-ups`, { as: 'manager' })).json();
    const files = thread.items.flatMap((e: { attachments: { id: number }[] }) => e.attachments.map((a) => a.id));
    [staffFile, noteFile] = files;
  });
  after(() => t.close());

  test('detail, history, thread and downloads by the citizen, an attendant and a manager are recorded', async () => {
    const before = (await entries()).length;
    const opened = [
      ['citizen', `/api/requests/${id}`, 'detail', null],
      ['attendant', `/api/requests/${id}`, 'detail', null],
      ['manager', `/api/requests/${id}`, 'detail', null],
      ['citizen', `/api/requests/${id}/history`, 'history', null],
      ['attendant', `/api/requests/${id}/follow-ups`, 'thread', null],
      ['citizen', `/api/attachments/${doc}`, 'download', doc],
      ['citizen', `/api/attachments/${staffFile}`, 'download', staffFile],
      ['attendant', `/api/attachments/${doc}`, 'download', doc],
      ['manager', `/api/attachments/${noteFile}`, 'download', noteFile],
    ] as const;
    for (const [as, path] of opened) assert.equal((await t.call('GET', path, { as })).status, 200, `${as} ${path}`);
    // Refused reads are no access: nothing is recorded for them.
    assert.equal((await t.call('GET', `/api/requests/${id}`, { as: 'other' })).status, 404);
    assert.equal((await t.call('GET', `/api/attachments/${noteFile}`, { as: 'citizen' })).status, 404);
    assert.equal((await t.call('GET', `/api/requests/${id}`, { as: 'attendantB' })).status, 404);

    const items = await entries();
    assert.equal(items.length - before, opened.length);
    const mine = items.slice(0, opened.length).reverse();
    assert.deepEqual(
      mine.map((e) => [e.user.id, e.action, e.request.id, e.request.protocol, e.fileId]),
      opened.map(([as, , action, fileId]) => [t.fx.users[as].id, action, id, protocol, fileId]),
    );
    assert.equal(mine[0].user.name, 'Pessoa citizen');
    assert.ok(mine.every((e) => e.at === t.clock.now.toISOString()));
  });

  test('a detail answered 304 is an access too', async () => {
    const first = await t.call('GET', `/api/requests/${id}`, { as: 'attendant2' });
    const again = await t.call('GET', `/api/requests/${id}`, { as: 'attendant2', headers: { 'If-None-Match': first.headers.get('ETag')! } });
    assert.equal(again.status, 304);
    const items = await entries(`?userId=${t.fx.users.attendant2.id}`);
    assert.deepEqual(
      items.map((e) => e.action),
      ['detail', 'detail'],
    );
  });

  test('filters by request, person and time, and pages back with before', async () => {
    const other = (await (await t.call('POST', '/api/requests', { as: 'other', body: filingBody(t.fx.service) })).json()).id;
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const later = t.clock.now.toISOString();
    await t.call('GET', `/api/requests/${other}`, { as: 'attendant' });
    await t.call('GET', `/api/requests/${other}`, { as: 'other' });
    const ofOther = await entries(`?requestId=${other}`);
    assert.deepEqual(
      ofOther.map((e) => e.user.id),
      [t.fx.users.other.id, t.fx.users.attendant.id],
    );
    assert.ok((await entries(`?requestId=${id}`)).every((e) => e.request.id === id));
    const byAttendant = await entries(`?userId=${t.fx.users.attendant.id}`);
    assert.ok(byAttendant.length >= 4 && byAttendant.every((e) => e.user.id === t.fx.users.attendant.id));
    assert.deepEqual(
      (await entries(`?from=${later}`)).map((e) => e.request.id),
      [other, other],
    );
    assert.ok((await entries(`?to=${later}`)).every((e) => e.request.id === id));

    const all = await entries('?limit=100');
    const walked: Entry[] = [];
    let before = '';
    for (;;) {
      const page = await (await log('manager', `?limit=3${before}`)).json();
      walked.push(...page.items);
      if (page.nextBefore === null) break;
      before = `&before=${page.nextBefore}`;
    }
    assert.deepEqual(walked, all);
    assert.equal((await log('manager', '?from=ontem')).status, 400);
  });

  test('only the institution’s manager reads it: 403 for its attendant, 404 for anyone else', async () => {
    assert.equal((await log('attendant')).status, 403);
    assert.equal((await log('managerB')).status, 404);
    assert.equal((await log('attendantB')).status, 404);
    assert.equal((await log('citizen')).status, 404);
    assert.equal((await t.call('GET', `/api/institutions/${t.fx.instA}/access-log`)).status, 401);
    assert.equal((await t.call('GET', `/api/institutions/${t.fx.instB}/access-log`, { as: 'managerB' })).status, 200);
    assert.deepEqual((await (await t.call('GET', `/api/institutions/${t.fx.instB}/access-log`, { as: 'managerB' })).json()).items, []);
  });

  test('the database refuses to edit or delete a record', async () => {
    const { db } = t.database;
    const [one] = await entries('?limit=1');
    await assert.rejects(db.updateTable('access_log').set({ user_id: t.fx.users.other.id }).where('id', '=', one.id).execute(), /append-only/);
    await assert.rejects(db.deleteFrom('access_log').where('id', '=', one.id).execute(), /append-only/);
    if (t.database.dialect === 'postgres') await assert.rejects(sql`truncate access_log`.execute(db), /append-only/);
    assert.deepEqual((await entries('?limit=1'))[0], one);
  });

  test('an access that cannot be recorded is not answered', async () => {
    const { db } = t.database;
    const who = t.fx.users.attendant2.id;
    if (t.database.dialect === 'postgres') {
      await sql`create function refuse_access() returns trigger language plpgsql as $$
        begin raise exception 'disk full'; end $$`.execute(db);
      await sql`create trigger refuse_access before insert on access_log for each row
        when (new.user_id = ${sql.lit(who)}) execute function refuse_access()`.execute(db);
    } else {
      await sql`create trigger refuse_access before insert on access_log when new.user_id = ${sql.lit(who)}
        begin select raise(abort, 'disk full'); end`.execute(db);
    }
    try {
      // Read together, the records are written together: the one refused fails its own read only.
      const before = (await entries(`?userId=${t.fx.users.attendant.id}`)).length;
      const together = await Promise.all(
        ['attendant', 'attendant2', 'attendant', 'manager'].map((as) => t.call('GET', `/api/requests/${id}`, { as }).then((r) => [as, r.status])),
      );
      assert.deepEqual(together, [
        ['attendant', 200],
        ['attendant2', 500],
        ['attendant', 200],
        ['manager', 200],
      ]);
      assert.equal((await entries(`?userId=${t.fx.users.attendant.id}`)).length, before + 2);
      for (const path of [`/api/requests/${id}`, `/api/requests/${id}/history`, `/api/requests/${id}/follow-ups`, `/api/attachments/${doc}`]) {
        const res = await t.call('GET', path, { as: 'attendant2' });
        assert.equal(res.status, 500, path);
        assert.doesNotMatch(await res.text(), /529\.982\.247-25|PDF|Perda/, `${path} leaks nothing`);
      }
    } finally {
      await sql`drop trigger refuse_access${sql.raw(t.database.dialect === 'postgres' ? ' on access_log' : '')}`.execute(db);
    }
  });
});
