// Videoconferência and the day agenda (issue #12): a meeting booked on a
// request in attendance, joined with "Acessar" through Jitsi Meet, the
// institution's list of a day's meetings, and the signed links that share it
// with colleagues without an account. Shared by the BFF
// (bff/domain/meetings.ts decides) and the elements. Pure, no dependencies.
import type { RequestStatus } from './types.js';

/** A meeting as stored: booked, or cancelled (with a reason the citizen reads). */
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * A meeting as people see it at an instant (bff/domain/meetings.ts
 * meetingPhase): booked and not yet joinable, open for "Acessar" (from
 * JOIN_LEAD_MINUTES before the start to the end), over, or cancelled.
 */
export const MEETING_PHASES = ['upcoming', 'open', 'ended', 'cancelled'] as const;
export type MeetingPhase = (typeof MEETING_PHASES)[number];

/** The statuses of a request on which a meeting may be booked, moved or joined. */
export const MEETING_REQUEST_STATUSES = ['in_service', 'awaiting_citizen'] as const satisfies readonly RequestStatus[];

/** A meeting's length, in minutes. */
export const MEETING_MIN_MINUTES = 15;
export const MEETING_MAX_MINUTES = 240;

/** The longest subject, and the longest cancellation reason. */
export const MEETING_SUBJECT_MAX = 200;
export const MEETING_REASON_MAX = 1000;

/**
 * The request-history (audit) actions of a meeting; they also show in the
 * follow-up thread of both sides. Data: `{meetingId, startsAt, endsAt,
 * subject}`; a reschedule adds `previousStartsAt`, a cancel adds `reason`.
 */
export const MEETING_EVENTS = ['meeting_scheduled', 'meeting_rescheduled', 'meeting_cancelled'] as const;
export type MeetingEvent = (typeof MEETING_EVENTS)[number];

/** The day agenda's downloads (GET /api/meetings?format=). */
export const AGENDA_FORMATS = ['json', 'csv', 'ics'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

/**
 * The origin of a Jitsi Meet at `domain` (JITSI_DOMAIN): https, or plain http
 * for one on this machine (development, tests). The element loads
 * external_api.js from it; the demo pages' Content Security Policy allows it.
 */
export function jitsiOrigin(domain: string): string {
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/i.test(domain);
  return `${local ? 'http' : 'https'}://${domain}`;
}

/** A share link's state. */
export const AGENDA_SHARE_STATES = ['active', 'expired', 'revoked'] as const;
export type AgendaShareState = (typeof AGENDA_SHARE_STATES)[number];
