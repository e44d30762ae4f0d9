import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeVideoScheduler } from './video-scheduler.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-video-scheduler', AtendeVideoScheduler);
export { AtendeVideoScheduler };
