import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Who may attend (issue #15):
// - access_requests: a servant asks an institution for the attendant profile
//   with the ordinance (portaria or SEI process) that backs it; a manager
//   authorizes it (optionally until a day) or refuses it with a reason. At
//   most one pending request per servant and institution: a partial unique
//   index holds it under concurrent posts, on both engines.
// - memberships get an end: `expires_at` (an authorization's until, ended by
//   the clock), who revoked it and why, and `end_kind` ('revoked' or
//   'expired', written when the revocation or the expiry sweep records it),
//   and the access request that granted it.
// - audit_log gets an index for an institution's access history (entries with
//   no request, newest first).
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'integer', (c: any) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('ordinance', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('membership_id', 'integer', (c) => c.references('memberships.id'))
    .addCheckConstraint('access_requests_status', sql`status in ('pending', 'approved', 'rejected')`)
    .execute();
  await db.schema
    .createIndex('access_requests_one_pending')
    .on('access_requests')
    .columns(['user_id', 'institution_id'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('access_requests_institution').on('access_requests').columns(['institution_id', 'id']).execute();
  await db.schema.createIndex('access_requests_user').on('access_requests').columns(['user_id', 'id']).execute();

  await db.schema.alterTable('memberships').addColumn('expires_at', 'text').execute();
  await db.schema
    .alterTable('memberships')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('memberships').addColumn('revoke_reason', 'text').execute();
  await db.schema.alterTable('memberships').addColumn('end_kind', 'text').execute();
  // Memberships revoked before this migration were revoked by someone.
  await sql`update memberships set end_kind = 'revoked' where revoked_at is not null`.execute(db);
  await db.schema.alterTable('memberships').addColumn('access_request_id', 'integer').execute();
  // The expiry sweep looks for ended-by-clock memberships not yet recorded.
  await db.schema.createIndex('memberships_expiry').on('memberships').columns(['expires_at']).where(sql.ref('revoked_at'), 'is', null).execute();

  await db.schema
    .createIndex('audit_log_institution_access')
    .on('audit_log')
    .columns(['institution_id', 'id'])
    .where(sql.ref('request_id'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_institution_access').execute();
  await db.schema.dropIndex('memberships_expiry').execute();
  for (const column of ['access_request_id', 'end_kind', 'revoke_reason', 'revoked_by', 'expires_at']) {
    await db.schema.alterTable('memberships').dropColumn(column).execute();
  }
  await db.schema.dropTable('access_requests').execute();
}
