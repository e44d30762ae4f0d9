// The element classes, without registering any tag (see define.ts).
export { AtendeSession } from './session/session.js';
export { AtendeRequestQueue } from './request-queue/request-queue.js';
export { AtendeAnalysisForm } from './analysis-form/analysis-form.js';
export { AtendeFollowUpThread } from './follow-up-thread/follow-up-thread.js';
export { AtendeServiceEditor } from './service-editor/service-editor.js';
export { AtendeServiceCatalog } from './service-catalog/service-catalog.js';
export { AtendeRequestForm } from './request-form/request-form.js';
export { AtendeAccessRequests } from './access-requests/access-requests.js';
export { AtendeEvaluationForm } from './evaluation-form/evaluation-form.js';
export { AtendeEvaluationModerator } from './evaluation-moderator/evaluation-moderator.js';
export { AtendeSatisfactionPanel } from './satisfaction-panel/satisfaction-panel.js';
export { AtendeDayAgenda } from './day-agenda/day-agenda.js';
export { AtendeVideoScheduler } from './video-scheduler/video-scheduler.js';
export { AtendeElement, type AtendeEventDetails } from './internal/atende-element.js';
export { ApiClient, ApiError, type TokenProvider, type Connection } from './internal/api-client.js';
export type { SessionConfig } from './internal/context.js';
