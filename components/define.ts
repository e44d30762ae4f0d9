// Registers every Atende tag (the session first, so elements already in the
// page find their provider when they upgrade). Guarded: a page that loads the
// bundle twice still works. The elements a page shows less often come in
// their own chunk, fetched the first time the page uses their tag
// (defineOnUse); their classes are exported by index.ts and by their own
// entry points (dist/elements/*.js).
import { AtendeAnalysisForm } from './analysis-form/analysis-form.js';
import { AtendeFollowUpThread } from './follow-up-thread/follow-up-thread.js';
import { AtendeRequestQueue } from './request-queue/request-queue.js';
import { AtendeSession } from './session/session.js';
import { defineElement, defineOnUse } from './internal/define-element.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-request-queue', AtendeRequestQueue);
defineElement('atende-analysis-form', AtendeAnalysisForm);
defineElement('atende-follow-up-thread', AtendeFollowUpThread);
defineOnUse('atende-service-editor', () => import('./service-editor/define.js'));
defineOnUse('atende-service-catalog', () => import('./service-catalog/define.js'));
defineOnUse('atende-request-form', () => import('./request-form/define.js'));
defineOnUse('atende-access-requests', () => import('./access-requests/define.js'));
defineOnUse('atende-evaluation-form', () => import('./evaluation-form/define.js'));
defineOnUse('atende-evaluation-moderator', () => import('./evaluation-moderator/define.js'));
defineOnUse('atende-satisfaction-panel', () => import('./satisfaction-panel/define.js'));
defineOnUse('atende-day-agenda', () => import('./day-agenda/define.js'));
defineOnUse('atende-video-scheduler', () => import('./video-scheduler/define.js'));

export { AtendeSession, AtendeRequestQueue, AtendeAnalysisForm, AtendeFollowUpThread };
export { AtendeElement, type AtendeEventDetails } from './internal/atende-element.js';
export { ApiClient, ApiError, type TokenProvider, type Connection } from './internal/api-client.js';
export type { SessionConfig } from './internal/context.js';
