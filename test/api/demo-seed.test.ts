// The demo data seeds on this database and reads back through the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REQUEST_ACTIONS, REQUEST_STATUSES } from '../../contract/types.js';
import { DEMO_USERS } from '../../seed/demo-users.js';
import { isSeeded, seedDemo } from '../../seed/demo-seed.js';
import { overlaps } from '../../bff/domain/meetings.js';
import { type TestContext, createTestContext } from '../helpers.js';

describe('demo seed', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ empty: true });
    assert.equal(await isSeeded(t.database.db), false);
    await seedDemo(t.database.db, { now: t.clock.now, holidays: new Set(), timeZone: t.config.timeZone });
  });
  after(() => t.close());

  test('every status is there, and each demo attendant sees a queue of their institution', async () => {
    assert.equal(await isSeeded(t.database.db), true);
    const att = DEMO_USERS.find((u) => u.role === 'attendant')!;
    const token = await t.token(att.sub);
    const statuses = new Set<string>();
    for (const u of DEMO_USERS.filter((d) => d.role === 'attendant' || d.role === 'manager')) {
      const res = await t.call('GET', '/api/requests/counts', { as: await t.token(u.sub) });
      for (const [s, n] of Object.entries((await res.json()).counts)) if ((n as number) > 0) statuses.add(s);
    }
    assert.deepEqual([...statuses].sort(), [...REQUEST_STATUSES].sort());
    const page = await (await t.call('GET', '/api/requests?limit=5', { as: token })).json();
    assert.equal(page.items.length, 5);
    assert.ok(page.items.every((i: { institution: { acronym: string } }) => i.institution.acronym === att.institution));
    const detail = await (await t.call('GET', `/api/requests/${page.items[0].id}`, { as: token })).json();
    assert.ok(detail.steps.length > 0);
    const thread = await (await t.call('GET', `/api/requests/${page.items[0].id}/follow-ups`, { as: token })).json();
    assert.equal(thread.items[0].action, 'file');
  });

  test('the day agenda has meetings: on requests in attendance, hosted by their attendant, one per host at a time, one opening soon', async () => {
    const rows = await t.database.db
      .selectFrom('meetings as m')
      .innerJoin('requests as r', 'r.id', 'm.request_id')
      .select(['m.host_id', 'm.starts_at', 'm.ends_at', 'm.status', 'm.room', 'r.protocol', 'r.status as request_status', 'r.assignee_id'])
      .execute();
    assert.ok(rows.length >= 5, `${rows.length} meetings`);
    for (const m of rows) {
      assert.ok(['in_service', 'awaiting_citizen'].includes(m.request_status), m.protocol);
      assert.equal(m.host_id, m.assignee_id);
      assert.ok(!m.room.includes(m.protocol.replace('/', '')), 'the room is not derived from the protocol');
    }
    const live = rows.filter((m) => m.status === 'scheduled');
    for (const a of live) {
      const clash = live.find(
        (b) => b !== a && b.host_id === a.host_id && overlaps({ startsAt: a.starts_at, endsAt: a.ends_at }, { startsAt: b.starts_at, endsAt: b.ends_at }),
      );
      assert.equal(clash, undefined, `${a.protocol} overlaps another meeting of its host`);
    }
    assert.ok(rows.some((m) => m.status === 'cancelled'));
    const now = t.clock.now.getTime();
    assert.ok(
      live.some((m) => Date.parse(m.starts_at) > now && Date.parse(m.starts_at) - now <= 20 * 60 * 1000),
      'one starts within 20 minutes',
    );
  });

  test('every seeded service is complete per the law (Lei 13.460/2017 art. 7) and shows its requirements, address and hours', async () => {
    const { items } = await (await t.call('GET', '/api/services')).json();
    assert.equal(items.length, 13);
    for (const manager of DEMO_USERS.filter((u) => u.role === 'manager')) {
      const as = await t.token(manager.sub);
      const me = await (await t.call('GET', '/api/me', { as })).json();
      const institutionId = me.memberships.find((m: { role: string }) => m.role === 'manager').institution.id;
      const mine = await (await t.call('GET', `/api/services?drafts=true&institutionId=${institutionId}`, { as })).json();
      assert.ok(mine.items.length > 0, manager.sub);
      for (const s of mine.items) {
        const history = await (await t.call('GET', `/api/services/${s.id}/versions`, { as })).json();
        const current = history.items.find((v: { state: string }) => v.state === 'current');
        assert.equal(current.publishedBy.id, me.id, `${s.name}: published by the institution's manager`);
        const version = await (await t.call('GET', `/api/services/${s.id}/versions/${current.version}`, { as })).json();
        assert.deepEqual(version.missing, [], s.name);
        const detail = await (await t.call('GET', `/api/services/${s.id}`)).json();
        for (const part of ['requirements', 'address', 'hours']) assert.ok(detail[part]?.length > 20, `${s.name}: ${part}`);
      }
    }
  });

  test('a demo citizen sees only their own requests', async () => {
    const citizen = DEMO_USERS.find((u) => u.sub === 'maria.silva')!;
    const token = await t.token(citizen.sub);
    const page = await (await t.call('GET', '/api/requests?limit=100', { as: token })).json();
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((i: { citizen: { name: string } }) => i.citizen.name === citizen.name));
  });

  // The app's rule: filing makes version 1 and every life-cycle transition
  // (bff/transitions.ts, updateRequestAtVersion) adds one; a message or an
  // internal note is no transition and leaves the version alone.
  const impliedVersion = (actions: string[]) => 1 + actions.filter((a) => (REQUEST_ACTIONS as readonly string[]).includes(a)).length;

  test('the app bumps the version on transitions only', async () => {
    const att = DEMO_USERS.find((u) => u.role === 'attendant')!;
    const as = await t.token(att.sub);
    const page = await (await t.call('GET', '/api/requests?status=submitted&limit=1', { as })).json();
    const id = page.items[0].id;
    const version = async () => (await (await t.call('GET', `/api/requests/${id}`, { as })).json()).version;
    const before = await version();
    const fd = new FormData();
    fd.set('body', 'Recebido, vamos analisar.');
    fd.set('kind', 'internal_note');
    assert.equal((await t.call('POST', `/api/requests/${id}/follow-ups`, { as, body: fd })).status, 201);
    assert.equal(await version(), before, 'a note does not bump');
    assert.equal((await t.call('POST', `/api/requests/${id}/analysis`, { as })).status, 200);
    assert.equal(await version(), before + 1, 'a transition does');
    const trail = await t.database.db.selectFrom('audit_log').select('action').where('request_id', '=', id).orderBy('id').execute();
    assert.equal(await version(), impliedVersion(trail.map((e) => e.action)));
  });

  test('every seeded request’s version is what its audit trail implies', async () => {
    const { db } = t.database;
    const requests = await db.selectFrom('requests').select(['id', 'protocol', 'version']).orderBy('id').execute();
    const trail = await db.selectFrom('audit_log').select(['request_id', 'action']).orderBy('id').execute();
    const actions = new Map<number, string[]>();
    for (const e of trail) actions.set(e.request_id!, [...(actions.get(e.request_id!) ?? []), e.action]);
    const wrong = requests.filter((r) => r.version !== impliedVersion(actions.get(r.id) ?? [])).map((r) => `${r.protocol}: ${r.version}`);
    assert.ok(requests.length >= 300);
    assert.deepEqual(wrong, [], `${wrong.length} of ${requests.length} requests disagree with their audit trail`);
  });
});
