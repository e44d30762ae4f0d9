// The service charter (Carta de Serviços): the published services the
// citizens see, and the services, versions and drafts their institution's
// managers edit. A service has at most one draft version (draft_version_id)
// beside its published one (published_version_id); publishing makes the
// draft the published one. Requests point at the version they were filed
// under, so a version that has been published never changes.
import type { ServiceVersionTable } from '../schema.js';
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

/**
 * Every service of an institution as its managers list them: published,
 * never published and withdrawn, each by its published version (a service
 * never published: by its draft), and whether it has a draft.
 */
export async function listServicesForManager(db: Queryable, institutionId: number) {
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('service_versions as v', (j) => j.on((eb) => eb('v.id', '=', eb.fn.coalesce('s.published_version_id', 's.draft_version_id'))))
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .select([
      's.id',
      's.status',
      's.draft_version_id',
      'v.name',
      'v.description',
      'v.deadline_days',
      'v.deadline_kind',
      'i.id as institution_id',
      'i.acronym',
      'i.name as institution_name',
    ])
    .where('s.institution_id', '=', institutionId)
    .orderBy('v.name')
    .orderBy('s.id')
    .execute();
  return rows.map(({ draft_version_id, ...r }) => ({ ...r, has_draft: draft_version_id !== null }));
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

/** The form fields of one version (a filing replayed is compared under the version it was filed under). */
export async function versionFields(db: Queryable, versionId: number): Promise<string | undefined> {
  const row = await db.selectFrom('service_versions').select('fields').where('id', '=', versionId).executeTakeFirst();
  return row?.fields;
}

/** A service with its institution and the state of its versions; undefined when there is none. */
export async function getServiceRow(db: Queryable, id: number) {
  return db
    .selectFrom('services as s')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .select([
      's.id',
      's.institution_id',
      'i.acronym',
      'i.name as institution_name',
      's.status',
      's.published_version_id',
      's.draft_version_id',
      's.unpublished_reason',
      's.unpublished_at',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof getServiceRow>>>;

/**
 * Takes the service for a charter write and answers its state as it is now.
 * On PostgreSQL the update holds the service's row until the transaction
 * ends, so two edits, a publication and a withdrawal of one service run one
 * after the other, each reading what the one before wrote (SQLite writes one
 * transaction at a time anyway).
 */
export async function lockService(trx: Queryable, id: number, at: string): Promise<ServiceRow | undefined> {
  const locked = await trx.updateTable('services').set({ updated_at: at }).where('id', '=', id).returning('id').executeTakeFirst();
  return locked ? getServiceRow(trx, id) : undefined;
}

/** The parts of a version as its columns hold them (JSON text for the lists), without its steps. */
export type VersionColumns = Pick<
  ServiceVersionTable,
  | 'name'
  | 'description'
  | 'audience'
  | 'requirements'
  | 'legal_basis'
  | 'lgpd_basis'
  | 'cost'
  | 'delivery'
  | 'area'
  | 'address'
  | 'hours'
  | 'deadline_days'
  | 'deadline_kind'
  | 'fields'
  | 'documents'
>;

function versionQuery(db: Queryable) {
  return db
    .selectFrom('service_versions as v')
    .leftJoin('users as cu', 'cu.id', 'v.created_by')
    .leftJoin('users as pu', 'pu.id', 'v.published_by')
    .selectAll('v')
    .select(['cu.name as created_by_name', 'pu.name as published_by_name']);
}

/** One version of a service (by its number, or its id) with its step titles in order and who created and published it. */
export async function getVersion(db: Queryable, serviceId: number, which: { version: number } | { id: number }) {
  let q = versionQuery(db).where('v.service_id', '=', serviceId);
  q = 'id' in which ? q.where('v.id', '=', which.id) : q.where('v.version', '=', which.version);
  const version = await q.executeTakeFirst();
  if (!version) return undefined;
  const steps = await db.selectFrom('service_steps').select('title').where('service_version_id', '=', version.id).orderBy('position').execute();
  return { version, steps: steps.map((s) => s.title) };
}

export type VersionRows = NonNullable<Awaited<ReturnType<typeof getVersion>>>;

/** Every version of a service, newest first, with who created and published each. */
export async function listVersions(db: Queryable, serviceId: number) {
  return versionQuery(db).where('v.service_id', '=', serviceId).orderBy('v.version', 'desc').execute();
}

async function insertSteps(trx: Queryable, versionId: number, titles: readonly string[]): Promise<void> {
  if (!titles.length) return;
  await trx
    .insertInto('service_steps')
    .values(titles.map((title, i) => ({ service_version_id: versionId, position: i + 1, title })))
    .execute();
}

/** A draft version of a service: the next number after its last one. Answers its id and number. */
export async function insertDraft(
  trx: Queryable,
  d: { serviceId: number; columns: VersionColumns; steps: readonly string[]; at: string; by: number },
): Promise<{ id: number; version: number }> {
  const last = await trx
    .selectFrom('service_versions')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('service_id', '=', d.serviceId)
    .executeTakeFirst();
  const version = Number(last?.n ?? 0) + 1;
  const { id } = await trx
    .insertInto('service_versions')
    .values({
      service_id: d.serviceId,
      version,
      ...d.columns,
      created_at: d.at,
      created_by: d.by,
      updated_at: d.at,
      published_at: null,
      published_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertSteps(trx, id, d.steps);
  await trx.updateTable('services').set({ draft_version_id: id, updated_at: d.at }).where('id', '=', d.serviceId).execute();
  return { id, version };
}

/** A service row with no version yet; answers its id. */
async function insertServiceRow(db: Queryable, institutionId: number, status: 'draft' | 'published', at: string): Promise<number> {
  const { id } = await db
    .insertInto('services')
    .values({
      institution_id: institutionId,
      status,
      published_version_id: null,
      draft_version_id: null,
      unpublished_reason: null,
      unpublished_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A new service of an institution, never published, with its first draft (version 1). */
export async function createService(
  trx: Queryable,
  s: { institutionId: number; columns: VersionColumns; steps: readonly string[]; at: string; by: number },
): Promise<{ id: number; versionId: number }> {
  const id = await insertServiceRow(trx, s.institutionId, 'draft', s.at);
  const draft = await insertDraft(trx, { serviceId: id, columns: s.columns, steps: s.steps, at: s.at, by: s.by });
  return { id, versionId: draft.id };
}

/**
 * Writes a draft's parts if it is still at `revision` (compare-and-set) and
 * bumps its revision; answers whether it did. A published version is never
 * written.
 */
export async function updateDraftAtRevision(
  trx: Queryable,
  versionId: number,
  revision: number,
  columns: Partial<VersionColumns>,
  at: string,
): Promise<boolean> {
  const res = await trx
    .updateTable('service_versions')
    .set({ ...columns, updated_at: at, revision: revision + 1 })
    .where('id', '=', versionId)
    .where('revision', '=', revision)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A draft's steps, replaced (a draft has no requests, so nothing refers to its steps). */
export async function replaceDraftSteps(trx: Queryable, versionId: number, titles: readonly string[]): Promise<void> {
  await trx.deleteFrom('service_steps').where('service_version_id', '=', versionId).execute();
  await insertSteps(trx, versionId, titles);
}

/**
 * The draft at `revision` becomes the service's published version (the
 * previous one stays, for the requests filed under it); answers whether the
 * draft was still at that revision.
 */
export async function publishDraft(trx: Queryable, p: { serviceId: number; versionId: number; revision: number; at: string; by: number }): Promise<boolean> {
  const res = await trx
    .updateTable('service_versions')
    .set({ published_at: p.at, published_by: p.by, revision: p.revision + 1 })
    .where('id', '=', p.versionId)
    .where('service_id', '=', p.serviceId)
    .where('revision', '=', p.revision)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await trx
    .updateTable('services')
    .set({ status: 'published', published_version_id: p.versionId, draft_version_id: null, unpublished_reason: null, unpublished_at: null, updated_at: p.at })
    .where('id', '=', p.serviceId)
    .execute();
  return true;
}

/** A withdrawn service published again, with the version it had. */
export async function republishService(trx: Queryable, serviceId: number, at: string): Promise<void> {
  await trx
    .updateTable('services')
    .set({ status: 'published', unpublished_reason: null, unpublished_at: null, updated_at: at })
    .where('id', '=', serviceId)
    .execute();
}

/** Withdraws a service: no new filings; the reason is kept and shown. */
export async function unpublishService(trx: Queryable, serviceId: number, reason: string, at: string): Promise<void> {
  await trx
    .updateTable('services')
    .set({ status: 'unpublished', unpublished_reason: reason, unpublished_at: at, updated_at: at })
    .where('id', '=', serviceId)
    .execute();
}

export const CHARTER_ACTIONS = ['service_create', 'service_edit', 'service_publish', 'service_unpublish'] as const;

/** An entry of the audit log for the charter: no request, the institution and the manager who acted. */
export async function appendCharterAudit(
  trx: Queryable,
  e: {
    institutionId: number;
    actorId: number;
    action: (typeof CHARTER_ACTIONS)[number];
    data: { serviceId: number; version: number; reason?: string };
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      request_id: null,
      institution_id: e.institutionId,
      actor_id: e.actorId,
      actor_side: 'staff',
      action: e.action,
      from_status: null,
      to_status: null,
      data: JSON.stringify(e.data),
      at: e.at,
    })
    .execute();
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
  /** The other parts of the entry (none by default; delivery: online). */
  audience?: string | null;
  requirements?: string | null;
  cost?: string | null;
  delivery?: string[];
  area?: string[];
  address?: string | null;
  hours?: string | null;
  legalBasis?: string | null;
  lgpdBasis?: string | null;
  at: string;
}

/** A service with its first version published at once; answers the service, version and step ids. */
export async function insertPublishedService(db: Queryable, s: NewPublishedService) {
  const id = await insertServiceRow(db, s.institutionId, 'published', s.at);
  const version = await db
    .insertInto('service_versions')
    .values({
      service_id: id,
      version: 1,
      name: s.name,
      description: s.description,
      audience: s.audience ?? null,
      requirements: s.requirements ?? null,
      legal_basis: s.legalBasis ?? null,
      lgpd_basis: s.lgpdBasis ?? null,
      cost: s.cost ?? null,
      delivery: JSON.stringify(s.delivery ?? ['online']),
      area: JSON.stringify(s.area ?? []),
      address: s.address ?? null,
      hours: s.hours ?? null,
      deadline_days: s.deadlineDays,
      deadline_kind: s.deadlineKind,
      fields: JSON.stringify(s.fields),
      documents: JSON.stringify(s.documents),
      created_at: s.at,
      created_by: null,
      updated_at: s.at,
      published_at: s.at,
      published_by: null,
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
