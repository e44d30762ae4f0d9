// Videoconferência (bff/domain/meetings.ts), without HTTP: the slot and its
// overlaps, who books, moves, cancels, reads and joins, the join window (shared
// with Jitsi's reservation hook), and the Portuguese of each refusal with
// instants in the state's time zone (Rondônia's and Brasília's).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Role } from '../../contract/types.js';
import {
  atLocal,
  changeRefusal,
  decideMeeting,
  joinRefusal,
  joinRefusalText,
  joinsAsModerator,
  meetingSlot,
  notInAttendanceText,
  overlapText,
  overlaps,
  secondsLeft,
  slotRefusal,
} from '../../bff/domain/meetings.js';
import type { Actor, RequestFacts } from '../../bff/domain/permissions.js';

const PORTO_VELHO = 'America/Porto_Velho';
const BRASILIA = 'America/Sao_Paulo';
const actor = (id: number, roles: [number, Role[]][] = []): Actor => ({ id, roles: new Map(roles) });
const CITIZEN = actor(1);
const ATTENDANT = actor(2, [[10, ['attendant']]]);
const MANAGER = actor(3, [[10, ['manager']]]);
const OTHER_INSTITUTION = actor(4, [[20, ['attendant']]]);
const STRANGER = actor(5);
const FILER = actor(6, [[10, ['attendant']]]);
const req = (over: Partial<RequestFacts> = {}): RequestFacts => ({ institutionId: 10, citizenId: 1, assigneeId: 2, status: 'in_service', ...over });

describe('the slot', () => {
  test('ends durationMinutes after the start, as UTC text', () => {
    assert.deepEqual(meetingSlot('2026-12-03T10:00:00-04:00', 45), { startsAt: '2026-12-03T14:00:00.000Z', endsAt: '2026-12-03T14:45:00.000Z' });
  });

  test('overlaps when the slots share an instant; back to back does not', () => {
    const a = meetingSlot('2026-12-03T14:00:00Z', 60);
    assert.equal(overlaps(a, meetingSlot('2026-12-03T14:59:00Z', 30)), true);
    assert.equal(overlaps(a, meetingSlot('2026-12-03T13:30:00Z', 31)), true);
    assert.equal(overlaps(a, meetingSlot('2026-12-03T14:15:00Z', 15)), true, 'inside');
    assert.equal(overlaps(a, meetingSlot('2026-12-03T15:00:00Z', 30)), false, 'starts as it ends');
    assert.equal(overlaps(a, meetingSlot('2026-12-03T13:30:00Z', 30)), false, 'ends as it starts');
  });

  test('a start not in the future is refused', () => {
    const now = new Date('2026-12-03T14:00:00.000Z');
    assert.equal(slotRefusal({ startsAt: '2026-12-03T14:00:00.000Z' }, now), 'past');
    assert.equal(slotRefusal({ startsAt: '2026-12-03T13:59:00.000Z' }, now), 'past');
    assert.equal(slotRefusal({ startsAt: '2026-12-03T14:01:00.000Z' }, now), null);
  });
});

describe('who does what to a request’s meetings', () => {
  test('booking, moving and cancelling: the institution’s staff; its citizen 403; anyone else 404', () => {
    for (const action of ['book', 'reschedule', 'cancel'] as const) {
      assert.equal(decideMeeting(ATTENDANT, req(), action), 'allow', action);
      assert.equal(decideMeeting(MANAGER, req(), action), 'allow', `${action}: another staff member, not the assignee`);
      assert.equal(decideMeeting(CITIZEN, req(), action), 'forbidden', action);
      assert.equal(decideMeeting(OTHER_INSTITUTION, req(), action), 'not_found', action);
      assert.equal(decideMeeting(STRANGER, req(), action), 'not_found', action);
      assert.equal(decideMeeting(FILER, req({ citizenId: FILER.id }), action), 'forbidden', `${action}: never on a request they filed`);
    }
  });

  test('reading and joining: its citizen and staff', () => {
    for (const action of ['read', 'join'] as const) {
      assert.equal(decideMeeting(CITIZEN, req(), action), 'allow', action);
      assert.equal(decideMeeting(ATTENDANT, req(), action), 'allow', action);
      assert.equal(decideMeeting(FILER, req({ citizenId: FILER.id }), action), 'allow', `${action}: as its citizen`);
      assert.equal(decideMeeting(STRANGER, req(), action), 'not_found', action);
      assert.equal(decideMeeting(OTHER_INSTITUTION, req(), action), 'not_found', action);
    }
  });

  test('booking, moving and joining need the request in attendance; cancelling and reading do not', () => {
    assert.equal(decideMeeting(ATTENDANT, req({ status: 'awaiting_citizen', resumeStatus: 'in_service' }), 'book'), 'allow');
    assert.equal(decideMeeting(ATTENDANT, req({ status: 'awaiting_citizen', resumeStatus: 'in_analysis' }), 'book'), 'conflict', 'still in analysis');
    for (const status of ['submitted', 'in_analysis', 'rejected', 'concluded', 'evaluated'] as const) {
      for (const action of ['book', 'reschedule', 'join'] as const)
        assert.equal(decideMeeting(ATTENDANT, req({ status }), action), 'conflict', `${status} ${action}`);
      assert.equal(decideMeeting(ATTENDANT, req({ status }), 'cancel'), 'allow', `${status}: a meeting left over may be cancelled`);
      assert.equal(decideMeeting(CITIZEN, req({ status }), 'read'), 'allow');
    }
    assert.equal(decideMeeting(CITIZEN, req({ status: 'concluded' }), 'book'), 'forbidden', 'the role before the state');
  });

  test('the staff join as moderators, the citizen (also staff on a request they filed) not', () => {
    assert.equal(joinsAsModerator(ATTENDANT, req()), true);
    assert.equal(joinsAsModerator(MANAGER, req()), true);
    assert.equal(joinsAsModerator(CITIZEN, req()), false);
    assert.equal(joinsAsModerator(FILER, req({ citizenId: FILER.id })), false);
  });
});

