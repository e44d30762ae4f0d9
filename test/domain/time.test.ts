// contract/time.ts: calendar days and wall-clock times in a named zone, in the
// two zones the tests run in and in one with daylight saving time
// (America/New_York: clocks go forward on 8 Mar 2026 at 02:00 and back on
// 1 Nov 2026 at 02:00).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_TIME_ZONE,
  addDays,
  endOfLocalDay,
  isCalendarDay,
  isTimeZone,
  localDate,
  localTime,
  startOfLocalDay,
  wallClock,
  zoneOffsetMs,
  zonedInstant,
} from '../../contract/time.js';
import { ZONES, wall } from './zones.js';

const NEW_YORK = 'America/New_York';
const HOUR = 60 * 60 * 1000;

test('the default zone is the manual’s state, Rondônia', () => {
  assert.equal(DEFAULT_TIME_ZONE, 'America/Porto_Velho');
});

for (const z of ZONES) {
  describe(`in ${z.zone}`, () => {
    test('the local day and time of an instant', () => {
      const at = new Date(wall(z, '2026-12-03', '10:00'));
      assert.equal(localDate(at, z.zone), '2026-12-03');
      assert.equal(localTime(at, z.zone), '10:00');
      assert.equal(zoneOffsetMs(at.getTime(), z.zone), -z.hoursBehindUtc * HOUR);
      assert.deepEqual(wallClock(at, z.zone), { year: 2026, month: 12, day: 3, hour: 10, minute: 0, second: 0 });
    });

    test('late in the evening it is still the local day, though UTC has moved on', () => {
      const at = new Date(wall(z, '2026-12-31', '23:30'));
      assert.equal(at.toISOString().slice(0, 10), '2027-01-01');
      assert.equal(localDate(at, z.zone), '2026-12-31');
      assert.equal(localTime(at, z.zone), '23:30');
    });

    test('zonedInstant is the inverse of localDate/localTime', () => {
      assert.equal(zonedInstant('2026-12-03', '10:00', z.zone).toISOString(), wall(z, '2026-12-03', '10:00'));
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7 * HOUR + 13 * 60 * 1000) {
        const at = new Date(t - (t % 60000));
        assert.equal(zonedInstant(localDate(at, z.zone), localTime(at, z.zone), z.zone).getTime(), at.getTime());
      }
    });

    test('a day starts at local midnight and ends at 23:59:59.999 local', () => {
      assert.equal(startOfLocalDay('2026-12-31', z.zone).toISOString(), wall(z, '2026-12-31', '00:00'));
      assert.equal(endOfLocalDay('2026-12-31', z.zone).toISOString(), wall(z, '2026-12-31', '23:59:59.999'));
      assert.equal(endOfLocalDay('2028-02-28', z.zone).getTime() + 1, startOfLocalDay('2028-02-29', z.zone).getTime());
    });
  });
}

