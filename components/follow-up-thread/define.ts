import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeFollowUpThread } from './follow-up-thread.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-follow-up-thread', AtendeFollowUpThread);
export { AtendeFollowUpThread };
