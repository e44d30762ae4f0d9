import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { SLOTS } from './2026-11-28T03-00_queue-versions.js';

// Two changes the queue shows that the queue-versions triggers missed
// (test/db/queue-versions.test.ts found them; the contract is beside
// QUEUE_SELECT in db/queries/requests.ts):
// - a request moved to another institution leaves the old institution's
//   queue too (the update trigger bumps the new one only);
// - a service version's name is the queue's service name.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const n = sql.raw(String(SLOTS));
  const bumpOld = sql`update queue_versions set version = version + 1 where institution_id = old.institution_id and slot = old.id % ${n}`;
  const bumpService = sql`update queue_versions set version = version + 1
    where institution_id = (select institution_id from services where id = new.service_id)`;
  if (pg) {
    await sql`create function queue_version_bump_moved() returns trigger language plpgsql as $$
      begin ${bumpOld}; return null; end $$`.execute(db);
    await sql`create trigger requests_queue_version_moved after update of institution_id on requests
      for each row when (old.institution_id is distinct from new.institution_id) execute function queue_version_bump_moved()`.execute(db);
    await sql`create function queue_version_bump_service() returns trigger language plpgsql as $$
      begin ${bumpService}; return null; end $$`.execute(db);
    await sql`create trigger service_versions_queue_version after update of name on service_versions
      for each row when (old.name is distinct from new.name) execute function queue_version_bump_service()`.execute(db);
  } else {
    await sql`create trigger requests_queue_version_moved after update of institution_id on requests
      when old.institution_id is not new.institution_id begin ${bumpOld}; end`.execute(db);
    await sql`create trigger service_versions_queue_version after update of name on service_versions
      when old.name is not new.name begin ${bumpService}; end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await sql`drop trigger requests_queue_version_moved${sql.raw(pg ? ' on requests' : '')}`.execute(db);
  await sql`drop trigger service_versions_queue_version${sql.raw(pg ? ' on service_versions' : '')}`.execute(db);
  if (pg) {
    await sql`drop function queue_version_bump_moved()`.execute(db);
    await sql`drop function queue_version_bump_service()`.execute(db);
  }
}
