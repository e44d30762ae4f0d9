import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestContext } from '../helpers.js';
import { createWrites } from '../../bff/writes.js';

// On SQLite writes that arrive together share one commit; on PostgreSQL each
// has its own transaction. Either way a failed write leaves no trace and
// does not take the others down with it.
test('writes that arrive together: each succeeds or fails alone, and all that succeed are kept', async (t) => {
  const ctx = await createTestContext({ empty: true });
  t.after(() => ctx.close());
  await sql`create table probe (id integer primary key, label text not null)`.execute(ctx.database.db);
  const writes = createWrites(ctx.database.db);
  const results = await Promise.allSettled(
    [1, 2, 3, 4, 5].map((id) =>
      writes.run(async (trx) => {
        await trx
          .insertInto('probe' as never)
          .values({ id, label: `w${id}` } as never)
          .execute();
        if (id === 3) throw new Error('refused');
        // A duplicate key fails inside the database, mid-write.
        if (id === 4)
          await trx
            .insertInto('probe' as never)
            .values({ id: 1, label: 'dup' } as never)
            .execute();
        return id;
      }),
    ),
  );
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled'],
  );
  const rows = await sql<{ id: number; label: string }>`select id, label from probe order by id`.execute(ctx.database.db);
  assert.deepEqual(
    rows.rows.map((r) => [Number(r.id), r.label]),
    [
      [1, 'w1'],
      [2, 'w2'],
      [5, 'w5'],
    ],
  );
});

// (PostgreSQL: the row lock makes concurrent transactions wait their turn, as SQLite's batch does.)
test('each write sees the writes queued before it', async (t) => {
  const ctx = await createTestContext({ empty: true });
  t.after(() => ctx.close());
  await sql`create table counter (id integer primary key, n integer not null)`.execute(ctx.database.db);
  await sql`insert into counter (id, n) values (1, 0)`.execute(ctx.database.db);
  const writes = createWrites(ctx.database.db);
  const seen = await Promise.all(
    Array.from({ length: 20 }, () =>
      writes.run(async (trx) => {
        const lock = sql.raw(ctx.database.dialect === 'postgres' ? ' for update' : '');
        const { n } = (await sql<{ n: number }>`select n from counter where id = 1${lock}`.execute(trx)).rows[0];
        await sql`update counter set n = ${Number(n) + 1} where id = 1`.execute(trx);
        return Number(n) + 1;
      }),
    ),
  );
  assert.deepEqual(
    [...seen].sort((a, b) => a - b),
    Array.from({ length: 20 }, (_, k) => k + 1),
  );
});
