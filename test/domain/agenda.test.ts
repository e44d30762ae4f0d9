// The day agenda's rules (bff/domain/agenda.ts), without HTTP: a citizen's
// initials, whose agenda a person reads, a share link's expiry, state and
// revocation, and how a meeting's phase reads in the agenda.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MEETING_PHASES } from '../../contract/meetings.js';
import type { Role } from '../../contract/types.js';
import {
  AGENDA_STATUS_LABELS,
  agendaInstitutions,
  agendaStatus,
  decideShareRevocation,
  initials,
  shareDefaultExpiry,
  shareMaxExpiry,
  shareRefusal,
  shareState,
} from '../../bff/domain/agenda.js';

const actor = (id: number, roles: Record<number, Role[]> = {}) => ({ id, roles: new Map(Object.entries(roles).map(([k, v]) => [Number(k), v])) });

describe('initials', () => {
  test('one letter per name, accents kept, particles skipped', () => {
    assert.equal(initials('Maria da Silva Oliveira'), 'M. S. O.');
    assert.equal(initials('Érica dos Santos e Souza'), 'É. S. S.');
    assert.equal(initials('JOÃO DE DEUS DAS NEVES'), 'J. D. N.', 'particles in capitals too');
    assert.equal(initials('  ângela   do   Ó  '), 'Â. Ó.', 'spaces aside; lower case raised');
    assert.equal(initials("Ana D'Ávila"), 'A. D.');
    assert.equal(initials('Da Silva'), 'S.', 'a particle first is still a particle');
    assert.equal(initials(''), '');
  });

  test('decomposed accents come out as one letter', () => {
    assert.equal(initials('E\u0301lida Ramos'), 'É. R.');
  });
});

describe('who reads the agenda', () => {
  test('the institutions the person attends, as attendant or manager', () => {
    assert.deepEqual(agendaInstitutions(actor(1, { 1: ['attendant'], 2: ['manager'], 3: ['admin'] })), [1, 2]);
    assert.deepEqual(agendaInstitutions(actor(1)), []);
  });
});

describe('share links', () => {
  const PV = 'America/Porto_Velho';
  const SP = 'America/Sao_Paulo';
  const NOW = new Date('2026-12-01T14:00:00.000Z'); // 10:00 in Porto Velho

  test('by default a link lives to the end of its day in the zone; at most 7 days more', () => {
    assert.equal(shareDefaultExpiry('2026-12-03', PV).toISOString(), '2026-12-04T03:59:59.999Z');
    assert.equal(shareDefaultExpiry('2026-12-03', SP).toISOString(), '2026-12-04T02:59:59.999Z');
    assert.equal(shareMaxExpiry('2026-12-03', PV).toISOString(), '2026-12-11T03:59:59.999Z');
  });

  test('refused: a past day (in the zone), an expiry not in the future or too late', () => {
    const ok = (date: string, expiresAt: Date, now = NOW) => shareRefusal({ date, expiresAt }, now, PV);
    assert.equal(ok('2026-12-01', shareDefaultExpiry('2026-12-01', PV)), null, 'today');
    assert.deepEqual(ok('2026-11-30', shareDefaultExpiry('2026-11-30', PV)), { field: 'date', reason: 'past_day' });
    // 02:00 UTC on 2 Dec is still 1 Dec in Porto Velho: 1 Dec is today there.
    assert.equal(ok('2026-12-01', shareDefaultExpiry('2026-12-01', PV), new Date('2026-12-02T02:00:00Z')), null);
    assert.deepEqual(ok('2026-12-03', NOW), { field: 'expiresAt', reason: 'past_expiry' });
    assert.equal(ok('2026-12-03', shareMaxExpiry('2026-12-03', PV)), null, 'the latest allowed');
    assert.deepEqual(ok('2026-12-03', new Date(shareMaxExpiry('2026-12-03', PV).getTime() + 1)), { field: 'expiresAt', reason: 'too_late' });
  });

  test('state: revoked whenever revoked, expired from its expiry, active before', () => {
    const expiresAt = '2026-12-04T03:59:59.999Z';
    assert.equal(shareState({ expiresAt, revokedAt: null }, NOW), 'active');
    assert.equal(shareState({ expiresAt, revokedAt: null }, new Date(expiresAt)), 'expired');
    assert.equal(shareState({ expiresAt, revokedAt: '2026-12-01T15:00:00.000Z' }, NOW), 'revoked');
    assert.equal(shareState({ expiresAt, revokedAt: '2026-12-01T15:00:00.000Z' }, new Date('2027-01-01')), 'revoked');
  });

  test('revoked by its creator or a manager of its institution; its other staff 403, anyone else 404', () => {
    const s = { createdBy: 1, institutionId: 10 };
    assert.equal(decideShareRevocation(actor(1, { 10: ['attendant'] }), s), 'allow');
    assert.equal(decideShareRevocation(actor(1), s), 'allow', 'the creator, even after leaving the institution');
    assert.equal(decideShareRevocation(actor(2, { 10: ['manager'] }), s), 'allow');
    assert.equal(decideShareRevocation(actor(3, { 10: ['attendant'] }), s), 'forbidden');
    assert.equal(decideShareRevocation(actor(4, { 11: ['manager'] }), s), 'not_found');
    assert.equal(decideShareRevocation(actor(5), s), 'not_found');
  });
});

describe('agenda status', () => {
  test('each phase reads as one status, in Portuguese', () => {
    assert.deepEqual(
      MEETING_PHASES.map((p) => AGENDA_STATUS_LABELS[agendaStatus(p)]),
      ['Agendada', 'Em andamento', 'Encerrada', 'Cancelada'],
    );
  });
});
