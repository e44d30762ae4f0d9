// How a request's history and its follow-up thread tell a meeting's events
// (meeting_scheduled, meeting_rescheduled, meeting_cancelled), from the data
// the audit entry records: "Videoconferência agendada para 03/12/2026 às
// 10:00: <assunto>", in the state's time zone; and a meeting's phase as the
// clock moves on (the video scheduler and the day agenda tick with it).
import { MEETING_EVENTS, type MeetingEvent, type MeetingPhase, type MeetingStatus } from '../../contract/meetings.js';
import { type Locale, type MessageKey, formatDate, formatTime, translate } from './i18n.js';

export function isMeetingEvent(action: string | null | undefined): action is MeetingEvent {
  return (MEETING_EVENTS as readonly string[]).includes(action ?? '');
}

/** The sentence for a meeting event; without the data (an older entry), just what happened. */
export function meetingEventText(locale: Locale, action: MeetingEvent, data: Record<string, unknown> | null | undefined): string {
  const startsAt = typeof data?.startsAt === 'string' ? data.startsAt : '';
  const subject = typeof data?.subject === 'string' ? data.subject : '';
  const reason = typeof data?.reason === 'string' ? data.reason : '';
  if (!startsAt) return translate(locale, `meeting.event.${action}.plain` as MessageKey);
  const when = { day: formatDate(locale, startsAt), time: formatTime(locale, startsAt) };
  if (action === 'meeting_cancelled')
    return translate(locale, reason ? 'meeting.event.meeting_cancelled' : 'meeting.event.meeting_cancelled.noReason', { ...when, reason });
  return translate(locale, subject ? `meeting.event.${action}` : `meeting.event.${action}.noSubject`, { ...when, subject });
}

/**
 * A meeting's phase at `now`, from its own instants, as the server's rule
 * (bff/domain/meetings.ts meetingPhase) decides it: cancelled; ended from its
 * end; open from `joinOpensAt` (when "Acessar" opens); upcoming before.
 */
export function phaseAt(m: { status: MeetingStatus; joinOpensAt: string; endsAt: string }, now: number): MeetingPhase {
  if (m.status === 'cancelled') return 'cancelled';
  if (now >= Date.parse(m.endsAt)) return 'ended';
  return now >= Date.parse(m.joinOpensAt) ? 'open' : 'upcoming';
}
