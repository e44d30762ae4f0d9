import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Follow-ups (acompanhamentos): messages between attendant and citizen,
// internal notes, and requests for information that pause the deadline.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('follow_ups_kind', sql`kind in ('message', 'internal_note', 'info_request', 'reply')`)
    .execute();
  await db.schema.createIndex('follow_ups_request').on('follow_ups').columns(['request_id', 'id']).execute();
  // Where a request goes back to when the citizen answers a request for information.
  await db.schema.alterTable('requests').addColumn('resume_status', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('requests').dropColumn('resume_status').execute();
  await db.schema.dropTable('follow_ups').execute();
}
