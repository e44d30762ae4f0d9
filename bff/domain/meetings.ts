// Videoconferência (issue #12) as pure rules: when "Acessar" opens and what
// phase a meeting is in at an instant; who books, moves, cancels, reads and
// joins a request's meetings; what refuses a booking (a start in the past, a
// request not in attendance, the host's other booking at that time); the
// join window, shared by the join route and Jitsi's reservation hook; and the
// Portuguese of each refusal, with instants in the state's time zone.
import type { MeetingPhase, MeetingStatus } from '../../contract/meetings.js';
import type { RequestStatus } from '../../contract/types.js';
import { brDate, localDate, localTime } from '../../contract/time.js';
import { type Actor, type Decision, type RequestFacts, canSee, sideOf } from './permissions.js';
import { inAttendance } from './request-machine.js';

const MINUTE_MS = 60 * 1000;

/** When "Acessar" opens: `leadMinutes` (JOIN_LEAD_MINUTES) before the start. */
export function joinOpensAt(startsAt: string, leadMinutes: number): string {
  return new Date(Date.parse(startsAt) - leadMinutes * MINUTE_MS).toISOString();
}

/** The meeting's phase at `now`: cancelled; ended from its end; open from joinOpensAt; upcoming before. */
export function meetingPhase(m: { status: MeetingStatus; startsAt: string; endsAt: string }, now: Date, leadMinutes: number): MeetingPhase {
  if (m.status === 'cancelled') return 'cancelled';
  const t = now.toISOString();
  if (t >= m.endsAt) return 'ended';
  return t >= joinOpensAt(m.startsAt, leadMinutes) ? 'open' : 'upcoming';
}

/** A slot as stored: ISO UTC instants (compared as text), the end `minutes` after the start. */
export function meetingSlot(startsAt: string, minutes: number): { startsAt: string; endsAt: string } {
  const start = Date.parse(startsAt);
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + minutes * MINUTE_MS).toISOString() };
}

/** Whether two slots share an instant (one ending as the other starts does not). */
export function overlaps(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** What a meeting is done to: booked, moved, cancelled (staff), read or joined (its citizen and staff). */
export type MeetingAction = 'book' | 'reschedule' | 'cancel' | 'read' | 'join';

/** The request statuses on which meetings are booked, moved and joined: in attendance (inAttendance). */
export function meetingAllowedOn(req: Pick<RequestFacts, 'status' | 'resumeStatus'>): boolean {
  return inAttendance(req.status, req.resumeStatus ?? null);
}

/**
 * Who may do what to a request's meetings, in the order of permissions.ts:
 * not visible → not_found; booking, moving and cancelling are the
 * institution's staff's (never on a request they filed: its citizen gets
 * forbidden); reading is its citizen's and staff's; booking, moving and
 * joining need the request in attendance (conflict).
 */
export function decideMeeting(actor: Actor, req: RequestFacts, action: MeetingAction): Decision {
  if (!canSee(actor, req)) return 'not_found';
  if (action === 'read') return 'allow';
  if (action !== 'join' && sideOf(actor, req) !== 'staff') return 'forbidden';
  if (action === 'cancel') return 'allow';
  return meetingAllowedOn(req) ? 'allow' : 'conflict';
}

/** Whether the actor joins as moderator: the institution's staff, never the request's citizen. */
export function joinsAsModerator(actor: Actor, req: RequestFacts): boolean {
  return sideOf(actor, req) === 'staff';
}

/** The text of the OpenAPI "Who:" of the meeting routes, from decideMeeting. */
export const MEETING_WHO = {
  staff:
    'Who: attendants and managers of the request’s institution, unless they filed the request (its citizen gets 403); anyone else 404 (existence does not leak).',
  party: 'Who: the request’s citizen and the attendants and managers of its institution; anyone else 404 (existence does not leak).',
} as const;

/** Why a slot may not be booked (or a meeting moved to it) at `now`: a start not in the future. */
export function slotRefusal(slot: { startsAt: string }, now: Date): 'past' | null {
  return slot.startsAt <= now.toISOString() ? 'past' : null;
}

/** Why a meeting may not be moved or cancelled at `now`: cancelled, or over. */
export function changeRefusal(m: { status: MeetingStatus; endsAt: string }, now: Date): 'cancelled' | 'ended' | null {
  if (m.status === 'cancelled') return 'cancelled';
  return now.toISOString() >= m.endsAt ? 'ended' : null;
}

/**
 * Whether the call may be opened at `now` (the join route and Jitsi's
 * reservation hook): a scheduled meeting, from joinOpensAt to its end.
 */
export function joinRefusal(
  m: { status: MeetingStatus; startsAt: string; endsAt: string },
  now: Date,
  leadMinutes: number,
): { why: 'cancelled' } | { why: 'early'; opensAt: string } | { why: 'ended' } | null {
  const phase = meetingPhase(m, now, leadMinutes);
  if (phase === 'cancelled') return { why: 'cancelled' };
  if (phase === 'ended') return { why: 'ended' };
  if (phase === 'upcoming') return { why: 'early', opensAt: joinOpensAt(m.startsAt, leadMinutes) };
  return null;
}

/** Seconds left until the end, at `now` (what the reservation hook answers as `duration`). */
export function secondsLeft(endsAt: string, now: Date): number {
  return Math.max(0, Math.floor((Date.parse(endsAt) - now.getTime()) / 1000));
}

/** "10:00 de 03/12/2026": an instant as people read it in the state's time zone. */
export function atLocal(at: string, timeZone: string): string {
  return `${localTime(new Date(at), timeZone)} de ${brDate(localDate(new Date(at), timeZone))}`;
}

const STATUS_TEXT: Record<RequestStatus, string> = {
  submitted: 'enviada, aguardando análise',
  in_analysis: 'em análise',
  rejected: 'reprovada',
  in_service: 'em atendimento',
  awaiting_citizen: 'aguardando o cidadão',
  concluded: 'concluída',
  evaluated: 'avaliada',
};

/** Why the request takes no meeting now, naming its status ("… esta está concluída."). */
export function notInAttendanceText(req: Pick<RequestFacts, 'status' | 'resumeStatus'>): string {
  const status = req.status === 'awaiting_citizen' ? 'aguardando o cidadão ainda na análise' : STATUS_TEXT[req.status];
  return `Videoconferências só cabem em solicitações em atendimento; esta está ${status}.`;
}

/** The host's other booking at that time; `hostName` when the host is not the one asking (a colleague moving their meeting). */
export function overlapText(other: { startsAt: string; protocol: string }, timeZone: string, hostName?: string): string {
  const who = hostName === undefined ? 'Você já tem' : `${hostName} já tem`;
  return `${who} uma videoconferência às ${atLocal(other.startsAt, timeZone)} (protocolo ${other.protocol}).`;
}

/** Why the call is not open now. */
export function joinRefusalText(r: NonNullable<ReturnType<typeof joinRefusal>>, timeZone: string): string {
  switch (r.why) {
    case 'cancelled':
      return 'Esta videoconferência foi cancelada.';
    case 'ended':
      return 'Esta videoconferência já terminou.';
    case 'early':
      return `O acesso abre às ${atLocal(r.opensAt, timeZone)}.`;
  }
}

/** Why a meeting is not moved or cancelled. */
export function changeRefusalText(why: 'cancelled' | 'ended'): string {
  return why === 'cancelled' ? 'Esta videoconferência foi cancelada.' : 'Esta videoconferência já terminou.';
}
