// Who may attend (bff/domain/access.ts), without HTTP: asking, deciding,
// when an authorization ends, where an access stands, what a manager may
// revoke; and the request machine's "in attendance" and "sem atendente".
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REQUEST_STATUSES, type RequestStatus } from '../../contract/types.js';
import { REQUESTED_ROLE, accessExpiry, accessState, askRefusal, canDecide, inForce, isUnitOf, revokeRefusal, untilOf } from '../../bff/domain/access.js';
import { decideAccess, managedInstitutions } from '../../bff/domain/permissions.js';
import { inAttendance, isUnassigned } from '../../bff/domain/request-machine.js';

import { ZONES, wall } from './zones.js';

const NOW = new Date('2026-12-10T15:00:00.000Z'); // 11:00 in Porto Velho, 12:00 in Brasília, 10 Dec

describe('asking for the attendant profile', () => {
  test('the role asked for is attendant', () => assert.equal(REQUESTED_ROLE, 'attendant'));

  test('who attends or manages the institution may not ask; one pending request at a time', () => {
    assert.equal(askRefusal([], false), null);
    assert.equal(askRefusal(['admin'], false), null, 'the administrator role does not attend');
    assert.equal(askRefusal(['attendant'], false), 'already_attends');
    assert.equal(askRefusal(['manager'], true), 'already_attends', 'attending comes first');
    assert.equal(askRefusal([], true), 'pending');
  });

  test('the unit is one of the institution’s (any, when it lists none), spaces aside', () => {
    assert.equal(isUnitOf(['Gerência de Habilitação', 'Gerência de Veículos'], ' Gerência de Veículos '), true);
    assert.equal(isUnitOf(['Gerência de Habilitação'], 'Gerência de veículos'), false);
    assert.equal(isUnitOf([], 'Qualquer'), true);
  });

  test('only a pending request is decided', () => {
    assert.deepEqual((['pending', 'approved', 'rejected'] as const).filter(canDecide), ['pending']);
  });
});

for (const z of ZONES) {
  const endOf = (day: string) => new Date(Date.parse(wall(z, day, '23:59:59.999')) + 1).toISOString();

  describe(`when an authorization ends, in ${z.zone}`, () => {
    test('at the end of its until day in the state’s zone; none without a day; a day before today is refused', () => {
      assert.equal(accessExpiry(undefined, NOW, z.zone), null);
      assert.equal((accessExpiry('2026-12-10', NOW, z.zone) as Date).toISOString(), endOf('2026-12-10'), 'today: until midnight');
      assert.equal((accessExpiry('2026-12-31', NOW, z.zone) as Date).toISOString(), endOf('2026-12-31'));
      assert.equal(accessExpiry('2026-12-09', NOW, z.zone), 'past');
      // 22:30 local on the 10th is already the 11th in UTC: "today" is still the 10th.
      const lateAt = new Date(wall(z, '2026-12-10', '22:30'));
      assert.equal(lateAt.toISOString().slice(0, 10), '2026-12-11');
      assert.equal((accessExpiry('2026-12-10', lateAt, z.zone) as Date).toISOString(), endOf('2026-12-10'));
      assert.equal(accessExpiry('2026-12-10', new Date(endOf('2026-12-10')), z.zone), 'past', 'past local midnight');
    });

    test('untilOf reads the day back from the end', () => {
      assert.equal(untilOf(null, z.zone), null);
      for (const day of ['2026-12-10', '2026-12-31', '2028-02-29']) {
        assert.equal(untilOf((accessExpiry(day, NOW, z.zone) as Date).toISOString(), z.zone), day);
      }
    });
  });
}

describe('where an access stands', () => {
  const end = '2026-12-11T04:00:00.000Z';
  test('in force until its end, even before the sweep records it; ended by revocation or expiry', () => {
    const open = { revoked_at: null, expires_at: end, end_kind: null };
    assert.equal(inForce(open, NOW), true);
    assert.equal(inForce(open, new Date(Date.parse(end) - 1)), true, 'the last instant of the day');
    assert.equal(inForce(open, new Date(end)), false);
    assert.equal(inForce({ revoked_at: null, expires_at: null }, new Date('2100-01-01')), true);
    assert.equal(accessState(open, NOW), 'active');
    assert.equal(accessState(open, new Date(end)), 'expired', 'by the clock, not yet recorded');
    assert.equal(accessState({ revoked_at: end, expires_at: end, end_kind: 'expired' }, NOW), 'expired', 'recorded by the sweep');
    assert.equal(accessState({ revoked_at: NOW.toISOString(), expires_at: end, end_kind: 'revoked' }, NOW), 'revoked');
    assert.equal(accessState({ revoked_at: NOW.toISOString(), expires_at: null, end_kind: null }, NOW), 'revoked', 'revoked before end_kind existed');
  });

  test('a manager revokes attendants in force only: managers are the administrator’s', () => {
    const attendant = { role: 'attendant', revoked_at: null, expires_at: null, end_kind: null };
    assert.equal(revokeRefusal(attendant, NOW), null);
    assert.equal(revokeRefusal({ ...attendant, role: 'manager' }, NOW), 'not_attendant');
    assert.equal(revokeRefusal({ ...attendant, revoked_at: NOW.toISOString(), end_kind: 'revoked' }, NOW), 'ended');
    assert.equal(revokeRefusal({ ...attendant, expires_at: NOW.toISOString() }, NOW), 'ended', 'expired by the clock');
  });
});

describe('who decides who attends', () => {
  const actor = (roles: [number, ('attendant' | 'manager')[]][]) => ({ id: 1, roles: new Map(roles) });
  test('the institution’s managers; its attendants 403; anyone else 404', () => {
    assert.equal(decideAccess(actor([[1, ['manager']]]), 1), 'allow');
    assert.equal(decideAccess(actor([[1, ['attendant']]]), 1), 'forbidden');
    assert.equal(decideAccess(actor([[2, ['manager']]]), 1), 'not_found');
    assert.equal(decideAccess(actor([]), 1), 'not_found');
    assert.deepEqual(
      managedInstitutions(
        actor([
          [1, ['attendant']],
          [2, ['manager']],
          [3, ['attendant', 'manager']],
        ]),
      ),
      [2, 3],
    );
  });
});

describe('in attendance, and "sem atendente"', () => {
  test('in service, or awaiting the citizen from service', () => {
    const inside = REQUEST_STATUSES.flatMap((s) => (['in_analysis', 'in_service', null] as (RequestStatus | null)[]).map((r) => [s, r] as const)).filter(
      ([s, r]) => inAttendance(s, r),
    );
    assert.deepEqual(inside, [
      ['in_service', 'in_analysis'],
      ['in_service', 'in_service'],
      ['in_service', null],
      ['awaiting_citizen', 'in_service'],
    ]);
  });

  test('unassigned: in attendance with nobody attending', () => {
    assert.equal(isUnassigned('in_service', null, null), true);
    assert.equal(isUnassigned('in_service', null, 7), false);
    assert.equal(isUnassigned('awaiting_citizen', 'in_service', null), true);
    assert.equal(isUnassigned('awaiting_citizen', 'in_analysis', null), false, 'nobody was named yet');
    assert.equal(isUnassigned('in_analysis', null, null), false);
    assert.equal(isUnassigned('concluded', null, null), false);
  });
});