describe('across daylight saving time (America/New_York)', () => {
  test('the offset changes with the clocks: −5 h in winter, −4 h in summer', () => {
    assert.equal(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), NEW_YORK), -5 * HOUR);
    assert.equal(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), NEW_YORK), -4 * HOUR);
  });

  test('the March change: 8 Mar has 23 hours, 02:30 does not exist', () => {
    assert.equal(startOfLocalDay('2026-03-08', NEW_YORK).toISOString(), '2026-03-08T05:00:00.000Z');
    assert.equal(endOfLocalDay('2026-03-08', NEW_YORK).toISOString(), '2026-03-09T03:59:59.999Z');
    assert.equal(endOfLocalDay('2026-03-08', NEW_YORK).getTime() + 1 - startOfLocalDay('2026-03-08', NEW_YORK).getTime(), 23 * HOUR);
    assert.equal(zonedInstant('2026-03-08', '01:59', NEW_YORK).toISOString(), '2026-03-08T06:59:00.000Z');
    assert.equal(zonedInstant('2026-03-08', '03:00', NEW_YORK).toISOString(), '2026-03-08T07:00:00.000Z');
    // The skipped half hour resolves to the instant after the jump (03:30 EDT).
    const skipped = zonedInstant('2026-03-08', '02:30', NEW_YORK);
    assert.equal(skipped.toISOString(), '2026-03-08T07:30:00.000Z');
    assert.equal(localTime(skipped, NEW_YORK), '03:30');
    assert.equal(localTime(new Date('2026-03-08T06:59:00Z'), NEW_YORK), '01:59');
    assert.equal(localTime(new Date('2026-03-08T07:00:00Z'), NEW_YORK), '03:00');
  });

  test('the November change: 1 Nov has 25 hours', () => {
    assert.equal(startOfLocalDay('2026-11-01', NEW_YORK).toISOString(), '2026-11-01T04:00:00.000Z');
    assert.equal(endOfLocalDay('2026-11-01', NEW_YORK).toISOString(), '2026-11-02T04:59:59.999Z');
    assert.equal(endOfLocalDay('2026-11-01', NEW_YORK).getTime() + 1 - startOfLocalDay('2026-11-01', NEW_YORK).getTime(), 25 * HOUR);
    assert.equal(zonedInstant('2026-11-01', '00:30', NEW_YORK).toISOString(), '2026-11-01T04:30:00.000Z');
    assert.equal(zonedInstant('2026-11-01', '03:00', NEW_YORK).toISOString(), '2026-11-01T08:00:00.000Z');
    // 01:30 happens twice: once in EDT (05:30Z), once in EST (06:30Z); both read back as 01:30.
    assert.equal(localTime(new Date('2026-11-01T05:30:00Z'), NEW_YORK), '01:30');
    assert.equal(localTime(new Date('2026-11-01T06:30:00Z'), NEW_YORK), '01:30');
    assert.ok(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'].includes(zonedInstant('2026-11-01', '01:30', NEW_YORK).toISOString()));
  });

  test('round trips over a whole year, the changes included (times that exist)', () => {
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3 * HOUR + 17 * 60 * 1000) {
      const at = new Date(t - (t % 60000));
      const back = zonedInstant(localDate(at, NEW_YORK), localTime(at, NEW_YORK), NEW_YORK);
      const ambiguous = at.toISOString() >= '2026-11-01T05:00:00Z' && at.toISOString() < '2026-11-01T07:00:00Z';
      if (ambiguous) assert.equal(Math.abs(back.getTime() - at.getTime()) % HOUR, 0);
      else assert.equal(back.getTime(), at.getTime(), at.toISOString());
    }
  });

  test('every day of the year starts where the previous one ended', () => {
    for (let day = '2026-01-01'; day < '2027-01-01'; day = addDays(day, 1)) {
      assert.equal(endOfLocalDay(day, NEW_YORK).getTime() + 1, startOfLocalDay(addDays(day, 1), NEW_YORK).getTime(), day);
      assert.equal(localDate(startOfLocalDay(day, NEW_YORK), NEW_YORK), day);
      assert.equal(localTime(startOfLocalDay(day, NEW_YORK), NEW_YORK), '00:00');
    }
  });
});

describe('days and zone names', () => {
  test('addDays crosses months, years and leap days', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-11-27', 30), '2026-12-27');
  });

  test('isCalendarDay accepts real days only', () => {
    for (const d of ['2026-12-31', '2028-02-29']) assert.equal(isCalendarDay(d), true, d);
    for (const d of ['2026-02-29', '2026-13-01', '2026-12-32', '31/12/2026', '2026-1-1', '']) assert.equal(isCalendarDay(d), false, d);
  });

  test('isTimeZone knows IANA names and refuses anything else', () => {
    for (const z of ['America/Porto_Velho', 'America/Sao_Paulo', 'America/New_York', 'UTC']) assert.equal(isTimeZone(z), true, z);
    for (const z of ['', 'Brasília', 'America/Porto Velho', 'GMT-4x', ' America/Porto_Velho', 'Mars/Olympus_Mons']) assert.equal(isTimeZone(z), false, z);
  });
});
