// The queue as a worklist (issue #11): the deadline order leaves closed
// requests (no running deadline) after every open one, and its keyset cursor
// pages across that boundary; a protocol is found by any part of it as
// people type it. Run on SQLite and, with DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

interface Item {
  id: number;
  protocol: string;
  status: string;
  dueAt: string;
}

describe('queue worklist', () => {
  let t: TestContext;
  /** Filed a business day apart, oldest first: each one's deadline is later than the one before. */
  const filed: Item[] = [];
  before(async () => {
    t = await createTestContext();
    const saved = t.clock.now;
    try {
      for (let i = 0; i < 12; i++) {
        // Mondays to Fridays of two weeks and more, late morning in the state's zone.
        const day = new Date(Date.UTC(2026, 10, 2 + i + 2 * Math.floor(i / 5), 15));
        t.clock.now = day;
        const res = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) });
        assert.equal(res.status, 201);
        filed.push(await res.json());
      }
      const step = async (id: number, path: string, as: string, body?: unknown) =>
        assert.equal((await t.call('POST', `/api/requests/${id}/${path}`, { as, body })).status, 200, path);
      // The oldest (earliest deadlines) get decided: rejected, concluded, evaluated.
      await step(filed[0].id, 'analysis', 'attendant');
      await step(filed[0].id, 'reject', 'attendant', { justification: 'Documento ilegível.' });
      for (const r of [filed[1], filed[2]]) {
        await step(r.id, 'analysis', 'attendant');
        await step(r.id, 'approve', 'attendant', { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps });
        await step(r.id, 'conclude', 'attendant', { text: 'Nova via emitida.' });
      }
      await step(filed[2].id, 'evaluation', 'citizen', { verdict: 'approved', rating: 5 });
      // Some open ones in other open statuses.
      await step(filed[5].id, 'analysis', 'attendant');
      await step(filed[7].id, 'analysis', 'attendant');
      await step(filed[7].id, 'approve', 'attendant', { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps });
    } finally {
      t.clock.now = saved;
    }
  });
  after(() => t.close());

  async function walk(query: string, limit: number): Promise<Item[]> {
    const seen: Item[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const res = await t.call('GET', `/api/requests?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as: 'attendant' });
      assert.equal(res.status, 200);
      const page = await res.json();
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('the cursor never ended');
  }

  test('the deadline order puts closed requests after every open one, paging across the boundary', async () => {
    const closedIds = [filed[0].id, filed[1].id, filed[2].id];
    const open = filed.filter((r) => !closedIds.includes(r.id)).map((r) => r.id);
    for (const limit of [1, 2, 4, 5, 100]) {
      const items = await walk('sort=due', limit);
      assert.deepEqual(
        items.map((i) => i.id),
        [...open, ...closedIds],
        `limit ${limit}: open by deadline, then closed`,
      );
    }
    // The first page opens on the work: the nearest open deadline.
    const first = await (await t.call('GET', '/api/requests?sort=due&limit=1', { as: 'attendant' })).json();
    assert.equal(first.items[0].id, filed[3].id);
    assert.notEqual(first.items[0].status, 'rejected');
  });

  test('the worklist (statuses that need someone now) in deadline order, paged', async () => {
    const work = await walk('status=submitted,in_analysis,in_service&sort=due', 3);
    assert.deepEqual(
      work.map((i) => i.id),
      filed.slice(3).map((r) => r.id),
    );
    const statuses = new Set(work.map((i) => i.status));
    assert.deepEqual([...statuses].sort(), ['in_analysis', 'in_service', 'submitted']);
  });

  test('the filing order still pages every request once', async () => {
    const items = await walk('sort=filed', 5);
    assert.deepEqual(
      items.map((i) => i.id),
      filed.map((r) => r.id),
    );
  });

  test('"Minhas": assigned to me, or in the analysis I started', async () => {
    const mine = async (as: string, query = '') => {
      const res = await t.call('GET', `/api/requests?mine=true&sort=filed&limit=100${query}`, { as });
      assert.equal(res.status, 200);
      return ((await res.json()).items as Item[]).map((i) => i.id);
    };
    // attendant: started filed[5] (in analysis), assigned filed[1], [2] (closed) and [7]; started filed[0] but rejected it.
    assert.deepEqual(await mine('attendant'), [filed[1].id, filed[2].id, filed[5].id, filed[7].id]);
    assert.deepEqual(await mine('attendant', '&status=submitted,in_analysis,in_service,awaiting_citizen'), [filed[5].id, filed[7].id]);
    assert.deepEqual(await mine('attendant2'), []);
    assert.equal((await t.call('POST', `/api/requests/${filed[8].id}/analysis`, { as: 'attendant2' })).status, 200);
    assert.deepEqual(await mine('attendant2'), [filed[8].id]);
    assert.ok(!(await mine('attendant')).includes(filed[8].id));
    // The first page as served (kept in memory) follows a new analysis too.
    assert.deepEqual(await mine('attendant2', '&status=in_analysis'), [filed[8].id]);
    assert.equal((await t.call('POST', `/api/requests/${filed[9].id}/analysis`, { as: 'attendant2' })).status, 200);
    assert.deepEqual(await mine('attendant2', '&status=in_analysis'), [filed[8].id, filed[9].id]);
    assert.equal((await t.call('GET', '/api/requests?mine=yes', { as: 'attendant' })).status, 400);
  });

  test('a protocol is found by any part of it, as people type it', async () => {
    const tenth = filed[9];
    const [year, number] = tenth.protocol.split('/');
    assert.equal(number, '000010');
    const search = async (q: string, as = 'attendant') => {
      const res = await t.call('GET', `/api/requests?q=${encodeURIComponent(q)}&limit=100`, { as });
      assert.equal(res.status, 200, q);
      return ((await res.json()).items as Item[]).map((i) => i.protocol);
    };
    for (const q of [tenth.protocol, `${year}${number}`, '000010', '10', `10/${year}`, `10 / ${year}`, `10/${year.slice(0, 2)}`, '10/', `${year}/10`]) {
      assert.deepEqual(await search(q), [tenth.protocol], q);
    }
    // A stored-form start finds every protocol it starts (in protocol order).
    assert.deepEqual(
      await search('00001'),
      filed.slice(9).map((r) => r.protocol),
      '00001',
    );
    assert.deepEqual(
      await search(`${year}/00000`),
      filed.slice(0, 9).map((r) => r.protocol),
      `${year}/00000`,
    );
    assert.deepEqual(await search('3'), [filed[2].protocol], '3');
    // No such protocol: nothing, and no error.
    assert.deepEqual(await search('13'), []);
    assert.deepEqual(await search('10/1999'), []);
    // The citizen finds their own the same way.
    assert.deepEqual(await search(`10/${year}`, 'citizen'), [tenth.protocol]);
    assert.deepEqual(await search('000010', 'other'), []);
  });

  test('a protocol search pages with its cursor', async () => {
    const items = await walk('q=0000', 4);
    assert.deepEqual(
      items.map((i) => i.id),
      filed.map((r) => r.id),
    );
  });

  // Last: it files requests of another year.
  test('a part of a protocol finds it in every year, in protocol order, paged across the years', async () => {
    const saved = t.clock.now;
    const older: Item[] = [];
    try {
      for (const day of ['2025-06-02T15:00:00.000Z', '2025-06-03T15:00:00.000Z']) {
        t.clock.now = new Date(day);
        const res = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) });
        assert.equal(res.status, 201);
        older.push(await res.json());
      }
    } finally {
      t.clock.now = saved;
    }
    assert.deepEqual(
      older.map((r) => r.protocol),
      ['2025/000001', '2025/000002'],
    );
    for (const limit of [1, 2, 100]) {
      assert.deepEqual(
        (await walk('q=1', limit)).map((i) => i.protocol),
        ['2025/000001', filed[0].protocol],
        `"1", limit ${limit}`,
      );
      assert.deepEqual(
        (await walk('q=0000', limit)).map((i) => i.id),
        [...older, ...filed].map((r) => r.id),
        `"0000", limit ${limit}`,
      );
    }
    assert.deepEqual(
      (await walk('q=2/2025', 5)).map((i) => i.protocol),
      ['2025/000002'],
    );
  });
});
