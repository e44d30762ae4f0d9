import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeAnalysisForm } from './analysis-form.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-analysis-form', AtendeAnalysisForm);
export { AtendeAnalysisForm };
