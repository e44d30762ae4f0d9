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

export interface NewPublishedService {
  institutionId: number;
  name: string;
  description: string;
  /** The form's fields and the documents asked for, as the contract describes them. */
  fields: unknown[];
  documents: unknown[];
  deadlineDays: number;
  deadlineKind: 'business' | 'calendar';
  /** Step titles, in order. */
  steps?: string[];
  at: string;
}

/** A service with its first version published at once; answers the service, version and step ids. */
export async function insertPublishedService(db: Queryable, s: NewPublishedService) {
  const { id } = await db
    .insertInto('services')
    .values({ institution_id: s.institutionId, status: 'published', published_version_id: null, created_at: s.at, updated_at: s.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('service_versions')
    .values({
      service_id: id,
      version: 1,
      name: s.name,
      description: s.description,
      audience: null,
      legal_basis: null,
      lgpd_basis: null,
      cost: null,
      delivery: '["online"]',
      area: '[]',
      deadline_days: s.deadlineDays,
      deadline_kind: s.deadlineKind,
      fields: JSON.stringify(s.fields),
      documents: JSON.stringify(s.documents),
      created_at: s.at,
      published_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('services').set({ published_version_id: version.id }).where('id', '=', id).execute();
  const steps: number[] = [];
  for (const [i, title] of (s.steps ?? []).entries()) {
    const step = await db
      .insertInto('service_steps')
      .values({ service_version_id: version.id, position: i + 1, title })
      .returning('id')
      .executeTakeFirstOrThrow();
    steps.push(step.id);
  }
  return { id, versionId: version.id, steps };
}
