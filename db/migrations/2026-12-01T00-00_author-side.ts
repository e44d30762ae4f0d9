import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The side of the conversation (staff or citizen) of each follow-up's author
// and each audit entry's actor, stored when it is written: read back from
// the memberships in force today, a revoked attendant's past messages became
// the citizen's. New rows get it from the pure rule (bff/domain/permissions.ts
// sideOf) at write time.
//
// Existing rows are filled in as best known: actions only staff may take are
// staff's, the citizen's own actions and the request's citizen are the
// citizen's, and otherwise the author is staff when a staff membership
// (attendant or manager: bff/domain/permissions.ts ASSIGNABLE_ROLES) in the
// request's institution was in force at that moment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('follow_ups')
    .addColumn('author_side', 'text', (c) => c.check(sql`author_side in ('staff', 'citizen')`))
    .execute();
  await db.schema
    .alterTable('audit_log')
    .addColumn('actor_side', 'text', (c) => c.check(sql`actor_side in ('staff', 'citizen')`))
    .execute();
  const wasStaff = (who: string, requestId: string, at: string) => sql`exists (
    select 1 from memberships m inner join requests r on r.id = ${sql.raw(requestId)}
    where m.user_id = ${sql.raw(who)} and m.institution_id = r.institution_id and m.role in ('attendant', 'manager')
      and m.granted_at <= ${sql.raw(at)} and (m.revoked_at is null or m.revoked_at > ${sql.raw(at)}))`;
  const isCitizen = (who: string, requestId: string) => sql`${sql.raw(who)} = (select r.citizen_id from requests r where r.id = ${sql.raw(requestId)})`;
  await sql`update follow_ups set author_side = case
      when kind in ('internal_note', 'info_request') then 'staff'
      when kind = 'reply' then 'citizen'
      when ${isCitizen('follow_ups.author_id', 'follow_ups.request_id')} then 'citizen'
      when ${wasStaff('follow_ups.author_id', 'follow_ups.request_id', 'follow_ups.created_at')} then 'staff'
      else 'citizen' end`.execute(db);
  // The audit log refuses updates (migration initial): its guard is lifted
  // for this one backfill and put back, in the migration's transaction.
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  else await sql`drop trigger audit_log_no_update`.execute(db);
  await sql`update audit_log set actor_side = case
      when actor_id is null or request_id is null then null
      when action in ('start_analysis', 'answer_step', 'approve', 'reject', 'conclude', 'ask_citizen', 'internal_note') then 'staff'
      when action in ('file', 'evaluate', 'citizen_reply') then 'citizen'
      when ${isCitizen('audit_log.actor_id', 'audit_log.request_id')} then 'citizen'
      when ${wasStaff('audit_log.actor_id', 'audit_log.request_id', 'audit_log.at')} then 'staff'
      else 'citizen' end`.execute(db);
  if (pg) await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('actor_side').execute();
  await db.schema.alterTable('follow_ups').dropColumn('author_side').execute();
}
