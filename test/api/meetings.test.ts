// Videoconferência (issue #12) over HTTP, on the engine of the run: booking
// on a request in attendance (who, and every refusal: past, length, blank
// subject, request not in attendance, the host's overlapping booking, also
// under concurrency), the list, moving and cancelling (If-Match, audited in
// the history and both sides' thread), "Acessar" (the window, no Jitsi
// configured, the room JWT verified with jose for a self-hosted Jitsi and for
// JaaS), and Jitsi's reservation hook.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { loadConfig } from '../../bff/config.js';
import { type TestContext, createTestContext, filingBody, inService, json, problem } from '../helpers.js';

const ENGINE = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
// 09:00 of 1 Dec 2026 in Porto Velho (UTC−4), 10:00 in Brasília.
const NOW = new Date('2026-12-01T13:00:00.000Z');
// 10:00 of 3 Dec 2026 in Porto Velho.
const START = '2026-12-03T10:00:00-04:00';
const START_UTC = '2026-12-03T14:00:00.000Z';

const book = (t: TestContext, requestId: number, as: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/requests/${requestId}/meetings`, { as, body: { startsAt: START, durationMinutes: 30, subject: 'Conferir documentos', ...body } });

const roomOf = async (t: TestContext, id: number) =>
  (await t.database.db.selectFrom('meetings').select('room').where('id', '=', id).executeTakeFirstOrThrow()).room;

describe(`meetings (${ENGINE})`, () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
    t.clock.now = NOW;
  });
  after(() => t.close());

  test('the assignee books a meeting on a request in service: 201 with Location and ETag; the host is the booker; the room is random', async () => {
    const r = await inService(t);
    const res = await book(t, r.id, 'attendant', { subject: '  Conferir documentos  ' });
    const m = await json(res, 201);
    assert.equal(res.headers.get('Location'), `/api/meetings/${m.id}`);
    assert.equal(res.headers.get('ETag'), 'W/"1"');
    assert.deepEqual(
      {
        requestId: m.requestId,
        protocol: m.protocol,
        host: m.host,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        durationMinutes: m.durationMinutes,
        subject: m.subject,
        status: m.status,
        phase: m.phase,
        joinOpensAt: m.joinOpensAt,
        cancelReason: m.cancelReason,
        version: m.version,
      },
      {
        requestId: r.id,
        protocol: r.protocol,
        host: { id: t.fx.users.attendant.id, name: 'Pessoa attendant' },
        startsAt: START_UTC,
        endsAt: '2026-12-03T14:30:00.000Z',
        durationMinutes: 30,
        subject: 'Conferir documentos',
        status: 'scheduled',
        phase: 'upcoming',
        joinOpensAt: '2026-12-03T13:50:00.000Z',
        cancelReason: null,
        version: 1,
      },
    );
    // Another attendant of the institution (not the assignee) books too, and hosts it.
    const other = await json(await book(t, r.id, 'attendant2', {}), 201, 'attendant2');
    assert.equal(other.host.id, t.fx.users.attendant2.id);
    const rooms = [await roomOf(t, m.id), await roomOf(t, other.id)];
    for (const room of rooms) {
      assert.match(room, /^atende-[0-9a-v]{32}$/, '160 random bits');
      assert.ok(!room.includes(r.protocol.replace('/', '')) && !room.includes(r.protocol.split('/')[1]), 'not derived from the protocol');
    }
    assert.notEqual(rooms[0], rooms[1]);
  });

  test('who books: the citizen 403, another institution and strangers 404, nobody on a request they filed (403), no token 401', async () => {
    const r = await inService(t);
    await problem(await book(t, r.id, 'citizen', {}), 403, 'citizen');
    await problem(await book(t, r.id, 'attendantB', {}), 404, 'another institution');
    await problem(await book(t, r.id, 'other', {}), 404, 'a stranger');
    await problem(await book(t, 999999, 'attendant', {}), 404, 'no such request');
    await problem(await t.call('POST', `/api/requests/${r.id}/meetings`, { body: { startsAt: START, durationMinutes: 30, subject: 'x' } }), 401);
    const own = await inService(t, { citizen: 'attendantFiler' });
    await problem(await book(t, own.id, 'attendantFiler', {}), 403, 'separation of duties');
    await json(await book(t, r.id, 'manager', { startsAt: '2026-12-04T10:00:00-04:00' }), 201, 'a manager of the institution');
  });

  test('refused: a start in the past, a length outside 15–240, a blank subject, a request not in attendance', async () => {
    const r = await inService(t);
    const past = await problem(await book(t, r.id, 'attendant', { startsAt: '2026-12-01T08:59:00-04:00' }), 400, 'past');
    assert.ok(past.errors.startsAt, 'the field is named');
    assert.ok((await problem(await book(t, r.id, 'attendant', { durationMinutes: 14 }), 400)).errors.durationMinutes);
    assert.ok((await problem(await book(t, r.id, 'attendant', { durationMinutes: 241 }), 400)).errors.durationMinutes);
    assert.ok((await problem(await book(t, r.id, 'attendant', { subject: '   ' }), 400)).errors.subject);
    assert.ok((await problem(await book(t, r.id, 'attendant', { startsAt: '3 de dezembro' }), 400)).errors.startsAt);
    await json(await book(t, r.id, 'attendant', { durationMinutes: 240, startsAt: '2026-12-10T08:00:00-04:00' }), 201, '240 minutes');

    const filed = await json(await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) }), 201);
    const submitted = await problem(await book(t, filed.id, 'attendant', {}), 409, 'submitted');
    assert.match(submitted.detail, /só cabem em solicitações em atendimento; esta está enviada/);
    await json(await t.call('POST', `/api/requests/${filed.id}/analysis`, { as: 'attendant' }), 200);
    assert.match((await problem(await book(t, filed.id, 'attendant', {}), 409, 'in analysis')).detail, /esta está em análise\.$/);
    const concluded = await inService(t);
    await json(await t.call('POST', `/api/requests/${concluded.id}/conclude`, { as: 'attendant', body: { text: 'Feito.' } }), 200);
    assert.match((await problem(await book(t, concluded.id, 'attendant', {}), 409, 'concluded')).detail, /esta está concluída\.$/);
  });

  test('the host already booked at an overlapping time: 409 naming the other protocol and its local time; back to back and other hosts are fine', async () => {
    const a = await inService(t, { assignee: 'attendant2' });
    const b = await inService(t, { assignee: 'attendant2' });
    const at = '2026-12-07T10:00:00-04:00';
    await json(await book(t, a.id, 'attendant2', { startsAt: at, durationMinutes: 60 }), 201);
    const clash = await problem(await book(t, b.id, 'attendant2', { startsAt: '2026-12-07T10:45:00-04:00' }), 409);
    assert.equal(clash.detail, `Você já tem uma videoconferência às 10:00 de 07/12/2026 (protocolo ${a.protocol}).`);
    await problem(await book(t, b.id, 'attendant2', { startsAt: '2026-12-07T09:45:00-04:00', durationMinutes: 16 }), 409, 'ends inside');
    await json(await book(t, b.id, 'attendant2', { startsAt: '2026-12-07T11:00:00-04:00' }), 201, 'right after');
    await json(await book(t, b.id, 'attendant2', { startsAt: '2026-12-07T09:30:00-04:00' }), 201, 'right before');
    await json(await book(t, b.id, 'manager', { startsAt: at }), 201, 'another host at the same time');
  });

  test('five simultaneous overlapping bookings by one host: exactly one 201', async () => {
    const requests = [];
    for (let i = 0; i < 5; i++) requests.push(await inService(t));
    const answers = await Promise.all(requests.map((r, i) => book(t, r.id, 'attendant', { startsAt: `2026-12-08T10:0${i}:00-04:00`, durationMinutes: 30 })));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409]);
    const booked = await t.database.db
      .selectFrom('meetings')
      .select('id')
      .where('host_id', '=', t.fx.users.attendant.id)
      .where('starts_at', '>=', '2026-12-08T00:00:00.000Z')
      .where('starts_at', '<', '2026-12-09T00:00:00.000Z')
      .execute();
    assert.equal(booked.length, 1);
  });

  test('the list: soonest first, for the citizen and the staff; others 404', async () => {
    const r = await inService(t);
    const late = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-15T15:00:00-04:00' }), 201);
    const soon = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-14T08:00:00-04:00' }), 201);
    for (const as of ['citizen', 'attendant', 'manager']) {
      const list = await json(await t.call('GET', `/api/requests/${r.id}/meetings`, { as }), 200, as);
      assert.deepEqual(
        list.items.map((m: { id: number }) => m.id),
        [soon.id, late.id],
        as,
      );
    }
    for (const as of ['other', 'attendantB']) await problem(await t.call('GET', `/api/requests/${r.id}/meetings`, { as }), 404, as);
  });

  test('moving: the staff, If-Match (412 when stale), the same refusals, its own slot aside; a cancelled meeting 409', async () => {
    const r = await inService(t);
    const m = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-16T10:00:00-04:00', durationMinutes: 60 }), 201);
    const patch = (as: string, body: unknown, headers: Record<string, string> = {}) => t.call('PATCH', `/api/meetings/${m.id}`, { as, body, headers });
    await problem(await patch('citizen', { startsAt: '2026-12-16T10:30:00-04:00' }), 403, 'citizen');
    await problem(await patch('attendantB', { startsAt: '2026-12-16T10:30:00-04:00' }), 404, 'another institution');
    await problem(await patch('other', { startsAt: '2026-12-16T10:30:00-04:00' }), 404, 'a stranger');
    const res = await patch('attendant', { startsAt: '2026-12-16T10:30:00-04:00', subject: 'Nova pauta' }, { 'If-Match': 'W/"1"' });
    const moved = await json(res, 200, 'overlapping its own slot');
    assert.equal(res.headers.get('ETag'), 'W/"2"');
    assert.deepEqual(
      [moved.startsAt, moved.endsAt, moved.durationMinutes, moved.subject, moved.version],
      ['2026-12-16T14:30:00.000Z', '2026-12-16T15:30:00.000Z', 60, 'Nova pauta', 2],
    );
    await problem(await patch('attendant', { startsAt: '2026-12-16T11:00:00-04:00' }, { 'If-Match': 'W/"1"' }), 412, 'stale');
    await problem(await patch('attendant', { startsAt: '2026-12-16T11:00:00-04:00' }, { 'If-Match': 'três' }), 400, 'bad If-Match');
    assert.ok((await problem(await patch('attendant', { startsAt: '2026-11-30T10:00:00-04:00' }), 400, 'past')).errors.startsAt);
    assert.ok((await problem(await patch('attendant', { startsAt: '2026-12-16T11:00:00-04:00', durationMinutes: 5 }), 400)).errors.durationMinutes);
    const other = await inService(t);
    const busy = await json(await book(t, other.id, 'attendant', { startsAt: '2026-12-17T10:00:00-04:00' }), 201);
    assert.equal(
      (await problem(await patch('attendant', { startsAt: '2026-12-17T09:45:00-04:00' }), 409, 'overlap')).detail,
      `Você já tem uma videoconferência às 10:00 de 17/12/2026 (protocolo ${other.protocol}).`,
    );
    // A colleague moving the host's meeting reads the host's name.
    assert.match((await problem(await patch('manager', { startsAt: '2026-12-17T09:45:00-04:00' }), 409)).detail, /^Pessoa attendant já tem/);
    // Moved by the manager: the host stays the attendant.
    assert.equal((await json(await patch('manager', { startsAt: '2026-12-16T13:00:00-04:00', durationMinutes: 45 }), 200)).host.id, t.fx.users.attendant.id);
    await json(await t.call('POST', `/api/meetings/${busy.id}/cancel`, { as: 'attendant', body: { reason: 'Remarcar.' } }), 200);
    await problem(await t.call('PATCH', `/api/meetings/${busy.id}`, { as: 'attendant', body: { startsAt: '2026-12-18T10:00:00-04:00' } }), 409, 'cancelled');
    await json(await patch('attendant', { startsAt: '2026-12-17T10:00:00-04:00' }), 200, 'the cancelled meeting frees its slot');
    await json(await t.call('POST', `/api/requests/${r.id}/conclude`, { as: 'attendant', body: { text: 'Feito.' } }), 200);
    await problem(await patch('attendant', { startsAt: '2026-12-18T10:00:00-04:00' }), 409, 'request concluded');
  });

  test('cancelling: the staff, with a reason the citizen reads; a cancelled or ended meeting 409', async () => {
    const r = await inService(t);
    const m = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-21T10:00:00-04:00' }), 201);
    const cancel = (as: string, body: unknown = { reason: 'O cidadão pediu outro dia.' }) => t.call('POST', `/api/meetings/${m.id}/cancel`, { as, body });
    await problem(await cancel('citizen'), 403);
    await problem(await cancel('attendantB'), 404);
    assert.ok((await problem(await cancel('attendant', { reason: ' ' }), 400)).errors.reason);
    const done = await json(await cancel('manager'), 200);
    assert.deepEqual(
      [done.status, done.phase, done.cancelReason, done.cancelledBy.id],
      ['cancelled', 'cancelled', 'O cidadão pediu outro dia.', t.fx.users.manager.id],
    );
    await problem(await cancel('attendant'), 409, 'already cancelled');
    const [seen] = (await json(await t.call('GET', `/api/requests/${r.id}/meetings`, { as: 'citizen' }), 200)).items;
    assert.equal(seen.cancelReason, 'O cidadão pediu outro dia.');

    const ended = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-01T09:30:00-04:00', durationMinutes: 15 }), 201);
    t.clock.now = new Date('2026-12-01T13:45:00.000Z');
    try {
      await problem(await t.call('POST', `/api/meetings/${ended.id}/cancel`, { as: 'attendant', body: { reason: 'Tarde.' } }), 409, 'ended');
      await problem(await t.call('PATCH', `/api/meetings/${ended.id}`, { as: 'attendant', body: { startsAt: '2026-12-22T10:00:00-04:00' } }), 409, 'ended');
    } finally {
      t.clock.now = NOW;
    }
  });

  test('booking, moving and cancelling are in the history and in both sides’ thread, with their data', async () => {
    const r = await inService(t);
    const m = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-22T10:00:00-04:00', subject: 'Entrevista' }), 201);
    await json(await t.call('PATCH', `/api/meetings/${m.id}`, { as: 'attendant', body: { startsAt: '2026-12-22T11:00:00-04:00' } }), 200);
    await json(await t.call('POST', `/api/meetings/${m.id}/cancel`, { as: 'attendant', body: { reason: 'Imprevisto.' } }), 200);
    const expected = [
      {
        action: 'meeting_scheduled',
        data: { meetingId: m.id, startsAt: '2026-12-22T14:00:00.000Z', endsAt: '2026-12-22T14:30:00.000Z', subject: 'Entrevista' },
      },
      {
        action: 'meeting_rescheduled',
        data: {
          meetingId: m.id,
          startsAt: '2026-12-22T15:00:00.000Z',
          endsAt: '2026-12-22T15:30:00.000Z',
          subject: 'Entrevista',
          previousStartsAt: '2026-12-22T14:00:00.000Z',
        },
      },
      {
        action: 'meeting_cancelled',
        data: { meetingId: m.id, startsAt: '2026-12-22T15:00:00.000Z', endsAt: '2026-12-22T15:30:00.000Z', subject: 'Entrevista', reason: 'Imprevisto.' },
      },
    ];
    const meetingEvents = (items: { action: string | null; data: unknown }[]) =>
      items.filter((e) => e.action?.startsWith('meeting_')).map((e) => ({ action: e.action, data: e.data }));
    for (const as of ['citizen', 'attendant']) {
      const history = await json(await t.call('GET', `/api/requests/${r.id}/history`, { as }), 200);
      assert.deepEqual(meetingEvents(history.items), expected, `history, ${as}`);
      const thread = await json(await t.call('GET', `/api/requests/${r.id}/follow-ups`, { as }), 200);
      assert.deepEqual(meetingEvents(thread.items), expected, `thread, ${as}`);
      assert.ok(thread.items.filter((e: { action: string | null }) => e.action?.startsWith('meeting_')).every((e: { type: string }) => e.type === 'event'));
    }
  });

  test('"Acessar" with no Jitsi configured: inside the window, 409 video-not-configured; outside it, when it opens or that it ended', async () => {
    const r = await inService(t);
    const m = await json(await book(t, r.id, 'attendant2', { startsAt: '2026-12-11T10:00:00-04:00' }), 201);
    const joinAs = (as: string) => t.call('POST', `/api/meetings/${m.id}/join`, { as });
    try {
      assert.equal((await problem(await joinAs('citizen'), 409, 'early')).detail, 'O acesso abre às 09:50 de 11/12/2026.');
      await problem(await joinAs('other'), 404, 'a stranger');
      await problem(await joinAs('attendantB'), 404, 'another institution');
      t.clock.now = new Date(Date.parse(m.joinOpensAt));
      const off = await problem(await joinAs('citizen'), 409, 'not configured');
      assert.equal(off.type, 'urn:atende:problem:video-not-configured');
      assert.equal(off.detail, 'A videoconferência não está configurada neste ambiente.');
      t.clock.now = new Date(Date.parse(m.endsAt));
      assert.equal((await problem(await joinAs('attendant'), 409, 'ended')).detail, 'Esta videoconferência já terminou.');
    } finally {
      t.clock.now = NOW;
    }
  });
});

describe(`meetings in Brasília time (${ENGINE})`, () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ env: { TIME_ZONE: 'America/Sao_Paulo' } });
    t.clock.now = NOW;
  });
  after(() => t.close());

  test('the refusals name the time in the state’s zone', async () => {
    const a = await inService(t);
    const b = await inService(t);
    const m = await json(await book(t, a.id, 'attendant', { startsAt: START }), 201);
    assert.equal(
      (await problem(await book(t, b.id, 'attendant', { startsAt: '2026-12-03T11:15:00-03:00' }), 409)).detail,
      `Você já tem uma videoconferência às 11:00 de 03/12/2026 (protocolo ${a.protocol}).`,
    );
    assert.equal((await problem(await t.call('POST', `/api/meetings/${m.id}/join`, { as: 'citizen' }), 409)).detail, 'O acesso abre às 10:50 de 03/12/2026.');
  });
});

/** A context with Jitsi configured by `env`, a request in service and a meeting on it; the clock inside the window. */
async function withJitsi(env: Record<string, string>) {
  const t = await createTestContext({ env: { JITSI_DOMAIN: 'meet.example.gov.br', ...env } });
  t.clock.now = NOW;
  const r = await inService(t);
  const m = await json(await book(t, r.id, 'attendant', {}), 201);
  return { t, r, m, room: await roomOf(t, m.id) };
}

describe(`"Acessar": the room JWT (${ENGINE})`, () => {
  const SECRET = 'segredo-do-jitsi-com-pelo-menos-32-caracteres';
  let ctx: Awaited<ReturnType<typeof withJitsi>>;
  before(async () => {
    ctx = await withJitsi({ JITSI_APP_ID: 'atende', JITSI_APP_SECRET: SECRET });
  });
  after(() => ctx.t.close());

  test('self-hosted Jitsi (HS256): the claims bound to the window, moderator for the staff, not for the citizen; a wrong secret fails', async () => {
    const { t, m, room } = ctx;
    const joinAs = (as: string) => t.call('POST', `/api/meetings/${m.id}/join`, { as });
    assert.equal((await problem(await joinAs('citizen'), 409, 'before the window')).detail, 'O acesso abre às 09:50 de 03/12/2026.');
    t.clock.now = new Date('2026-12-03T13:55:00.000Z');
    try {
      await problem(await joinAs('other'), 404);
      await problem(await joinAs('attendantB'), 404);
      for (const [as, moderator] of [
        ['attendant', true],
        ['manager', true],
        ['citizen', false],
      ] as const) {
        const j = await json(await joinAs(as), 200, as);
        assert.deepEqual(
          { ...j, jwt: typeof j.jwt },
          {
            domain: 'meet.example.gov.br',
            room,
            displayName: `Pessoa ${as}`,
            jwt: 'string',
            moderator,
            startsAt: START_UTC,
            endsAt: '2026-12-03T14:30:00.000Z',
          },
        );
        const { payload, protectedHeader } = await jwtVerify(j.jwt, new TextEncoder().encode(SECRET), {
          algorithms: ['HS256'],
          issuer: 'atende',
          audience: 'jitsi',
          subject: 'meet.example.gov.br',
          currentDate: t.clock.now,
        });
        assert.equal(protectedHeader.alg, 'HS256');
        assert.equal(payload.room, room);
        assert.equal(payload.moderator, moderator);
        assert.equal(payload.nbf, Date.parse('2026-12-03T13:50:00.000Z') / 1000, 'nbf: when "Acessar" opens');
        assert.equal(payload.exp, Date.parse('2026-12-03T14:30:00.000Z') / 1000, 'exp: the end');
        assert.deepEqual(payload.context, { user: { id: String(t.fx.users[as].id), name: `Pessoa ${as}`, email: `${as}@exemplo.com.br`, moderator } });
        await assert.rejects(
          jwtVerify(j.jwt, new TextEncoder().encode(`${SECRET}x`), { algorithms: ['HS256'], currentDate: t.clock.now }),
          /signature verification failed/,
        );
        await assert.rejects(jwtVerify(j.jwt, new TextEncoder().encode(SECRET), { algorithms: ['RS256'], currentDate: t.clock.now }), 'algorithm allow-list');
      }
    } finally {
      t.clock.now = NOW;
    }
    t.clock.now = new Date('2026-12-03T14:30:00.000Z');
    try {
      assert.equal((await problem(await joinAs('attendant'), 409, 'after')).detail, 'Esta videoconferência já terminou.');
    } finally {
      t.clock.now = NOW;
    }
  });

  test('a cancelled meeting, or a request no longer in attendance: 409', async () => {
    const { t, r } = ctx;
    const m = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-04T10:00:00-04:00' }), 201);
    const n = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-05T10:00:00-04:00' }), 201);
    await json(await t.call('POST', `/api/meetings/${m.id}/cancel`, { as: 'attendant', body: { reason: 'Sem necessidade.' } }), 200);
    await json(await t.call('POST', `/api/requests/${r.id}/conclude`, { as: 'attendant', body: { text: 'Feito.' } }), 200);
    t.clock.now = new Date('2026-12-04T14:00:00.000Z');
    try {
      assert.equal((await problem(await t.call('POST', `/api/meetings/${m.id}/join`, { as: 'citizen' }), 409)).detail, 'Esta videoconferência foi cancelada.');
    } finally {
      t.clock.now = NOW;
    }
    t.clock.now = new Date('2026-12-05T14:00:00.000Z');
    try {
      assert.match((await problem(await t.call('POST', `/api/meetings/${n.id}/join`, { as: 'citizen' }), 409)).detail, /esta está concluída/);
    } finally {
      t.clock.now = NOW;
    }
  });
});

describe(`"Acessar" on JaaS and on a Jitsi without tokens (${ENGINE})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'atende-jaas-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('JaaS (RS256): kid, iss chat, aud jitsi, sub the tenant, the tenant in the room, moderator as text, no recording', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const keyFile = join(dir, 'jaas.pem');
    writeFileSync(keyFile, await exportPKCS8(privateKey));
    const tenant = 'vpaas-magic-cookie-0123456789abcdef';
    const { t, m, room } = await withJitsi({
      JITSI_DOMAIN: '8x8.vc',
      JITSI_APP_ID: tenant,
      JITSI_JAAS_KEY_ID: `${tenant}/4f2a1b`,
      JITSI_JAAS_PRIVATE_KEY_FILE: keyFile,
    });
    try {
      t.clock.now = new Date('2026-12-03T14:10:00.000Z');
      for (const [as, moderator] of [
        ['attendant', 'true'],
        ['citizen', 'false'],
      ] as const) {
        const j = await json(await t.call('POST', `/api/meetings/${m.id}/join`, { as }), 200);
        assert.equal(j.domain, '8x8.vc');
        assert.equal(j.room, `${tenant}/${room}`);
        assert.equal(j.moderator, moderator === 'true');
        const { payload, protectedHeader } = await jwtVerify(j.jwt, publicKey, {
          algorithms: ['RS256'],
          issuer: 'chat',
          audience: 'jitsi',
          subject: tenant,
          currentDate: t.clock.now,
        });
        assert.equal(protectedHeader.kid, `${tenant}/4f2a1b`);
        assert.equal(payload.room, room);
        assert.equal(payload.nbf, Date.parse('2026-12-03T13:50:00.000Z') / 1000);
        assert.equal(payload.exp, Date.parse('2026-12-03T14:30:00.000Z') / 1000);
        assert.deepEqual(payload.context, {
          user: { id: String(t.fx.users[as].id), name: `Pessoa ${as}`, email: `${as}@exemplo.com.br`, moderator },
          features: { livestreaming: false, recording: false },
        });
        const other = await generateKeyPair('RS256');
        await assert.rejects(jwtVerify(j.jwt, other.publicKey, { algorithms: ['RS256'], currentDate: t.clock.now }), /signature verification failed/);
      }
      await problem(await t.call('POST', `/api/meetings/${m.id}/join`, { as: 'other' }), 404);
    } finally {
      await t.close();
    }
  });

  test('the Jitsi settings are checked at start: a JaaS key that is not an RSA private key, half a setting, both kinds at once', () => {
    const env = (more: Record<string, string>) => ({ DEV_IDP: '1', JITSI_DOMAIN: '8x8.vc', ...more });
    const notPem = join(dir, 'not-a-key.pem');
    writeFileSync(notPem, 'not a key');
    const jaas = { JITSI_APP_ID: 'vpaas-magic-cookie-1', JITSI_JAAS_KEY_ID: 'vpaas-magic-cookie-1/x' };
    assert.throws(() => loadConfig(env({ ...jaas, JITSI_JAAS_PRIVATE_KEY_FILE: notPem })), /JITSI_JAAS_PRIVATE_KEY_FILE: .* is not a PEM private key/);
    const ec = join(dir, 'ec.pem');
    writeFileSync(ec, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    assert.throws(() => loadConfig(env({ ...jaas, JITSI_JAAS_PRIVATE_KEY_FILE: ec })), /is not an RSA key \(JaaS signs with RS256\)/);
    assert.throws(() => loadConfig(env({ JITSI_APP_SECRET: 's3cr3t' })), /needs JITSI_APP_ID and JITSI_APP_SECRET together/);
    assert.throws(() => loadConfig({ DEV_IDP: '1', JITSI_APP_ID: 'atende' }), /JITSI_APP_ID is set but JITSI_DOMAIN is not/);
    assert.throws(() => loadConfig(env({ ...jaas, JITSI_JAAS_PRIVATE_KEY_FILE: ec, JITSI_APP_SECRET: 'x' })), /not both/);
    assert.equal(loadConfig(env({})).jitsi?.auth.kind, 'none');
  });

  test('a Jitsi without token authentication: the room and no token', async () => {
    const { t, m, room } = await withJitsi({});
    try {
      t.clock.now = new Date('2026-12-03T13:50:00.000Z');
      const j = await json(await t.call('POST', `/api/meetings/${m.id}/join`, { as: 'citizen' }), 200);
      assert.deepEqual([j.domain, j.room, j.jwt, j.moderator, j.displayName], ['meet.example.gov.br', room, null, false, 'Pessoa citizen']);
    } finally {
      await t.close();
    }
  });
});

