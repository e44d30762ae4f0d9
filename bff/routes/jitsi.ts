// Jitsi's reservation hook (prosody mod_muc_reservations, issue #12): before
// a room is created Jitsi asks whether it may be, and Atende answers yes only
// for a booked meeting's room inside its window (the join route's rule), so a
// room cannot be opened at another time. Jitsi authenticates with a shared
// token (JITSI_RESERVATION_TOKEN), not a user's: bff/app.ts leaves these
// routes out of the user authentication.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { IdParam, str } from '../../contract/schemas.js';
import type { MeetingStatus } from '../../contract/meetings.js';
import type { RequestStatus } from '../../contract/types.js';
import { joinRefusal, meetingAllowedOn, secondsLeft } from '../domain/meetings.js';
import type { AppDeps } from '../env.js';
import { ProblemError, notFound, unauthorized } from '../errors.js';
import { json, problemsOf, router } from '../openapi.js';
import { meetingByRoom } from '../../db/queries/meetings.js';

const ReservationForm = z.object({
  name: str(200, 'O nome da sala').describe('The room name'),
  start_time: str(40, 'O início').optional().describe('When Jitsi creates the room (ISO 8601)'),
  mail_owner: str(320, 'O dono').optional().describe('Who creates it, as Jitsi knows them'),
});

const Reservation = z.object({
  id: z.number().int().describe('The meeting’s id (Jitsi sends it back on DELETE)'),
  name: z.string(),
  mail_owner: z.string(),
  start_time: z.string().describe('The meeting’s start (ISO 8601)'),
  duration: z.number().int().describe('Seconds left until the meeting’s end: Jitsi closes the room then'),
});

const Refusal = z.object({ message: z.string() });

const WHO =
  'Who: Jitsi’s reservation hook (prosody mod_muc_reservations), with `Authorization: Bearer <JITSI_RESERVATION_TOKEN>` (no user token; a wrong or missing one: 401; ' +
  'with no JITSI_RESERVATION_TOKEN configured the hook is off: 404).';

const reserve = createRoute({
  method: 'post',
  path: '/conference',
  summary: 'Jitsi asks whether a room may be created now',
  security: [{ jitsiReservation: [] }],
  description: `${WHO} 200 for the room of a scheduled meeting inside its window (JOIN_LEAD_MINUTES before the start to its end, at the server’s clock) on a request in attendance; 403 otherwise (an unknown room too).`,
  request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: ReservationForm } } } },
  responses: {
    200: json(Reservation, 'The room may be created, for this long'),
    403: json(Refusal, 'Not now (or not a meeting’s room)'),
    ...problemsOf(400, 401, 404, 415),
  },
});

const release = createRoute({
  method: 'delete',
  path: '/conference/{id}',
  summary: 'Jitsi tells the room was destroyed',
  security: [{ jitsiReservation: [] }],
  description: `${WHO} Always 200: nothing is kept about open rooms.`,
  request: { params: IdParam },
  responses: { 200: json(z.object({}), 'Noted'), ...problemsOf(400, 401, 404) },
});

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The hook's authentication: the shared JITSI_RESERVATION_TOKEN as a bearer
 * token, compared in constant time (401 otherwise); with none configured the
 * hook is off (404). bff/app.ts runs it before any body is read, where user
 * routes require a user.
 */
export function jitsiHookAuth(token: string | null) {
  const expected = token === null ? null : digest(token);
  return createMiddleware(async (c, next) => {
    if (!expected) throw notFound('O gancho de reservas do Jitsi não está ativo.');
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim() ?? '';
    if (!timingSafeEqual(digest(given), expected)) throw unauthorized('Token do gancho de reservas ausente ou inválido.');
    await next();
  });
}

export function jitsiRoutes(deps: AppDeps) {
  const { db, now, config } = deps;
  const hookAuth = jitsiHookAuth(config.jitsiReservationToken);

  /** Jitsi posts a form (application/x-www-form-urlencoded); anything else: 415 before the body is read. */
  const formOnly = createMiddleware(async (c, next) => {
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('Content-Type') ?? '')) {
      throw new ProblemError(415, 'Envie os campos como application/x-www-form-urlencoded.', undefined, 'unsupported-media-type');
    }
    await next();
  });

  return router()
    .openapi({ ...reserve, middleware: [hookAuth, formOnly] as const }, async (c) => {
      const form = c.req.valid('form');
      const m = await meetingByRoom(db, form.name);
      const at = now();
      const open =
        m &&
        meetingAllowedOn({ status: m.request_status as RequestStatus, resumeStatus: m.resume_status as RequestStatus | null }) &&
        !joinRefusal({ status: m.status as MeetingStatus, startsAt: m.starts_at, endsAt: m.ends_at }, at, config.joinLeadMinutes);
      if (!m || !open) return c.json({ message: 'Esta sala não tem videoconferência agendada para agora.' }, 403);
      return c.json({ id: m.id, name: m.room, mail_owner: form.mail_owner ?? '', start_time: m.starts_at, duration: secondsLeft(m.ends_at, at) }, 200);
    })
    .openapi({ ...release, middleware: [hookAuth] as const }, (c) => c.json({}, 200));
}
