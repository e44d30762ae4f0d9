import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeEvaluationModerator } from './evaluation-moderator.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-evaluation-moderator', AtendeEvaluationModerator);
export { AtendeEvaluationModerator };
