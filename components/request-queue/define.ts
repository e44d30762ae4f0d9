import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeRequestQueue } from './request-queue.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-request-queue', AtendeRequestQueue);
export { AtendeRequestQueue };
