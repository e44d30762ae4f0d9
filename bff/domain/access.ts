// Who may attend (issue #15), as pure functions: whether a servant may ask
// for the attendant profile, when an authorization ends, where an access
// stands, and which roles a manager may revoke. Routes, the expiry sweep and
// the administrator's command line ask these; none re-implements them.
import type { AccessRequestStatus, AccessState } from '../../contract/access.js';
import type { Role } from '../../contract/types.js';
import { endOfLocalDay, localDate } from '../../contract/time.js';

/** The role an access request grants. */
export const REQUESTED_ROLE: Role = 'attendant';

/**
 * Why this servant may not ask for the attendant profile of the institution
 * now, or null: they already hold it (or manage the institution), or a
 * request of theirs is still pending there.
 */
export function askRefusal(rolesThere: readonly Role[], hasPending: boolean): 'already_attends' | 'pending' | null {
  if (rolesThere.includes(REQUESTED_ROLE) || rolesThere.includes('manager')) return 'already_attends';
  if (hasPending) return 'pending';
  return null;
}

/** Whether `unit` is one of the institution's units (any unit when it lists none). */
export function isUnitOf(units: readonly string[], unit: string): boolean {
  return units.length === 0 || units.includes(unit.trim());
}

/** Only a pending request is decided; a decided one answers 409. */
export function canDecide(status: AccessRequestStatus): boolean {
  return status === 'pending';
}

/**
 * When an access authorized `until` a day ends: at the end of that day in the
 * state's time zone. Null with no date; 'past' for a day before today.
 */
export function accessExpiry(until: string | undefined, now: Date, timeZone: string): Date | null | 'past' {
  if (until === undefined) return null;
  if (until < localDate(now, timeZone)) return 'past';
  return new Date(endOfLocalDay(until, timeZone).getTime() + 1);
}

/** The last day of an access ending at `expiresAt` (the `until` it was authorized with). */
export function untilOf(expiresAt: string | null, timeZone: string): string | null {
  return expiresAt === null ? null : localDate(new Date(Date.parse(expiresAt) - 1), timeZone);
}

export interface MembershipState {
  revoked_at: string | null;
  expires_at: string | null;
  end_kind: string | null;
}

/** Whether a role is in force at `now`: not revoked, and not past its end. */
export function inForce(m: Pick<MembershipState, 'revoked_at' | 'expires_at'>, now: Date): boolean {
  return m.revoked_at === null && (m.expires_at === null || Date.parse(m.expires_at) > now.getTime());
}

/** Where an access stands at `now`: expired by its clock even before the sweep records it. */
export function accessState(m: MembershipState, now: Date): AccessState {
  if (m.revoked_at !== null) return m.end_kind === 'expired' ? 'expired' : 'revoked';
  return inForce(m, now) ? 'active' : 'expired';
}

/**
 * Why a manager may not revoke this membership through the API, or null:
 * managers are designated and revoked by the administrator (with the
 * ordinance), and an ended access has nothing left to revoke.
 */
export function revokeRefusal(m: MembershipState & { role: string }, now: Date): 'not_attendant' | 'ended' | null {
  if (m.role !== REQUESTED_ROLE) return 'not_attendant';
  if (!inForce(m, now)) return 'ended';
  return null;
}
