import { defineElement } from '../internal/define-element.js';
import { AtendeSession } from '../session/session.js';
import { AtendeServiceCatalog } from './service-catalog.js';

defineElement('atende-session', AtendeSession);
defineElement('atende-service-catalog', AtendeServiceCatalog);
export { AtendeServiceCatalog };
