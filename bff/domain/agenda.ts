// The day agenda and its share links (issue #12) as pure rules: whose
// meetings a staff member lists, what a shared link shows of a citizen (the
// initials), how long a link lives and its state at an instant, who revokes
// it, and how a meeting's phase reads in the agenda.
import type { AgendaShareState, MeetingPhase } from '../../contract/meetings.js';
import { endOfLocalDay, localDate } from '../../contract/time.js';
import { type Actor, type Decision, isStaffOf } from './permissions.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long after the end of its day a share link may live, at most. */
export const SHARE_MAX_DAYS_AFTER = 7;

/** The words a name's initials skip: Portuguese particles ("Maria da Silva" → "M. S."). */
const PARTICLES = new Set(['da', 'de', 'do', 'dos', 'das', 'e']);

/**
 * The initials of a name, accents kept, particles skipped: "Maria da Silva
 * Oliveira" → "M. S. O.", "Érica dos Santos" → "É. S.". Nothing else of the
 * name survives (what a share link shows of a citizen).
 */
export function initials(name: string): string {
  return name
    .normalize('NFC')
    .split(/[\s]+/u)
    .filter((w) => w && !PARTICLES.has(w.toLocaleLowerCase('pt-BR')))
    .map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0])
    .filter((c): c is string => !!c)
    .map((c) => `${c.toLocaleUpperCase('pt-BR')}.`)
    .join(' ');
}

/** The institutions whose agenda the actor reads: those they attend (attendant or manager). */
export function agendaInstitutions(actor: Actor): number[] {
  return [...actor.roles.keys()].filter((id) => isStaffOf(actor, id));
}

/** The text of the agenda routes' "Who:". */
export const AGENDA_WHO =
  'Who: attendants and managers; of every institution they attend, or of institutionId (404 for one they do not attend); anyone attending none: 403.';

/** A share link's default expiry: the end of its day in the zone. */
export function shareDefaultExpiry(date: string, zone: string): Date {
  return endOfLocalDay(date, zone);
}

/** The latest a share link may expire: SHARE_MAX_DAYS_AFTER days after the end of its day. */
export function shareMaxExpiry(date: string, zone: string): Date {
  return new Date(endOfLocalDay(date, zone).getTime() + SHARE_MAX_DAYS_AFTER * DAY_MS);
}

/** Why a share of `date` expiring at `expiresAt` is refused at `now` (null: it is not). */
export function shareRefusal(
  s: { date: string; expiresAt: Date },
  now: Date,
  zone: string,
): { field: 'date' | 'expiresAt'; reason: 'past_day' | 'past_expiry' | 'too_late' } | null {
  if (s.date < localDate(now, zone)) return { field: 'date', reason: 'past_day' };
  if (s.expiresAt.getTime() <= now.getTime()) return { field: 'expiresAt', reason: 'past_expiry' };
  if (s.expiresAt.getTime() > shareMaxExpiry(s.date, zone).getTime()) return { field: 'expiresAt', reason: 'too_late' };
  return null;
}

/** A share link's state at `now`: revoked (whenever), expired from its expiry, active before. */
export function shareState(s: { expiresAt: string; revokedAt: string | null }, now: Date): AgendaShareState {
  if (s.revokedAt !== null) return 'revoked';
  return now.toISOString() >= s.expiresAt ? 'expired' : 'active';
}

/**
 * May the actor revoke a share link? Its creator, and the managers of its
 * institution; the institution's other staff get 403; anyone else 404.
 */
export function decideShareRevocation(actor: Actor, share: { createdBy: number; institutionId: number }): Decision {
  if (share.createdBy === actor.id) return 'allow';
  if ((actor.roles.get(share.institutionId) ?? []).includes('manager')) return 'allow';
  return isStaffOf(actor, share.institutionId) ? 'forbidden' : 'not_found';
}

/** The text of the revocation route's "Who:", from decideShareRevocation. */
export const SHARE_REVOKE_WHO = 'Who: the link’s creator and the managers of its institution; the institution’s other attendants get 403, anyone else 404.';

/** How a meeting reads in the agenda (its CSV, ICS and shared page). */
export const AGENDA_STATUSES = ['scheduled', 'in_progress', 'ended', 'cancelled'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

/** The agenda status of a meeting's phase: upcoming is "scheduled", open is "in progress". */
export function agendaStatus(phase: MeetingPhase): AgendaStatus {
  return phase === 'upcoming' ? 'scheduled' : phase === 'open' ? 'in_progress' : phase;
}

/** The agenda statuses in Portuguese (the files and the shared page are in pt-BR). */
export const AGENDA_STATUS_LABELS: Readonly<Record<AgendaStatus, string>> = {
  scheduled: 'Agendada',
  in_progress: 'Em andamento',
  ended: 'Encerrada',
  cancelled: 'Cancelada',
};
