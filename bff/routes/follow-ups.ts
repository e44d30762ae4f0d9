// Follow-ups (acompanhamentos): the thread of a request, read as one story
// with its life-cycle events, and the composer's multipart POST. A message
// and its files are stored in one transaction; a request for information
// pauses the deadline and the citizen's reply resumes it.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { RequestStatus, ThreadEntry, ThreadEntryType, ThreadPage } from '../../contract/types.js';
import { FollowUpBody, FollowUpListQuery, IdParam } from '../../contract/schemas.js';
import { FollowUpCreated, ThreadPage as ThreadPageSchema } from '../../contract/responses.js';
import { UPLOAD_TYPE_NAMES } from '../../contract/uploads.js';
import { shiftDue } from '../domain/deadlines.js';
import { canSee, decideFollowUp, hiddenActions, postableKinds, seesInternal, sideOf, stepView, storedKind, whoText } from '../domain/permissions.js';
import { dataForViewer, requestFacts, toFileRef } from '../dto.js';
import { type AppDeps, requireUser } from '../env.js';
import { bearer, json, problemsOf, router } from '../openapi.js';
import { ProblemError, badRequest, notFound } from '../errors.js';
import { toMb } from '../files.js';
import { blobWeightOf, prepareStaged, stageMultipart } from '../uploads.js';
import { DECISION_ERRORS, transitionIn } from '../transitions.js';
import { recordAccess } from '../access.js';
import { parse } from '../validate.js';
import { followUpContents, insertFollowUp, threadRows } from '../../db/queries/follow-ups.js';
import { appendAudit, getRequestFacts } from '../../db/queries/requests.js';

/** Audit actions that are follow-ups, and the thread entry each one is; the rest are life-cycle events. */
const FOLLOW_UP_ACTIONS: Record<string, ThreadEntryType> = {
  follow_up: 'message',
  internal_note: 'internal_note',
  ask_citizen: 'info_request',
  citizen_reply: 'reply',
};

const thread = createRoute({
  method: 'get',
  path: '/{id}/follow-ups',
  summary: 'The thread: follow-ups and life-cycle events, newest page first',
  security: bearer,
  description: 'Who: the request’s citizen (without internal notes, even when staff), the institution’s staff.',
  request: { params: IdParam, query: FollowUpListQuery },
  responses: { 200: json(ThreadPageSchema, 'A page of the thread, oldest first within it'), ...problemsOf(400, 401, 404) },
});

// The multipart body is read by the handler (sizes and types checked file by
// file); it is documented here from the same schema, not validated twice.
const multipartSchema = z.toJSONSchema(FollowUpBody, { io: 'input' }) as { properties: Record<string, unknown> };
multipartSchema.properties.files = {
  type: 'array',
  items: { type: 'string', format: 'binary' },
  description: `${UPLOAD_TYPE_NAMES}; at most 10`,
};

const post = createRoute({
  method: 'post',
  path: '/{id}/follow-ups',
  summary: 'Criar Acompanhamento: a message with attachments',
  security: bearer,
  description: `Who: the request’s citizen and the institution’s staff (on a request they filed, staff are its citizen). internal_note and info_request: ${whoText('ask_citizen')}.`,
  request: { params: IdParam, body: { required: true, content: { 'multipart/form-data': { schema: multipartSchema as never } } } },
  responses: { 201: json(FollowUpCreated, 'The new entry of the thread'), ...problemsOf(400, 401, 403, 404, 409, 413, 415, 429) },
});

