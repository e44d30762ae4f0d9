import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { SLOTS } from './2026-11-28T03-00_queue-versions.js';

// Avaliações (issue #13):
// - several evaluations per request: a citizen who did not approve may reopen
//   the request, and its next conclusion is evaluated again. Every evaluation
//   is kept; `requests.evaluation_id` names the current one (the queue's
//   verdict and the detail's evaluation), cleared by a reopening. The UNIQUE
//   on evaluations.request_id goes: on PostgreSQL by dropping the constraint,
//   on SQLite (inline in the table) by rebuilding the table, which drops its
//   queue-versions triggers and index with it: recreated here.
// - the moderation of a comment: masked (published with the personal data
//   found hidden), the published text, the reason (contract
//   MODERATION_REASONS) and its text when "other"; moderated_by/at were there.
// - service_id on each evaluation (from its request) so the public panel and
//   comments read evaluations alone, by index: per service, newest first.
const NEW_COLUMNS = ['service_id', 'masked', 'published_text', 'moderation_text'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`alter table evaluations drop constraint evaluations_request_id_key`.execute(db);
    await db.schema.dropIndex('evaluations_queue').execute();
    await db.schema
      .alterTable('evaluations')
      .addColumn('service_id', 'integer', (c) => c.references('services.id'))
      .execute();
    await db.schema
      .alterTable('evaluations')
      .addColumn('masked', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('evaluations').addColumn('published_text', 'text').execute();
    await db.schema.alterTable('evaluations').addColumn('moderation_text', 'text').execute();
    await sql`update evaluations set service_id = (select r.service_id from requests r where r.id = evaluations.request_id)`.execute(db);
    await sql`update evaluations set published_text = comment where status = 'approved'`.execute(db);
    await sql`alter table evaluations alter column service_id set not null`.execute(db);
  } else {
    await rebuild(db, { unique: false });
  }
  await createIndexes(db);

  await db.schema.alterTable('requests').addColumn('evaluation_id', 'integer').execute();
  await sql`update requests set evaluation_id = (select e.id from evaluations e where e.request_id = requests.id)
    where status = 'evaluated'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable('requests').dropColumn('evaluation_id').execute();
  // One evaluation per request again: the latest of each stays.
  await sql`delete from evaluations where id not in (select max(id) from evaluations group by request_id)`.execute(db);
  for (const name of ['evaluations_request', 'evaluations_moderation', 'evaluations_published', 'evaluations_ratings']) {
    await db.schema.dropIndex(name).execute();
  }
  if (pg) {
    for (const column of NEW_COLUMNS) await db.schema.alterTable('evaluations').dropColumn(column).execute();
    await sql`alter table evaluations add constraint evaluations_request_id_key unique (request_id)`.execute(db);
  } else {
    await rebuild(db, { unique: true });
  }
  await db.schema.createIndex('evaluations_queue').on('evaluations').columns(['institution_id', 'status', 'created_at']).execute();
}

async function createIndexes(db: Kysely<any>) {
  // A request's evaluations, in order.
  await db.schema.createIndex('evaluations_request').on('evaluations').columns(['request_id', 'id']).execute();
  // The moderation queue: an institution's comments of one status, newest first.
  await db.schema
    .createIndex('evaluations_moderation')
    .on('evaluations')
    .columns(['institution_id', 'status', 'id'])
    .where(sql.ref('comment'), 'is not', null)
    .execute();
  // A service's published comments, newest first.
  await db.schema.createIndex('evaluations_published').on('evaluations').columns(['service_id', 'id']).where(sql.ref('status'), '=', 'approved').execute();
  // The panel: counts per service, rating, verdict and month, read from the index alone.
  await db.schema.createIndex('evaluations_ratings').on('evaluations').columns(['service_id', 'created_at', 'rating', 'verdict']).execute();
}

/**
 * SQLite: the evaluations table rebuilt with (up) or without (down) the
 * moderation columns and the UNIQUE on request_id, its rows copied, and the
 * queue-versions triggers that went with the old table made again.
 */
async function rebuild(db: Kysely<any>, o: { unique: boolean }) {
  const up = !o.unique;
  let t = db.schema
    .createTable('evaluations_next')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('request_id', 'integer', (c) => (o.unique ? c.notNull().unique() : c.notNull()).references('requests.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'));
  if (up) t = t.addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'));
  t = t
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('moderation_reason', 'text');
  if (up) {
    t = t
      .addColumn('masked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published_text', 'text')
      .addColumn('moderation_text', 'text');
  }
  await t.addColumn('created_at', 'text', (c) => c.notNull()).execute();
  const common = 'id, request_id, institution_id, verdict, rating, comment, status, moderated_by, moderated_at, moderation_reason, created_at';
  if (up) {
    await sql`insert into evaluations_next (${sql.raw(common)}, service_id, masked, published_text)
      select ${sql.raw(common.replace(/(\w+)/g, 'e.$1'))}, r.service_id, 0, case when e.status = 'approved' then e.comment end
      from evaluations e join requests r on r.id = e.request_id`.execute(db);
  } else {
    await sql`insert into evaluations_next (${sql.raw(common)}) select ${sql.raw(common)} from evaluations`.execute(db);
  }
  await sql`drop table evaluations`.execute(db);
  await sql`alter table evaluations_next rename to evaluations`.execute(db);
  // The triggers of migration queue-versions, as it made them.
  const n = sql.raw(String(SLOTS));
  for (const event of ['insert', 'update']) {
    await sql`create trigger ${sql.raw(`evaluations_queue_version_${event}`)} after ${sql.raw(event)} on evaluations
      begin update queue_versions set version = version + 1
        where institution_id = new.institution_id and slot = new.request_id % ${n}; end`.execute(db);
  }
}
