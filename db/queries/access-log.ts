// The record of access to personal data (LGPD art. 37): one row per opened
// detail, history or thread and per downloaded file; read by the
// institution's manager, newest first (keyset on id).
import type { AccessLogTable } from '../schema.js';
import type { Queryable } from './queryable.js';

export interface AccessRow {
  at: string;
  userId: number;
  institutionId: number;
  requestId: number;
  fileId: number | null;
  action: AccessLogTable['action'];
}

/** Appends these records in one statement. */
export async function insertAccesses(trx: Queryable, rows: readonly AccessRow[]): Promise<void> {
  await trx
    .insertInto('access_log')
    .values(rows.map((a) => ({ at: a.at, user_id: a.userId, institution_id: a.institutionId, request_id: a.requestId, file_id: a.fileId, action: a.action })))
    .execute();
}

export interface AccessFilters {
  requestId?: number;
  userId?: number;
  /** Inclusive, an ISO instant. */
  from?: string;
  /** Exclusive, an ISO instant. */
  to?: string;
  /** Entries older than this id. */
  before?: number;
  limit: number;
}

/** A page of an institution's access records, newest first; `limit` + 1 rows tell whether there are more. */
export async function listAccess(db: Queryable, institutionId: number, f: AccessFilters) {
  let q = db
    .selectFrom('access_log as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .innerJoin('requests as r', 'r.id', 'l.request_id')
    .select(['l.id', 'l.at', 'l.action', 'l.user_id', 'u.name as user_name', 'l.request_id', 'r.protocol', 'l.file_id'])
    .where('l.institution_id', '=', institutionId);
  if (f.requestId !== undefined) q = q.where('l.request_id', '=', f.requestId);
  if (f.userId !== undefined) q = q.where('l.user_id', '=', f.userId);
  if (f.from !== undefined) q = q.where('l.at', '>=', f.from);
  if (f.to !== undefined) q = q.where('l.at', '<', f.to);
  if (f.before !== undefined) q = q.where('l.id', '<', f.before);
  return q
    .orderBy('l.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
