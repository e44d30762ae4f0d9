// Videoconferência (issue #12): a request's meetings, booked, moved and
// cancelled by its institution's staff (each audited on the request, so it
// shows in the history and in both sides' thread), and "Acessar": the Jitsi
// room and its token, inside the meeting's window. The rules are
// bff/domain/meetings.ts's, the SQL db/queries/meetings.ts's, the tokens
// bff/jitsi.ts's.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import { MEETING_MAX_MINUTES, MEETING_MIN_MINUTES, type MeetingEvent, type MeetingStatus } from '../../contract/meetings.js';
import { CancelMeetingBody, CreateMeetingBody, IdParam, RescheduleMeetingBody } from '../../contract/schemas.js';
import { Items, Meeting, MeetingJoin } from '../../contract/responses.js';
import {
  MEETING_WHO,
  type MeetingAction,
  changeRefusal,
  changeRefusalText,
  decideMeeting,
  joinOpensAt,
  joinRefusal,
  joinRefusalText,
  joinsAsModerator,
  meetingSlot,
  notInAttendanceText,
  overlapText,
  slotRefusal,
} from '../domain/meetings.js';
import type { AuthUser } from '../auth.js';
import type { RequestFacts } from '../domain/permissions.js';
import { requestFacts, toMeeting } from '../dto.js';
import { type AppDeps, type AppEnv, requireUser } from '../env.js';
import { ProblemError, badRequest, conflict, forbidden, notFound, preconditionFailed } from '../errors.js';
import { newRoomName, roomPath, roomToken } from '../jitsi.js';
import { bearer, json, jsonBody, problemsOf, router } from '../openapi.js';
import { jsonOnly, parseIfMatch } from '../validate.js';
import type { Database } from '../../db/schema.js';
import type { Queryable } from '../../db/queries/queryable.js';
import { type RequestFactsRow, appendAudit, getRequestFacts } from '../../db/queries/requests.js';
import {
  type MeetingRow,
  getMeeting,
  insertMeeting,
  lockHost,
  meetingsOfRequest,
  overlappingMeeting,
  updateMeetingAtVersion,
} from '../../db/queries/meetings.js';

const slotRules =
  `A start in the past: 400 (startsAt); ${MEETING_MIN_MINUTES}–${MEETING_MAX_MINUTES} minutes; a blank subject: 400. ` +
  'The request must be in attendance (in service, or awaiting the citizen from service): 409 naming its status. ' +
  'The host already booked at an overlapping time: 409 naming the other protocol and its time in the state’s time zone.';

const list = createRoute({
  method: 'get',
  path: '/requests/{id}/meetings',
  summary: 'A request’s meetings, soonest first',
  security: bearer,
  description: `${MEETING_WHO.party} Cancelled ones too, with the reason.`,
  request: { params: IdParam },
  responses: { 200: json(Items(Meeting), 'The meetings, soonest first'), ...problemsOf(400, 401, 404) },
});

const book = createRoute({
  method: 'post',
  path: '/requests/{id}/meetings',
  summary: 'Book a video meeting (Videoconferência) on a request',
  security: bearer,
  description: `${MEETING_WHO.staff} The caller hosts it. ${slotRules} The room name is random (not derived from the protocol). Audited: meeting_scheduled.`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(CreateMeetingBody) },
  responses: {
    201: { ...json(Meeting, 'The meeting (Location, ETag)'), headers: { Location: { schema: { type: 'string' } }, ETag: { schema: { type: 'string' } } } },
    ...problemsOf(400, 401, 403, 404, 409, 415),
  },
});

const reschedule = createRoute({
  method: 'patch',
  path: '/meetings/{id}',
  summary: 'Move a meeting (and change its length or subject)',
  security: bearer,
  description:
    `${MEETING_WHO.staff} ${slotRules} (its own slot aside). A cancelled or ended meeting: 409. ` +
    'Send If-Match with the meeting’s ETag (W/"3"): 412 when it changed since. Audited: meeting_rescheduled.',
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(RescheduleMeetingBody) },
  responses: { 200: json(Meeting, 'The meeting as moved (ETag)'), ...problemsOf(400, 401, 403, 404, 409, 412, 415) },
});

const cancel = createRoute({
  method: 'post',
  path: '/meetings/{id}/cancel',
  summary: 'Cancel a meeting, with a reason the citizen reads',
  security: bearer,
  description: `${MEETING_WHO.staff} A cancelled or ended meeting: 409. Send If-Match with the meeting’s ETag to refuse a stale change (412). Audited: meeting_cancelled.`,
  middleware: [jsonOnly] as const,
  request: { params: IdParam, body: jsonBody(CancelMeetingBody) },
  responses: { 200: json(Meeting, 'The meeting as cancelled (ETag)'), ...problemsOf(400, 401, 403, 404, 409, 412, 415) },
});

