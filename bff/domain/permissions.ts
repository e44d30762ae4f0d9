// Who may do what to a request, as pure functions. Routes ask `decide()` and
// never re-implement a rule. The order of the checks is the contract:
//   not visible to you → 404 (existence does not leak),
//   visible but not your role → 403,
//   your role but not the request's state → 409.
import { FOLLOW_UP_KINDS, type FollowUpKind, type RequestAction, type RequestStatus, type Role, type StoredFollowUpKind } from '../../contract/types.js';
import { ASSIGNEE_REMOVED } from '../../contract/access.js';
import { EVALUATION_MODERATED } from '../../contract/evaluations.js';
import { CONVERSATION_STATUSES, canTransition, inAttendance } from './request-machine.js';

export interface Actor {
  id: number;
  /** institution id → roles held there */
  roles: ReadonlyMap<number, readonly Role[]>;
}

export interface RequestFacts {
  institutionId: number;
  citizenId: number;
  assigneeId: number | null;
  status: RequestStatus;
  /** Where a request awaiting the citizen goes back to (analysis or service); unknown is taken as none. */
  resumeStatus?: RequestStatus | null;
}

export type Decision = 'allow' | 'not_found' | 'forbidden' | 'conflict';

export function isStaffOf(actor: Actor, institutionId: number): boolean {
  return canBeAssignee(actor.roles.get(institutionId) ?? []);
}

function isStaff(actor: Actor): boolean {
  for (const id of actor.roles.keys()) if (isStaffOf(actor, id)) return true;
  return false;
}

export function canSee(actor: Actor, req: RequestFacts): boolean {
  return req.citizenId === actor.id || isStaffOf(actor, req.institutionId);
}

/** Whether the actor filed the request: on it they are its citizen, whatever roles they hold. */
function filed(actor: Actor, req: Pick<RequestFacts, 'citizenId'>): boolean {
  return req.citizenId === actor.id;
}

/**
 * Staff of the request's institution acting as staff on it: never on a
 * request they filed (separation of duties — nobody analyses, decides or
 * attends their own request).
 */
function actsAsStaff(actor: Actor, req: Pick<RequestFacts, 'institutionId' | 'citizenId'>): boolean {
  return !filed(actor, req) && isStaffOf(actor, req.institutionId);
}

/** Who may take an action: the institution's staff, the request's assignee among them, or the request's citizen. */
export type Party = 'staff' | 'assignee' | 'citizen';

/** The roles that attend requests: who may be named an assignee, and who is staff of an institution. */
export const ASSIGNABLE_ROLES: readonly Role[] = ['attendant', 'manager'];

/** Who may take each action — the table hasRoleFor reads, and the OpenAPI "Who:" of each route is written from. */
export const ACTION_RULES: Readonly<Record<RequestAction, { who: Party; note?: string }>> = {
  start_analysis: { who: 'staff' },
  answer_step: { who: 'staff' },
  approve: { who: 'staff', note: 'the named assignee must attend the institution too, and may not be the request’s citizen' },
  reject: { who: 'staff' },
  ask_citizen: { who: 'staff' },
  conclude: { who: 'assignee' },
  evaluate: { who: 'citizen' },
  citizen_reply: { who: 'citizen' },
  reassign: { who: 'staff', note: 'while the request is in attendance; the new assignee follows approve’s rules' },
  reopen: { who: 'citizen', note: 'after an evaluation that did not approve the attendance, within REOPEN_DAYS of it' },
};

const PARTY_TEXT: Record<Party, string> = {
  staff: `an ${ASSIGNABLE_ROLES.join(' or ')} of the request’s institution, unless they filed the request`,
  assignee: 'the request’s assignee, unless they filed the request',
  citizen: 'the request’s citizen (who filed it), whatever roles they hold',
};

/** Who may take an action, in words, from ACTION_RULES. */
export function whoText(action: RequestAction): string {
  const rule = ACTION_RULES[action];
  return `${PARTY_TEXT[rule.who]}${rule.note ? `; ${rule.note}` : ''}`;
}

/** The OpenAPI "Who:" sentence of an action's route. */
export function whoMay(action: RequestAction): string {
  return `Who: ${whoText(action)}.`;
}

