// The state's clock over HTTP, the same cases in two zones (TIME_ZONE): the
// elements learn the zone from GET /api/config; a request filed late on
// New Year's Eve (already next year in UTC) takes that year's protocol; a
// calendar deadline ends at 23:59:59.999 local; an unknown zone refuses to start.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../bff/config.js';
import { insertPublishedService } from '../../db/queries/services.js';
import { addDays, endOfLocalDay, localDate, localTime, zonedInstant } from '../../contract/time.js';
import { SERVICE_DOCUMENTS, SERVICE_FIELDS, type TestContext, createTestContext, filingBody } from '../helpers.js';

const ENGINE = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

for (const zone of ['America/Porto_Velho', 'America/Sao_Paulo']) {
  describe(`TIME_ZONE=${zone} (${ENGINE})`, () => {
    let t: TestContext;
    before(async () => {
      t = await createTestContext({ env: { TIME_ZONE: zone } });
    });
    after(() => t.close());

    const file = async (serviceId: number) => {
      const res = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(serviceId) });
      const body = await res.json();
      assert.equal(res.status, 201, JSON.stringify(body));
      return body as { id: number; protocol: string; filedAt: string; dueAt: string };
    };

    test('GET /api/config answers the zone, to anyone', async () => {
      assert.equal(t.config.timeZone, zone);
      const res = await t.call('GET', '/api/config');
      assert.equal(res.status, 200);
      const config = await res.json();
      assert.equal(config.timeZone, zone);
    });

    test('a request filed at 23:30 local on 31 Dec (already 1 Jan in UTC) takes that year’s protocol', async () => {
      const late = zonedInstant('2026-12-31', '23:30', zone);
      assert.equal(late.toISOString().slice(0, 4), '2027', 'UTC has turned the year');
      t.clock.now = late;
      const r = await file(t.fx.service);
      assert.match(r.protocol, /^2026\//);
      assert.equal(r.filedAt, late.toISOString());
      // Half an hour later, local New Year: the new year's first protocol.
      t.clock.now = zonedInstant('2027-01-01', '00:00', zone);
      assert.equal((await file(t.fx.service)).protocol, '2027/000001');
    });

    test('a calendar deadline ends at 23:59:59.999 local of its last day, also when filed late at night', async () => {
      const { id } = await insertPublishedService(t.database.db, {
        institutionId: t.fx.instA,
        name: 'Certidão negativa',
        description: 'Certidão em dias corridos.',
        fields: SERVICE_FIELDS,
        documents: SERVICE_DOCUMENTS,
        deadlineDays: 5,
        deadlineKind: 'calendar',
        steps: [],
        at: new Date('2026-11-01T12:00:00.000Z').toISOString(),
      });
      for (const time of ['09:00', '23:30']) {
        t.clock.now = zonedInstant('2026-11-27', time, zone);
        const r = await file(id);
        const due = new Date(r.dueAt);
        assert.equal(r.dueAt, endOfLocalDay(addDays('2026-11-27', 5), zone).toISOString(), `filed at ${time}`);
        assert.equal(localDate(due, zone), '2026-12-02');
        assert.equal(localTime(due, zone), '23:59');
        assert.equal(localDate(new Date(due.getTime() + 1), zone), '2026-12-03', 'the next instant is the next day');
      }
    });
  });
}

describe('TIME_ZONE is checked when the server starts', () => {
  const env = (TIME_ZONE?: string) => ({ DEV_IDP: '1', ...(TIME_ZONE === undefined ? {} : { TIME_ZONE }) });
  test('an unknown zone refuses to start, with a message naming the setting and an example', () => {
    for (const bad of ['Brasília', 'America/Porto Velho', 'UTC-4', 'Mars/Olympus_Mons']) {
      assert.throws(() => loadConfig(env(bad)), /TIME_ZONE: ".*" is not an IANA time zone such as America\/Porto_Velho/, bad);
    }
  });

  test('unset or blank: the manual’s state; surrounding spaces ignored', () => {
    assert.equal(loadConfig(env()).timeZone, 'America/Porto_Velho');
    assert.equal(loadConfig(env('')).timeZone, 'America/Porto_Velho');
    assert.equal(loadConfig(env(' America/Sao_Paulo ')).timeZone, 'America/Sao_Paulo');
  });
});
