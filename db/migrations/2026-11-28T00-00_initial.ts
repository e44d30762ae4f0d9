import { type Kysely, PostgresAdapter, sql } from 'kysely';

// One migration for SQLite and PostgreSQL. Only the id column, binary content
// and the append-only guard differ; everything else is portable DDL.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (t: any) => t.addColumn('id', 'integer', (c: any) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()));

  await id(db.schema.createTable('institutions'))
    .addColumn('acronym', 'text', (c: any) => c.notNull().unique())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('units', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .execute();

  await id(db.schema.createTable('users'))
    .addColumn('sub', 'text', (c: any) => c.notNull().unique())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();

  await id(db.schema.createTable('memberships'))
    .addColumn('user_id', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('institution_id', 'integer', (c: any) => c.notNull().references('institutions.id'))
    .addColumn('role', 'text', (c: any) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('granted_by', 'integer', (c: any) => c.references('users.id'))
    .addColumn('granted_at', 'text', (c: any) => c.notNull())
    .addColumn('ordinance', 'text')
    .addColumn('revoked_at', 'text')
    .addCheckConstraint('memberships_role', sql`role in ('admin', 'manager', 'attendant')`)
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').columns(['user_id', 'institution_id']).execute();
  await db.schema.createIndex('memberships_institution').on('memberships').columns(['institution_id', 'role']).execute();

  await id(db.schema.createTable('services'))
    .addColumn('institution_id', 'integer', (c: any) => c.notNull().references('institutions.id'))
    .addColumn('status', 'text', (c: any) => c.notNull().defaultTo('draft'))
    .addColumn('published_version_id', 'integer')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('services_institution').on('services').columns(['institution_id', 'status']).execute();

  await id(db.schema.createTable('service_versions'))
    .addColumn('service_id', 'integer', (c: any) => c.notNull().references('services.id'))
    .addColumn('version', 'integer', (c: any) => c.notNull())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('description', 'text', (c: any) => c.notNull())
    .addColumn('audience', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('lgpd_basis', 'text')
    .addColumn('cost', 'text')
    .addColumn('delivery', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('area', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('deadline_days', 'integer', (c: any) => c.notNull())
    .addColumn('deadline_kind', 'text', (c: any) => c.notNull())
    .addColumn('fields', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('documents', 'text', (c: any) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('service_versions_unique', ['service_id', 'version'])
    .addCheckConstraint('service_versions_kind', sql`deadline_kind in ('business', 'calendar')`)
    .execute();

  await id(db.schema.createTable('service_steps'))
    .addColumn('service_version_id', 'integer', (c: any) => c.notNull().references('service_versions.id'))
    .addColumn('position', 'integer', (c: any) => c.notNull())
    .addColumn('title', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('service_steps_version').on('service_steps').columns(['service_version_id', 'position']).execute();

  await db.schema
    .createTable('protocol_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('requests'))
    .addColumn('protocol', 'text', (c: any) => c.notNull().unique())
    .addColumn('institution_id', 'integer', (c: any) => c.notNull().references('institutions.id'))
    .addColumn('service_id', 'integer', (c: any) => c.notNull().references('services.id'))
    .addColumn('service_version_id', 'integer', (c: any) => c.notNull().references('service_versions.id'))
    .addColumn('citizen_id', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('citizen_name', 'text', (c: any) => c.notNull())
    .addColumn('search_text', 'text', (c: any) => c.notNull())
    .addColumn('form_data', 'text', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('assignee_id', 'integer', (c: any) => c.references('users.id'))
    .addColumn('filed_at', 'text', (c: any) => c.notNull())
    .addColumn('due_at', 'text', (c: any) => c.notNull())
    .addColumn('paused_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('justification', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('conclusion', 'text')
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addCheckConstraint('requests_status', sql`status in ('submitted', 'in_analysis', 'rejected', 'in_service', 'awaiting_citizen', 'concluded', 'evaluated')`)
    .execute();
  // The queue's access paths: keyset pagination by filed date (FIFO) or due
  // date, optionally narrowed by status, within one institution.
  await db.schema.createIndex('requests_queue_filed').on('requests').columns(['institution_id', 'filed_at', 'id']).execute();
  await db.schema.createIndex('requests_queue_status_filed').on('requests').columns(['institution_id', 'status', 'filed_at', 'id']).execute();
  await db.schema.createIndex('requests_queue_due').on('requests').columns(['institution_id', 'due_at', 'id']).execute();
  await db.schema.createIndex('requests_queue_status_due').on('requests').columns(['institution_id', 'status', 'due_at', 'id']).execute();
  await db.schema.createIndex('requests_assignee').on('requests').columns(['assignee_id', 'filed_at', 'id']).execute();
  await db.schema.createIndex('requests_citizen').on('requests').columns(['citizen_id', 'filed_at', 'id']).execute();

  await db.schema
    .createTable('step_answers')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('step_id', 'integer', (c) => c.notNull().references('service_steps.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('answered_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('step_answers_pk', ['request_id', 'step_id'])
    .addCheckConstraint('step_answers_answer', sql`answer in ('yes', 'no')`)
    .execute();

  await id(db.schema.createTable('files'))
    .addColumn('request_id', 'integer', (c: any) => c.notNull().references('requests.id'))
    .addColumn('follow_up_id', 'integer')
    .addColumn('label', 'text')
    .addColumn('file_name', 'text', (c: any) => c.notNull())
    .addColumn('content_type', 'text', (c: any) => c.notNull())
    .addColumn('size', 'integer', (c: any) => c.notNull())
    .addColumn('sha256', 'text', (c: any) => c.notNull())
    .addColumn('content', pg ? 'bytea' : 'blob', (c: any) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c: any) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('files_request').on('files').columns(['request_id', 'follow_up_id']).execute();

  await id(db.schema.createTable('evaluations'))
    .addColumn('request_id', 'integer', (c: any) => c.notNull().unique().references('requests.id'))
    .addColumn('institution_id', 'integer', (c: any) => c.notNull().references('institutions.id'))
    .addColumn('verdict', 'text', (c: any) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    .addColumn('status', 'text', (c: any) => c.notNull().defaultTo('pending'))
    .addColumn('moderated_by', 'integer', (c: any) => c.references('users.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('moderation_reason', 'text')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluations_queue').on('evaluations').columns(['institution_id', 'status', 'created_at']).execute();

  await id(db.schema.createTable('audit_log'))
    .addColumn('request_id', 'integer', (c: any) => c.references('requests.id'))
    .addColumn('institution_id', 'integer', (c: any) => c.references('institutions.id'))
    .addColumn('actor_id', 'integer', (c: any) => c.references('users.id'))
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('data', 'text')
    .addColumn('at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_request').on('audit_log').columns(['request_id', 'id']).execute();

  // The audit log is append-only: the database itself refuses edits.
  if (pg) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const t of [
    'audit_log',
    'evaluations',
    'files',
    'step_answers',
    'requests',
    'protocol_counters',
    'service_steps',
    'service_versions',
    'services',
    'memberships',
    'users',
    'institutions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  if (pg) await sql`drop function if exists audit_log_append_only()`.execute(db);
}