/** Whether the actor holds the role the action needs on this request (ACTION_RULES). */
function hasRoleFor(actor: Actor, req: RequestFacts, action: RequestAction): boolean {
  switch (ACTION_RULES[action].who) {
    case 'staff':
      return actsAsStaff(actor, req);
    case 'assignee':
      return actsAsStaff(actor, req) && req.assigneeId === actor.id;
    case 'citizen':
      return filed(actor, req);
  }
}

export function decide(actor: Actor, req: RequestFacts, action: RequestAction): Decision {
  if (!canSee(actor, req)) return 'not_found';
  if (!hasRoleFor(actor, req, action)) return 'forbidden';
  if (!canTransition(req.status, action)) return 'conflict';
  // Reassigning needs someone named to attend it: not while awaiting the citizen from analysis.
  if (action === 'reassign' && !inAttendance(req.status, req.resumeStatus ?? null)) return 'conflict';
  return 'allow';
}

export function allowedActions(actor: Actor, req: RequestFacts, actions: readonly RequestAction[]): RequestAction[] {
  return actions.filter((a) => decide(actor, req, a) === 'allow');
}

/** May `candidate` (with these roles in the request's institution) be named an assignee? */
export function canBeAssignee(candidateRoles: readonly Role[]): boolean {
  return candidateRoles.some((r) => ASSIGNABLE_ROLES.includes(r));
}

/**
 * Why `candidate` (with these roles in the request's institution) may not be
 * named this request's assignee, or null when they may: they must attend the
 * institution, and not have filed the request.
 */
export function assigneeRefusal(candidate: { id: number; roles: readonly Role[] }, req: Pick<RequestFacts, 'citizenId'>): 'not_staff' | 'filed_it' | null {
  if (!canBeAssignee(candidate.roles)) return 'not_staff';
  if (req.citizenId === candidate.id) return 'filed_it';
  return null;
}

/**
 * May the actor post a follow-up of this kind? Both sides talk while the
 * request is open or just concluded; internal notes are staff-only; asking
 * the citizen for information is the ask_citizen transition.
 */
export function decideFollowUp(actor: Actor, req: RequestFacts, kind: FollowUpKind): Decision {
  if (!canSee(actor, req)) return 'not_found';
  if (kind === 'info_request') return decide(actor, req, 'ask_citizen');
  if (kind === 'internal_note' && !actsAsStaff(actor, req)) return 'forbidden';
  return CONVERSATION_STATUSES.includes(req.status) ? 'allow' : 'conflict';
}

/** Whether the actor sees staff-only content (internal notes) of this request: not on a request they filed. */
export function seesInternal(actor: Actor, req: RequestFacts): boolean {
  return actsAsStaff(actor, req);
}

/**
 * How the actor reads the request's checklist of steps: with the staff's
 * yes/no answers and notes ('answers'), or — the citizen, also staff on a
 * request they filed — as progress only, each step done or pending.
 */
export function stepView(actor: Actor, req: RequestFacts): 'answers' | 'progress' {
  return seesInternal(actor, req) ? 'answers' : 'progress';
}

/**
 * What of an audit entry's data only the staff's view reads: the yes/no and
 * note on a step and the steps an approval confirmed without "Sim" (the
 * steps' 'answers' view), and why an attendant lost access (revoked or
 * expired: a matter between the institution and its servant, not the
 * citizen's; they read that their request changes hands).
 */
export const STAFF_VIEW_DATA: Readonly<Record<string, readonly string[]>> = {
  answer_step: ['answer', 'note'],
  approve: ['confirmedSteps'],
  [ASSIGNEE_REMOVED]: ['why'],
  // A moderator's decision on the citizen's comment: they read the outcome in their evaluation's publication.
  [EVALUATION_MODERATED]: ['decision', 'masked', 'reason', 'text', 'previous'],
};

/** Audit actions that only the institution's staff read: internal notes. */
const STAFF_ONLY_ACTIONS: readonly string[] = ['internal_note'];

/** The audit actions of this request the actor may not read (in the history and the thread). */
export function hiddenActions(actor: Actor, req: RequestFacts): readonly string[] {
  return seesInternal(actor, req) ? [] : STAFF_ONLY_ACTIONS;
}

