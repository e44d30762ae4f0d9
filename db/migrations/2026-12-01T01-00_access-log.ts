import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The record of access to personal data (LGPD art. 37): who opened which
// request's detail, history or thread, or downloaded which of its files, and
// when. Append-only like the audit log: the database itself refuses UPDATE,
// DELETE (and, on PostgreSQL, TRUNCATE); no route edits it. The institution
// of the request is kept on each row, for its manager's queries.
export const ACCESS_ACTIONS = ['detail', 'history', 'thread', 'download'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addCheckConstraint('access_log_action', sql`action in (${sql.join(ACCESS_ACTIONS.map((a) => sql.lit(a)))})`)
    .execute();
  // The manager's listing (newest first), narrowed by request or by person.
  await db.schema.createIndex('access_log_institution').on('access_log').columns(['institution_id', 'id']).execute();
  await db.schema.createIndex('access_log_request').on('access_log').columns(['request_id', 'id']).execute();
  await db.schema.createIndex('access_log_user').on('access_log').columns(['user_id', 'id']).execute();
  if (pg) {
    await sql`create function access_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'access_log is append-only'; end $$`.execute(db);
    await sql`create trigger access_log_no_update before update or delete on access_log
      for each row execute function access_log_append_only()`.execute(db);
    await sql`create trigger access_log_no_truncate before truncate on access_log
      for each statement execute function access_log_append_only()`.execute(db);
  } else {
    await sql`create trigger access_log_no_update before update on access_log
      begin select raise(abort, 'access_log is append-only'); end`.execute(db);
    await sql`create trigger access_log_no_delete before delete on access_log
      begin select raise(abort, 'access_log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_log').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop function if exists access_log_append_only()`.execute(db);
}
