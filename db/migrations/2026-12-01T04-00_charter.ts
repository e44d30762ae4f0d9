import { type Kysely, sql } from 'kysely';

// The Carta de Serviços as managers edit it (issue 14):
// - a version gets the parts of a charter entry it lacked (requirements,
//   address, opening hours), who created and who published it, when it was
//   last edited, and a revision that every edit of a draft bumps (the
//   If-Match of concurrent edits: "<versionId>.<revision>");
// - a service points at its draft version, if any, beside its published one,
//   and keeps why and when it was withdrawn;
// - a filing keeps the citizen's Idempotency-Key: one request per citizen and
//   key, which the unique index holds under concurrent double posts.
// A draft without a deadline yet stores deadline_days 0 (the columns stay not null).
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['requirements', 'address', 'hours']) {
    await db.schema.alterTable('service_versions').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('service_versions')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .alterTable('service_versions')
    .addColumn('published_by', 'integer', (c) => c.references('users.id'))
    .execute();
  // Not null: the default only fills the existing rows until the backfill below.
  await db.schema
    .alterTable('service_versions')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update service_versions set updated_at = created_at`.execute(db);
  await db.schema
    .alterTable('service_versions')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema.alterTable('services').addColumn('draft_version_id', 'integer').execute();
  await db.schema.alterTable('services').addColumn('unpublished_reason', 'text').execute();
  await db.schema.alterTable('services').addColumn('unpublished_at', 'text').execute();

  await db.schema.alterTable('requests').addColumn('idempotency_key', 'text').execute();
  await db.schema.createIndex('requests_idempotency').on('requests').columns(['citizen_id', 'idempotency_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requests_idempotency').execute();
  await db.schema.alterTable('requests').dropColumn('idempotency_key').execute();
  for (const column of ['unpublished_at', 'unpublished_reason', 'draft_version_id']) {
    await db.schema.alterTable('services').dropColumn(column).execute();
  }
  for (const column of ['revision', 'updated_at', 'published_by', 'created_by', 'hours', 'address', 'requirements']) {
    await db.schema.alterTable('service_versions').dropColumn(column).execute();
  }
}
