// The day agenda (issue #12): a day's meetings of some institutions (or of
// one host), one meeting, and the share links of a day list. Instants are ISO
// UTC text compared as text. Indexes: migration meetings
// (meetings_institution_start, agenda_shares_creator).
import { type MeetingRow, meetingRows } from './meetings.js';
import type { Queryable } from './queryable.js';

/** The meetings of `institutionIds` (of `hostId` only, when given) starting within [from, to], by start; cancelled ones included. */
export function agendaRows(db: Queryable, q: { institutionIds: readonly number[]; hostId?: number; from: string; to: string }): Promise<MeetingRow[]> {
  if (!q.institutionIds.length) return Promise.resolve([]);
  let s = meetingRows(db)
    .where('m.institution_id', 'in', [...q.institutionIds])
    .where('m.starts_at', '>=', q.from)
    .where('m.starts_at', '<=', q.to);
  if (q.hostId !== undefined) s = s.where('m.host_id', '=', q.hostId);
  return s.orderBy('m.starts_at').orderBy('m.id').execute();
}

export async function insertShare(
  db: Queryable,
  s: { institutionId: number; date: string; createdBy: number; at: string; expiresAt: string },
): Promise<number> {
  const row = await db
    .insertInto('agenda_shares')
    .values({
      institution_id: s.institutionId,
      date: s.date,
      created_by: s.createdBy,
      created_at: s.at,
      expires_at: s.expiresAt,
      revoked_by: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function shareRows(db: Queryable) {
  return db
    .selectFrom('agenda_shares as s')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .innerJoin('users as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.institution_id',
      'i.acronym',
      'i.name as institution_name',
      's.date',
      's.created_by',
      'u.name as created_by_name',
      's.created_at',
      's.expires_at',
      's.revoked_at',
    ]);
}

export type ShareRow = Awaited<ReturnType<ReturnType<typeof shareRows>['executeTakeFirstOrThrow']>>;

export function getShare(db: Queryable, id: number): Promise<ShareRow | undefined> {
  return shareRows(db).where('s.id', '=', id).executeTakeFirst();
}

/** The links `userId` made (of `date`, when given), newest first. */
export function listShares(db: Queryable, userId: number, date?: string): Promise<ShareRow[]> {
  let q = shareRows(db).where('s.created_by', '=', userId);
  if (date !== undefined) q = q.where('s.date', '=', date);
  return q.orderBy('s.id', 'desc').limit(200).execute();
}

/** Revokes a link not yet revoked; false when it already was. */
export async function revokeShare(db: Queryable, id: number, by: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('agenda_shares')
    .set({ revoked_by: by, revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
