import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeEvaluationForm } from './evaluation-form.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-evaluation-form', AtendeEvaluationForm);
export { AtendeEvaluationForm };
