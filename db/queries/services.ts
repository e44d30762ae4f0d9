// The published service charter (Carta de Serviços).
import type { Queryable } from './queryable.js';

function published(db: Queryable) {
  return db
    .selectFrom('services as s')
    .innerJoin('service_versions as v', 'v.id', 's.published_version_id')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .where('s.status', '=', 'published');
}

/** Published services, by institution and name. */
export async function listPublishedServices(db: Queryable, f: { institutionId?: number }) {
  let q = published(db).select([
    's.id',
    's.status',
    'v.name',
    'v.description',
    'v.deadline_days',
    'v.deadline_kind',
    'i.id as institution_id',
    'i.acronym',
    'i.name as institution_name',
  ]);
  if (f.institutionId !== undefined) q = q.where('s.institution_id', '=', f.institutionId);
  return q.orderBy('i.acronym').orderBy('v.name').execute();
}

/** One published service: its current version with the institution, and the version's steps. */
export async function getPublishedService(db: Queryable, id: number) {
  const version = await published(db)
    .selectAll('v')
    .select(['s.status', 'i.id as institution_id', 'i.acronym', 'i.name as institution_name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!version) return undefined;
  const steps = await db
    .selectFrom('service_steps')
    .select(['id', 'position', 'title'])
    .where('service_version_id', '=', version.id)
    .orderBy('position')
    .execute();
  return { version, steps };
}

/** What filing needs of a published service's current version. */
export async function getServiceForFiling(db: Queryable, id: number) {
  return published(db)
    .select(['s.id', 's.institution_id', 'v.id as version_id', 'v.fields', 'v.documents', 'v.deadline_days', 'v.deadline_kind'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}
