// Evaluations' clock (bff/domain/evaluations.ts) in each of the two zones:
// the reopen window ends at the end of a local day; the panel's twelve months
// are local months, bounded by each month's first local instant.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatLocalDay, lastTwelveMonths, reopenRefusal, reopenUntil } from '../../bff/domain/evaluations.js';
import { ZONES, wall } from './zones.js';

for (const z of ZONES) {
  describe(`the reopen window in ${z.zone}`, () => {
    test('a "not approved" evaluation may be reopened until the end of the 7th local day after it', () => {
      const createdAt = wall(z, '2026-11-12', '10:00');
      assert.equal(reopenUntil({ verdict: 'rejected', createdAt }, 7, z.zone), wall(z, '2026-11-19', '23:59:59.999'));
      assert.equal(reopenUntil({ verdict: 'approved', createdAt }, 7, z.zone), null, 'nothing to reopen');
      assert.equal(reopenUntil({ verdict: 'rejected', createdAt }, 0, z.zone), wall(z, '2026-11-12', '23:59:59.999'), '0: the same day');
    });

    test('an evaluation at 23:30 local (the next day in UTC) counts from its local day', () => {
      const createdAt = wall(z, '2026-11-12', '23:30');
      assert.equal(createdAt.slice(0, 10), '2026-11-13');
      assert.equal(reopenUntil({ verdict: 'rejected', createdAt }, 7, z.zone), wall(z, '2026-11-19', '23:59:59.999'));
      assert.equal(formatLocalDay(createdAt, z.zone), '12/11/2026');
    });

    test('refused from the first instant after the window, not before', () => {
      const e = { verdict: 'rejected' as const, createdAt: wall(z, '2026-11-12', '10:00') };
      const until = wall(z, '2026-11-19', '23:59:59.999');
      assert.equal(reopenRefusal(e, new Date(until), 7, z.zone), null);
      assert.deepEqual(reopenRefusal(e, new Date(wall(z, '2026-11-20', '00:00')), 7, z.zone), { why: 'expired', until });
      assert.deepEqual(reopenRefusal(null, new Date(until), 7, z.zone), { why: 'none' });
      assert.deepEqual(reopenRefusal({ ...e, verdict: 'approved' }, new Date(until), 7, z.zone), { why: 'approved' });
    });
  });

  describe(`the panel's twelve months in ${z.zone}`, () => {
    test('local months, oldest first, bounded by local midnights', () => {
      const { months, bounds } = lastTwelveMonths(new Date(wall(z, '2026-12-10', '12:00')), z.zone);
      assert.deepEqual(months, [
        '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06',
        '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
      ]); // prettier-ignore
      assert.equal(bounds.length, 13);
      assert.equal(bounds[0], wall(z, '2026-01-01', '00:00'));
      assert.equal(bounds[11], wall(z, '2026-12-01', '00:00'));
      assert.equal(bounds[12], wall(z, '2027-01-01', '00:00'));
    });

    test('on 31 Dec at 23:30 local (already January in UTC) the last month is still December', () => {
      const now = new Date(wall(z, '2026-12-31', '23:30'));
      assert.equal(now.toISOString().slice(0, 7), '2027-01');
      const { months, bounds } = lastTwelveMonths(now, z.zone);
      assert.equal(months.at(-1), '2026-12');
      assert.equal(months[0], '2026-01');
      assert.equal(bounds.at(-1), wall(z, '2027-01-01', '00:00'));
    });

    test('at local midnight of 1 Jan the twelve months move on', () => {
      const { months } = lastTwelveMonths(new Date(wall(z, '2027-01-01', '00:00')), z.zone);
      assert.equal(months[0], '2026-02');
      assert.equal(months.at(-1), '2027-01');
    });
  });
}
