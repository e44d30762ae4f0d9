// Videoconferência (issue #12) as pure rules. This first part is what every
// view of a meeting needs: when "Acessar" opens and what phase a meeting is in
// at an instant. The booking rules (who, when, overlaps) join it here.
import type { MeetingPhase, MeetingStatus } from '../../contract/meetings.js';

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
