import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Versions per institution that every change to what its queue shows bumps
// in the same transaction (triggers, so no write path can forget it): a
// request filed or changed, an evaluation, an institution's or a user's name.
// The app keeps first queue pages in memory under these versions
// (db/queries/queue-cache.ts); any process sharing the database sees a bump.
//
// Each institution has SLOTS rows and a request bumps the one its id falls
// in: on PostgreSQL the bumped row stays locked until the transaction
// commits, and one row per institution would line up all of an institution's
// writes behind each other. Readers add the slots up (versions only grow, so
// the sum changes with every bump).
export const SLOTS = 16;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('queue_versions')
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('queue_versions_pk', ['institution_id', 'slot'])
    .execute();
  const slots = sql.raw(Array.from({ length: SLOTS }, (_, k) => `(${k})`).join(', '));
  // VALUES names its column column1 on both databases; "where true" lets SQLite parse ON CONFLICT after a SELECT.
  const fill = (id: string) => sql`insert into queue_versions (institution_id, slot, version)
    select ${sql.raw(id)}, s.column1, 0 from (values ${slots}) as s where true on conflict do nothing`;
  await sql`insert into queue_versions (institution_id, slot, version)
    select i.id, s.column1, 0 from institutions i cross join (values ${slots}) as s`.execute(db);
  const n = sql.raw(String(SLOTS));
  if (pg) {
    await sql`create function queue_version_bump() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'institutions' and tg_op = 'INSERT' then
          ${fill('new.id')};
        elsif tg_table_name = 'institutions' then
          update queue_versions set version = version + 1 where institution_id = new.id;
        elsif tg_table_name = 'users' then
          update queue_versions set version = version + 1;
        elsif tg_table_name = 'evaluations' then
          update queue_versions set version = version + 1 where institution_id = new.institution_id and slot = new.request_id % ${n};
        else
          update queue_versions set version = version + 1 where institution_id = new.institution_id and slot = new.id % ${n};
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger requests_queue_version after insert or update on requests
      for each row execute function queue_version_bump()`.execute(db);
    await sql`create trigger evaluations_queue_version after insert or update on evaluations
      for each row execute function queue_version_bump()`.execute(db);
    await sql`create trigger institutions_queue_version after insert or update on institutions
      for each row execute function queue_version_bump()`.execute(db);
    await sql`create trigger users_queue_version after update of name on users
      for each row when (old.name is distinct from new.name) execute function queue_version_bump()`.execute(db);
  } else {
    const bump = (table: string, event: string, requestId: string) =>
      sql`create trigger ${sql.raw(`${table}_queue_version_${event}`)} after ${sql.raw(event)} on ${sql.raw(table)}
        begin update queue_versions set version = version + 1
          where institution_id = new.institution_id and slot = ${sql.raw(requestId)} % ${n}; end`.execute(db);
    await bump('requests', 'insert', 'new.id');
    await bump('requests', 'update', 'new.id');
    await bump('evaluations', 'insert', 'new.request_id');
    await bump('evaluations', 'update', 'new.request_id');
    await sql`create trigger institutions_queue_version_insert after insert on institutions
      begin ${fill('new.id')}; end`.execute(db);
    await sql`create trigger institutions_queue_version_update after update on institutions
      begin update queue_versions set version = version + 1 where institution_id = new.id; end`.execute(db);
    await sql`create trigger users_queue_version after update of name on users when old.name is not new.name
      begin update queue_versions set version = version + 1; end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    for (const t of ['requests', 'evaluations', 'institutions', 'users']) await sql`drop trigger ${sql.raw(`${t}_queue_version`)} on ${sql.raw(t)}`.execute(db);
    await sql`drop function queue_version_bump()`.execute(db);
  } else {
    for (const t of [
      'requests_queue_version_insert',
      'requests_queue_version_update',
      'evaluations_queue_version_insert',
      'evaluations_queue_version_update',
      'institutions_queue_version_insert',
      'institutions_queue_version_update',
      'users_queue_version',
    ]) {
      await sql`drop trigger ${sql.raw(t)}`.execute(db);
    }
  }
  await db.schema.dropTable('queue_versions').execute();
}
