// The record of access to personal data (LGPD art. 37), for the
// institution's manager: who opened which request or downloaded which file,
// when. Read-only: the table refuses edits (migration access-log).
import { createRoute } from '@hono/zod-openapi';
import { AccessLogQuery, IdParam } from '../../contract/schemas.js';
import { AccessLogPage } from '../../contract/responses.js';
import { decideAccessLog } from '../domain/permissions.js';
import { type AppDeps, requireUser } from '../env.js';
import { forbidden, notFound } from '../errors.js';
import { bearer, json, problemsOf, router } from '../openapi.js';
import { listAccess } from '../../db/queries/access-log.js';

const accessLog = createRoute({
  method: 'get',
  path: '/{id}/access-log',
  summary: 'Record of access to personal data (LGPD art. 37), newest first',
  security: bearer,
  description:
    'Who: the institution’s managers (its attendants: 403; others: 404). Every opening of a request’s detail, history or thread and every ' +
    'download of its files is recorded before it is answered; filter by request, person and time (from inclusive, to exclusive).',
  request: { params: IdParam, query: AccessLogQuery },
  responses: { 200: json(AccessLogPage, 'A page of accesses; pass nextBefore as before for older ones'), ...problemsOf(400, 401, 403, 404) },
});

export function accessLogRoutes({ db }: AppDeps) {
  return router().openapi(accessLog, async (c) => {
    const user = requireUser(c);
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const decision = decideAccessLog(user, id);
    if (decision === 'not_found') throw notFound('Instituição não encontrada.');
    if (decision !== 'allow') throw forbidden('Somente gestores da instituição consultam o registro de acessos.');
    const iso = (s: string | undefined) => (s === undefined ? undefined : new Date(s).toISOString());
    const rows = await listAccess(db, id, { ...q, from: iso(q.from), to: iso(q.to) });
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    return c.json(
      {
        items: page.map((r) => ({
          id: r.id,
          at: r.at,
          action: r.action,
          user: { id: r.user_id, name: r.user_name },
          request: { id: r.request_id, protocol: r.protocol },
          fileId: r.file_id,
        })),
        nextBefore: more ? page[page.length - 1].id : null,
      },
      200,
    );
  });
}
