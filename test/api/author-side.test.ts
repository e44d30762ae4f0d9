// The side of the conversation an author was on is kept from when they wrote:
// an attendant whose role is revoked later stays staff in the threads they
// wrote in, and rows written before the side was stored are filled in from
// the memberships in force at the time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

function message(body: string, kind = 'message'): FormData {
  const fd = new FormData();
  fd.set('body', body);
  fd.set('kind', kind);
  return fd;
}

type Entry = { type: string; action: string | null; body: string | null; author: { id: number; side: string } };

describe('author side, stored when written', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  const revoke = (userId: number) =>
    t.database.db.updateTable('memberships').set({ revoked_at: t.clock.now.toISOString() }).where('user_id', '=', userId).execute();

  test('a revoked attendant’s messages, notes and acts still show as staff', async () => {
    const { id } = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    assert.equal((await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant2' })).status, 200);
    const approve = await t.call('POST', `/api/requests/${id}/approve`, {
      as: 'attendant2',
      body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps },
    });
    assert.equal(approve.status, 200);
    const posted = await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant2', body: message('Recebemos seus documentos.') });
    assert.equal(posted.status, 201);
    assert.equal((await posted.json()).side, 'staff');
    const note = await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant2', body: message('Conferido.', 'internal_note') });
    assert.equal(note.status, 201);
    assert.equal((await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'citizen', body: message('Obrigado!') })).status, 201);

    await revoke(t.fx.users.attendant2.id);

    const mine = (as: string) =>
      t
        .call('GET', `/api/requests/${id}/follow-ups`, { as })
        .then((r) => r.json())
        .then((p: { items: Entry[] }) => p.items.filter((e) => e.author.id === t.fx.users.attendant2.id));
    const citizenView = await mine('citizen');
    assert.deepEqual(
      citizenView.map((e) => [e.type, e.action ?? e.body, e.author.side]),
      [
        ['event', 'start_analysis', 'staff'],
        ['event', 'approve', 'staff'],
        ['message', 'Recebemos seus documentos.', 'staff'],
      ],
    );
    const managerView = await mine('manager');
    assert.deepEqual(
      managerView.map((e) => [e.type, e.author.side]),
      [
        ['event', 'staff'],
        ['event', 'staff'],
        ['message', 'staff'],
        ['internal_note', 'staff'],
      ],
    );
    const all = await (await t.call('GET', `/api/requests/${id}/follow-ups`, { as: 'manager' })).json();
    assert.deepEqual(
      all.items.filter((e: Entry) => e.author.id === t.fx.users.citizen.id).map((e: Entry) => e.author.side),
      ['citizen', 'citizen'],
      'the filing and the citizen’s message stay the citizen’s',
    );
  });

  test('rows written before the side was stored are filled in from the memberships of the time', async () => {
    const { db } = t.database;
    const { id } = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    await migrateTo(db, '2026-11-28T04-00_queue-versions-coverage');
    const { users, instA } = t.fx;
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T12:00:00.000Z`;
    // manager: staff all along; attendant: staff, revoked on day 20; other: a citizen who becomes staff on day 25.
    await db
      .updateTable('memberships')
      .set({ revoked_at: at(20) })
      .where('user_id', '=', users.attendant.id)
      .execute();
    await db
      .insertInto('memberships')
      .values({
        user_id: users.other.id,
        institution_id: instA,
        role: 'attendant',
        unit: null,
        granted_by: null,
        granted_at: at(25),
        ordinance: null,
        revoked_at: null,
      })
      .execute();
    const old = [
      [users.manager.id, 'message', at(10)],
      [users.attendant.id, 'message', at(15)],
      [users.attendant.id, 'message', at(22)],
      [users.other.id, 'message', at(16)],
      [users.other.id, 'message', at(26)],
      [users.citizen.id, 'message', at(17)],
      [users.attendant.id, 'internal_note', at(22)],
    ] as const;
    const ids: number[] = [];
    for (const [author, kind, when] of old) {
      const row = await sql<{ id: number }>`insert into follow_ups (request_id, author_id, kind, body, created_at)
        values (${id}, ${author}, ${kind}, 'antiga', ${when}) returning id`.execute(db);
      const followUpId = row.rows[0].id;
      ids.push(followUpId);
      await sql`insert into audit_log (request_id, institution_id, actor_id, action, from_status, to_status, data, at)
        values (${id}, ${instA}, ${author}, ${kind === 'message' ? 'follow_up' : 'internal_note'}, 'submitted', 'submitted',
          ${JSON.stringify({ followUpId })}, ${when})`.execute(db);
    }
    await migrateToLatest(db);
    const stored = await db.selectFrom('follow_ups').select(['id', 'author_side']).where('id', 'in', ids).orderBy('id').execute();
    const expected = ['staff', 'staff', 'citizen', 'citizen', 'staff', 'citizen', 'staff'];
    assert.deepEqual(
      stored.map((r) => r.author_side),
      expected,
    );
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_side']).where('request_id', '=', id).orderBy('id').execute();
    assert.deepEqual(
      audit.map((r) => r.actor_side),
      ['citizen', ...expected],
      'the filing is the citizen’s; the follow-ups’ entries as their follow-ups',
    );
    await assert.rejects(db.updateTable('audit_log').set({ actor_side: 'staff' }).where('request_id', '=', id).execute(), /append-only/, 'the guard is back');
  });
});
