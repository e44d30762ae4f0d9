import type { Kysely } from 'kysely';

// "Minhas" in the queue: assigned to me, or in analysis started by me. Who
// started an analysis is the actor of its start_analysis audit entry: the
// first index finds an attendant's such entries without reading the log; the
// second an attendant's requests of a status, in deadline order, so "my open
// requests" reads those only (1 ms for the busiest attendant of the
// 1,000,000-request benchmark instead of 53 ms through requests_assignee,
// and instead of 0.4–0.5 s walking the institution's queue for one who has
// none).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_actor_action').on('audit_log').columns(['actor_id', 'action', 'request_id']).execute();
  await db.schema.createIndex('requests_assignee_due').on('requests').columns(['assignee_id', 'status', 'due_key', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_actor_action').execute();
  await db.schema.dropIndex('requests_assignee_due').execute();
}
