// The state machine and permission rules, for every state × action × role.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestAction, type RequestStatus, type Role } from '../../contract/types.js';
import {
  ACTION_RULES,
  type Actor,
  type Decision,
  allowedActions,
  assigneeRefusal,
  canDownload,
  decide,
  decideFollowUp,
  hiddenActions,
  postableKinds,
  seesInternal,
  sideOf,
  stepView,
} from '../../bff/domain/permissions.js';
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
  // In attendance: in service, or awaiting the citizen from service (the requests below resume there).
  reassign: ['in_service', 'awaiting_citizen'],
  // After an evaluation that did not approve (the window is bff/domain/evaluations.ts).
  reopen: ['evaluated'],
};
const TO: Partial<Record<RequestAction, RequestStatus>> = {
  start_analysis: 'in_analysis',
  approve: 'in_service',
  reject: 'rejected',
  conclude: 'concluded',
  evaluate: 'evaluated',
  ask_citizen: 'awaiting_citizen',
  reopen: 'in_service',
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
  reassign: ['attendant', 'assignee', 'manager'],
  reopen: ['owner'],
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
      const req = {
        institutionId: INST,
        citizenId: OWNER,
        assigneeId: ASSIGNEE,
        status,
        resumeStatus: status === 'awaiting_citizen' ? ('in_service' as const) : null,
      };
      for (const [role, a] of Object.entries(ROLES)) {
        for (const action of REQUEST_ACTIONS) {
          assert.equal(decide(a, req, action), expected(role, action, status), `${role} ${action} on ${status}`);
        }
      }
    });
  }

  test('allowedActions lists exactly the allowed ones', () => {
    const req = { institutionId: INST, citizenId: OWNER, assigneeId: ASSIGNEE, status: 'in_service' as const };
    assert.deepEqual(allowedActions(ROLES.assignee, req, REQUEST_ACTIONS), ['answer_step', 'conclude', 'ask_citizen', 'reassign']);
    assert.deepEqual(allowedActions(ROLES.attendant, req, REQUEST_ACTIONS), ['answer_step', 'ask_citizen', 'reassign']);
    assert.deepEqual(allowedActions(ROLES.owner, req, REQUEST_ACTIONS), []);
  });

  test('reassigning needs a request in attendance: not awaiting the citizen from analysis, where nobody is named yet', () => {
    const awaiting = { institutionId: INST, citizenId: OWNER, assigneeId: null, status: 'awaiting_citizen' as const };
    assert.equal(decide(ROLES.attendant, { ...awaiting, resumeStatus: 'in_analysis' }, 'reassign'), 'conflict');
    assert.equal(decide(ROLES.attendant, { ...awaiting, resumeStatus: 'in_service' }, 'reassign'), 'allow');
    assert.equal(decide(ROLES.attendant, awaiting, 'reassign'), 'conflict', 'where it resumes unknown: not in attendance');
    assert.equal(decide(ROLES.foreignManager, { ...awaiting, resumeStatus: 'in_service' }, 'reassign'), 'not_found');
    const unassigned = { institutionId: INST, citizenId: OWNER, assigneeId: null, status: 'in_service' as const };
    assert.deepEqual(
      allowedActions(ROLES.manager, unassigned, REQUEST_ACTIONS),
      ['answer_step', 'ask_citizen', 'reassign'],
      'nobody may conclude it until reassigned',
    );
  });

  test('a staff member is a citizen for their own request in another institution', () => {
    const req = { institutionId: OTHER_INST, citizenId: 21, assigneeId: null, status: 'concluded' as const };
    assert.equal(decide(ROLES.attendant, req, 'evaluate'), 'allow');
    assert.equal(decide(ROLES.attendant, req, 'start_analysis'), 'forbidden');
  });
});

describe('separation of duties: staff on a request they filed are its citizen', () => {
  // Staff of the request's institution who filed it; one of them is even its assignee.
  const FILERS: Record<string, Actor> = {
    filerAttendant: actor(OWNER, [[INST, ['attendant']]]),
    filerManager: actor(OWNER, [[INST, ['manager', 'attendant']]]),
  };
  for (const assigneeId of [ASSIGNEE, OWNER]) {
    test(`every state × action, assignee ${assigneeId === OWNER ? 'the filer' : 'someone else'}`, () => {
      for (const status of REQUEST_STATUSES) {
        const req = { institutionId: INST, citizenId: OWNER, assigneeId, status };
        for (const [name, a] of Object.entries(FILERS)) {
          for (const action of REQUEST_ACTIONS) {
            assert.equal(decide(a, req, action), expected('owner', action, status), `${name} ${action} on ${status}`);
          }
        }
      }
    });
  }

  test('they see their request as the citizen: no internal notes, the citizen’s side and kinds', () => {
    const filer = FILERS.filerAttendant;
    const req = { institutionId: INST, citizenId: OWNER, assigneeId: ASSIGNEE, status: 'in_service' as const };
    assert.equal(seesInternal(filer, req), false);
    assert.deepEqual(hiddenActions(filer, req), ['internal_note']);
    assert.equal(canDownload(filer, req, 'internal_note'), false);
    assert.equal(canDownload(filer, req, 'message'), true);
    assert.equal(canDownload(filer, req, null), true);
    assert.equal(sideOf(filer, req), 'citizen');
    assert.equal(stepView(filer, req), 'progress');
    assert.equal(decideFollowUp(filer, req, 'internal_note'), 'forbidden');
    assert.equal(decideFollowUp(filer, req, 'info_request'), 'forbidden');
    assert.deepEqual(postableKinds(filer, req), ['message']);
    // On another citizen's request of the same institution they are staff.
    const others = { ...req, citizenId: 11 };
    assert.equal(seesInternal(filer, others), true);
    assert.equal(sideOf(filer, others), 'staff');
    assert.equal(stepView(filer, others), 'answers');
    assert.deepEqual(postableKinds(filer, others), ['message', 'internal_note', 'info_request']);
  });

  test('the citizen reads the steps as progress, staff read the answers', () => {
    const req = { institutionId: INST, citizenId: OWNER, assigneeId: ASSIGNEE, status: 'in_analysis' as const };
    assert.equal(stepView(ROLES.owner, req), 'progress');
    assert.equal(stepView(ROLES.attendant, req), 'answers');
  });

  test('nobody is named assignee of a request they filed', () => {
    const req = { citizenId: OWNER };
    assert.equal(assigneeRefusal({ id: OWNER, roles: ['attendant'] }, req), 'filed_it');
    assert.equal(assigneeRefusal({ id: OWNER, roles: ['manager'] }, req), 'filed_it');
    assert.equal(assigneeRefusal({ id: ASSIGNEE, roles: ['attendant'] }, req), null);
    assert.equal(assigneeRefusal({ id: ASSIGNEE, roles: ['admin'] }, req), 'not_staff');
  });

  test('the rules table (which the OpenAPI "Who" is written from) says what the hand-written table says', () => {
    const PARTY: Record<string, string[]> = { staff: ['attendant', 'assignee', 'manager'], assignee: ['assignee'], citizen: ['owner'] };
    for (const action of REQUEST_ACTIONS) assert.deepEqual(PARTY[ACTION_RULES[action].who], WHO[action], action);
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
