// Requests: filing, the queue, the detail and every life-cycle transition.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { REQUEST_ACTIONS } from '../../contract/types.js';
import type { RequiredDocument, ServiceField } from '../../contract/types.js';
import {
  ApproveBody, ConcludeBody, CreateRequestBody, EvaluationBody, IdParam, RejectBody, RequestCountsQuery, RequestListQuery, StepAnswerBody, StepParam,
} from '../../contract/schemas.js';
import { dueDate, localDate, validUntil } from '../domain/deadlines.js';
import { checkDocuments, validateFormData } from '../domain/form-data.js';
import { type Actor, allowedActions, canBeAssignee, canSee, hiddenActions, queueScope } from '../domain/permissions.js';
import { asRole, requestFacts, toHistoryEntry, toRequestDetail, toRequestPage } from '../dto.js';
import { type AppEnv, type AppDeps, requireUser } from '../env.js';
import { ProblemError, badRequest, forbidden, notFound } from '../errors.js';
import { type CheckedFile, checkFile, toMb } from '../files.js';
import { type TransitionSpec, transitionIn } from '../transitions.js';
import { parse } from '../validate.js';
import {
  type QueueFilters, appendAudit, countByStatus, decodeCursor, getHistoryRows, getRequestDetailRows, getRequestFacts, insertEvaluation,
  insertRequest, listRequests, nextProtocol, saveStepAnswer, stepOfVersion,
} from '../../db/queries/requests.js';
import { normalizeSearch } from '../../db/queries/search.js';
import { getServiceForFiling } from '../../db/queries/services.js';
import { rolesIn } from '../../db/queries/users.js';

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ProblemError(415, 'Envie o corpo como application/json.', undefined, 'unsupported-media-type');
  }
  try {
    return await c.req.json();
  } catch {
    throw badRequest('O corpo não é um JSON válido.');
  }
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw badRequest('Cabeçalho If-Match inválido: use a ETag recebida, como "3".');
  return Number(m[1]);
}

const etag = (version: number) => `"${version}"`;

/** The queue scope of the actor, or the 403 that says why there is none. */
function scopeOf(actor: Actor, q: { as?: 'citizen' | 'staff'; institutionId?: number }) {
  const result = queueScope(actor, q);
  if ('scope' in result) return result.scope;
  throw forbidden(
    result.refused === 'not_staff' ? 'Somente atendentes e gestores veem a fila da instituição.' : 'Você não atende esta instituição.',
  );
}

