// The published service charter (Carta de Serviços).
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { ServiceDetail, ServiceSummary } from '../../contract/types.js';
import type { AppEnv, Deps } from '../env.js';
import { notFound } from '../errors.js';
import {
  IdParam, ServiceListQuery,
} from '../../contract/schemas.js';
import { parse } from '../validate.js';
import { normalizeSearch } from '../../db/queries/requests.js';
import type { Database } from '../../db/schema.js';

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('services as s')
    .innerJoin('service_versions as v', 'v.id', 's.published_version_id')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .where('s.status', '=', 'published');
}

export function serviceRoutes({ db }: Deps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const q = parse(ServiceListQuery, c.req.query());
      let query = baseQuery(db).select([
        's.id', 's.status', 'v.name', 'v.description', 'v.deadline_days', 'v.deadline_kind', 'i.id as institution_id', 'i.acronym',
        'i.name as institution_name',
      ]);
      if (q.institutionId !== undefined) query = query.where('s.institution_id', '=', q.institutionId);
      const rows = await query.orderBy('i.acronym').orderBy('v.name').execute();
      const term = q.q ? normalizeSearch(q.q) : '';
      const items: ServiceSummary[] = rows
        .filter((r) => !term || normalizeSearch(`${r.name} ${r.description}`).includes(term))
        .map((r) => ({
          id: r.id,
          institution: { id: r.institution_id, acronym: r.acronym, name: r.institution_name },
          name: r.name,
          description: r.description,
          status: r.status,
          deadline: { days: r.deadline_days, kind: r.deadline_kind },
        }));
      return c.json({ items });
    })
    .get('/:id', async (c) => {
      const { id } = parse(IdParam, c.req.param());
      const r = await baseQuery(db)
        .selectAll('v')
        .select(['s.status', 'i.id as institution_id', 'i.acronym', 'i.name as institution_name'])
        .where('s.id', '=', id)
        .executeTakeFirst();
      if (!r) throw notFound('Serviço não encontrado.');
      const steps = await db
        .selectFrom('service_steps')
        .select(['id', 'position', 'title'])
        .where('service_version_id', '=', r.id)
        .orderBy('position')
        .execute();
      const service: ServiceDetail = {
        id,
        institution: { id: r.institution_id, acronym: r.acronym, name: r.institution_name },
        name: r.name,
        description: r.description,
        status: r.status,
        deadline: { days: r.deadline_days, kind: r.deadline_kind },
        versionId: r.id,
        version: r.version,
        audience: r.audience,
        legalBasis: r.legal_basis,
        lgpdBasis: r.lgpd_basis,
        cost: r.cost,
        delivery: JSON.parse(r.delivery),
        area: JSON.parse(r.area),
        fields: JSON.parse(r.fields),
        documents: JSON.parse(r.documents),
        steps,
      };
      return c.json(service);
    });
}
