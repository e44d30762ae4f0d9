// The OpenAPI "Who:" of every transition route is the permission rule's own
// text (bff/domain/permissions.ts ACTION_RULES), so the document and the rule
// cannot drift apart; the charter's routes say decideCharter's, the access
// routes decideAccess's, and every API route says who may call it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RequestAction } from '../../contract/types.js';
import { ACCESS_WHO, ACTION_RULES, CHARTER_WHO, whoMay } from '../../bff/domain/permissions.js';
import { MODERATION_WHO } from '../../bff/domain/evaluations.js';
import { AGENDA_WHO, SHARE_REVOKE_WHO } from '../../bff/domain/agenda.js';
import { MEETING_WHO } from '../../bff/domain/meetings.js';
import { type TestContext, createTestContext } from '../helpers.js';

// The routes of the Carta de Serviços that only the institution's managers use: decideCharter's text.
const CHARTER_ROUTES: [string, 'get' | 'post' | 'patch'][] = [
  ['/api/services/{id}', 'patch'],
  ['/api/services/{id}/publish', 'post'],
  ['/api/services/{id}/unpublish', 'post'],
  ['/api/services/{id}/versions', 'get'],
  ['/api/services/{id}/versions/{version}', 'get'],
  ['/api/services/{id}/versions/{a}/diff/{b}', 'get'],
];

// The routes that decide who attends an institution: decideAccess's text.
const ACCESS_ROUTES: [string, 'get' | 'post'][] = [
  ['/api/access-requests/{id}/approve', 'post'],
  ['/api/access-requests/{id}/reject', 'post'],
  ['/api/memberships/{id}/revoke', 'post'],
  ['/api/institutions/{id}/memberships', 'get'],
  ['/api/institutions/{id}/access-history', 'get'],
];

const TRANSITION_ROUTES: [string, 'post' | 'put', RequestAction][] = [
  ['/api/requests/{id}/analysis', 'post', 'start_analysis'],
  ['/api/requests/{id}/steps/{stepId}', 'put', 'answer_step'],
  ['/api/requests/{id}/approve', 'post', 'approve'],
  ['/api/requests/{id}/reject', 'post', 'reject'],
  ['/api/requests/{id}/conclude', 'post', 'conclude'],
  ['/api/requests/{id}/evaluation', 'post', 'evaluate'],
  ['/api/requests/{id}/reassign', 'post', 'reassign'],
  ['/api/requests/{id}/reopen', 'post', 'reopen'],
];

// Moderation of evaluations: the institution's staff (mayModerate).
const MODERATION_ROUTES: [string, 'get' | 'post'][] = [
  ['/api/evaluations', 'get'],
  ['/api/evaluations/{id}/approve', 'post'],
  ['/api/evaluations/{id}/reject', 'post'],
  ['/api/evaluations/moderate', 'post'],
];

// Meetings: booked, moved and cancelled by the institution's staff; read and joined by the request's citizen too (decideMeeting).
const MEETING_ROUTES: [string, 'get' | 'post' | 'patch', keyof typeof MEETING_WHO][] = [
  ['/api/requests/{id}/meetings', 'post', 'staff'],
  ['/api/meetings/{id}', 'patch', 'staff'],
  ['/api/meetings/{id}/cancel', 'post', 'staff'],
  ['/api/requests/{id}/meetings', 'get', 'party'],
  ['/api/meetings/{id}/join', 'post', 'party'],
  ['/api/meetings/{id}/ics', 'get', 'party'],
];

