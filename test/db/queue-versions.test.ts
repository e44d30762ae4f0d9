// The queue page cache (db/queries/queue-cache.ts) answers from memory while
// the institution's queue versions stand still, and only triggers bump them.
// The contract written beside QUEUE_SELECT: a change to any column the queue
// reads bumps the version of every institution whose queue shows the changed
// row. The columns come from QUEUE_SELECT and their tables from the queue's
// own joins, so a column added to the select is checked here from that day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AliasNode, IdentifierNode, type Kysely, TableNode, sql } from 'kysely';
import { readVersions } from '../../db/queries/queue-cache.js';
import { QUEUE_SELECT, queueSource } from '../../db/queries/requests.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

/** Each column of the queue select: the alias of its table and its name there. */
function queueColumns(): { alias: string; column: string }[] {
  return QUEUE_SELECT.map((s) => {
    const m = /^(\w+)\.(\w+)(?: as \w+)?$/.exec(s);
    if (!m) throw new Error(`QUEUE_SELECT: "${s}" is not "alias.column [as name]"; teach this test to read it`);
    return { alias: m[1], column: m[2] };
  });
}

/** alias → table, from the FROM and JOINs the queue runs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns are read by name from a table picked at run time
function queueTables(db: Kysely<any>): Map<string, string> {
  const node = queueSource(db).selectAll().toOperationNode();
  const tables = new Map<string, string>();
  for (const t of [...(node.from?.froms ?? []), ...(node.joins ?? []).map((j) => j.table)]) {
    if (AliasNode.is(t) && TableNode.is(t.node) && IdentifierNode.is(t.alias)) tables.set(t.alias.name, t.node.table.identifier.name);
  }
  return tables;
}

/**
 * Sets `table.column` of row `id` to another value the schema accepts and
 * answers the one it had: another row's value first (a valid reference,
 * status or date), else the value itself changed (unique columns).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns are read by name from a table picked at run time
async function change(db: Kysely<any>, table: string, column: string, id: number): Promise<unknown> {
  const current = (await db.selectFrom(table).select(column).where('id', '=', id).executeTakeFirstOrThrow())[column];
  const other = await db
    .selectFrom(table)
    .select(column)
    .where('id', '!=', id)
    .where(column, 'is not', null)
    .$if(current !== null, (q) => q.where(column, '!=', current))
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const candidates = [...(other ? [other[column]] : []), typeof current === 'number' ? current + 1 : `${current}′`];
  for (const value of candidates) {
    try {
      await db
        .updateTable(table)
        .set({ [column]: value })
        .where('id', '=', id)
        .execute();
      return current;
    } catch {
      // A unique key or a reference refused it: the next candidate.
    }
  }
  throw new Error(`could not change ${table}.${column} of row ${id}`);
}

describe('queue versions', () => {
  let t: TestContext;
  let requestId: number;
  before(async () => {
    t = await createTestContext();
    const file = async (as: string, service: number) => {
      const res = await t.call('POST', '/api/requests', { as, body: filingBody(service) });
      assert.equal(res.status, 201);
      return (await res.json()).id as number;
    };
    // A request with every joined row (an assignee, an evaluation), and others to take values from.
    requestId = await file('citizen', t.fx.service);
    await file('citizen', t.fx.service);
    await file('other', t.fx.serviceB);
    const step = async (path: string, as: string, body?: unknown) =>
      assert.equal((await t.call('POST', `/api/requests/${requestId}/${path}`, { as, body })).status, 200, path);
    await step('analysis', 'attendant');
    await step('approve', 'attendant', { assigneeId: t.fx.users.attendant2.id, confirmSteps: t.fx.steps });
    await step('conclude', 'attendant2', { text: 'Nova via emitida.' });
    await step('evaluation', 'citizen', { verdict: 'approved', rating: 5 });
  });
  after(() => t.close());

  test('a change to any column the queue reads bumps the queue version of every institution showing the row', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns are read by name from a table picked at run time
    const db = t.database.db as Kysely<any>;
    const tables = queueTables(db);
    const institutions = (await db.selectFrom('institutions').select('id').execute()).map((r) => Number(r.id));
    const versions = async () => new Map(await Promise.all(institutions.map(async (i) => [i, await readVersions(db, [i])] as const)));
    const checked: string[] = [];
    const uncovered: string[] = [];
    for (const { alias, column } of queueColumns()) {
      const table = tables.get(alias);
      assert.ok(table, `the queue selects from "${alias}", which none of its joins names`);
      // A row's id is what it is: a new id is a new row, which the insert triggers cover.
      if (column === 'id') continue;
      const { id } = await queueSource(db)
        .select(sql.ref<number>(`${alias}.id`).as('id'))
        .where('r.id', '=', requestId)
        .executeTakeFirstOrThrow();
      assert.ok(id !== null, `the test's request has no row in ${table} (${alias}): give it one`);
      const showing = async () =>
        (
          await queueSource(db)
            .select('r.institution_id')
            .where(sql.ref(`${alias}.id`), '=', id)
            .execute()
        ).map((r) => Number(r.institution_id));
      const shown = new Set(await showing());
      const was = await versions();
      const original = await change(db, table, column, id);
      for (const i of await showing()) shown.add(i);
      const now = await versions();
      for (const i of shown) if (now.get(i) === was.get(i)) uncovered.push(`${table}.${column} (institution ${i})`);
      checked.push(`${table}.${column}`);
      await db
        .updateTable(table)
        .set({ [column]: original })
        .where('id', '=', id)
        .execute();
    }
    assert.ok(checked.length >= 10, `checked ${checked.join(', ')}`);
    assert.deepEqual(uncovered, [], 'a column the queue reads changed and left a queue version as it was: add its trigger (see QUEUE_SELECT)');
  });
});
