// Meetings (issue #12): the rows every meeting view reads (a request's
// meetings, the day agenda, one meeting), joined with its request, service,
// institution and people. Indexes: migration meetings.
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
