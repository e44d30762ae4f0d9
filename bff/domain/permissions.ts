// Who may do what to a request, as pure functions. Routes ask `decide()` and
// never re-implement a rule. The order of the checks is the contract:
//   not visible to you → 404 (existence does not leak),
//   visible but not your role → 403,
//   your role but not the request's state → 409.
import type { FollowUpKind, RequestAction, RequestStatus, Role } from '../../contract/types.js';
import { CONVERSATION_STATUSES, canTransition } from './request-machine.js';

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
}

export type Decision = 'allow' | 'not_found' | 'forbidden' | 'conflict';

export function isStaffOf(actor: Actor, institutionId: number): boolean {
  const roles = actor.roles.get(institutionId) ?? [];
  return roles.includes('attendant') || roles.includes('manager');
}

export function isStaff(actor: Actor): boolean {
  for (const id of actor.roles.keys()) if (isStaffOf(actor, id)) return true;
  return false;
}

export function canSee(actor: Actor, req: RequestFacts): boolean {
  return req.citizenId === actor.id || isStaffOf(actor, req.institutionId);
}

/** Whether the actor holds the role the action needs on this request. */
function hasRoleFor(actor: Actor, req: RequestFacts, action: RequestAction): boolean {
  switch (action) {
    case 'start_analysis':
    case 'answer_step':
    case 'approve':
    case 'reject':
    case 'ask_citizen':
      return isStaffOf(actor, req.institutionId);
    case 'conclude':
      return isStaffOf(actor, req.institutionId) && req.assigneeId === actor.id;
    case 'evaluate':
    case 'citizen_reply':
      return req.citizenId === actor.id;
  }
}

export function decide(actor: Actor, req: RequestFacts, action: RequestAction): Decision {
  if (!canSee(actor, req)) return 'not_found';
  if (!hasRoleFor(actor, req, action)) return 'forbidden';
  if (!canTransition(req.status, action)) return 'conflict';
  return 'allow';
}

export function allowedActions(actor: Actor, req: RequestFacts, actions: readonly RequestAction[]): RequestAction[] {
  return actions.filter((a) => decide(actor, req, a) === 'allow');
}

/** May `candidate` (with these roles) be named the assignee of a request of `institutionId`? */
export function canBeAssignee(candidateRoles: readonly Role[]): boolean {
  return candidateRoles.includes('attendant') || candidateRoles.includes('manager');
}


/**
 * May the actor post a follow-up of this kind? Both sides talk while the
 * request is open or just concluded; internal notes are staff-only; asking
 * the citizen for information is the ask_citizen transition.
 */
export function decideFollowUp(actor: Actor, req: RequestFacts, kind: FollowUpKind): Decision {
  if (!canSee(actor, req)) return 'not_found';
  if (kind === 'info_request') return decide(actor, req, 'ask_citizen');
  if (kind === 'internal_note' && !isStaffOf(actor, req.institutionId)) return 'forbidden';
  return CONVERSATION_STATUSES.includes(req.status) ? 'allow' : 'conflict';
}

/** Whether the actor sees staff-only content (internal notes) of this request. */
export function seesInternal(actor: Actor, req: RequestFacts): boolean {
  return isStaffOf(actor, req.institutionId);
}
