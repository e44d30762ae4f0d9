// Meetings (issue #12): the rows every meeting view reads (a request's
// meetings, the day agenda, one meeting), joined with its request, service,
// institution and people; the writes (book, move, cancel), the host's
// overlapping booking, and the room the reservation hook asks about.
// Indexes: migration meetings.
import { PostgresAdapter, type Updateable } from 'kysely';
import type { MeetingTable } from '../schema.js';
import type { Queryable } from './queryable.js';

/** Meetings with what their views show; narrow with .where() on `m.*`. */
export function meetingRows(db: Queryable) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('requests as r', 'r.id', 'm.request_id')
    .innerJoin('service_versions as sv', 'sv.id', 'r.service_version_id')
    .innerJoin('institutions as i', 'i.id', 'm.institution_id')
    .innerJoin('users as h', 'h.id', 'm.host_id')
    .leftJoin('users as x', 'x.id', 'm.cancelled_by')
    .select([
      'm.id',
      'm.request_id',
      'r.protocol',
      'r.citizen_id',
      'r.citizen_name',
      'sv.service_id',
      'sv.name as service_name',
      'm.institution_id',
      'i.acronym',
      'i.name as institution_name',
      'm.host_id',
      'h.name as host_name',
      'm.room',
      'm.starts_at',
      'm.ends_at',
      'm.duration_minutes',
      'm.subject',
      'm.status',
      'm.cancel_reason',
      'm.cancelled_at',
      'm.cancelled_by',
      'x.name as cancelled_by_name',
      'm.created_at',
      'm.updated_at',
      'm.version',
    ]);
}

export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingRows>['executeTakeFirstOrThrow']>>;

/** One meeting with its view's columns, or undefined. */
export function getMeeting(db: Queryable, id: number): Promise<MeetingRow | undefined> {
  return meetingRows(db).where('m.id', '=', id).executeTakeFirst();
}

/** A request's meetings, soonest first. */
export function meetingsOfRequest(db: Queryable, requestId: number): Promise<MeetingRow[]> {
  return meetingRows(db).where('m.request_id', '=', requestId).orderBy('m.starts_at').orderBy('m.id').execute();
}

/** The meeting whose Jitsi room is `room`, with where its request stands (the reservation hook). */
export function meetingByRoom(db: Queryable, room: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('requests as r', 'r.id', 'm.request_id')
    .select(['m.id', 'm.room', 'm.status', 'm.starts_at', 'm.ends_at', 'r.status as request_status', 'r.resume_status'])
    .where('m.room', '=', room)
    .executeTakeFirst();
}

/**
 * Serializes the bookings of one host until the transaction ends: on
 * PostgreSQL the host's users row is locked (FOR UPDATE) so two overlapping
 * bookings check one after the other; SQLite runs one write at a time already.
 */
export async function lockHost(trx: Queryable, hostId: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await trx.selectFrom('users').select('id').where('id', '=', hostId).forUpdate().execute();
}

/** The host's first scheduled meeting sharing an instant with the slot (other than `exceptId`), with its protocol. */
export function overlappingMeeting(trx: Queryable, hostId: number, slot: { startsAt: string; endsAt: string }, exceptId?: number) {
  let q = trx
    .selectFrom('meetings as m')
    .innerJoin('requests as r', 'r.id', 'm.request_id')
    .select(['m.id', 'm.starts_at', 'm.ends_at', 'r.protocol'])
    .where('m.host_id', '=', hostId)
    .where('m.status', '=', 'scheduled')
    .where('m.starts_at', '<', slot.endsAt)
    .where('m.ends_at', '>', slot.startsAt);
  if (exceptId !== undefined) q = q.where('m.id', '!=', exceptId);
  return q.orderBy('m.starts_at').limit(1).executeTakeFirst();
}

export async function insertMeeting(
  trx: Queryable,
  m: { requestId: number; institutionId: number; hostId: number; room: string; startsAt: string; endsAt: string; minutes: number; subject: string; at: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('meetings')
    .values({
      request_id: m.requestId,
      institution_id: m.institutionId,
      host_id: m.hostId,
      room: m.room,
      starts_at: m.startsAt,
      ends_at: m.endsAt,
      duration_minutes: m.minutes,
      subject: m.subject,
      status: 'scheduled',
      cancel_reason: null,
      cancelled_by: null,
      cancelled_at: null,
      created_by: m.hostId,
      created_at: m.at,
      updated_at: m.at,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes `set` on the meeting if it is still at `version`, bumping it; false when it changed since. */
export async function updateMeetingAtVersion(trx: Queryable, id: number, version: number, set: Updateable<MeetingTable>): Promise<boolean> {
  const r = await trx
    .updateTable('meetings')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
