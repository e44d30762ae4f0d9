// Follow-ups (acompanhamentos): the thread read back from the audit trail,
// their bodies and attachments, and a new message with its files.
import type { Queryable } from './queryable.js';
import { type StoredFile, insertFiles } from './requests.js';

/** A page of a request's audit entries, newest first, leaving out `hiddenActions`. */
export async function threadRows(db: Queryable, requestId: number, p: { hiddenActions: readonly string[]; before?: number; limit: number }) {
  let q = db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select(['l.id', 'l.action', 'l.from_status', 'l.to_status', 'l.actor_id', 'l.actor_side', 'u.name', 'l.at', 'l.data'])
    .where('l.request_id', '=', requestId);
  if (p.hiddenActions.length) q = q.where('l.action', 'not in', p.hiddenActions);
  if (p.before) q = q.where('l.id', '<', p.before);
  return q.orderBy('l.id', 'desc').limit(p.limit).execute();
}

/** The bodies and attachments of these follow-ups. */
export async function followUpContents(db: Queryable, ids: number[]) {
  if (!ids.length) return { bodies: [], files: [] };
  const [bodies, files] = await Promise.all([
    db.selectFrom('follow_ups').select(['id', 'body']).where('id', 'in', ids).execute(),
    db
      .selectFrom('files')
      .select(['id', 'follow_up_id', 'label', 'file_name', 'content_type', 'size'])
      .where('follow_up_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ]);
  return { bodies, files };
}

/** Stores a follow-up and its files; answers its id. */
export async function insertFollowUp(
  trx: Queryable,
  m: { requestId: number; authorId: number; side: 'staff' | 'citizen'; kind: string; body: string; at: string; files: StoredFile[] },
): Promise<number> {
  const { id } = await trx
    .insertInto('follow_ups')
    .values({ request_id: m.requestId, author_id: m.authorId, author_side: m.side, kind: m.kind, body: m.body, created_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertFiles(trx, { requestId: m.requestId, followUpId: id, uploadedBy: m.authorId, at: m.at, files: m.files });
  return id;
}
