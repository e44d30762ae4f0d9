import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeAccessRequests } from './access-requests.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-access-requests', AtendeAccessRequests);
export { AtendeAccessRequests };
