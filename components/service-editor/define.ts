import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeServiceEditor } from './service-editor.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-service-editor', AtendeServiceEditor);
export { AtendeServiceEditor };