export function requestRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const detail = async (c: Context<AppEnv>, actor: Actor, id: number, status: 200 | 201 = 200) => {
    const rows = await getRequestDetailRows(db, id);
    if (!rows) throw notFound('Solicitação não encontrada.');
    const d = toRequestDetail(rows, now(), allowedActions(actor, requestFacts(rows.request), REQUEST_ACTIONS));
    c.header('ETag', etag(d.version));
    if (status === 201) c.header('Location', `/api/requests/${id}`);
    return c.json(d, status);
  };

  /** Runs one guarded transition in its own transaction and answers the new detail. */
  const transition = async (c: Context<AppEnv>, spec: TransitionSpec) => {
    const user = requireUser(c);
    const { id } = parse(IdParam, c.req.param());
    const ifMatch = parseIfMatch(c.req.header('If-Match'));
    await deps.writes.run((trx) => transitionIn(trx, { user, id, ifMatch, at: now().toISOString() }, spec));
    return detail(c, user, id);
  };

  /** The request, when the user may see it; 404 otherwise (existence does not leak). */
  const visibleFacts = async (actor: Actor, id: number) => {
    const f = await getRequestFacts(db, id);
    if (!f || !canSee(actor, requestFacts(f))) throw notFound('Solicitação não encontrada.');
    return f;
  };

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = parse(CreateRequestBody, await readJson(c));
      const service = await getServiceForFiling(db, body.serviceId);
      if (!service) throw badRequest('Serviço não encontrado ou não publicado.', { serviceId: 'Escolha um serviço publicado.' });
      const fields = JSON.parse(service.fields) as ServiceField[];
      const required = JSON.parse(service.documents) as RequiredDocument[];
      const { errors, clean } = validateFormData(fields, body.formData);
      Object.assign(errors, checkDocuments(required, body.documents.map((d) => d.label)));
      if (Object.keys(errors).length) throw badRequest('Alguns campos precisam de correção.', errors);
      let total = 0;
      const files: (CheckedFile & { label: string })[] = [];
      for (const d of body.documents) {
        const bytes = Buffer.from(d.contentBase64, 'base64');
        total += bytes.byteLength;
        if (total > deps.config.maxMessageBytes) {
          throw new ProblemError(413, `Os documentos passam do limite de ${toMb(deps.config.maxMessageBytes)} MB somados.`, undefined, 'too-large');
        }
        files.push({ label: d.label, ...(await checkFile(d.fileName, bytes, deps.config.maxFileBytes)) });
      }
      const filed = now();
      const at = filed.toISOString();
      const due = dueDate(filed, { days: service.deadline_days, kind: service.deadline_kind }, deps.config.holidays).toISOString();
      const id = await deps.writes.run(async (trx) => {
        const protocol = await nextProtocol(trx, Number(localDate(filed).slice(0, 4)));
        const id = await insertRequest(
          trx,
          {
            protocol, institution_id: service.institution_id, service_id: service.id, service_version_id: service.version_id,
            citizen_id: user.id, citizen_name: user.name, search_text: normalizeSearch(`${protocol} ${user.name}`),
            form_data: JSON.stringify(clean), status: 'submitted', filed_at: at, due_at: due, version: 1, updated_at: at,
            assignee_id: null, paused_at: null, decided_at: null, justification: null, concluded_at: null, conclusion: null,
          },
          files,
        );
        await appendAudit(trx, {
          requestId: id, institutionId: service.institution_id, actorId: user.id, action: 'file', from: null, to: 'submitted',
          data: { protocol }, at,
        });
        return id;
      });
      return detail(c, user, id, 201);
    })
    .get('/counts', async (c) => {
      const user = requireUser(c);
      const q = parse(RequestCountsQuery, c.req.query());
      return c.json({ counts: await countByStatus(db, scopeOf(user, q)) });
    })
    .get('/', async (c) => {
      const user = requireUser(c);
      const q = parse(RequestListQuery, c.req.query());
      const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
      if (cursor === null) throw badRequest('Cursor inválido: use o nextCursor da página anterior.', { cursor: 'Cursor inválido.' });
      const scope = scopeOf(user, q);
      const filters: QueueFilters = {
        statuses: q.status ? q.status.split(',') : undefined,
        serviceId: q.serviceId,
        assigneeId: q.assigneeId === 'me' ? user.id : q.assigneeId,
        month: q.month,
        q: q.q,
        sort: q.sort,
        cursor,
        limit: q.limit,
      };
      const at = now();
      const load = async () => toRequestPage(await listRequests(db, scope, filters), at);
      if (!deps.queueCache) return c.json(await load());
      const json = await deps.queueCache.page(db, scope, filters, at, async () => {
        const page = await load();
        return { page, validUntil: validUntil(page.items) };
      });
      return c.body(json, 200, { 'Content-Type': 'application/json' });
    })
    .get('/:id', async (c) => {
      const user = requireUser(c);
      const { id } = parse(IdParam, c.req.param());
      const f = await visibleFacts(user, id);
      if (c.req.header('If-None-Match') === etag(f.version)) {
        c.header('ETag', etag(f.version));
        return c.body(null, 304);
      }
      return detail(c, user, id);
    })
    .get('/:id/history', async (c) => {
      const user = requireUser(c);
      const { id } = parse(IdParam, c.req.param());
      const f = await visibleFacts(user, id);
      const rows = await getHistoryRows(db, id, hiddenActions(user, requestFacts(f)));
      return c.json({ items: rows.map(toHistoryEntry) });
    })
    .post('/:id/analysis', (c) => transition(c, { action: 'start_analysis' }))
    .put('/:id/steps/:stepId', async (c) => {
      const { stepId } = parse(StepParam, c.req.param());
      const body = parse(StepAnswerBody, await readJson(c));
      const user = requireUser(c);
      return transition(c, {
        action: 'answer_step',
        data: { stepId, answer: body.answer, note: body.note ?? null },
        validate: async (trx, f) => {
          if (!(await stepOfVersion(trx, stepId, f.service_version_id))) throw notFound('Etapa não encontrada nesta solicitação.');
        },
        after: (trx, f, at) =>
          saveStepAnswer(trx, { requestId: f.id, stepId, answer: body.answer, note: body.note?.trim() || null, answeredBy: user.id, at }),
      });
    })
    .post('/:id/approve', async (c) => {
      const body = parse(ApproveBody, await readJson(c));
      return transition(c, {
        action: 'approve',
        data: { assigneeId: body.assigneeId },
        validate: async (trx, f) => {
          const roles = await rolesIn(trx, body.assigneeId, f.institution_id);
          if (!canBeAssignee(roles.map(asRole))) {
            throw badRequest('Quem vai atender precisa ser atendente desta instituição.', {
              assigneeId: 'Escolha um atendente desta instituição.',
            });
          }
        },
        set: (_f, at) => ({ assignee_id: body.assigneeId, decided_at: at }),
      });
    })
    .post('/:id/reject', async (c) => {
      const body = parse(RejectBody, await readJson(c));
      const justification = body.justification.trim();
      return transition(c, { action: 'reject', data: { justification }, set: (_f, at) => ({ justification, decided_at: at }) });
    })
    .post('/:id/conclude', async (c) => {
      const body = parse(ConcludeBody, await readJson(c));
      const text = body.text.trim();
      return transition(c, { action: 'conclude', set: (_f, at) => ({ conclusion: text, concluded_at: at }) });
    })
    .post('/:id/evaluation', async (c) => {
      const body = parse(EvaluationBody, await readJson(c));
      return transition(c, {
        action: 'evaluate',
        data: { verdict: body.verdict, rating: body.rating ?? null },
        after: (trx, f, at) =>
          insertEvaluation(trx, {
            requestId: f.id, institutionId: f.institution_id, verdict: body.verdict, rating: body.rating ?? null,
            comment: body.comment?.trim() || null, at,
          }),
      });
    });
}