describe('the join window (join route and reservation hook)', () => {
  const m = { status: 'scheduled' as const, startsAt: '2026-12-03T14:00:00.000Z', endsAt: '2026-12-03T14:30:00.000Z' };
  const at = (iso: string) => new Date(iso);

  test('opens JOIN_LEAD_MINUTES before the start and closes at the end', () => {
    assert.deepEqual(joinRefusal(m, at('2026-12-03T13:49:59.999Z'), 10), { why: 'early', opensAt: '2026-12-03T13:50:00.000Z' });
    assert.equal(joinRefusal(m, at('2026-12-03T13:50:00.000Z'), 10), null);
    assert.equal(joinRefusal(m, at('2026-12-03T14:29:59.999Z'), 10), null);
    assert.deepEqual(joinRefusal(m, at('2026-12-03T14:30:00.000Z'), 10), { why: 'ended' });
    assert.deepEqual(joinRefusal({ ...m, status: 'cancelled' }, at('2026-12-03T14:00:00.000Z'), 10), { why: 'cancelled' });
    assert.deepEqual(joinRefusal(m, at('2026-12-03T13:55:00.000Z'), 0), { why: 'early', opensAt: m.startsAt }, 'no lead time');
  });

  test('the reservation lasts the seconds left until the end', () => {
    assert.equal(secondsLeft(m.endsAt, at('2026-12-03T14:00:00.000Z')), 1800);
    assert.equal(secondsLeft(m.endsAt, at('2026-12-03T14:29:59.500Z')), 0);
    assert.equal(secondsLeft(m.endsAt, at('2026-12-03T15:00:00.000Z')), 0);
  });

  test('moving or cancelling: not a cancelled meeting, nor one that ended', () => {
    assert.equal(changeRefusal(m, at('2026-12-03T14:10:00.000Z')), null);
    assert.equal(changeRefusal(m, at('2026-12-03T14:30:00.000Z')), 'ended');
    assert.equal(changeRefusal({ ...m, status: 'cancelled' }, at('2026-12-03T10:00:00.000Z')), 'cancelled');
  });
});

describe('the refusals in Portuguese, in the state’s time zone', () => {
  for (const [zone, opens, start] of [
    [PORTO_VELHO, '09:50 de 03/12/2026', '10:00 de 03/12/2026'],
    [BRASILIA, '10:50 de 03/12/2026', '11:00 de 03/12/2026'],
  ] as const) {
    test(`${zone}: when "Acessar" opens, and the host's other booking`, () => {
      assert.equal(atLocal('2026-12-03T14:00:00.000Z', zone), start);
      assert.equal(joinRefusalText({ why: 'early', opensAt: '2026-12-03T13:50:00.000Z' }, zone), `O acesso abre às ${opens}.`);
      assert.equal(
        overlapText({ startsAt: '2026-12-03T14:00:00.000Z', protocol: '2026/000123' }, zone),
        `Você já tem uma videoconferência às ${start} (protocolo 2026/000123).`,
      );
      assert.match(overlapText({ startsAt: '2026-12-03T14:00:00.000Z', protocol: '2026/000123' }, zone, 'Ana'), /^Ana já tem uma videoconferência/);
    });
  }

  test('a local day changes at the zone’s midnight', () => {
    assert.equal(atLocal('2026-12-04T03:30:00.000Z', PORTO_VELHO), '23:30 de 03/12/2026');
    assert.equal(atLocal('2026-12-04T03:30:00.000Z', BRASILIA), '00:30 de 04/12/2026');
  });

  test('a request not in attendance is named by its status', () => {
    assert.match(notInAttendanceText({ status: 'concluded' }), /esta está concluída\.$/);
    assert.match(notInAttendanceText({ status: 'in_analysis' }), /esta está em análise\.$/);
    assert.match(notInAttendanceText({ status: 'awaiting_citizen', resumeStatus: 'in_analysis' }), /aguardando o cidadão ainda na análise/);
    assert.equal(joinRefusalText({ why: 'ended' }, PORTO_VELHO), 'Esta videoconferência já terminou.');
  });
});
