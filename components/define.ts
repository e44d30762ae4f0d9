// Registers every Atende tag (the session first, so elements already in the
// page find their provider when they upgrade). Guarded: a page that loads the
// bundle twice still works.
import { AtendeAnalysisForm, AtendeFollowUpThread, AtendeRequestForm, AtendeRequestQueue, AtendeServiceCatalog, AtendeSession } from './index.js';
import { defineElement } from './internal/define-element.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-request-queue', AtendeRequestQueue);
defineElement('atende-analysis-form', AtendeAnalysisForm);
defineElement('atende-follow-up-thread', AtendeFollowUpThread);
defineElement('atende-service-catalog', AtendeServiceCatalog);
defineElement('atende-request-form', AtendeRequestForm);

export * from './index.js';
