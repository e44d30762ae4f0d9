// Follow-ups (acompanhamentos): the thread of a request, read as one story
// with its life-cycle events, and the composer's multipart POST. A message
// and its files are stored in one transaction; a request for information
// pauses the deadline and the citizen's reply resumes it.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Transaction } from 'kysely';
import type { FollowUpKind as PostKind, ThreadEntry, ThreadEntryType, ThreadPage } from '../../contract/types.js';
import { canSee, decideFollowUp, isStaffOf, seesInternal } from '../domain/permissions.js';
import { type AppEnv, type AppDeps, requireUser } from '../env.js';
import { ProblemError, badRequest, notFound } from '../errors.js';
import { type CheckedFile, checkFile, safeFileName, toMb } from '../files.js';
import {
  FollowUpBody, FollowUpListQuery, IdParam,
} from '../../contract/schemas.js';
import { parse } from '../validate.js';
import { DECISION_ERRORS, requestFacts, transitionIn } from '../transitions.js';
import { appendAudit, getRequestFacts, toFileRef } from '../../db/queries/requests.js';
import type { Database, FollowUpKind } from '../../db/schema.js';

/** Audit actions that are follow-ups; the rest are life-cycle events. */
const FOLLOW_UP_ACTIONS: Record<string, ThreadEntryType> = {
  follow_up: 'message',
  internal_note: 'internal_note',
  ask_citizen: 'info_request',
  citizen_reply: 'reply',
};
export const STAFF_ONLY_ACTIONS = ['internal_note'];
const FOLLOW_UP_KINDS: PostKind[] = ['message', 'internal_note', 'info_request'];

