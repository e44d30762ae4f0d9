// The day agenda (issue #12) over HTTP, on the engine of the run: a day's
// meetings in the state's time zone (run in two zones), mine vs the
// institution, who may read it; the CSV and iCalendar downloads parsed back
// by parser libraries; one meeting's .ics; share links (valid, expired,
// tampered, revoked) and who may revoke them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { zonedInstant } from '../../contract/time.js';
import { type TestContext, createTestContext, inService, json, problem } from '../helpers.js';

const ENGINE = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const MINUTE = 60 * 1000;
const CITIZEN_NAME = 'Maria da Silva Oliveira';
const TRICKY_SUBJECT = 'Revisão "urgente", CNH; categoria B\nsegunda linha — ação, ônus';

type Users = TestContext['fx']['users'];

/** A request of institution A (or B) filed by the citizen and in service with its attendant as assignee. */
async function requestInService(t: TestContext, o: { b?: boolean; citizenName?: string } = {}) {
  const r = await inService(t, { b: o.b });
  if (o.citizenName) await t.database.db.updateTable('requests').set({ citizen_name: o.citizenName }).where('id', '=', r.id).execute();
  return r as { id: number; protocol: string };
}

/**
 * A meeting booked on a request through the API by its host; cancelled with a
 * reason, or moved there from an hour later (version 2), when asked.
 */
async function meeting(
  t: TestContext,
  requestId: number,
  o: { host: keyof Users; startsAt: Date; minutes?: number; subject?: string; cancelled?: string; version?: 2 },
): Promise<{ id: number; starts_at: string; ends_at: string }> {
  const as = o.host;
  const first = o.version === 2 ? new Date(o.startsAt.getTime() + 60 * MINUTE) : o.startsAt;
  const body = { startsAt: first.toISOString(), durationMinutes: o.minutes ?? 30, subject: o.subject ?? 'Conferência de documentos' };
  let m = await json(await t.call('POST', `/api/requests/${requestId}/meetings`, { as, body }), 201, 'booking');
  if (o.version === 2) m = await json(await t.call('PATCH', `/api/meetings/${m.id}`, { as, body: { startsAt: o.startsAt.toISOString() } }), 200, 'moving');
  if (o.cancelled) m = await json(await t.call('POST', `/api/meetings/${m.id}/cancel`, { as, body: { reason: o.cancelled } }), 200, 'cancelling');
  return { id: m.id, starts_at: m.startsAt, ends_at: m.endsAt };
}

for (const zone of ['America/Porto_Velho', 'America/Sao_Paulo']) {
  describe(`agenda day boundaries in ${zone} (${ENGINE})`, () => {
    let t: TestContext;
    before(async () => {
      t = await createTestContext({ env: { TIME_ZONE: zone } });
      t.clock.now = new Date('2026-12-01T14:00:00.000Z');
    });
    after(() => t.close());

    test('a day is the local day: 23:30 is on it though it is the next day in UTC; 23:59 of the day before is not', async () => {
      const r = await inService(t);
      const late = await meeting(t, r.id, { host: 'attendant', startsAt: zonedInstant('2026-12-03', '23:30', zone) });
      const early = await meeting(t, r.id, { host: 'attendant', startsAt: zonedInstant('2026-12-03', '00:00', zone) });
      await meeting(t, r.id, { host: 'attendant2', startsAt: zonedInstant('2026-12-02', '23:59', zone) });
      await meeting(t, r.id, { host: 'attendant', startsAt: zonedInstant('2026-12-04', '00:00', zone) });
      assert.equal(late.starts_at.slice(0, 10), '2026-12-04', 'the late one is the next day in UTC');
      const page = await json(await t.call('GET', '/api/meetings?date=2026-12-03', { as: 'attendant' }), 200);
      assert.equal(page.timeZone, zone);
      assert.deepEqual(
        page.items.map((m: { id: number }) => m.id),
        [early.id, late.id],
      );
      const csv = parse(await (await t.call('GET', '/api/meetings?date=2026-12-03&format=csv', { as: 'attendant' })).text(), {
        delimiter: ';',
        bom: true,
        columns: true,
      }) as Record<string, string>[];
      assert.deepEqual(
        csv.map((row) => [row['Início'], row['Fim']]),
        [
          ['00:00', '00:30'],
          ['23:30', '00:00'],
        ],
      );
    });
  });
}