export function followUpRoutes(deps: AppDeps) {
  const { db, now, config } = deps;
  const blobWeight = blobWeightOf(db);
  return router()
    .openapi(thread, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const f = await getRequestFacts(db, id);
      if (!f || !canSee(user, requestFacts(f))) throw notFound('Solicitação não encontrada.');
      const facts = requestFacts(f);
      const [, rows] = await Promise.all([
        recordAccess(deps, user, { institutionId: f.institution_id, requestId: id }, 'thread'),
        threadRows(db, id, { hiddenActions: hiddenActions(user, facts), before: q.before, limit: q.limit + 1 }),
      ]);
      const more = rows.length > q.limit;
      const page = (more ? rows.slice(0, q.limit) : rows).reverse();
      const followUpOf = (r: (typeof page)[number]) => (FOLLOW_UP_ACTIONS[r.action] && r.data ? (JSON.parse(r.data).followUpId as number) : null);
      const { bodies, files } = await followUpContents(
        db,
        page.flatMap((r) => followUpOf(r) ?? []),
      );
      const bodyOf = new Map(bodies.map((b) => [b.id, b.body]));
      const view = stepView(user, facts);
      const items: ThreadEntry[] = page.map((r) => {
        const followUpId = followUpOf(r);
        return {
          id: r.id,
          type: followUpId ? FOLLOW_UP_ACTIONS[r.action] : 'event',
          at: r.at,
          // The side stored when it was written: a revoked attendant's past messages stay staff's. No actor
          // (an access that ended by the clock or by the administrator's command line): the institution's side.
          author: { id: r.actor_id ?? 0, name: r.name ?? '', side: r.actor_side ?? (r.actor_id === null ? 'staff' : 'citizen') },
          action: followUpId ? null : r.action,
          from: r.from_status as RequestStatus | null,
          to: r.to_status as RequestStatus | null,
          body: followUpId ? (bodyOf.get(followUpId) ?? null) : null,
          attachments: followUpId ? files.filter((x) => x.follow_up_id === followUpId).map(toFileRef) : [],
          data: followUpId || !r.data ? null : dataForViewer(r.action, JSON.parse(r.data) as Record<string, unknown>, view),
        };
      });
      const threadPage: ThreadPage = {
        items,
        nextBefore: more ? page[0].id : null,
        status: facts.status,
        awaitingCitizen: facts.status === 'awaiting_citizen',
        viewer: { side: seesInternal(user, facts) ? 'staff' : 'citizen', kinds: postableKinds(user, facts) },
      };
      return c.json(threadPage, 200);
    })
    .openapi(post, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      if (!/^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '')) {
        throw new ProblemError(415, 'Envie o acompanhamento como multipart/form-data (campos body, kind e files).', undefined, 'unsupported-media-type');
      }
      // Nothing is read from someone who may not see the request.
      const seen = await getRequestFacts(db, id);
      if (!seen || !canSee(user, requestFacts(seen))) throw notFound('Solicitação não encontrada.');
      const staged = await stageMultipart(c.req.raw, {
        maxFileBytes: config.maxFileBytes,
        maxMessageBytes: config.maxMessageBytes,
        maxFiles: 10,
        tooManyFiles: () => badRequest('No máximo 10 anexos por mensagem.', { files: 'No máximo 10 anexos.' }),
        messageTooLarge: () => new ProblemError(413, `Os anexos passam do limite de ${toMb(config.maxMessageBytes)} MB somados.`, undefined, 'too-large'),
      });
      let releaseMemory = () => {};
      try {
        const single = (name: string) => staged.fields[name]?.[0];
        const fields = parse(FollowUpBody, { body: single('body'), kind: single('kind') });
        if (staged.files.some((f) => f.field !== 'files' && f.field !== 'files[]')) {
          throw badRequest('Envie os anexos no campo "files".', { files: 'Anexos vão no campo "files".' });
        }
        const f = await getRequestFacts(db, id);
        if (!f) throw notFound('Solicitação não encontrada.');
        const decision = decideFollowUp(user, requestFacts(f), fields.kind);
        if (decision !== 'allow') throw DECISION_ERRORS[decision]();
        const at = now().toISOString();
        const { files, release } = await prepareStaged(staged.files, deps.fileStore, deps.uploadBudget, blobWeight, 6 * deps.config.uploads.waitMs);
        releaseMemory = release;
        const { entryId, side } = await deps.writes.run(async (trx) => {
          const current = await getRequestFacts(trx, id);
          if (!current) throw notFound('Solicitação não encontrada.');
          const kind = storedKind(user, requestFacts(current), fields.kind);
          const side = sideOf(user, requestFacts(current));
          const followUpId = await insertFollowUp(trx, { requestId: id, authorId: user.id, side, kind, body: fields.body.trim(), at, files });
          if (kind === 'info_request') {
            const done = await transitionIn(
              trx,
              { user, id, at },
              {
                action: 'ask_citizen',
                data: { followUpId },
                set: (r) => ({ paused_at: at, resume_status: r.status }),
              },
            );
            return { entryId: done.auditId, side };
          }
          if (kind === 'reply') {
            const done = await transitionIn(
              trx,
              { user, id, at },
              {
                action: 'citizen_reply',
                data: { followUpId },
                set: (r) => ({ paused_at: null, resume_status: null, due_at: shiftDue(r.due_at, r.paused_at, at) }),
              },
            );
            return { entryId: done.auditId, side };
          }
          const entryId = await appendAudit(trx, {
            requestId: id,
            institutionId: current.institution_id,
            actorId: user.id,
            side,
            action: kind === 'internal_note' ? 'internal_note' : 'follow_up',
            from: current.status,
            to: current.status,
            data: { followUpId },
            at,
          });
          return { entryId, side };
        });
        return c.json({ id: entryId, side }, 201);
      } finally {
        releaseMemory();
        await staged.close();
      }
    });
}
