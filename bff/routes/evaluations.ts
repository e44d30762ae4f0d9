// Avaliações (issue #13): the moderation queue of the institution's staff,
// and their decisions, one or several at once (all or nothing), each audited
// on the evaluation's request.
import { createRoute } from '@hono/zod-openapi';
import { EVALUATION_MODERATED, type ModerationDecision, type ModerationReason } from '../../contract/evaluations.js';
import { ApproveEvaluationBody, EvaluationListQuery, IdParam, ModerateEvaluationsBody, RejectEvaluationBody } from '../../contract/schemas.js';
import { ModerationItem, ModerationPage, ModerationResult } from '../../contract/responses.js';
import { MODERATION_WHO, decisionOutcome, mayModerate, moderatedInstitutions, moderationAudit } from '../domain/evaluations.js';
import { findPersonalData, maskSpans } from '../domain/personal-data.js';
import { toModerationItem } from '../dto.js';
import { type AppDeps, requireUser } from '../env.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { bearer, json, jsonBody, problemsOf, router } from '../openapi.js';
import { jsonOnly } from '../validate.js';
import type { AuthUser } from '../auth.js';
import { getModerationRows, listModeration, saveModeration } from '../../db/queries/evaluations.js';
import { type AuditEntry, appendAudits } from '../../db/queries/requests.js';

const WHO = MODERATION_WHO;

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'The moderation queue (Avaliações): comments of one status, newest first',
  security: bearer,
  description:
    `${WHO} Only evaluations with a comment (a rating alone has nothing to publish); of every institution the caller attends, or of institutionId (404 ` +
    'for one they do not). Each comment comes with the personal data found in it (spans, the citizen’s name as stored included) and the masked preview.',
  request: { query: EvaluationListQuery },
  responses: { 200: json(ModerationPage, 'A page; pass nextBefore as before for older ones'), ...problemsOf(400, 401, 403, 404) },
});

const approve = createRoute({
  method: 'post',
  path: '/{id}/approve',
  summary: 'Publish a comment (Aprovar; with mask: Aprovar ocultando dados)',
  security: bearer,
  description: `${WHO} A decision may be changed; each one is in the request's history (its data staff-only; the citizen reads the outcome).`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(ApproveEvaluationBody) },
  responses: { 200: json(ModerationItem, 'The evaluation as decided'), ...problemsOf(400, 401, 403, 404, 409, 415) },
});

const reject = createRoute({
  method: 'post',
  path: '/{id}/reject',
  summary: 'Do not publish a comment (Reprovar), with a reason',
  security: bearer,
  description: `${WHO} Reason "other" needs a text. A decision may be changed; each one is audited.`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(RejectEvaluationBody) },
  responses: { 200: json(ModerationItem, 'The evaluation as decided'), ...problemsOf(400, 401, 403, 404, 409, 415) },
});

const moderate = createRoute({
  method: 'post',
  path: '/moderate',
  summary: 'One decision for several comments at once',
  security: bearer,
  description: `${WHO} All or nothing: an id unknown or not the caller's answers 404 naming it, one without a comment 409, and then nothing changes.`,
  middleware: [jsonOnly] as const,
  request: { body: jsonBody(ModerateEvaluationsBody) },
  responses: { 200: json(ModerationResult, 'The evaluations as decided, in the order asked'), ...problemsOf(400, 401, 403, 404, 409, 415) },
});

interface Decision {
  decision: ModerationDecision;
  reason?: ModerationReason;
  text?: string;
}

export function evaluationRoutes(deps: AppDeps) {
  const { db, now } = deps;

  const staffOnly = (user: AuthUser) => {
    const institutions = moderatedInstitutions(user);
    if (!institutions.length) throw forbidden('Somente atendentes e gestores moderam avaliações.');
    return institutions;
  };

  /** Decides every one of `ids` in one transaction, or none: the first refusal answers. */
  const decide = async (user: AuthUser, ids: readonly number[], d: Decision) => {
    staffOnly(user);
    const unique = [...new Set(ids)];
    await deps.writes.run(async (trx) => {
      const rows = new Map((await getModerationRows(trx, unique)).map((r) => [r.id, r]));
      for (const id of unique) {
        const r = rows.get(id);
        if (!r || !mayModerate(user, r.institution_id) || r.citizen_id === user.id) throw notFound(`Avaliação ${id} não encontrada.`);
        if (r.comment === null) throw conflict(`A avaliação ${id} não tem comentário: não há o que publicar.`);
      }
      const at = now().toISOString();
      const audits: AuditEntry[] = [];
      for (const id of unique) {
        const r = rows.get(id)!;
        const outcome = decisionOutcome(r.comment!, d, (c) => maskSpans(c, findPersonalData(c, { citizenName: r.citizen_name })));
        // One update per evaluation: each publishes its own (masked) text.
        await saveModeration(trx, id, { ...outcome, status: outcome.status as 'approved' | 'rejected', by: user.id, at });
        audits.push({
          requestId: r.request_id,
          institutionId: r.institution_id,
          actorId: user.id,
          side: 'staff',
          action: EVALUATION_MODERATED,
          from: r.request_status,
          to: r.request_status,
          data: { evaluationId: id, ...moderationAudit(d, r.status) },
          at,
        });
      }
      await appendAudits(trx, audits);
    });
    const after = new Map((await getModerationRows(db, unique)).map((r) => [r.id, r]));
    return ids.map((id) => toModerationItem(after.get(id)!));
  };

  return router()
    .openapi(list, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const mine = staffOnly(user);
      if (q.institutionId !== undefined && !mayModerate(user, q.institutionId)) throw notFound('Instituição não encontrada.');
      const rows = await listModeration(db, {
        institutionIds: q.institutionId !== undefined ? [q.institutionId] : mine,
        status: q.status,
        before: q.before,
        limit: q.limit,
        // Nobody moderates the comment on a request they filed.
        notOf: user.id,
      });
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return c.json({ items: page.map(toModerationItem), nextBefore: more ? page[page.length - 1].id : null }, 200);
    })
    .openapi(approve, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const { mask } = c.req.valid('json');
      const [item] = await decide(user, [id], { decision: mask ? 'approve_masked' : 'approve' });
      return c.json(item, 200);
    })
    .openapi(reject, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const [item] = await decide(user, [id], { decision: 'reject', reason: body.reason, text: body.text });
      return c.json(item, 200);
    })
    .openapi(moderate, async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      const items = await decide(user, body.ids, { decision: body.decision, reason: body.reason, text: body.text });
      return c.json({ items }, 200);
    });
}
