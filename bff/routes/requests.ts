// Requests: filing, the queue, the detail and every life-cycle transition.
import { createRoute } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { REQUEST_ACTIONS, type RequestPage as RequestPageType } from '../../contract/types.js';
import { HistoryEntry, Items, RequestCounts, RequestDetail, RequestPage } from '../../contract/responses.js';
import type { RequiredDocument, ServiceField } from '../../contract/types.js';
import {
  ApproveBody,
  ConcludeBody,
  CreateRequestBody,
  EvaluationBody,
  IdParam,
  IdempotencyKey,
  ReassignBody,
  RejectBody,
  ReopenBody,
  RequestCountsQuery,
  RequestListQuery,
  StepAnswerBody,
  StepParam,
} from '../../contract/schemas.js';
import { localDate } from '../../contract/time.js';
import { dueDate, shiftDue, validUntil } from '../domain/deadlines.js';
import { formatLocalDay, reopenRefusal } from '../domain/evaluations.js';
import { checkDocumentFormats, checkDocuments, sameFiling } from '../domain/form-data.js';
import { validateFormData } from '../../contract/form-fields.js';
import { type StepCheck, describeStep, stepsToConfirm, unconfirmedSteps } from '../domain/steps.js';
import { type Actor, allowedActions, assigneeRefusal, canSee, hiddenActions, queueScope, sideOf, stepView, whoMay } from '../domain/permissions.js';
import { asRole, historyForViewer, requestFacts, toHistoryEntry, toRequestDetail, toRequestPage } from '../dto.js';
import { type AppEnv, type AppDeps, requireUser } from '../env.js';
import { ProblemError, badRequest, conflict, forbidden, notFound } from '../errors.js';
import { type CheckedFile, checkFile, toMb } from '../files.js';
import { type TransitionSpec, transitionIn } from '../transitions.js';
import { recordAccess } from '../access.js';
import { bearer, json, jsonBody, problemsOf, router } from '../openapi.js';
import { jsonOnly, parse, parseIfMatch, readJson } from '../validate.js';
import { blobWeightOf, prepareStaged, stageMultipart, storeChecked } from '../uploads.js';
import type { AuthUser } from '../auth.js';
import { UPLOAD_TYPE_NAMES } from '../../contract/uploads.js';
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  type QueueFilters,
  type RequestFactsRow,
  appendAudit,
  countByStatus,
  decodeCursor,
  findByIdempotencyKey,
  getHistoryRows,
  getRequestDetailRows,
  getEvaluation,
  getRequestFacts,
  insertEvaluation,
  type StoredFile,
  insertRequest,
  isIdempotencyConflict,
  listRequests,
  nextProtocol,
  saveStepAnswer,
  stepAnswersOf,
  stepOfVersion,
} from '../../db/queries/requests.js';
import { normalizeSearch } from '../../db/queries/search.js';
import { getServiceForFiling, versionFields } from '../../db/queries/services.js';
import { getUser, rolesIn } from '../../db/queries/users.js';

const etag = (version: number) => `"${version}"`;

/** The queue scope of the actor, or the 403 that says why there is none. */
function scopeOf(actor: Actor, q: { as?: 'citizen' | 'staff'; institutionId?: number }) {
  const result = queueScope(actor, q);
  if ('scope' in result) return result.scope;
  throw forbidden(result.refused === 'not_staff' ? 'Somente atendentes e gestores veem a fila da instituição.' : 'Você não atende esta instituição.');
}

const detailOk = json(RequestDetail, 'The request (ETag: its version)');
const transitionProblems = problemsOf(400, 401, 403, 404, 409, 412);
const ifMatch = 'Send If-Match with the ETag of the detail you saw: 412 when it changed since.';

// A filing comes as JSON (documents in base64: what the elements send) or as
// multipart/form-data streamed to disk: a `request` field holding the JSON
// {serviceId, formData}, and one file part per document, its field named with
// the document's label. Neither is validated by the route chain (which would
// read the body before the handler decides how): the handler parses with the
// same schemas, documented here from them.
const FilingFields = CreateRequestBody.pick({ serviceId: true, formData: true });
const filingJsonSchema = z.toJSONSchema(CreateRequestBody, { io: 'input' });
const filingMultipartSchema = {
  type: 'object',
  required: ['request'],
  properties: {
    request: {
      type: 'string',
      contentMediaType: 'application/json',
      description: 'JSON: {"serviceId": 1, "formData": {...}} (as in the JSON filing, without documents)',
      contentSchema: z.toJSONSchema(FilingFields, { io: 'input' }),
    },
  },
  additionalProperties: {
    type: 'string',
    format: 'binary',
    description: `A document: the part's field name is the document's label (the service's documents[].name), its filename the file's name. ${UPLOAD_TYPE_NAMES}, and only the formats the document accepts; at most 20.`,
  },
};

