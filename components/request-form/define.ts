import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeRequestForm } from './request-form.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-request-form', AtendeRequestForm);
export { AtendeRequestForm };
