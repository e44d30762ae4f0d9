// Helpers of the access requests' browser tests: a fresh servant with no role,
// their request for the attendant profile of DETRAN through the API, and the
// element's cards, tabs and dialog found as a user finds them. Not part of
// the bundle.
import { fixture, html } from '@open-wc/testing';
import { addDays, localDate } from '../../contract/time.js';
import type { AccessRequest, AppConfig, Institution } from '../../contract/types.js';
import { apiAs, newCitizen, q, text, token, until } from '../internal/test-support.js';
import type { AtendeAccessRequests } from './access-requests.js';

/** DETRAN's manager (seed/demo-users.ts). */
export const MANAGER = 'gestora.detran';

/** A signed-in servant no other test knows, with no role anywhere (provisioned on first use, named by their subject). */
export function newServant(): { sub: string; name: string } {
  const name = `Servidor Teste ${newCitizen().word}`;
  return { sub: name, name };
}

let institutions: Promise<Institution[]> | undefined;
/** An institution of the seed by acronym, with its units. */
export async function institution(acronym = 'DETRAN'): Promise<Institution> {
  institutions ??= apiAs(MANAGER).then((api) => api.get('/institutions').then((r) => r.items));
  return (await institutions).find((i) => i.acronym === acronym)!;
}

/** `sub` asks for the attendant profile of DETRAN (its first unit) through the API. */
export async function askViaApi(sub: string, ordinance = 'Portaria nº 45/2026'): Promise<AccessRequest> {
  const detran = await institution();
  return (await apiAs(sub)).post('/access-requests', { body: { institutionId: detran.id, unit: detran.units[0], ordinance } });
}

/** The manager authorizes request `id` through the API. */
export async function approveViaApi(id: number, until?: string): Promise<AccessRequest> {
  return (await apiAs(MANAGER)).post('/access-requests/:id/approve', { params: { id }, body: until ? { until } : {} });
}

/** The element as `sub` (a token, as a lone element takes it). */
export async function accessElement(opts: { sub: string; mode?: string; lang?: string; pageSize?: number; institutionId?: number }) {
  const t = await token(opts.sub);
  return fixture<AtendeAccessRequests>(
    html`<atende-access-requests
      .token=${t}
      mode=${opts.mode ?? 'auto'}
      lang=${opts.lang ?? 'pt-BR'}
      page-size=${opts.pageSize ?? 50}
      institution-id=${opts.institutionId ?? ''}
    ></atende-access-requests>`,
  );
}

/** The card (in the panel shown, or in "Minhas solicitações") whose heading is `heading`. */
export function card(el: Element, heading: string): HTMLElement | undefined {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.panel:not([hidden]) li.card, .mine li.card')].find(
    (li) => text(li.querySelector('h3')) === heading,
  );
}

/** Waits for the card headed `heading` and answers it. */
export async function cardFor(el: Element, heading: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await until(() => (found = card(el, heading)), `card "${heading}"`);
  return found!;
}

/** Selects the tab whose label starts with `label` and waits for its panel to show a list, an empty state or an error. */
export async function openTab(el: Element, label: string): Promise<void> {
  let tab: HTMLElement | undefined;
  await until(() => (tab = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => text(t).startsWith(label))), `tab ${label}`);
  tab!.click();
  await until(
    () => el.shadowRoot!.querySelector(`#${tab!.getAttribute('aria-controls')}:not([hidden]) :is(.cards, .placeholder, [role="alert"])`),
    `${label} shown`,
  );
}

export const dialog = (el: Element) => q<HTMLDialogElement>(el, 'dialog');

/** Sets control `#id` as a user's input would (a select's change, a field's input). */
export function fill(el: Element, id: string, value: string) {
  const c = q<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, `#${id}`);
  c.value = value;
  c.dispatchEvent(new Event(c.localName === 'select' ? 'change' : 'input', { bubbles: true, composed: true }));
}

/** The server's time zone (GET /api/config), where the element counts and shows days; never the browser's. */
const SERVER_TIME_ZONE = ((await (await fetch('/api/config')).json()) as AppConfig).timeZone;

/** A calendar day `days` from today in the server's time zone, YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  return addDays(localDate(Date.now(), SERVER_TIME_ZONE), days);
}

/** YYYY-MM-DD as the pt-BR user reads it. */
export const brDay = (day: string) => day.split('-').reverse().join('/');
