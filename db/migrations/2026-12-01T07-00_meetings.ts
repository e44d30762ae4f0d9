import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Videoconferência and the day agenda (issue #12):
// - meetings: a video meeting booked on a request, with its host (the
//   attendant who attends it), an unguessable Jitsi room name, the slot as
//   ISO instants (UTC text, compared as text like every instant here), and a
//   cancellation with its reason. Indexes: a host's bookings by start (the
//   overlap check), an institution's by start (the day agenda), a request's,
//   and the room (the reservation hook looks it up).
// - agenda_shares: a read-only link to an institution's day list, signed,
//   with an expiry and a revocation.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const serial = (c: any) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'integer', serial)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('host_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('room', 'text', (c) => c.notNull().unique())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('meetings_status', sql`status in ('scheduled', 'cancelled')`)
    .execute();
  await db.schema.createIndex('meetings_host_start').on('meetings').columns(['host_id', 'starts_at']).execute();
  await db.schema.createIndex('meetings_institution_start').on('meetings').columns(['institution_id', 'starts_at']).execute();
  await db.schema.createIndex('meetings_request').on('meetings').columns(['request_id', 'starts_at']).execute();

  await db.schema
    .createTable('agenda_shares')
    .addColumn('id', 'integer', serial)
    .addColumn('institution_id', 'integer', (c) => c.notNull().references('institutions.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('agenda_shares_creator').on('agenda_shares').columns(['created_by', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agenda_shares').execute();
  await db.schema.dropTable('meetings').execute();
}
