// The public satisfaction panel (issue #13): ratings per published service
// and month, and the comments the moderators published. No token; cacheable
// for a minute. Nothing here names a citizen, a request or a protocol.
import { createRoute } from '@hono/zod-openapi';
import { IdParam, PublicCommentsQuery, PublicRatingsQuery } from '../../contract/schemas.js';
import { PublicCommentsPage, PublicRatings } from '../../contract/responses.js';
import type { ServiceRatings } from '../../contract/types.js';
import { type RatingCount, lastTwelveMonths, ratingSummary } from '../domain/evaluations.js';
import type { AppDeps } from '../env.js';
import { notFound } from '../errors.js';
import { json, problemsOf, router } from '../openapi.js';
import { publishedComments, publishedServiceName, ratedServices, ratingCounts } from '../../db/queries/evaluations.js';

// A minute: a portal's visitors share one answer per browser or proxy, and a newly published rating shows within it.
const CACHE = 'public, max-age=60';

const ratings = createRoute({
  method: 'get',
  path: '/ratings',
  summary: 'Satisfaction per published service: count, average, distribution 1–5, approved share, and the last 12 months',
  description:
    'Who: anyone (no token). Every published service (of institutionId, or serviceId alone), services without evaluations included; months in ' +
    'the state’s time zone (TIME_ZONE), oldest first, months without evaluations included. Cache-Control: public, max-age=60.',
  request: { query: PublicRatingsQuery },
  responses: { 200: json(PublicRatings, 'The panel'), ...problemsOf(400) },
});

const comments = createRoute({
  method: 'get',
  path: '/services/{id}/comments',
  summary: 'A published service’s published comments, newest first',
  description:
    'Who: anyone (no token). Only comments a moderator approved, as published (masked where chosen); never the citizen’s name or id, the request or ' +
    'its protocol. A service not published: 404. Cache-Control: public, max-age=60.',
  request: { params: IdParam, query: PublicCommentsQuery },
  responses: { 200: json(PublicCommentsPage, 'A page; pass nextBefore as before for older ones'), ...problemsOf(400, 404) },
});

export function publicRoutes({ db, now, config }: AppDeps) {
  return router()
    .openapi(ratings, async (c) => {
      const q = c.req.valid('query');
      const at = now();
      const { months, bounds } = lastTwelveMonths(at, config.timeZone);
      const services = await ratedServices(db, q);
      const counts = await ratingCounts(
        db,
        services.map((s) => s.id),
        bounds,
      );
      const byService = new Map<number, RatingCount[]>();
      for (const r of counts) {
        const list = byService.get(r.serviceId) ?? [];
        list.push({ rating: r.rating, verdict: r.verdict, bucket: r.bucket, n: r.n });
        byService.set(r.serviceId, list);
      }
      const items: ServiceRatings[] = services.map((s) => ({
        service: { id: s.id, name: s.name },
        institution: { id: s.institution_id, acronym: s.acronym, name: s.institution_name },
        ...ratingSummary(byService.get(s.id) ?? [], months),
      }));
      c.header('Cache-Control', CACHE);
      return c.json({ items, generatedAt: at.toISOString() }, 200);
    })
    .openapi(comments, async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const service = await publishedServiceName(db, id);
      if (!service) throw notFound('Serviço não encontrado.');
      const rows = await publishedComments(db, id, q);
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      c.header('Cache-Control', CACHE);
      return c.json(
        {
          items: page.map((r) => ({
            id: r.id,
            service: { id: service.id, name: service.name },
            rating: r.rating,
            verdict: r.verdict,
            text: r.published_text ?? '',
            publishedAt: r.moderated_at ?? '',
          })),
          nextBefore: more ? page[page.length - 1].id : null,
        },
        200,
      );
    });
}
