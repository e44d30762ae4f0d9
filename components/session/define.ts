import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from './session.js';

defineElement('atende-session', AtendeSession);
export { AtendeSession };
