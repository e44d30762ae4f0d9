// The published service charter (Carta de Serviços).
import { createRoute } from '@hono/zod-openapi';
import { IdParam, ServiceListQuery } from '../../contract/schemas.js';
import { Items, ServiceDetail as ServiceDetailSchema, ServiceSummary as ServiceSummarySchema } from '../../contract/responses.js';
import type { ServiceDetail, ServiceSummary } from '../../contract/types.js';
import { toServiceSummary } from '../dto.js';
import type { Deps } from '../env.js';
import { notFound } from '../errors.js';
import { json, problemsOf, router } from '../openapi.js';
import { normalizeSearch } from '../../db/queries/search.js';
import { getPublishedService, listPublishedServices } from '../../db/queries/services.js';

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Published charter',
  description: 'Who: anyone.',
  request: { query: ServiceListQuery },
  responses: { 200: json(Items(ServiceSummarySchema), 'Published services'), ...problemsOf(400) },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One service (published version)',
  description: 'Who: anyone.',
  request: { params: IdParam },
  responses: { 200: json(ServiceDetailSchema, 'The service'), ...problemsOf(400, 404) },
});

export function serviceRoutes({ db }: Deps) {
  return router()
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const rows = await listPublishedServices(db, { institutionId: q.institutionId });
      const term = q.q ? normalizeSearch(q.q) : '';
      const items: ServiceSummary[] = rows
        .filter((r) => !term || normalizeSearch(`${r.name} ${r.description}`).includes(term))
        .map((r) => toServiceSummary(r.id, r));
      return c.json({ items }, 200);
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param');
      const found = await getPublishedService(db, id);
      if (!found) throw notFound('Serviço não encontrado.');
      const { version: r, steps } = found;
      const service: ServiceDetail = {
        ...toServiceSummary(id, r),
        versionId: r.id,
        version: r.version,
        audience: r.audience,
        requirements: null,
        address: null,
        hours: null,
        legalBasis: r.legal_basis,
        lgpdBasis: r.lgpd_basis,
        cost: r.cost,
        delivery: JSON.parse(r.delivery),
        area: JSON.parse(r.area),
        fields: JSON.parse(r.fields),
        documents: JSON.parse(r.documents),
        steps,
      };
      return c.json(service, 200);
    });
}
