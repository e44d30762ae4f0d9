// The demo data seeds on this database and reads back through the API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { REQUEST_STATUSES } from '../../contract/types.js';
import { DEMO_USERS } from '../../seed/demo-users.js';
import { isSeeded, seedDemo } from '../../seed/demo-seed.js';
import { type TestContext, createTestContext } from '../helpers.js';

describe('demo seed', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ empty: true });
    assert.equal(await isSeeded(t.database.db), false);
    await seedDemo(t.database.db, { now: t.clock.now, holidays: new Set() });
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

  test('a demo citizen sees only their own requests', async () => {
    const citizen = DEMO_USERS.find((u) => u.sub === 'maria.silva')!;
    const token = await t.token(citizen.sub);
    const page = await (await t.call('GET', '/api/requests?limit=100', { as: token })).json();
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((i: { citizen: { name: string } }) => i.citizen.name === citizen.name));
  });
});
