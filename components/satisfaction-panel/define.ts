import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeSatisfactionPanel } from './satisfaction-panel.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-satisfaction-panel', AtendeSatisfactionPanel);
export { AtendeSatisfactionPanel };