describe(`agenda (${ENGINE})`, () => {
  let t: TestContext;
  const DAY = '2026-12-03';
  const zone = 'America/Porto_Velho';
  let req: { id: number; protocol: string };
  let reqB: { id: number; protocol: string };
  const m: Record<string, { id: number; starts_at: string; ends_at: string }> = {};

  before(async () => {
    t = await createTestContext({ env: { TIME_ZONE: zone } });
    t.clock.now = new Date('2026-12-01T14:00:00.000Z'); // 10:00 in Porto Velho
    // attendantFiler also attends institution B: a share link needs to say which.
    await t.database.db
      .insertInto('memberships')
      .values({
        user_id: t.fx.users.attendantFiler.id,
        institution_id: t.fx.instB,
        role: 'attendant',
        unit: null,
        granted_by: null,
        granted_at: '2026-11-01T12:00:00.000Z',
        ordinance: null,
        revoked_at: null,
      })
      .execute();
    req = await requestInService(t, { citizenName: CITIZEN_NAME });
    reqB = await requestInService(t, { b: true });
    m.first = await meeting(t, req.id, { host: 'attendant', startsAt: zonedInstant(DAY, '09:00', zone), subject: TRICKY_SUBJECT, version: 2 });
    m.second = await meeting(t, req.id, { host: 'attendant2', startsAt: zonedInstant(DAY, '10:00', zone), minutes: 45 });
    m.cancelled = await meeting(t, req.id, { host: 'attendant', startsAt: zonedInstant(DAY, '11:00', zone), cancelled: 'O cidadão pediu outra data.' });
    m.b = await meeting(t, reqB.id, { host: 'attendantB', startsAt: zonedInstant(DAY, '09:30', zone) });
  });
  after(() => t.close());

  const get = (path: string, as?: string) => t.call('GET', path, { as });

  test('staff only: the institution’s day, or only mine; another institution 404, a citizen 403, no token 401', async () => {
    const all = await json(await get(`/api/meetings?date=${DAY}`, 'manager'), 200);
    assert.deepEqual(
      all.items.map((i: { id: number }) => i.id),
      [m.first.id, m.second.id, m.cancelled.id],
      'by start, cancelled included, not institution B’s',
    );
    assert.equal(all.items[0].citizen.name, CITIZEN_NAME, 'staff read the citizen’s name');
    assert.equal(all.items[2].status, 'cancelled');
    const mine = await json(await get(`/api/meetings?date=${DAY}&mine=true`, 'attendant'), 200);
    assert.deepEqual(
      mine.items.map((i: { id: number }) => i.id),
      [m.first.id, m.cancelled.id],
    );
    const b = await json(await get(`/api/meetings?date=${DAY}&institutionId=${t.fx.instB}`, 'attendantB'), 200);
    assert.deepEqual(
      b.items.map((i: { id: number }) => i.id),
      [m.b.id],
    );
    await problem(await get(`/api/meetings?date=${DAY}&institutionId=${t.fx.instA}`, 'attendantB'), 404, 'another institution');
    await problem(await get(`/api/meetings?date=${DAY}`, 'citizen'), 403, 'a citizen');
    await problem(await get(`/api/meetings?date=${DAY}`), 401, 'no token');
    const bad = await problem(await get('/api/meetings?date=2026-02-30', 'attendant'), 400, 'no such day');
    assert.ok(bad.errors.date);
    await problem(await get(`/api/meetings?date=${DAY}&format=pdf`, 'attendant'), 400, 'unknown format');
  });

  test('CSV: BOM, `;`, Portuguese headers and statuses; a subject with quotes, commas, semicolons, accents and a line break comes back equal', async () => {
    const res = await get(`/api/meetings?date=${DAY}&format=csv`, 'manager');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('Content-Disposition'), `attachment; filename="agenda-${DAY}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
    const rows = parse(Buffer.from(bytes), { delimiter: ';', bom: true }) as string[][];
    assert.deepEqual(rows[0], ['Início', 'Fim', 'Protocolo', 'Serviço', 'Atendente', 'Cidadão', 'Assunto', 'Situação']);
    assert.deepEqual(rows[1], ['09:00', '09:30', req.protocol, 'Segunda via da CNH', 'Pessoa attendant', CITIZEN_NAME, TRICKY_SUBJECT, 'Agendada']);
    assert.deepEqual(rows[2]!.slice(0, 2), ['10:00', '10:45']);
    assert.equal(rows[3]![7], 'Cancelada');
    assert.equal(rows.length, 4);
  });

  test('CSV: a cell that would start a formula in a spreadsheet starts with an apostrophe (CSV injection)', async () => {
    const formula = '=HYPERLINK("http://exemplo.invalid";"Clique")';
    await meeting(t, req.id, { host: 'attendant', startsAt: zonedInstant('2026-12-05', '09:00', zone), subject: formula });
    const text = await (await get('/api/meetings?date=2026-12-05&format=csv', 'attendant')).text();
    const rows = parse(text, { delimiter: ';', bom: true }) as string[][];
    assert.equal(rows[1]![6], `'${formula}`);
  });

  test('ICS: METHOD:PUBLISH, the zone as VTIMEZONE, a UID per meeting, instants equal to the meetings’, a cancelled one CANCELLED', async () => {
    const res = await get(`/api/meetings?date=${DAY}&format=ics`, 'manager');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/calendar; charset=utf-8');
    assert.equal(res.headers.get('Content-Disposition'), `attachment; filename="agenda-${DAY}.ics"`);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    assert.equal(cal.getFirstPropertyValue('method'), 'PUBLISH');
    const zones = cal.getAllSubcomponents('vtimezone');
    assert.deepEqual(
      zones.map((z) => z.getFirstPropertyValue('tzid')),
      [zone],
    );
    for (const z of zones) ICAL.TimezoneService.register(z);
    const events = cal.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) }));
    const expected = [m.first, m.second, m.cancelled];
    assert.deepEqual(
      events.map(({ e }) => e.uid),
      expected.map((x) => `meeting-${x.id}@atende.test`),
    );
    for (const [i, { v, e }] of events.entries()) {
      assert.equal(v.getFirstProperty('dtstart')!.getParameter('tzid'), zone, 'DTSTART in the zone');
      assert.equal(e.startDate.toJSDate().toISOString(), expected[i]!.starts_at);
      assert.equal(e.endDate.toJSDate().toISOString(), expected[i]!.ends_at);
    }
    assert.equal(events[0]!.e.summary, `Videoconferência — ${req.protocol}: ${TRICKY_SUBJECT}`);
    assert.match(events[0]!.e.description, /Serviço: Segunda via da CNH/);
    assert.match(events[0]!.e.description, /Atendente: Pessoa attendant/);
    assert.equal(events[0]!.v.getFirstPropertyValue('sequence'), 2, 'SEQUENCE is the version');
    assert.equal(events[0]!.v.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(events[2]!.v.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(events[0]!.v.getFirstPropertyValue('dtstamp')!.toString().endsWith('Z'), true, 'DTSTAMP in UTC');
  });

  test('one meeting’s .ics: its citizen (told to join on the request page, no link) and the institution’s staff; anyone else 404', async () => {
    const res = await get(`/api/meetings/${m.first.id}/ics`, 'citizen');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/calendar; charset=utf-8');
    assert.match(res.headers.get('Content-Disposition') ?? '', /^attachment; filename="videoconferencia-[\w.-]+\.ics"$/);
    const text = await res.text();
    const cal = new ICAL.Component(ICAL.parse(text));
    const e = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    assert.equal(e.uid, `meeting-${m.first.id}@atende.test`);
    assert.match(e.description, /Serviço: Segunda via da CNH/);
    assert.match(e.description, /Atendente: Pessoa attendant/);
    assert.match(e.description, /Acessar/);
    assert.doesNotMatch(text, /https?:\/\//, 'no URL (no token) in the file');
    assert.equal((await get(`/api/meetings/${m.first.id}/ics`, 'manager')).status, 200);
    await problem(await get(`/api/meetings/${m.first.id}/ics`, 'other'), 404, 'another citizen');
    await problem(await get(`/api/meetings/${m.first.id}/ics`, 'attendantB'), 404, 'another institution');
    await problem(await get('/api/meetings/999999/ics', 'attendant'), 404, 'unknown');
    await problem(await get(`/api/meetings/${m.first.id}/ics`), 401, 'no token');
  });

  const share = (as: string, body: unknown) => t.call('POST', '/api/agenda/share', { as, body });
  const pathOf = (url: string) => new URL(url).pathname;

  test('a share link shows the day with the citizen’s initials only, on a strict, uncached, unindexed page', async () => {
    const s = await json(await share('attendant', { date: DAY }), 201);
    assert.equal(s.state, 'active');
    assert.equal(s.date, DAY);
    assert.equal(s.institution.id, t.fx.instA);
    assert.equal(s.expiresAt, new Date(zonedInstant('2026-12-04', '00:00', zone).getTime() - 1).toISOString(), 'the end of that day in the zone');
    assert.match(s.url, /^http:\/\/atende\.test\/agenda\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const res = await get(pathOf(s.url));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/html/);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /script-src/);
    assert.equal(res.headers.get('Referrer-Policy'), 'no-referrer');
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.match(res.headers.get('X-Robots-Tag') ?? '', /noindex/);
    const page = await res.text();
    assert.match(page, /<html lang="pt-BR">/);
    assert.match(page, /Departamento Estadual de Trânsito/);
    assert.match(page, /03\/12\/2026/);
    assert.match(page, /válido até 03\/12\/2026 às 23:59/);
    assert.match(page, /09:00–09:30/);
    assert.match(page, /10:00–10:45/);
    assert.ok(page.includes(req.protocol));
    assert.match(page, /M\. S\. O\./, 'the initials');
    assert.ok(!page.includes(CITIZEN_NAME), 'never the name');
    assert.ok(!page.includes('Oliveira') && !page.includes('Maria'), 'nor a part of it');
    assert.ok(!page.includes('urgente') && !page.includes('Conferência de documentos'), 'nor the subject');
    assert.ok(!page.includes(reqB.protocol), 'nor another institution’s meetings');
    assert.match(page, /Cancelada/);
    assert.match(page, /Agendada/);
    assert.doesNotMatch(page, /<script/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    assert.ok(csp.includes(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the CSP allows the page’s own style, and only it');

    const mine = await json(await get(`/api/agenda/shares?date=${DAY}`, 'attendant'), 200);
    assert.deepEqual(
      mine.items.map((x: { id: number; url: string | null; state: string }) => [x.id, x.url, x.state]),
      [[s.id, null, 'active']],
    );
    assert.deepEqual((await json(await get(`/api/agenda/shares?date=${DAY}`, 'attendant2'), 200)).items, [], 'only the caller’s own');
    await problem(await get('/api/agenda/shares', 'citizen'), 403, 'a citizen');
  });

  test('a tampered or unknown link answers "Link inválido." and no data', async () => {
    const s = await json(await share('attendant', { date: DAY }), 201);
    const token = pathOf(s.url).split('/').pop()!;
    const [h, p, sig] = token.split('.') as [string, string, string];
    const i = Math.floor(sig.length / 2);
    const flipped = `${h}.${p}.${sig.slice(0, i)}${sig[i] === 'A' ? 'B' : 'A'}${sig.slice(i + 1)}`;
    for (const path of [`/agenda/${flipped}`, '/agenda/nada', `/agenda/${h}.${p}.`]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      const page = await res.text();
      assert.match(page, /Link inválido\./);
      assert.ok(!page.includes(req.protocol), 'no data');
    }
  });

  test('an expired link answers 410 with when it expired; the expiry is checked at each request', async () => {
    const s = await json(await share('attendant', { date: DAY }), 201);
    const saved = t.clock.now;
    try {
      t.clock.now = new Date(Date.parse(s.expiresAt) + 1);
      const res = await get(pathOf(s.url));
      assert.equal(res.status, 410);
      const page = await res.text();
      assert.match(page, /Este link expirou em 03\/12\/2026 às 23:59\./);
      assert.ok(!page.includes(req.protocol), 'no data');
      assert.equal(
        (await json(await get(`/api/agenda/shares?date=${DAY}`, 'attendant'), 200)).items.find((x: { id: number }) => x.id === s.id).state,
        'expired',
      );
    } finally {
      t.clock.now = saved;
    }
    // Shortened in the database: the signed exp is not enough on its own.
    await t.database.db.updateTable('agenda_shares').set({ expires_at: saved.toISOString() }).where('id', '=', s.id).execute();
    assert.equal((await get(pathOf(s.url))).status, 410);
  });

  test('revocation: by the creator or a manager of the institution; another attendant 403, anyone else 404; twice 409', async () => {
    const s = await json(await share('attendant', { date: DAY }), 201);
    const del = (as: string, id = s.id) => t.call('DELETE', `/api/agenda/share/${id}`, { as });
    await problem(await del('attendant2'), 403, 'another attendant');
    await problem(await del('attendantB'), 404, 'another institution');
    await problem(await del('managerB'), 404, 'another institution’s manager');
    await problem(await del('citizen'), 404, 'a citizen');
    await problem(await del('manager', 999999), 404, 'unknown');
    assert.equal((await get(pathOf(s.url))).status, 200, 'still valid');
    const revoked = await json(await del('manager'), 200, 'the manager');
    assert.equal(revoked.state, 'revoked');
    assert.ok(revoked.revokedAt);
    await problem(await del('attendant'), 409, 'twice');
    const res = await get(pathOf(s.url));
    assert.equal(res.status, 410);
    const page = await res.text();
    assert.match(page, /Este link foi revogado\./);
    assert.ok(!page.includes(req.protocol), 'no data');
    const own = await json(await share('attendant', { date: DAY }), 201);
    assert.equal((await json(await del('attendant', own.id), 200, 'the creator')).state, 'revoked');
  });

  test('share refusals: a past day, an expiry past or more than 7 days after the day, a missing institution, another institution, a citizen', async () => {
    const err = async (as: string, body: unknown, status: number, field?: string) => {
      const p = await problem(await share(as, body), status, JSON.stringify(body));
      if (field) assert.ok(p.errors?.[field], `names ${field}: ${JSON.stringify(p)}`);
      return p;
    };
    await err('attendant', { date: '2026-11-30' }, 400, 'date');
    await err('attendant', { date: DAY, expiresAt: '2026-12-01T09:00:00-04:00' }, 400, 'expiresAt');
    await err('attendant', { date: DAY, expiresAt: '2026-12-11T00:00:01-04:00' }, 400, 'expiresAt');
    const longest = await json(await share('attendant', { date: DAY, expiresAt: '2026-12-10T23:59:00-04:00' }), 201);
    assert.equal(longest.expiresAt, '2026-12-11T03:59:00.000Z');
    const today = await json(await share('attendant', { date: '2026-12-01' }), 201, 'today');
    assert.equal(today.state, 'active');
    await err('attendantFiler', { date: DAY }, 400, 'institutionId');
    assert.equal((await json(await share('attendantFiler', { date: DAY, institutionId: t.fx.instB }), 201)).institution.id, t.fx.instB);
    await err('attendantB', { date: DAY, institutionId: t.fx.instA }, 404);
    await err('citizen', { date: DAY }, 403);
    await problem(await t.call('POST', '/api/agenda/share', { body: { date: DAY } }), 401, 'no token');
  });
});
