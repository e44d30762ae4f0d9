// The state machine and permission rules, for every state × action × role.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestAction, type RequestStatus, type Role } from '../../contract/types.js';
import { type Actor, type Decision, allowedActions, decide } from '../../bff/domain/permissions.js';
import { nextStatus } from '../../bff/domain/request-machine.js';

const INST = 1;
const OTHER_INST = 2;
const OWNER = 10;
const ASSIGNEE = 20;

const actor = (id: number, roles: [number, Role[]][] = []): Actor => ({ id, roles: new Map(roles) });
const ROLES: Record<string, Actor> = {
  owner: actor(OWNER),
  otherCitizen: actor(11),
  attendant: actor(21, [[INST, ['attendant']]]),
  assignee: actor(ASSIGNEE, [[INST, ['attendant']]]),
  manager: actor(30, [[INST, ['manager']]]),
  foreignAttendant: actor(40, [[OTHER_INST, ['attendant']]]),
  foreignManager: actor(41, [[OTHER_INST, ['manager']]]),
  admin: actor(50, [[INST, ['admin']]]),
};

// Written out by hand from DESIGN.md, not derived from the code under test.
const FROM: Record<RequestAction, RequestStatus[]> = {
  start_analysis: ['submitted'],
  answer_step: ['in_analysis', 'in_service'],
  approve: ['in_analysis'],
  reject: ['in_analysis'],
  conclude: ['in_service'],
  evaluate: ['concluded'],
  ask_citizen: ['in_analysis', 'in_service'],
  citizen_reply: ['awaiting_citizen'],
};
const TO: Partial<Record<RequestAction, RequestStatus>> = {
  start_analysis: 'in_analysis',
  approve: 'in_service',
  reject: 'rejected',
  conclude: 'concluded',
  evaluate: 'evaluated',
  ask_citizen: 'awaiting_citizen',
};
const WHO: Record<RequestAction, string[]> = {
  start_analysis: ['attendant', 'assignee', 'manager'],
  answer_step: ['attendant', 'assignee', 'manager'],
  approve: ['attendant', 'assignee', 'manager'],
  reject: ['attendant', 'assignee', 'manager'],
  conclude: ['assignee'],
  evaluate: ['owner'],
  ask_citizen: ['attendant', 'assignee', 'manager'],
  citizen_reply: ['owner'],
};
const SEES = new Set(['owner', 'attendant', 'assignee', 'manager']);

function expected(role: string, action: RequestAction, status: RequestStatus): Decision {
  if (!SEES.has(role)) return 'not_found';
  if (!WHO[action].includes(role)) return 'forbidden';
  if (!FROM[action].includes(status)) return 'conflict';
  return 'allow';
}

describe('permissions: every state × action × role', () => {
  for (const status of REQUEST_STATUSES) {
    test(`status ${status}`, () => {
      const req = { institutionId: INST, citizenId: OWNER, assigneeId: ASSIGNEE, status };
      for (const [role, a] of Object.entries(ROLES)) {
        for (const action of REQUEST_ACTIONS) {
          assert.equal(decide(a, req, action), expected(role, action, status), `${role} ${action} on ${status}`);
        }
      }
    });
  }

  test('allowedActions lists exactly the allowed ones', () => {
    const req = { institutionId: INST, citizenId: OWNER, assigneeId: ASSIGNEE, status: 'in_service' as const };
    assert.deepEqual(allowedActions(ROLES.assignee, req, REQUEST_ACTIONS), ['answer_step', 'conclude', 'ask_citizen']);
    assert.deepEqual(allowedActions(ROLES.attendant, req, REQUEST_ACTIONS), ['answer_step', 'ask_citizen']);
    assert.deepEqual(allowedActions(ROLES.owner, req, REQUEST_ACTIONS), []);
  });

  test('a staff member is a citizen for their own request in another institution', () => {
    const req = { institutionId: OTHER_INST, citizenId: 21, assigneeId: null, status: 'concluded' as const };
    assert.equal(decide(ROLES.attendant, req, 'evaluate'), 'allow');
    assert.equal(decide(ROLES.attendant, req, 'start_analysis'), 'forbidden');
  });
});

describe('state machine', () => {
  test('transitions go where the life cycle says, and nowhere else', () => {
    for (const status of REQUEST_STATUSES) {
      for (const action of REQUEST_ACTIONS) {
        const resumeTo = 'in_service';
        const want = FROM[action].includes(status) ? (action === 'citizen_reply' ? resumeTo : (TO[action] ?? status)) : null;
        assert.equal(nextStatus(status, action, resumeTo), want, `${action} from ${status}`);
      }
    }
  });
});