describe(`Jitsi's reservation hook (${ENGINE})`, () => {
  const TOKEN = 'token-compartilhado-com-o-prosody';
  let ctx: Awaited<ReturnType<typeof withJitsi>>;
  before(async () => {
    ctx = await withJitsi({ JITSI_RESERVATION_TOKEN: TOKEN });
  });
  after(() => ctx.t.close());

  const reserve = (name: string, auth: string | null = `Bearer ${TOKEN}`) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (auth !== null) headers.Authorization = auth;
    const body = new URLSearchParams({ name, start_time: '2026-12-03T13:55:00.000Z', mail_owner: 'moderador@meet.example.gov.br' }).toString();
    return ctx.t.app.request('/api/jitsi/conference', { method: 'POST', headers, body });
  };

  test('inside the booked window: 200 with the meeting’s id, start and the seconds left; outside it, or an unknown room: 403', async () => {
    const { t, m, room } = ctx;
    t.clock.now = new Date('2026-12-03T13:55:00.000Z');
    try {
      assert.deepEqual(await json(await reserve(room), 200), {
        id: m.id,
        name: room,
        mail_owner: 'moderador@meet.example.gov.br',
        start_time: START_UTC,
        duration: 35 * 60,
      });
      const unknown = await reserve('atende-nao-existe');
      assert.equal(unknown.status, 403);
      assert.ok((await unknown.json()).message);
    } finally {
      t.clock.now = NOW;
    }
    for (const at of ['2026-12-03T13:49:59.000Z', '2026-12-03T14:30:00.000Z']) {
      t.clock.now = new Date(at);
      try {
        const res = await reserve(room);
        assert.equal(res.status, 403, at);
        assert.equal(typeof (await res.json()).message, 'string');
      } finally {
        t.clock.now = NOW;
      }
    }
  });

  test('a cancelled meeting’s room: 403', async () => {
    const { t, r } = ctx;
    const m = await json(await book(t, r.id, 'attendant', { startsAt: '2026-12-04T10:00:00-04:00' }), 201);
    await json(await t.call('POST', `/api/meetings/${m.id}/cancel`, { as: 'attendant', body: { reason: 'Não haverá.' } }), 200);
    t.clock.now = new Date('2026-12-04T14:00:00.000Z');
    try {
      assert.equal((await reserve(await roomOf(t, m.id))).status, 403);
    } finally {
      t.clock.now = NOW;
    }
  });

  test('the shared token: wrong or missing 401, a user’s token 401; DELETE answers 200', async () => {
    const { t, room } = ctx;
    assert.equal((await reserve(room, `Bearer ${TOKEN}x`)).status, 401);
    assert.equal((await reserve(room, null)).status, 401);
    assert.equal((await reserve(room, `Bearer ${await t.token('attendant')}`)).status, 401);
    const del = (auth?: string) => t.app.request('/api/jitsi/conference/1', { method: 'DELETE', headers: auth ? { Authorization: auth } : {} });
    assert.equal((await del(`Bearer ${TOKEN}`)).status, 200);
    assert.equal((await del()).status, 401);
    // Bad input with the right token: Portuguese problems, never a 5xx.
    const post = (headers: Record<string, string>, body: string) =>
      t.app.request('/api/jitsi/conference', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, ...headers }, body });
    assert.ok((await problem(await post({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'start_time=x'), 400)).errors.name);
    assert.match((await problem(await post({ 'Content-Type': 'application/json' }, `{"name":"${room}"}`), 415)).detail, /x-www-form-urlencoded/);
  });

  test('with no JITSI_RESERVATION_TOKEN the hook is off: 404', async () => {
    const t = await createTestContext({ empty: true });
    try {
      const res = await t.app.request('/api/jitsi/conference', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer qualquer' },
        body: 'name=atende-x',
      });
      assert.equal(res.status, 404);
      assert.equal((await t.app.request('/api/jitsi/conference/1', { method: 'DELETE' })).status, 404);
    } finally {
      await t.close();
    }
  });
});
