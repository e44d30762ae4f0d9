// The published service charter (Carta de Serviços).
import { Hono } from 'hono';
import type { ServiceDetail, ServiceSummary } from '../../contract/types.js';
import { IdParam, ServiceListQuery } from '../../contract/schemas.js';
import type { AppEnv, Deps } from '../env.js';
import { notFound } from '../errors.js';
import { parse } from '../validate.js';
import { normalizeSearch } from '../../db/queries/search.js';
import { getPublishedService, listPublishedServices } from '../../db/queries/services.js';

export function serviceRoutes({ db }: Deps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const q = parse(ServiceListQuery, c.req.query());
      const rows = await listPublishedServices(db, { institutionId: q.institutionId });
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
      const found = await getPublishedService(db, id);
      if (!found) throw notFound('Serviço não encontrado.');
      const { version: r, steps } = found;
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
