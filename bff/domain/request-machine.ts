// The request life cycle as a pure state machine (DESIGN.md):
//
// submitted ─start_analysis▶ in_analysis ─reject▶ rejected
//                              └─approve▶ in_service ─conclude▶ concluded ─evaluate▶ evaluated
//                                          ▲─────────────reopen (not approved, within REOPEN_DAYS)──────┘
// in_analysis, in_service ─ask_citizen▶ awaiting_citizen ─citizen_reply▶ back where it was
import type { RequestAction, RequestStatus } from '../../contract/types.js';

interface Transition {
  from: readonly RequestStatus[];
  /** null: the action leaves the status as it is; 'resume': back to where it was paused. */
  to: RequestStatus | null | 'resume';
}

const TRANSITIONS: Record<RequestAction, Transition> = {
  start_analysis: { from: ['submitted'], to: 'in_analysis' },
  answer_step: { from: ['in_analysis', 'in_service'], to: null },
  approve: { from: ['in_analysis'], to: 'in_service' },
  reject: { from: ['in_analysis'], to: 'rejected' },
  conclude: { from: ['in_service'], to: 'concluded' },
  evaluate: { from: ['concluded'], to: 'evaluated' },
  ask_citizen: { from: ['in_analysis', 'in_service'], to: 'awaiting_citizen' },
  citizen_reply: { from: ['awaiting_citizen'], to: 'resume' },
  // Who attends changes, the status stays; awaiting the citizen from analysis
  // is refused by reassignable() (nobody has been named yet).
  reassign: { from: ['in_service', 'awaiting_citizen'], to: null },
  // The citizen did not approve: back to the same assignee (the window is bff/domain/evaluations.ts reopenRefusal).
  reopen: { from: ['evaluated'], to: 'in_service' },
};

export function canTransition(status: RequestStatus, action: RequestAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/**
 * The status after `action`, or null when the action does not fit `status`.
 * `resumeTo` is where a paused request returns (recorded when it was paused).
 */
export function nextStatus(status: RequestStatus, action: RequestAction, resumeTo?: RequestStatus | null): RequestStatus | null {
  if (!canTransition(status, action)) return null;
  const to = TRANSITIONS[action].to;
  if (to === 'resume') return resumeTo ?? null;
  return to ?? status;
}

/**
 * Whether a request in this state is in attendance, so someone attends it and
 * it may be reassigned: approved (in service, or awaiting the citizen from
 * service). Awaiting the citizen from analysis it has nobody yet.
 */
export function inAttendance(status: RequestStatus, resumeStatus: RequestStatus | null): boolean {
  return status === 'in_service' || (status === 'awaiting_citizen' && resumeStatus === 'in_service');
}

/** "Sem atendente": in attendance with nobody attending it (its assignee lost access). */
export function isUnassigned(status: RequestStatus, resumeStatus: RequestStatus | null, assigneeId: number | null): boolean {
  return assigneeId === null && inAttendance(status, resumeStatus);
}

/** Statuses in which attendant and citizen may exchange follow-ups. */
export const CONVERSATION_STATUSES: readonly RequestStatus[] = ['submitted', 'in_analysis', 'in_service', 'awaiting_citizen', 'concluded'];