export function followUpRoutes(deps: AppDeps) {
  const { db, now, config } = deps;
  return new Hono<AppEnv>()
    .get('/:id/follow-ups', async (c) => {
      const user = requireUser(c);
      const { id } = parse(IdParam, c.req.param());
      const q = parse(FollowUpListQuery, c.req.query());
      const f = await getRequestFacts(db, id);
      if (!f || !canSee(user, requestFacts(f))) throw notFound('Solicitação não encontrada.');
      const internal = seesInternal(user, requestFacts(f));
      let query = db
        .selectFrom('audit_log as l')
        .leftJoin('users as u', 'u.id', 'l.actor_id')
        .select(['l.id', 'l.action', 'l.from_status', 'l.to_status', 'l.actor_id', 'u.name', 'l.at', 'l.data'])
        .where('l.request_id', '=', id);
      if (!internal) query = query.where('l.action', 'not in', STAFF_ONLY_ACTIONS);
      if (q.before) query = query.where('l.id', '<', q.before);
      const rows = await query.orderBy('l.id', 'desc').limit(q.limit + 1).execute();
      const more = rows.length > q.limit;
      const page = (more ? rows.slice(0, q.limit) : rows).reverse();
      const followUpIds = page.flatMap((r) => (FOLLOW_UP_ACTIONS[r.action] && r.data ? [JSON.parse(r.data).followUpId as number] : []));
      const [bodies, files] = followUpIds.length
        ? await Promise.all([
            db.selectFrom('follow_ups').select(['id', 'body']).where('id', 'in', followUpIds).execute(),
            db
              .selectFrom('files')
              .select(['id', 'follow_up_id', 'label', 'file_name', 'content_type', 'size'])
              .where('follow_up_id', 'in', followUpIds)
              .orderBy('id')
              .execute(),
          ])
        : [[], []];
      const bodyOf = new Map(bodies.map((b) => [b.id, b.body]));
      const staffIds = new Set(
        (await db.selectFrom('memberships').select('user_id').where('institution_id', '=', f.institution_id).where('revoked_at', 'is', null).execute()).map(
          (m) => m.user_id,
        ),
      );
      const items: ThreadEntry[] = page.map((r) => {
        const followUpId = FOLLOW_UP_ACTIONS[r.action] && r.data ? (JSON.parse(r.data).followUpId as number) : null;
        return {
          id: r.id,
          type: followUpId ? FOLLOW_UP_ACTIONS[r.action] : 'event',
          at: r.at,
          author: { id: r.actor_id ?? 0, name: r.name ?? '', side: r.actor_id && staffIds.has(r.actor_id) ? 'staff' : 'citizen' },
          action: followUpId ? null : r.action,
          from: r.from_status as ThreadEntry['from'],
          to: r.to_status as ThreadEntry['to'],
          body: followUpId ? (bodyOf.get(followUpId) ?? null) : null,
          attachments: followUpId ? files.filter((x) => x.follow_up_id === followUpId).map(toFileRef) : [],
        };
      });
      return c.json({
        items,
        nextBefore: more ? page[0].id : null,
        status: f.status,
        awaitingCitizen: f.status === 'awaiting_citizen',
        viewer: {
          side: internal ? 'staff' : 'citizen',
          kinds: FOLLOW_UP_KINDS.filter((k) => decideFollowUp(user, requestFacts(f), k) === 'allow'),
        },
      } satisfies ThreadPage);
    })
    .post(
      '/:id/follow-ups',
      // Refuse an oversized message from its Content-Length, before reading it.
      bodyLimit({
        maxSize: config.maxMessageBytes + 256 * 1024,
        onError: () => {
          throw new ProblemError(413, `A mensagem passa do limite de ${toMb(config.maxMessageBytes)} MB com os anexos.`, undefined, 'too-large');
        },
      }),
      async (c) => {
        const user = requireUser(c);
        const { id } = parse(IdParam, c.req.param());
        if (!/^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '')) {
          throw new ProblemError(415, 'Envie o acompanhamento como multipart/form-data (campos body, kind e files).', undefined, 'unsupported-media-type');
        }
        let form: Record<string, string | File | (string | File)[]>;
        try {
          form = await c.req.parseBody({ all: true });
        } catch {
          throw badRequest('Formulário multipart inválido.');
        }
        const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
        const fields = parse(FollowUpBody, { body: single(form.body), kind: single(form.kind) });
        const uploads = ([] as unknown[]).concat(form.files ?? form['files[]'] ?? []).filter((v): v is File => v instanceof File);
        if (uploads.length > 10) throw badRequest('No máximo 10 anexos por mensagem.', { files: 'No máximo 10 anexos.' });
        let total = 0;
        const checked: CheckedFile[] = [];
        for (const file of uploads) {
          total += file.size;
          if (total > config.maxMessageBytes) {
            throw new ProblemError(413, `Os anexos passam do limite de ${toMb(config.maxMessageBytes)} MB somados.`, undefined, 'too-large');
          }
          if (file.size > config.maxFileBytes) {
            throw new ProblemError(413, `O arquivo "${safeFileName(file.name)}" passa do limite de ${toMb(config.maxFileBytes)} MB.`, undefined, 'too-large');
          }
          checked.push(await checkFile(file.name, new Uint8Array(await file.arrayBuffer()), config.maxFileBytes));
        }
        const f = await getRequestFacts(db, id);
        if (!f) throw notFound('Solicitação não encontrada.');
        const decision = decideFollowUp(user, requestFacts(f), fields.kind);
        if (decision !== 'allow') throw DECISION_ERRORS[decision]();
        const at = now().toISOString();
        const entryId = await deps.writes.run(async (trx) => {
          const current = await getRequestFacts(trx, id);
          if (!current) throw notFound('Solicitação não encontrada.');
          // The citizen's message while the request waits for them is their reply.
          const reply = fields.kind === 'message' && current.status === 'awaiting_citizen' && current.citizen_id === user.id;
          const kind: FollowUpKind = fields.kind === 'info_request' ? 'info_request' : reply ? 'reply' : fields.kind;
          const followUpId = await insertFollowUp(trx, { requestId: id, authorId: user.id, kind, body: fields.body.trim(), at, files: checked });
          if (kind === 'info_request') {
            await transitionIn(trx, { user, id, at }, {
              action: 'ask_citizen',
              data: { followUpId },
              set: (r) => ({ paused_at: at, resume_status: r.status }),
            });
          } else if (kind === 'reply') {
            await transitionIn(trx, { user, id, at }, {
              action: 'citizen_reply',
              data: { followUpId },
              // The deadline clock stood still while the request waited for the citizen.
              set: (r) => ({ paused_at: null, resume_status: null, due_at: shiftDue(r.due_at, r.paused_at, at) }),
            });
          } else {
            await appendAudit(trx, {
              requestId: id, institutionId: current.institution_id, actorId: user.id,
              action: kind === 'internal_note' ? 'internal_note' : 'follow_up', from: current.status, to: current.status,
              data: { followUpId }, at,
            });
          }
          const last = await trx.selectFrom('audit_log').select('id').where('request_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
          return last.id;
        });
        const side = isStaffOf(user, f.institution_id) ? 'staff' : 'citizen';
        return c.json({ id: entryId, side }, 201);
      },
    );
}

function shiftDue(dueAt: string, pausedAt: string | null, resumedAt: string): string {
  if (!pausedAt) return dueAt;
  const paused = Date.parse(resumedAt) - Date.parse(pausedAt);
  return new Date(Date.parse(dueAt) + Math.max(0, paused)).toISOString();
}

async function insertFollowUp(
  trx: Transaction<Database>,
  m: { requestId: number; authorId: number; kind: FollowUpKind; body: string; at: string; files: CheckedFile[] },
): Promise<number> {
  const { id } = await trx
    .insertInto('follow_ups')
    .values({ request_id: m.requestId, author_id: m.authorId, kind: m.kind, body: m.body, created_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const f of m.files) {
    await trx
      .insertInto('files')
      .values({
        request_id: m.requestId, follow_up_id: id, label: null, file_name: f.fileName, content_type: f.contentType, size: f.size,
        sha256: f.sha256, content: f.content, uploaded_by: m.authorId, created_at: m.at,
      })
      .execute();
  }
  return id;
}
