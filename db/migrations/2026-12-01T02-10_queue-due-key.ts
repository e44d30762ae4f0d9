import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The queue's deadline order (sort=due) puts closed requests last: a closed
// request (rejected, concluded, evaluated) has no running deadline, so its
// old due date must not bring it to the top. `due_key` is the due date of an
// open request and the due date behind a "9" of a closed one ("9" sorts
// after every year's first digit under any collation), computed by the
// database from the row (a generated column: no write path can forget it),
// so the keyset cursor pages across the open/closed boundary with one plain
// (due_key, id) comparison. Its indexes replace the due_at ones.
// The list of closed statuses is the contract's REQUEST_STATUSES minus the
// open ones (migrations import no app code).
export const CLOSED = ['rejected', 'concluded', 'evaluated'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const closed = sql.raw(CLOSED.map((s) => `'${s}'`).join(', '));
  const expr = sql`(case when status in (${closed}) then '9' || due_at else due_at end)`;
  // SQLite adds only virtual generated columns to a table; PostgreSQL (before 18) only stored ones.
  await db.schema
    .alterTable('requests')
    .addColumn('due_key', 'text', (c) => {
      const g = c.generatedAlwaysAs(expr);
      return pg ? g.stored() : g;
    })
    .execute();
  await db.schema.dropIndex('requests_queue_due').execute();
  await db.schema.dropIndex('requests_queue_status_due').execute();
  await db.schema.createIndex('requests_queue_due_key').on('requests').columns(['institution_id', 'due_key', 'id']).execute();
  await db.schema.createIndex('requests_queue_status_due_key').on('requests').columns(['institution_id', 'status', 'due_key', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_queue_due_key').execute();
  await db.schema.dropIndex('requests_queue_status_due_key').execute();
  await db.schema.alterTable('requests').dropColumn('due_key').execute();
  await db.schema.createIndex('requests_queue_due').on('requests').columns(['institution_id', 'due_at', 'id']).execute();
  await db.schema.createIndex('requests_queue_status_due').on('requests').columns(['institution_id', 'status', 'due_at', 'id']).execute();
}
