// Who may attend (issue #15): a servant's request for the attendant profile,
// its decision, and the events of an institution's access history. Shared by
// the BFF (bff/domain/access.ts decides) and atende-access-requests (it
// shows the same names). Pure, no dependencies.

/** An access request's life: asked, then authorized or refused by a manager. */
export const ACCESS_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/**
 * Where the access an approved request granted stands now: in force, ended
 * by itself at its `until` date, or revoked by a manager (or the
 * administrator, for a manager).
 */
export const ACCESS_STATES = ['active', 'expired', 'revoked'] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

/**
 * The events of an institution's access history (audit log actions, with no
 * request): a servant asks; a manager authorizes, refuses, revokes; the clock
 * ends an access at its date; the administrator designates and revokes
 * managers (`npm run admin`).
 */
export const ACCESS_EVENTS = [
  'access_requested',
  'access_granted',
  'access_refused',
  'access_revoked',
  'access_expired',
  'manager_designated',
  'manager_revoked',
] as const;
export type AccessEvent = (typeof ACCESS_EVENTS)[number];

/** Who caused an access event: a person through the API, the administrator's command line, or the clock (expiry). */
export const ACCESS_EVENT_SOURCES = ['api', 'cli', 'clock'] as const;
export type AccessEventSource = (typeof ACCESS_EVENT_SOURCES)[number];

/**
 * The request history action written on each open request whose assignee
 * lost access (revoked or expired): it stays in the institution's queue "sem
 * atendente" until someone reassigns it (`reassign`).
 */
export const ASSIGNEE_REMOVED = 'assignee_removed';

/** A calendar date as the API takes and gives it (the `until` of an authorization). */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
