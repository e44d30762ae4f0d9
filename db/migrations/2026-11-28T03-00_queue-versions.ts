import { type Kysely, PostgresAdapter, sql } from 'kysely';

// A version per institution that every change to what its queue shows bumps
// in the same transaction (triggers, so no write path can forget it): a
// request filed or changed, an evaluation, an institution's or a user's name.
// The app keeps first queue pages in memory under these versions
// (db/queries/queue-cache.ts); any process sharing the database sees a bump.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('queue_versions')
    .addColumn('institution_id', 'integer', (c) => c.primaryKey().references('institutions.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into queue_versions (institution_id, version) select id, 0 from institutions`.execute(db);
  if (pg) {
    await sql`create function queue_version_bump() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' and tg_table_name = 'institutions' then
          insert into queue_versions (institution_id, version) values (new.id, 0) on conflict do nothing;
        elsif tg_table_name = 'institutions' then
          update queue_versions set version = version + 1 where institution_id = new.id;
        elsif tg_table_name = 'users' then
          update queue_versions set version = version + 1;
        else
          update queue_versions set version = version + 1 where institution_id = new.institution_id;
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
    const bump = (table: string, event: string) =>
      sql`create trigger ${sql.raw(`${table}_queue_version_${event}`)} after ${sql.raw(event)} on ${sql.raw(table)}
        begin update queue_versions set version = version + 1 where institution_id = new.institution_id; end`.execute(db);
    await bump('requests', 'insert');
    await bump('requests', 'update');
    await bump('evaluations', 'insert');
    await bump('evaluations', 'update');
    await sql`create trigger institutions_queue_version_insert after insert on institutions
      begin insert into queue_versions (institution_id, version) values (new.id, 0) on conflict do nothing; end`.execute(db);
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
    for (const t of ['requests_queue_version_insert', 'requests_queue_version_update', 'evaluations_queue_version_insert', 'evaluations_queue_version_update',
      'institutions_queue_version_insert', 'institutions_queue_version_update', 'users_queue_version']) {
      await sql`drop trigger ${sql.raw(t)}`.execute(db);
    }
  }
  await db.schema.dropTable('queue_versions').execute();
}