// Header names as the route chain validates them (lower case).
const FilingHeaders = z.object({
  'idempotency-key': IdempotencyKey.optional().describe(
    'Idempotency-Key: any 8–200 visible ASCII characters (a UUID), new for each filing. The same key from the same citizen answers the request ' +
      'filed first (201 with `Idempotent-Replayed: true`), never a second one, also when both arrive at once; with another service or other form data: 422.',
  ),
});

const file = createRoute({
  method: 'post',
  path: '/',
  summary: 'File a request',
  security: bearer,
  description:
    'Who: any signed-in user, as a citizen. formData is validated against the service’s form fields; documents by their bytes, against the formats each document accepts. ' +
    'JSON (documents in base64; admitted within a shared memory budget: 503 with Retry-After when the server is busy with uploads) or multipart/form-data (streamed: a `request` JSON field, one file part per document named with its label). ' +
    'Send an Idempotency-Key header so a double click or a retry after a timeout files once.',
  request: {
    headers: FilingHeaders,
    body: {
      required: true,
      content: { 'application/json': { schema: filingJsonSchema as never }, 'multipart/form-data': { schema: filingMultipartSchema as never } },
    },
  },
  responses: {
    201: {
      ...json(RequestDetail, 'The filed request, with its protocol (or the one filed first with this Idempotency-Key)'),
      headers: {
        'Idempotent-Replayed': { description: '"true" when the answer is the request filed before with the same Idempotency-Key', schema: { type: 'string' } },
      },
    },
    ...problemsOf(400, 401, 413, 415, 422, 429, 503),
  },
});
const counts = createRoute({
  method: 'get',
  path: '/counts',
  summary: 'Requests per status (the queue tabs)',
  security: bearer,
  description: 'Who: a citizen (own requests), an attendant or manager (the institution’s).',
  request: { query: RequestCountsQuery },
  responses: { 200: json(RequestCounts, 'Counts by status'), ...problemsOf(400, 401, 403) },
});
const queue = createRoute({
  method: 'get',
  path: '/',
  summary: 'The queue (keyset pagination)',
  security: bearer,
  description: 'Who: a citizen (own requests), an attendant or manager (the institution’s queue).',
  request: { query: RequestListQuery },
  responses: { 200: json(RequestPage, 'A page; pass nextCursor as cursor for the next'), ...problemsOf(400, 401, 403) },
});
const detail = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Request detail with ETag',
  security: bearer,
  description:
    'Who: the request’s citizen, the institution’s staff (others: 404). If-None-Match answers 304: the elements refresh an open request with it. `analyst`: who is analysing it.',
  request: { params: IdParam },
  responses: { 200: detailOk, 304: { description: 'Not modified' }, ...problemsOf(400, 401, 404) },
});
const history = createRoute({
  method: 'get',
  path: '/{id}/history',
  summary: 'Audit trail',
  security: bearer,
  description: 'Who: the request’s citizen (without internal notes, even when staff), the institution’s staff.',
  request: { params: IdParam },
  responses: { 200: json(Items(HistoryEntry), 'Every entry, oldest first'), ...problemsOf(400, 401, 404) },
});
const startAnalysis = createRoute({
  method: 'post',
  path: '/{id}/analysis',
  summary: 'Start analysis (+ Iniciar Análise)',
  security: bearer,
  description: `${whoMay('start_analysis')} ${ifMatch}`,
  request: { params: IdParam },
  responses: { 200: detailOk, ...transitionProblems },
});
const answerStep = createRoute({
  method: 'put',
  path: '/{id}/steps/{stepId}',
  summary: 'Answer a step yes/no',
  security: bearer,
  description: `${whoMay('answer_step')} ${ifMatch}`,
  middleware: [jsonOnly] as const,
  request: { params: StepParam, body: jsonBody(StepAnswerBody) },
  responses: { 200: detailOk, ...transitionProblems, ...problemsOf(415) },
});
const approve = createRoute({
  method: 'post',
  path: '/{id}/approve',
  summary: 'Approve naming the assignee (Sim, Aprovar!)',
  security: bearer,
  description: `${whoMay('approve')} Every step answered "Não" or not answered must be named in confirmSteps (400 naming them otherwise); the audit entry records them. ${ifMatch}`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(ApproveBody) },
  responses: { 200: detailOk, ...transitionProblems, ...problemsOf(415) },
});
const reject = createRoute({
  method: 'post',
  path: '/{id}/reject',
  summary: 'Reject with a justification (Reprovar)',
  security: bearer,
  description: `${whoMay('reject')} ${ifMatch}`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(RejectBody) },
  responses: { 200: detailOk, ...transitionProblems, ...problemsOf(415) },
});
const conclude = createRoute({
  method: 'post',
  path: '/{id}/conclude',
  summary: 'Conclude (Concluir › Finalizar)',
  security: bearer,
  description: `${whoMay('conclude')} ${ifMatch}`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(ConcludeBody) },
  responses: { 200: detailOk, ...transitionProblems, ...problemsOf(415) },
});
const reassign = createRoute({
  method: 'post',
  path: '/{id}/reassign',
  summary: 'Name another assignee (Reatribuir)',
  security: bearer,
  description: `${whoMay('reassign')} Only while the request is in attendance: in service, or awaiting the citizen from service (409 otherwise, as from analysis); a request "sem atendente" (its assignee lost access) gets one again. Naming the current assignee: 400. The history records who attended before. ${ifMatch}`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(ReassignBody) },
  responses: { 200: detailOk, ...transitionProblems, ...problemsOf(415) },
});
const evaluate = createRoute({
  method: 'post',
  path: '/{id}/evaluation',
  summary: "The citizen's verdict on the attendance",
  security: bearer,
  description: `${whoMay('evaluate')} Once concluded. ${ifMatch}`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(EvaluationBody) },
  responses: { 200: detailOk, ...transitionProblems, ...problemsOf(415) },
});