/** May the actor download a file of this request, attached to a follow-up of `followUpKind` (null: a request document)? */
export function canDownload(actor: Actor, req: RequestFacts, followUpKind: string | null): boolean {
  if (!canSee(actor, req)) return false;
  return followUpKind !== 'internal_note' || seesInternal(actor, req);
}

/** The kinds of follow-up the actor may post on this request now. */
export function postableKinds(actor: Actor, req: RequestFacts): FollowUpKind[] {
  return FOLLOW_UP_KINDS.filter((k) => decideFollowUp(actor, req, k) === 'allow');
}

/**
 * What a posted follow-up is: the citizen's message while the request waits
 * for them is their reply (it resumes the deadline clock).
 */
export function storedKind(actor: Actor, req: RequestFacts, kind: FollowUpKind): StoredFollowUpKind {
  if (kind === 'message' && req.status === 'awaiting_citizen' && req.citizenId === actor.id) return 'reply';
  return kind;
}

/** Which side of the conversation a person is on for a request: the citizen's on a request they filed. */
export function sideOf(actor: Actor, req: Pick<RequestFacts, 'institutionId' | 'citizenId'>): 'staff' | 'citizen' {
  return actsAsStaff(actor, req) ? 'staff' : 'citizen';
}

export interface QueueScope {
  /** Staff view: these institutions. Citizen view: this citizen. */
  institutionIds?: number[];
  citizenId?: number;
}

/**
 * Whose requests a list shows: the citizen's own, or the queue of the
 * institutions the actor attends (one, when asked). Staff see the queue
 * unless they ask for their own requests as a citizen.
 */
export function queueScope(
  actor: Actor,
  q: { as?: 'citizen' | 'staff'; institutionId?: number },
): { scope: QueueScope } | { refused: 'not_staff' | 'not_staff_of_institution' } {
  const asStaff = q.as === 'staff' || (q.as === undefined && isStaff(actor));
  if (!asStaff) return { scope: { citizenId: actor.id } };
  if (!isStaff(actor)) return { refused: 'not_staff' };
  if (q.institutionId !== undefined && !isStaffOf(actor, q.institutionId)) return { refused: 'not_staff_of_institution' };
  const institutionIds = q.institutionId !== undefined ? [q.institutionId] : [...actor.roles.keys()].filter((i) => isStaffOf(actor, i));
  return { scope: { institutionIds } };
}

/**
 * May the actor read the institution's record of access to personal data
 * (LGPD art. 37)? Its managers only; its other staff are refused (403), and
 * for anyone else the institution's record does not exist (404).
 */
export function decideAccessLog(actor: Actor, institutionId: number): Decision {
  return managersOnly(actor, institutionId);
}

/**
 * May the actor edit the institution's Carta de Serviços (create, edit,
 * publish and withdraw its services, read their versions)? Its managers
 * only; its other staff are refused (403), and for anyone else its drafts and
 * versions do not exist (404).
 */
export function decideCharter(actor: Actor, institutionId: number): Decision {
  return managersOnly(actor, institutionId);
}

/** The text of the charter routes' "Who:", from decideCharter. */
export const CHARTER_WHO =
  'Who: managers of the service’s institution; its other staff get 403, anyone else 404 (another institution’s drafts and versions do not leak).';

/**
 * May the actor decide who attends the institution (read and decide its
 * access requests, list and revoke its attendants, read its access history)?
 * Its managers only; its attendants get 403, anyone else 404.
 */
export function decideAccess(actor: Actor, institutionId: number): Decision {
  return managersOnly(actor, institutionId);
}

/** The text of the access routes' "Who:", from decideAccess. */
export const ACCESS_WHO = 'Who: managers of the institution; its attendants get 403, anyone else 404.';

/** The institutions the actor manages. */
export function managedInstitutions(actor: Actor): number[] {
  return [...actor.roles.entries()].filter(([, roles]) => roles.includes('manager')).map(([id]) => id);
}

function managersOnly(actor: Actor, institutionId: number): Decision {
  if ((actor.roles.get(institutionId) ?? []).includes('manager')) return 'allow';
  return isStaffOf(actor, institutionId) ? 'forbidden' : 'not_found';
}
