// The request life cycle as a pure state machine (DESIGN.md):
//
// submitted ─start_analysis▶ in_analysis ─reject▶ rejected
//                              └─approve▶ in_service ─conclude▶ concluded ─evaluate▶ evaluated
import type { RequestAction, RequestStatus } from '../contract.js';

interface Transition {
  from: readonly RequestStatus[];
  /** null: the action leaves the status as it is. */
  to: RequestStatus | null;
}

export const TRANSITIONS: Record<RequestAction, Transition> = {
  start_analysis: { from: ['submitted'], to: 'in_analysis' },
  answer_step: { from: ['in_analysis', 'in_service'], to: null },
  approve: { from: ['in_analysis'], to: 'in_service' },
  reject: { from: ['in_analysis'], to: 'rejected' },
  conclude: { from: ['in_service'], to: 'concluded' },
  evaluate: { from: ['concluded'], to: 'evaluated' },
};

export function canTransition(status: RequestStatus, action: RequestAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or null when the action does not fit `status`. */
export function nextStatus(status: RequestStatus, action: RequestAction): RequestStatus | null {
  if (!canTransition(status, action)) return null;
  return TRANSITIONS[action].to ?? status;
}

export const FINAL_STATUSES: readonly RequestStatus[] = ['rejected', 'evaluated'];
