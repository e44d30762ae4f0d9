// Requests: filing, the queue, the detail and every life-cycle transition.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { REQUEST_ACTIONS, type RequestAction, type RequestStatus, type RequiredDocument, type ServiceField } from '../../contract/types.js';
import { dueDate, localDate } from '../domain/deadlines.js';
import { checkDocuments, validateFormData } from '../domain/form-data.js';
import { type Actor, allowedActions, canBeAssignee, canSee, isStaff, isStaffOf, seesInternal } from '../domain/permissions.js';
import { type TransitionSpec, requestFacts, transitionIn } from '../transitions.js';
import type { AuthUser } from '../auth.js';
import { indexRequestTerms } from '../../db/queries/search.js';
import { type AppEnv, type AppDeps, requireUser } from '../env.js';
import { ProblemError, badRequest, forbidden, notFound } from '../errors.js';
import { type CheckedFile, checkFile, toMb } from '../files.js';
import {
  ApproveBody, ConcludeBody, RequestCountsQuery, CreateRequestBody, EvaluationBody, IdParam, RejectBody, RequestListQuery, StepAnswerBody, StepParam,
} from '../../contract/schemas.js';
import { parse } from '../validate.js';
import {
  type QueueFilters, type QueueScope, appendAudit, countByStatus, decodeCursor, getHistory, getRequestDetail, getRequestFacts, listRequests, nextProtocol,
  normalizeSearch,
} from '../../db/queries/requests.js';

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

export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw badRequest('Cabeçalho If-Match inválido: use a ETag recebida, como "3".');
  return Number(m[1]);
}

const etag = (version: number) => `"${version}"`;

export function requestRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const detail = async (c: Context<AppEnv>, actor: Actor, id: number, status: 200 | 201 = 200) => {
    const d = await getRequestDetail(db, id, now(), (f) => allowedActions(actor, requestFacts(f), REQUEST_ACTIONS));
    if (!d) throw notFound('Solicitação não encontrada.');
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

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = parse(CreateRequestBody, await readJson(c));
      const service = await db
        .selectFrom('services as s')
        .innerJoin('service_versions as v', 'v.id', 's.published_version_id')
        .select(['s.id', 's.institution_id', 'v.id as version_id', 'v.fields', 'v.documents', 'v.deadline_days', 'v.deadline_kind'])
        .where('s.id', '=', body.serviceId)
        .where('s.status', '=', 'published')
        .executeTakeFirst();
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
        const { id } = await trx
          .insertInto('requests')
          .values({
            protocol, institution_id: service.institution_id, service_id: service.id, service_version_id: service.version_id,
            citizen_id: user.id, citizen_name: user.name, search_text: normalizeSearch(`${protocol} ${user.name}`),
            form_data: JSON.stringify(clean), status: 'submitted', filed_at: at, due_at: due, version: 1, updated_at: at,
            assignee_id: null, paused_at: null, decided_at: null, justification: null, concluded_at: null, conclusion: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await indexRequestTerms(trx, [{ id, institution_id: service.institution_id, citizen_name: user.name }]);
        for (const f of files) {
          await trx
            .insertInto('files')
            .values({
              request_id: id, follow_up_id: null, label: f.label, file_name: f.fileName, content_type: f.contentType,
              size: f.size, sha256: f.sha256, content: f.content, uploaded_by: user.id, created_at: at,
            })
            .execute();
        }
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
      return c.json({ counts: await countByStatus(db, queueScope(user, q)) });
    })
    .get('/', async (c) => {
      const user = requireUser(c);
      const q = parse(RequestListQuery, c.req.query());
      const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
      if (cursor === null) throw badRequest('Cursor inválido: use o nextCursor da página anterior.', { cursor: 'Cursor inválido.' });
      const scope = queueScope(user, q);
      const filters: QueueFilters = {
        statuses: q.status ? (q.status.split(',') as RequestStatus[]) : undefined,
        serviceId: q.serviceId,
        assigneeId: q.assigneeId === 'me' ? user.id : q.assigneeId,
        month: q.month,
        q: q.q,
        sort: q.sort,
        cursor,
        limit: q.limit,
      };
      const at = now();
      const load = () => listRequests(db, scope, filters, at);
      if (!deps.queueCache) return c.json(await load());
      return c.body(await deps.queueCache.page(db, scope, filters, at, load), 200, { 'Content-Type': 'application/json' });
    })
    .get('/:id', async (c) => {
      const user = requireUser(c);
      const { id } = parse(IdParam, c.req.param());
      const f = await getRequestFacts(db, id);
      if (!f || !canSee(user, requestFacts(f))) throw notFound('Solicitação não encontrada.');
      if (c.req.header('If-None-Match') === etag(f.version)) {
        c.header('ETag', etag(f.version));
        return c.body(null, 304);
      }
      return detail(c, user, id);
    })
    .get('/:id/history', async (c) => {
      const user = requireUser(c);
      const { id } = parse(IdParam, c.req.param());
      const f = await getRequestFacts(db, id);
      if (!f || !canSee(user, requestFacts(f))) throw notFound('Solicitação não encontrada.');
      return c.json({ items: await getHistory(db, id, { internal: seesInternal(user, requestFacts(f)) }) });
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
          const step = await trx
            .selectFrom('service_steps')
            .select('id')
            .where('id', '=', stepId)
            .where('service_version_id', '=', f.service_version_id)
            .executeTakeFirst();
          if (!step) throw notFound('Etapa não encontrada nesta solicitação.');
        },
        after: async (trx, f, at) => {
          const row = { answer: body.answer, note: body.note?.trim() || null, answered_by: user.id, answered_at: at };
          await trx
            .insertInto('step_answers')
            .values({ request_id: f.id, step_id: stepId, ...row })
            .onConflict((oc) => oc.columns(['request_id', 'step_id']).doUpdateSet(row))
            .execute();
        },
      });
    })
    .post('/:id/approve', async (c) => {
      const body = parse(ApproveBody, await readJson(c));
      return transition(c, {
        action: 'approve',
        data: { assigneeId: body.assigneeId },
        validate: async (trx, f) => {
          const roles = await trx
            .selectFrom('memberships')
            .select('role')
            .where('user_id', '=', body.assigneeId)
            .where('institution_id', '=', f.institution_id)
            .where('revoked_at', 'is', null)
            .execute();
          if (!canBeAssignee(roles.map((r) => r.role))) {
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
        after: async (trx, f, at) => {
          await trx
            .insertInto('evaluations')
            .values({
              request_id: f.id, institution_id: f.institution_id, verdict: body.verdict, rating: body.rating ?? null,
              comment: body.comment?.trim() || null, status: 'pending', moderated_by: null, moderated_at: null,
              moderation_reason: null, created_at: at,
            })
            .execute();
        },
      });
    });
}

/** Whose requests a list shows: the staff's institutions, or the citizen's own. */
function queueScope(user: AuthUser, q: { as?: 'citizen' | 'staff'; institutionId?: number }): QueueScope {
  const asStaff = q.as === 'staff' || (q.as === undefined && isStaff(user));
  if (!asStaff) return { citizenId: user.id };
  if (!isStaff(user)) throw forbidden('Somente atendentes e gestores veem a fila da instituição.');
  if (q.institutionId !== undefined && !isStaffOf(user, q.institutionId)) throw forbidden('Você não atende esta instituição.');
  return { institutionIds: q.institutionId !== undefined ? [q.institutionId] : [...user.roles.keys()].filter((i) => isStaffOf(user, i)) };
}
