// Evaluations (issue #13): the moderation queue, decisions, and what the
// public panel reads (ratings per service and month, published comments).
// Indexes: migration evaluations.
import { sql } from 'kysely';
import type { Queryable } from './queryable.js';

/** An evaluation as the moderator reads it: with its request, service, institution and last decision. */
function moderationRows(db: Queryable) {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('requests as r', 'r.id', 'e.request_id')
    .innerJoin('service_versions as sv', 'sv.id', 'r.service_version_id')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .leftJoin('users as m', 'm.id', 'e.moderated_by')
    .select([
      'e.id',
      'e.request_id',
      'r.protocol',
      'r.citizen_id',
      'r.citizen_name',
      'r.status as request_status',
      'e.service_id',
      'sv.name as service_name',
      'e.institution_id',
      'i.acronym',
      'i.name as institution_name',
      'e.verdict',
      'e.rating',
      'e.comment',
      'e.created_at',
      'e.status',
      'e.masked',
      'e.moderated_by',
      'm.name as moderated_by_name',
      'e.moderated_at',
      'e.moderation_reason',
      'e.moderation_text',
    ]);
}

export type ModerationRow = Awaited<ReturnType<typeof listModeration>>[number];

/** Evaluations with a comment in these institutions and status, but not of requests `notOf` filed, newest first, after `before`; limit + 1 rows (the extra says there is more). */
export async function listModeration(
  db: Queryable,
  f: { institutionIds: number[]; status: 'pending' | 'approved' | 'rejected'; before?: number; limit: number; notOf: number },
) {
  let q = moderationRows(db)
    .where('e.institution_id', 'in', f.institutionIds.length ? f.institutionIds : [-1])
    .where('r.citizen_id', '!=', f.notOf)
    .where('e.status', '=', f.status)
    .where('e.comment', 'is not', null);
  if (f.before !== undefined) q = q.where('e.id', '<', f.before);
  return q
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** These evaluations (any that exist), with a comment or not. */
export async function getModerationRows(db: Queryable, ids: readonly number[]) {
  return moderationRows(db)
    .where('e.id', 'in', ids.length ? [...ids] : [-1])
    .execute();
}

/** Writes a decision. */
export async function saveModeration(
  trx: Queryable,
  id: number,
  d: {
    status: 'approved' | 'rejected';
    masked: boolean;
    publishedText: string | null;
    reason: string | null;
    reasonText: string | null;
    by: number;
    at: string;
  },
): Promise<void> {
  await trx
    .updateTable('evaluations')
    .set({
      status: d.status,
      masked: d.masked ? 1 : 0,
      published_text: d.publishedText,
      moderation_reason: d.reason,
      moderation_text: d.reasonText,
      moderated_by: d.by,
      moderated_at: d.at,
    })
    .where('id', '=', id)
    .execute();
}

/** The published services (of an institution, or one), with their institution. */
export async function ratedServices(db: Queryable, f: { institutionId?: number; serviceId?: number }) {
  let q = db
    .selectFrom('services as s')
    .innerJoin('service_versions as v', 'v.id', 's.published_version_id')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .where('s.status', '=', 'published')
    .select(['s.id', 'v.name', 'i.id as institution_id', 'i.acronym', 'i.name as institution_name']);
  if (f.institutionId !== undefined) q = q.where('s.institution_id', '=', f.institutionId);
  if (f.serviceId !== undefined) q = q.where('s.id', '=', f.serviceId);
  return q.orderBy('i.acronym').orderBy('v.name').execute();
}

/**
 * Evaluations counted per service, rating and verdict: over all time
 * (bucket -1), and in each of the months bounded by `bounds` (ISO instants,
 * ascending; bucket k is [bounds[k], bounds[k+1])). Read from the index
 * evaluations_ratings; a few rows per service and month come back.
 */
export async function ratingCounts(db: Queryable, serviceIds: readonly number[], bounds: readonly string[]) {
  const ids = serviceIds.length ? [...serviceIds] : [-1];
  const total = await db
    .selectFrom('evaluations')
    .select(['service_id', 'rating', 'verdict', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('service_id', 'in', ids)
    .groupBy(['service_id', 'rating', 'verdict'])
    .execute();
  // Literals (instants this app made), so the select and the group by are one expression to PostgreSQL.
  const cases = bounds.slice(1).map((b, k) => sql`when created_at < ${sql.lit(b)} then ${sql.lit(k)}`);
  const bucket = sql<number>`case ${sql.join(cases, sql` `)} end`;
  const monthly = await db
    .selectFrom('evaluations')
    .select(['service_id', 'rating', 'verdict', bucket.as('bucket'), (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('service_id', 'in', ids)
    .where('created_at', '>=', bounds[0])
    .where('created_at', '<', bounds[bounds.length - 1])
    .groupBy(['service_id', 'rating', 'verdict', bucket])
    .execute();
  return [
    ...total.map((r) => ({ serviceId: Number(r.service_id), rating: r.rating, verdict: r.verdict, bucket: -1, n: Number(r.n) })),
    ...monthly.map((r) => ({ serviceId: Number(r.service_id), rating: r.rating, verdict: r.verdict, bucket: Number(r.bucket), n: Number(r.n) })),
  ];
}

/** A published service's name, or undefined. */
export async function publishedServiceName(db: Queryable, serviceId: number) {
  return db
    .selectFrom('services as s')
    .innerJoin('service_versions as v', 'v.id', 's.published_version_id')
    .where('s.status', '=', 'published')
    .where('s.id', '=', serviceId)
    .select(['s.id', 'v.name'])
    .executeTakeFirst();
}

/** A service's published comments, newest first, after `before`; limit + 1 rows. Never the citizen or the request. */
export async function publishedComments(db: Queryable, serviceId: number, f: { before?: number; limit: number }) {
  let q = db
    .selectFrom('evaluations')
    .select(['id', 'rating', 'verdict', 'published_text', 'moderated_at'])
    .where('service_id', '=', serviceId)
    .where('status', '=', 'approved')
    // A rating without a comment has nothing to publish.
    .where('published_text', 'is not', null);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