const join = createRoute({
  method: 'post',
  path: '/meetings/{id}/join',
  summary: '"Acessar": the Jitsi room and its token',
  security: bearer,
  description:
    `${MEETING_WHO.party} From joinOpensAt (JOIN_LEAD_MINUTES before the start) to the end; outside it 409 saying when it opens or that it ended; ` +
    'a cancelled meeting, or a request no longer in attendance: 409. With no Jitsi configured (JITSI_DOMAIN), 409 of type …:video-not-configured. ' +
    'The token (HS256 with JITSI_APP_SECRET, or RS256 with the JaaS key; null without token authentication) is valid for the window only; ' +
    'the staff join as moderators, the citizen not.',
  request: { params: IdParam },
  responses: { 200: json(MeetingJoin, 'What the element opens the call with'), ...problemsOf(400, 401, 404, 409) },
});

const etag = (version: number) => `W/"${version}"`;

/** Audit data of a meeting event (contract MEETING_EVENTS). */
const eventData = (m: { id: number; startsAt: string; endsAt: string; subject: string }, more: Record<string, unknown> = {}) => ({
  meetingId: m.id,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  subject: m.subject,
  ...more,
});

export function meetingRoutes(deps: AppDeps) {
  const { db, now, config } = deps;
  const lead = config.joinLeadMinutes;
  const zone = config.timeZone;

  /** Throws what decideMeeting refuses: 404, 403, or 409 naming the request's status. */
  const check = (user: AuthUser, facts: RequestFacts, action: MeetingAction, notFoundText: string) => {
    const decision = decideMeeting(user, facts, action);
    if (decision === 'not_found') throw notFound(notFoundText);
    if (decision === 'forbidden') throw forbidden('Somente atendentes e gestores da instituição agendam, remarcam e cancelam videoconferências.');
    if (decision === 'conflict') throw conflict(notInAttendanceText(facts));
  };

  /** The request, if the user may do `action` to its meetings. */
  const allowedOn = async (q: Queryable, user: AuthUser, requestId: number, action: MeetingAction) => {
    const f = await getRequestFacts(q, requestId);
    if (!f) throw notFound('Solicitação não encontrada.');
    check(user, requestFacts(f), action, 'Solicitação não encontrada.');
    return f;
  };

  /** The meeting and its request, if the user may see them (404 for anyone else, as for the request). */
  const meetingFor = async (q: Queryable, user: AuthUser, id: number) => {
    const m = await getMeeting(q, id);
    const f = m && (await getRequestFacts(q, m.request_id));
    if (!m || !f) throw notFound('Videoconferência não encontrada.');
    const facts = requestFacts(f);
    check(user, facts, 'read', 'Videoconferência não encontrada.');
    return { m, f, facts };
  };

  /** Refuses a slot in the past or overlapping another booking of the host (locked first, so concurrent bookings check in turn). */
  const checkSlot = async (
    trx: Transaction<Database>,
    user: AuthUser,
    host: { id: number; name: string },
    slot: { startsAt: string; endsAt: string },
    except?: number,
  ) => {
    if (slotRefusal(slot, now())) throw badRequest('O início precisa ser no futuro.', { startsAt: 'Escolha um horário que ainda não passou.' });
    await lockHost(trx, host.id);
    const other = await overlappingMeeting(trx, host.id, slot, except);
    if (other) throw conflict(overlapText({ startsAt: other.starts_at, protocol: other.protocol }, zone, host.id === user.id ? undefined : host.name));
  };

  const audit = (trx: Transaction<Database>, user: AuthUser, f: RequestFactsRow, action: MeetingEvent, data: unknown, at: string) =>
    appendAudit(trx, { requestId: f.id, institutionId: f.institution_id, actorId: user.id, side: 'staff', action, from: f.status, to: f.status, data, at });

  const answer = async <S extends 200 | 201>(c: Context<AppEnv>, id: number, status: S) => {
    const m = (await getMeeting(db, id))!;
    c.header('ETag', etag(m.version));
    if (status === 201) c.header('Location', `/api/meetings/${id}`);
    return c.json(toMeeting(m, now(), lead), status);
  };

  /** Moves or cancels a meeting: its request's staff, not cancelled nor ended, at the version If-Match names. */
  const change = (
    c: Context<AppEnv>,
    id: number,
    action: 'reschedule' | 'cancel',
    write: (trx: Transaction<Database>, m: MeetingRow, f: RequestFactsRow, at: string) => Promise<void>,
  ) => {
    const user = requireUser(c);
    const ifMatch = parseIfMatch(c.req.header('If-Match'));
    return deps.writes.run(async (trx) => {
      const { m, f, facts } = await meetingFor(trx, user, id);
      check(user, facts, action, 'Videoconferência não encontrada.');
      const why = changeRefusal({ status: m.status as MeetingStatus, endsAt: m.ends_at }, now());
      if (why) throw conflict(changeRefusalText(why));
      if (ifMatch !== undefined && ifMatch !== m.version)
        throw preconditionFailed('A videoconferência mudou desde que você a abriu; recarregue e tente de novo.');
      const at = now().toISOString();
      await write(trx, m, f, at);
    });
  };

  return router()
    .openapi(list, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      await allowedOn(db, user, id, 'read');
      const rows = await meetingsOfRequest(db, id);
      const at = now();
      return c.json({ items: rows.map((r) => toMeeting(r, at, lead)) }, 200);
    })
    .openapi(book, async (c) => {
      const user = requireUser(c);
      const { id: requestId } = c.req.valid('param');
      const body = c.req.valid('json');
      const slot = meetingSlot(body.startsAt, body.durationMinutes);
      const subject = body.subject.trim();
      const id = await deps.writes.run(async (trx) => {
        const f = await allowedOn(trx, user, requestId, 'book');
        await checkSlot(trx, user, user, slot);
        const at = now().toISOString();
        const meetingId = await insertMeeting(trx, {
          requestId,
          institutionId: f.institution_id,
          hostId: user.id,
          room: newRoomName(),
          ...slot,
          minutes: body.durationMinutes,
          subject,
          at,
        });
        await audit(trx, user, f, 'meeting_scheduled', eventData({ id: meetingId, ...slot, subject }), at);
        return meetingId;
      });
      return answer(c, id, 201);
    })
    .openapi(reschedule, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const user = requireUser(c);
      await change(c, id, 'reschedule', async (trx, m, f, at) => {
        const minutes = body.durationMinutes ?? m.duration_minutes;
        const slot = meetingSlot(body.startsAt, minutes);
        const subject = body.subject?.trim() ?? m.subject;
        await checkSlot(trx, user, { id: m.host_id, name: m.host_name }, slot, m.id);
        const moved = await updateMeetingAtVersion(trx, m.id, m.version, {
          starts_at: slot.startsAt,
          ends_at: slot.endsAt,
          duration_minutes: minutes,
          subject,
          updated_at: at,
        });
        if (!moved) throw conflict('Outra pessoa alterou esta videoconferência antes de você. Recarregue para ver a situação atual.');
        await audit(trx, user, f, 'meeting_rescheduled', eventData({ id: m.id, ...slot, subject }, { previousStartsAt: m.starts_at }), at);
      });
      return answer(c, id, 200);
    })
    .openapi(cancel, async (c) => {
      const { id } = c.req.valid('param');
      const reason = c.req.valid('json').reason.trim();
      const user = requireUser(c);
      await change(c, id, 'cancel', async (trx, m, f, at) => {
        const done = await updateMeetingAtVersion(trx, m.id, m.version, {
          status: 'cancelled',
          cancel_reason: reason,
          cancelled_by: user.id,
          cancelled_at: at,
          updated_at: at,
        });
        if (!done) throw conflict('Outra pessoa alterou esta videoconferência antes de você. Recarregue para ver a situação atual.');
        await audit(trx, user, f, 'meeting_cancelled', eventData({ id: m.id, startsAt: m.starts_at, endsAt: m.ends_at, subject: m.subject }, { reason }), at);
      });
      return answer(c, id, 200);
    })
    .openapi(join, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const { m, facts } = await meetingFor(db, user, id);
      const at = now();
      const refused = joinRefusal({ status: m.status as MeetingStatus, startsAt: m.starts_at, endsAt: m.ends_at }, at, lead);
      if (refused) throw conflict(joinRefusalText(refused, zone));
      check(user, facts, 'join', 'Videoconferência não encontrada.');
      const jitsi = config.jitsi;
      if (!jitsi) throw new ProblemError(409, 'A videoconferência não está configurada neste ambiente.', undefined, 'video-not-configured');
      const moderator = joinsAsModerator(user, facts);
      const jwt = await roomToken(jitsi, {
        room: m.room,
        user: { id: user.id, name: user.name, email: user.email },
        moderator,
        notBefore: joinOpensAt(m.starts_at, lead),
        expires: m.ends_at,
      });
      return c.json(
        { domain: jitsi.domain, room: roomPath(jitsi, m.room), displayName: user.name, jwt, moderator, startsAt: m.starts_at, endsAt: m.ends_at },
        200,
      );
    });
}