const reopen = createRoute({
  method: 'post',
  path: '/{id}/reopen',
  summary: 'Reopen a request whose attendance the citizen did not approve',
  security: bearer,
  description: `${whoMay('reopen')} Back to in service with the same assignee; its deadline moves by the time it stood concluded; the history records the reason. 409 after the window (the message names its last day) or when the evaluation approved the attendance. ${ifMatch}`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(ReopenBody) },
  responses: { 200: detailOk, ...transitionProblems, ...problemsOf(415) },
});

export function requestRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const blobWeight = blobWeightOf(db);
  const answerDetail = async <S extends 200 | 201>(c: Context<AppEnv>, actor: Actor, id: number, status: S) => {
    const rows = await getRequestDetailRows(db, id);
    if (!rows) throw notFound('Solicitação não encontrada.');
    const facts = requestFacts(rows.request);
    const at = now();
    const current = rows.request.e_id ? { verdict: rows.request.e_verdict!, createdAt: rows.request.e_created_at! } : null;
    // Reopening also needs the window open (decide() knows the status, not the evaluation).
    const actions = allowedActions(actor, facts, REQUEST_ACTIONS).filter(
      (a) => a !== 'reopen' || !reopenRefusal(current, at, deps.config.reopenDays, deps.config.timeZone),
    );
    const d = toRequestDetail(
      rows,
      at,
      actions,
      {
        side: sideOf(actor, facts),
        stepView: stepView(actor, facts),
      },
      deps.config,
    );
    c.header('ETag', etag(d.version));
    if (status === 201) c.header('Location', `/api/requests/${id}`);
    return c.json(d, status);
  };

  /** Runs one guarded transition in its own transaction and answers the new detail. */
  const transition = async (c: Context<AppEnv>, id: number, spec: TransitionSpec) => {
    const user = requireUser(c);
    const ifMatch = parseIfMatch(c.req.header('If-Match'));
    await deps.writes.run((trx) => transitionIn(trx, { user, id, ifMatch, at: now().toISOString() }, spec));
    return answerDetail(c, user, id, 200);
  };

  /**
   * 400 unless `assigneeId` may be named this request's assignee: approve's
   * and reassign's one check (bff/domain/permissions.ts assigneeRefusal,
   * with the roles in force now).
   */
  const checkAssignee = async (trx: Transaction<Database>, assigneeId: number, f: RequestFactsRow) => {
    const roles = await rolesIn(trx, assigneeId, f.institution_id, now());
    const refusal = assigneeRefusal({ id: assigneeId, roles: roles.map(asRole) }, requestFacts(f));
    if (refusal === 'not_staff') {
      throw badRequest('Quem vai atender precisa ser atendente desta instituição.', {
        assigneeId: 'Escolha um atendente desta instituição.',
      });
    }
    if (refusal === 'filed_it') {
      throw badRequest('Quem fez a solicitação não pode atendê-la.', {
        assigneeId: 'Escolha um atendente que não seja o autor da solicitação.',
      });
    }
  };

  /** The request, when the user may see it; 404 otherwise (existence does not leak). */
  const visibleFacts = async (actor: Actor, id: number) => {
    const f = await getRequestFacts(db, id);
    if (!f || !canSee(actor, requestFacts(f))) throw notFound('Solicitação não encontrada.');
    return f;
  };

  type FilingService = NonNullable<Awaited<ReturnType<typeof getServiceForFiling>>> & { clean: Record<string, unknown>; required: RequiredDocument[] };

  /** The published service and the cleaned form data, or the 400 with every field error (documents by label). */
  const filingService = async (body: { serviceId: number; formData: Record<string, unknown>; documents: { label: string }[] }): Promise<FilingService> => {
    const service = await getServiceForFiling(db, body.serviceId);
    if (!service) throw badRequest('Serviço não encontrado ou não publicado.', { serviceId: 'Escolha um serviço publicado.' });
    const fields = JSON.parse(service.fields) as ServiceField[];
    const required = JSON.parse(service.documents) as RequiredDocument[];
    const { errors, clean } = validateFormData(fields, body.formData);
    Object.assign(
      errors,
      checkDocuments(
        required,
        body.documents.map((d) => d.label),
      ),
    );
    if (Object.keys(errors).length) throw badRequest('Alguns campos precisam de correção.', errors);
    return { ...service, clean, required };
  };

  /** 415 naming the accepted formats when a document's type is not among its service document's. */
  const checkFormats = (service: FilingService, files: { label: string; contentType: string }[]) => {
    const refused = checkDocumentFormats(service.required, files);
    if (refused) throw new ProblemError(415, refused.detail, refused.errors, 'unsupported-type');
  };

  type Prior = NonNullable<Awaited<ReturnType<typeof findByIdempotencyKey>>>;

  /** The request filed first with this key, answered again (201, Idempotent-Replayed); 422 when this filing is another one. */
  const replay = async (c: Context<AppEnv>, user: AuthUser, prior: Prior, again: { serviceId: number; formData: Record<string, unknown> }) => {
    const fields = JSON.parse((await versionFields(db, prior.service_version_id)) ?? '[]') as ServiceField[];
    if (!sameFiling({ serviceId: prior.service_id, fields, cleanFormData: JSON.parse(prior.form_data) }, again)) {
      throw new ProblemError(
        422,
        'Esta Idempotency-Key já foi usada para outra solicitação (outro serviço ou outros dados). Use uma chave nova para cada solicitação.',
        { 'Idempotency-Key': 'Chave já usada para outra solicitação.' },
        'idempotency-key-reused',
      );
    }
    c.header('Idempotent-Replayed', 'true');
    return answerDetail(c, user, prior.id, 201);
  };

  /**
   * Files the request and answers it; with a key, a concurrent filing with
   * the same key that committed first (the unique index refused this one)
   * is answered instead, as a replay.
   */
  const fileOnce = async (
    c: Context<AppEnv>,
    user: AuthUser,
    service: FilingService,
    files: (StoredFile & { label: string })[],
    key: string | undefined,
    again: { serviceId: number; formData: Record<string, unknown> },
  ) => {
    let id: number;
    try {
      id = await fileRequest(user, service, files, key);
    } catch (err) {
      const prior = key !== undefined && isIdempotencyConflict(err) ? await findByIdempotencyKey(db, user.id, key) : undefined;
      if (!prior) throw err;
      return replay(c, user, prior, again);
    }
    return answerDetail(c, user, id, 201);
  };

  /** Stores the request, its documents and its first audit entry; answers its id. */
  const fileRequest = async (user: AuthUser, service: FilingService, files: (StoredFile & { label: string })[], key: string | undefined) => {
    const filed = now();
    const at = filed.toISOString();
    const due = dueDate(filed, { days: service.deadline_days, kind: service.deadline_kind }, deps.config.holidays, deps.config.timeZone).toISOString();
    return deps.writes.run(async (trx) => {
      const protocol = await nextProtocol(trx, Number(localDate(filed, deps.config.timeZone).slice(0, 4)));
      const id = await insertRequest(
        trx,
        {
          protocol,
          institution_id: service.institution_id,
          service_id: service.id,
          service_version_id: service.version_id,
          citizen_id: user.id,
          citizen_name: user.name,
          search_text: normalizeSearch(`${protocol} ${user.name}`),
          form_data: JSON.stringify(service.clean),
          status: 'submitted',
          filed_at: at,
          due_at: due,
          version: 1,
          updated_at: at,
          assignee_id: null,
          paused_at: null,
          decided_at: null,
          justification: null,
          concluded_at: null,
          conclusion: null,
          idempotency_key: key ?? null,
        },
        files,
      );
      await appendAudit(trx, {
        requestId: id,
        institutionId: service.institution_id,
        actorId: user.id,
        side: sideOf(user, requestFacts({ institution_id: service.institution_id, citizen_id: user.id, assignee_id: null, status: 'submitted' })),
        action: 'file',
        from: null,
        to: 'submitted',
        data: { protocol },
        at,
      });
      return id;
    });
  };

  /**
   * A multipart filing: documents streamed to disk, checked, then stored
   * within the memory budget. A key already used: its files are read past,
   * never staged, and the request filed first is answered.
   */
  const fileMultipart = async (c: Context<AppEnv>, user: AuthUser, key: string | undefined) => {
    const prior = key !== undefined ? await findByIdempotencyKey(db, user.id, key) : undefined;
    const limits = {
      maxFileBytes: deps.config.maxFileBytes,
      maxMessageBytes: deps.config.maxMessageBytes,
      maxFiles: 20,
      tooManyFiles: () => badRequest('No máximo 20 documentos.', { documents: 'No máximo 20 documentos.' }),
      messageTooLarge: () =>
        new ProblemError(413, `Os documentos passam do limite de ${toMb(deps.config.maxMessageBytes)} MB somados.`, undefined, 'too-large'),
    };
    const staged = await stageMultipart(c.req.raw, limits, { discardFiles: prior !== undefined });
    try {
      const raw = staged.fields.request?.[0];
      if (raw === undefined) throw badRequest('Envie o campo "request" com o JSON {serviceId, formData}.', { request: 'Campo obrigatório.' });
      let fields: unknown;
      try {
        fields = JSON.parse(raw);
      } catch {
        throw badRequest('O campo "request" não é um JSON válido.', { request: 'JSON inválido.' });
      }
      const body = { ...parse(FilingFields, fields), documents: staged.files.map((f) => ({ label: f.field })) };
      if (prior) return await replay(c, user, prior, body);
      const service = await filingService(body);
      checkFormats(
        service,
        staged.files.map((f) => ({ label: f.field, contentType: f.contentType })),
      );
      const { files, release } = await prepareStaged(staged.files, deps.fileStore, deps.uploadBudget, blobWeight, 6 * deps.config.uploads.waitMs);
      try {
        return await fileOnce(
          c,
          user,
          service,
          files.map((f) => ({ ...f, label: f.field })),
          key,
          body,
        );
      } finally {
        release();
      }
    } finally {
      await staged.close();
    }
  };

  return router()
    .openapi(file, async (c) => {
      const user = requireUser(c);
      const key = c.req.valid('header')['idempotency-key'];
      const contentType = c.req.header('Content-Type') ?? '';
      if (/^multipart\/form-data\b/i.test(contentType)) return fileMultipart(c, user, key);
      if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
        throw new ProblemError(415, 'Envie a solicitação como application/json ou multipart/form-data.', undefined, 'unsupported-media-type');
      }
      // The body, its parse and the decoded documents are in memory together: about three times its length.
      const length = Number(c.req.header('Content-Length') ?? deps.config.uploads.jsonBodyBytes);
      const release = await deps.uploadBudget.acquire(3 * (Number.isFinite(length) ? length : deps.config.uploads.jsonBodyBytes));
      try {
        const body = parse(CreateRequestBody, await readJson(c, { cache: false }));
        // A key used before: the request filed first, before any document is decoded.
        const prior = key !== undefined ? await findByIdempotencyKey(db, user.id, key) : undefined;
        if (prior) return await replay(c, user, prior, body);
        const service = await filingService(body);
        let total = 0;
        const files: (CheckedFile & { label: string })[] = [];
        for (const d of body.documents) {
          const bytes = Buffer.from(d.contentBase64, 'base64');
          d.contentBase64 = ''; // its text is not needed any more: let it go before the next one is decoded
          total += bytes.byteLength;
          if (total > deps.config.maxMessageBytes) {
            throw new ProblemError(413, `Os documentos passam do limite de ${toMb(deps.config.maxMessageBytes)} MB somados.`, undefined, 'too-large');
          }
          files.push({ label: d.label, ...(await checkFile(d.fileName, bytes, deps.config.maxFileBytes)) });
        }
        checkFormats(service, files);
        return await fileOnce(c, user, service, await storeChecked(files, deps.fileStore), key, body);
      } finally {
        release();
      }
    })
    .openapi(counts, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      return c.json({ counts: await countByStatus(db, scopeOf(user, q)) }, 200);
    })
    .openapi(queue, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
      if (cursor === null) throw badRequest('Cursor inválido: use o nextCursor da página anterior.', { cursor: 'Cursor inválido.' });
      const scope = scopeOf(user, q);
      const filters: QueueFilters = {
        statuses: q.status ? q.status.split(',') : undefined,
        serviceId: q.serviceId,
        assigneeId: q.assigneeId === 'me' ? user.id : q.assigneeId,
        mineOf: q.mine === 'true' ? user.id : undefined,
        month: q.month,
        q: q.q,
        sort: q.sort,
        cursor,
        limit: q.limit,
      };
      const at = now();
      const load = async () => toRequestPage(await listRequests(db, scope, filters), at);
      if (!deps.queueCache) return c.json(await load(), 200);
      const json = await deps.queueCache.page(db, scope, filters, at, async () => {
        const page = await load();
        return { page, validUntil: validUntil(page.items) };
      });
      // The cached text is the JSON of a RequestPage that load() made: typed as that page.
      return c.body(json, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<RequestPageType, 200, 'json'>;
    })
    .openapi(detail, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const f = await visibleFacts(user, id);
      // Recorded before the answer leaves (a 304 too: the client shows the copy it holds).
      const recorded = recordAccess(deps, user, { institutionId: f.institution_id, requestId: id }, 'detail');
      if (c.req.header('If-None-Match') === etag(f.version)) {
        await recorded;
        c.header('ETag', etag(f.version));
        return c.body(null, 304);
      }
      const [, answer] = await Promise.all([recorded, answerDetail(c, user, id, 200)]);
      return answer;
    })
    .openapi(history, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const f = await visibleFacts(user, id);
      const [, rows] = await Promise.all([
        recordAccess(deps, user, { institutionId: f.institution_id, requestId: id }, 'history'),
        getHistoryRows(db, id, hiddenActions(user, requestFacts(f))),
      ]);
      const view = stepView(user, requestFacts(f));
      return c.json({ items: rows.map((r) => historyForViewer(toHistoryEntry(r), view)) }, 200);
    })
    .openapi(startAnalysis, (c) => transition(c, c.req.valid('param').id, { action: 'start_analysis' }))
    .openapi(answerStep, async (c) => {
      const { id, stepId } = c.req.valid('param');
      const body = c.req.valid('json');
      const user = requireUser(c);
      // The audit entry names the step (its title when answered), so the history reads without the service.
      const data = { stepId, title: '', answer: body.answer, note: body.note ?? null };
      return transition(c, id, {
        action: 'answer_step',
        data,
        validate: async (trx, f) => {
          const step = await stepOfVersion(trx, stepId, f.service_version_id);
          if (!step) throw notFound('Etapa não encontrada nesta solicitação.');
          data.title = step.title;
        },
        after: (trx, f, at) => saveStepAnswer(trx, { requestId: f.id, stepId, answer: body.answer, note: body.note?.trim() || null, answeredBy: user.id, at }),
      });
    })
    .openapi(approve, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      // The steps approved despite "Não" or no answer, filled in by validate: the history records them.
      const data: { assigneeId: number; confirmedSteps: StepCheck[] } = { assigneeId: body.assigneeId, confirmedSteps: [] };
      return transition(c, id, {
        action: 'approve',
        data,
        validate: async (trx, f) => {
          await checkAssignee(trx, body.assigneeId, f);
          const steps = await stepAnswersOf(trx, f.id, f.service_version_id);
          const missing = unconfirmedSteps(steps, body.confirmSteps);
          if (missing.length) {
            const named = missing.map(describeStep).join(', ');
            throw badRequest(`Confirme que aprova mesmo com ${missing.length === 1 ? 'a etapa' : 'as etapas'} ${named}: envie seus ids em confirmSteps.`, {
              confirmSteps: `Confirme a aprovação apesar de ${missing.length === 1 ? 'a etapa' : 'as etapas'} ${named}.`,
            });
          }
          data.confirmedSteps = stepsToConfirm(steps).map((s) => ({ id: s.id, title: s.title, answer: s.answer }));
        },
        set: (_f, at) => ({ assignee_id: body.assigneeId, decided_at: at }),
      });
    })
    .openapi(reject, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const justification = body.justification.trim();
      return transition(c, id, { action: 'reject', data: { justification }, set: (_f, at) => ({ justification, decided_at: at }) });
    })
    .openapi(conclude, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const text = body.text.trim();
      return transition(c, id, { action: 'conclude', set: (_f, at) => ({ conclusion: text, concluded_at: at }) });
    })
    .openapi(reassign, async (c) => {
      const { id } = c.req.valid('param');
      const { assigneeId } = c.req.valid('json');
      // The names as they were, so the history reads without looking people up.
      const data: { assigneeId: number; assigneeName: string | null; previousAssigneeId: number | null; previousAssigneeName: string | null } = {
        assigneeId,
        assigneeName: null,
        previousAssigneeId: null,
        previousAssigneeName: null,
      };
      return transition(c, id, {
        action: 'reassign',
        data,
        validate: async (trx, f) => {
          if (f.assignee_id === assigneeId) {
            throw badRequest('Esta pessoa já atende a solicitação.', { assigneeId: 'Escolha outra pessoa: esta já atende a solicitação.' });
          }
          await checkAssignee(trx, assigneeId, f);
          data.assigneeName = (await getUser(trx, assigneeId))?.name ?? null;
          data.previousAssigneeId = f.assignee_id;
          data.previousAssigneeName = f.assignee_id === null ? null : ((await getUser(trx, f.assignee_id))?.name ?? null);
        },
        set: () => ({ assignee_id: assigneeId }),
      });
    })
    .openapi(evaluate, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return transition(c, id, {
        action: 'evaluate',
        data: { verdict: body.verdict, rating: body.rating },
        after: async (trx, f, at) => {
          await insertEvaluation(trx, {
            requestId: f.id,
            institutionId: f.institution_id,
            verdict: body.verdict,
            rating: body.rating,
            comment: body.comment?.trim() || null,
            at,
          });
        },
      });
    })
    .openapi(reopen, async (c) => {
      const { id } = c.req.valid('param');
      const reason = c.req.valid('json').reason.trim();
      const at = now();
      return transition(c, id, {
        action: 'reopen',
        data: { reason },
        validate: async (trx, f) => {
          const e = f.evaluation_id === null ? undefined : await getEvaluation(trx, f.evaluation_id);
          const refusal = reopenRefusal(e ? { verdict: e.verdict, createdAt: e.created_at } : null, at, deps.config.reopenDays, deps.config.timeZone);
          if (refusal?.why === 'approved') throw conflict('Você aprovou este atendimento: não há o que reabrir.');
          if (refusal?.why === 'expired') {
            throw conflict(`O prazo para reabrir esta solicitação terminou em ${formatLocalDay(refusal.until, deps.config.timeZone)}.`);
          }
          if (refusal) throw conflict('Esta solicitação não tem avaliação para reabrir.');
        },
        // Back to the same assignee; the deadline clock runs again from where it stopped at the conclusion.
        set: (f, when) => ({ evaluation_id: null, due_at: shiftDue(f.due_at, f.concluded_at, when) }),
      });
    });
}
