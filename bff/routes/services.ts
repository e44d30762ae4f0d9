// The service charter (Carta de Serviços) as everyone reads it: the published
// services, and for an institution's managers also the ones never published
// or withdrawn. Editing is in charter.ts.
import { createRoute } from '@hono/zod-openapi';
import { IdParam, ServiceListQuery } from '../../contract/schemas.js';
import { Items, ServiceDetail as ServiceDetailSchema, ServiceSummary as ServiceSummarySchema } from '../../contract/responses.js';
import type { ServiceSummary } from '../../contract/types.js';
import { decideCharter } from '../domain/permissions.js';
import { toServiceDetail, toServiceSummary } from '../dto.js';
import { type Deps, requireUser } from '../env.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { json, problemsOf, router } from '../openapi.js';
import { wordMatcher } from '../../contract/search.js';
import { getPublishedService, listPublishedServices, listServicesForManager } from '../../db/queries/services.js';

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'The charter: published services (a manager’s drafts too)',
  description:
    'Who: anyone, for the published charter. With drafts=true: a manager of institutionId (others 403, no token 401), who also gets the ' +
    'institution’s services never published or withdrawn, and hasDraft. q finds words of the name or description, accents and case aside.',
  request: { query: ServiceListQuery },
  responses: { 200: json(Items(ServiceSummarySchema), 'Services, by institution and name'), ...problemsOf(400, 401, 403) },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One service (published version)',
  description: 'Who: anyone. A service never published or withdrawn answers 404.',
  request: { params: IdParam },
  responses: { 200: json(ServiceDetailSchema, 'The service'), ...problemsOf(400, 404) },
});

export function serviceRoutes({ db }: Deps) {
  return router()
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const found = wordMatcher(q.q ?? '');
      const matches = (r: { name: string; description: string; acronym: string; institution_name: string }) =>
        found(`${r.name} ${r.description} ${r.acronym} ${r.institution_name}`);
      if (q.drafts === 'true') {
        const user = requireUser(c);
        if (q.institutionId === undefined) {
          throw badRequest('Informe a instituição para ver seus rascunhos.', { institutionId: 'Com drafts=true, informe institutionId.' });
        }
        if (decideCharter(user, q.institutionId) !== 'allow') throw forbidden('Somente gestores da instituição veem seus rascunhos.');
        const rows = await listServicesForManager(db, q.institutionId);
        const items: ServiceSummary[] = rows.filter(matches).map((r) => ({ ...toServiceSummary(r.id, r), hasDraft: r.has_draft }));
        return c.json({ items }, 200);
      }
      const rows = await listPublishedServices(db, { institutionId: q.institutionId });
      return c.json({ items: rows.filter(matches).map((r) => toServiceSummary(r.id, r)) }, 200);
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid('param');
      const found = await getPublishedService(db, id);
      if (!found) throw notFound('Serviço não encontrado.');
      return c.json(toServiceDetail(id, found.version, found.steps), 200);
    });
}