describe('OpenAPI: who may call each route', () => {
  let t: TestContext;
  let doc: { paths: Record<string, Record<string, { description?: string }>> };
  before(async () => {
    t = await createTestContext({ empty: true });
    doc = await (await t.call('GET', '/api/openapi.json')).json();
  });
  after(() => t.close());

  for (const [path, method, action] of TRANSITION_ROUTES) {
    test(`${method.toUpperCase()} ${path} says who may ${action}, as the rule does`, () => {
      const description = doc.paths[path]?.[method]?.description ?? '';
      assert.ok(description.startsWith(whoMay(action)), `${path}: "${description}" should start with "${whoMay(action)}"`);
    });
  }

  test('every API route says who may call it', () => {
    const silent = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.description ?? ''] as const))
      .filter(([, description]) => !description.startsWith('Who: '))
      .map(([route]) => route);
    assert.deepEqual(silent, []);
  });

  for (const [path, method] of CHARTER_ROUTES) {
    test(`${method.toUpperCase()} ${path} says only the institution’s managers may, as decideCharter does`, () => {
      const description = doc.paths[path]?.[method]?.description ?? '';
      assert.ok(description.startsWith(CHARTER_WHO), `${path}: "${description}"`);
    });
  }

  for (const [path, method] of MODERATION_ROUTES) {
    test(`${method.toUpperCase()} ${path} says only the institution’s staff moderate, as mayModerate does`, () => {
      const description = doc.paths[path]?.[method]?.description ?? '';
      assert.ok(description.startsWith(MODERATION_WHO), `${path}: "${description}"`);
    });
  }

  test('the day agenda says agendaInstitutions’ rule; revoking a share link, decideShareRevocation’s', () => {
    const agenda = doc.paths['/api/meetings']?.get?.description ?? '';
    assert.ok(agenda.startsWith(AGENDA_WHO), agenda);
    const revoke = doc.paths['/api/agenda/share/{id}']?.delete?.description ?? '';
    assert.ok(revoke.startsWith(SHARE_REVOKE_WHO), revoke);
  });

  for (const [path, method, who] of MEETING_ROUTES) {
    test(`${method.toUpperCase()} ${path} says who may, as decideMeeting does`, () => {
      const description = doc.paths[path]?.[method]?.description ?? '';
      assert.ok(description.startsWith(MEETING_WHO[who]), `${path}: "${description}"`);
    });
  }

  test('Jitsi’s reservation hook says it takes the shared token, not a user’s', () => {
    for (const [path, method] of [
      ['/api/jitsi/conference', 'post'],
      ['/api/jitsi/conference/{id}', 'delete'],
    ] as const) {
      const op = (doc.paths[path]?.[method] ?? {}) as { description?: string; security?: unknown };
      assert.match(op.description ?? '', /^Who: Jitsi’s reservation hook .*JITSI_RESERVATION_TOKEN/, path);
      assert.deepEqual(op.security, [{ jitsiReservation: [] }], path);
    }
  });

  test('the public panel says anyone may read it', () => {
    for (const path of ['/api/public/ratings', '/api/public/services/{id}/comments']) {
      assert.ok((doc.paths[path]?.get?.description ?? '').startsWith('Who: anyone (no token).'), path);
    }
  });

  for (const [path, method] of ACCESS_ROUTES) {
    test(`${method.toUpperCase()} ${path} says only the institution’s managers may, as decideAccess does`, () => {
      const description = doc.paths[path]?.[method]?.description ?? '';
      assert.ok(description.startsWith(ACCESS_WHO), `${path}: "${description}"`);
    });
  }

  test('listing access requests names decideAccess for one institution', () => {
    const description = doc.paths['/api/access-requests']?.get?.description ?? '';
    assert.ok(description.includes(ACCESS_WHO.replace(/^Who: /, '')), description);
  });

  test('the rule texts say what the rules decide', () => {
    assert.match(whoMay('start_analysis'), /^Who: an attendant or manager of the request’s institution, unless they filed the request\.$/);
    assert.match(whoMay('conclude'), /assignee, unless they filed/);
    assert.match(whoMay('evaluate'), /citizen/);
    assert.match(whoMay('approve'), /may not be the request’s citizen/);
    assert.equal(ACTION_RULES.approve.who, 'staff');
    assert.match(whoMay('reassign'), /in attendance; the new assignee follows approve’s rules/);
  });

  test('asking the citizen (info_request follow-up) names the same rule', () => {
    const description = doc.paths['/api/requests/{id}/follow-ups'].post.description ?? '';
    assert.ok(description.includes('unless they filed the request'), description);
  });
});
