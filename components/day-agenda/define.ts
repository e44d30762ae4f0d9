import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeDayAgenda } from './day-agenda.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-day-agenda', AtendeDayAgenda);
export { AtendeDayAgenda };
