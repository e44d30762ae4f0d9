// First queue pages are kept in memory between changes (db/queries/queue-cache.ts).
// What an attendant must never see: a page older than the last change,
// whichever server made it, or a deadline that passed shown as on time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../../bff/app.js';
import { createVerifier } from '../../bff/auth.js';
import { loadConfig } from '../../bff/config.js';
import type { RequestPage } from '../../contract/types.js';
import { QueueCache } from '../../db/queries/queue-cache.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

describe('queue page cache', () => {
  let t: TestContext;
  const cacheA = new QueueCache();
  const cacheB = new QueueCache();
  // Two servers on one database, each with its own memory.
  let serverA: ReturnType<typeof buildApp>;
  let serverB: ReturnType<typeof buildApp>;
  const get = async (server: ReturnType<typeof buildApp>, as: 'attendant' | 'attendantB', query = 'limit=25') => {
    const res = await server.request(`/api/requests?${query}`, { headers: { Authorization: `Bearer ${await t.token(t.fx.users[as].sub)}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /^application\/json/);
    return (await res.json()) as RequestPage;
  };

  before(async () => {
    t = await createTestContext();
    const config = loadConfig({ DEV_IDP: '1', PUBLIC_URL: 'http://atende.test', HOLIDAYS: '2026-12-25', LOG_LEVEL: 'silent' });
    const server = (queueCache: QueueCache) =>
      buildApp({
        db: t.database.db,
        config,
        now: () => t.clock.now,
        queueCache,
        verify: createVerifier([t.idp.trusted], { clockToleranceSeconds: 30, now: () => t.clock.now }),
      });
    serverA = server(cacheA);
    serverB = server(cacheB);
    for (let k = 0; k < 3; k++) assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).status, 201);
    assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.serviceB) })).status, 201);
  });
  after(() => t.close());

  test('a change made through another server shows on the next load', async () => {
    const first = await get(serverA, 'attendant');
    const again = await get(serverA, 'attendant');
    assert.deepEqual(again, first);
    assert.ok(cacheA.hits >= 1, 'the second load came from memory');
    const target = first.items.find((i) => i.status === 'submitted')!;
    const started = await serverB.request(`/api/requests/${target.id}/analysis`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await t.token(t.fx.users.attendant2.sub)}`, 'Content-Length': '0' },
    });
    assert.equal(started.status, 200);
    const after = await get(serverA, 'attendant');
    assert.equal(after.items.find((i) => i.id === target.id)?.status, 'in_analysis');
    assert.equal(after.items.find((i) => i.id === target.id)?.version, target.version + 1);
  });

  test('a new name of the attendant in charge shows on the next load', async () => {
    const before = (await get(serverA, 'attendant')).items.find((i) => i.status === 'in_analysis')!;
    const approved = await t.call('POST', `/api/requests/${before.id}/approve`, {
      as: 'attendant2',
      body: { assigneeId: t.fx.users.attendant2.id, confirmSteps: t.fx.steps },
    });
    assert.equal(approved.status, 200);
    const mine = (await get(serverA, 'attendant')).items.find((i) => i.id === before.id)!;
    assert.equal(mine.assignee?.id, t.fx.users.attendant2.id);
    await get(serverA, 'attendant');
    await sql`update users set name = ${'Nome Novo da Silva'} where id = ${t.fx.users.attendant2.id}`.execute(t.database.db);
    const after = await get(serverA, 'attendant');
    assert.equal(after.items.find((i) => i.id === mine.id)?.assignee?.name, 'Nome Novo da Silva');
  });

  test('a request on a kept page shows overdue once its deadline passes, with no change in between', async () => {
    const query = 'status=submitted&sort=due&limit=25';
    const page = await get(serverA, 'attendant', query);
    const soonest = page.items[0];
    assert.equal(soonest.overdue, false);
    await get(serverA, 'attendant', query);
    const saved = t.clock.now;
    t.clock.now = new Date(Date.parse(soonest.dueAt) + 60_000);
    try {
      const later = await get(serverA, 'attendant', query);
      assert.equal(later.items.find((i) => i.id === soonest.id)?.overdue, true);
    } finally {
      t.clock.now = saved;
    }
  });

  test("another institution's attendant gets their own page, never one kept for this one", async () => {
    await get(serverA, 'attendant');
    const other = await get(serverA, 'attendantB');
    assert.ok(other.items.length > 0);
    assert.ok(other.items.every((i) => i.institution.id === t.fx.instB));
  });
});
