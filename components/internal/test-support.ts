// Helpers for the browser tests (element tests and the end-to-end flow): tokens
// from the development identity provider, the real API typed by the contract,
// data each test creates for itself (a fresh citizen, a request filed and
// moved along its life cycle), an axe check and shadow-DOM queries.
// Not part of the bundle: only *.test.ts files import it.
import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import { expect, waitUntil } from '@open-wc/testing';
import type { FollowUpCreated } from '../../contract/types.js';
import type { FollowUpKind, Meeting, RequestDetail, ServiceDetail } from '../../contract/types.js';
import { addDays, localDate, localTime, zonedInstant } from '../../contract/time.js';
import { ApiClient } from './api-client.js';

const axe = (window as unknown as { axe: typeof Axe }).axe;

/**
 * Waits until the page reaches a state (`predicate` truthy). Tests wait on
 * state, never on time: this has no short deadline of its own (waitUntil's
 * default is 1 s, which a loaded machine misses), only one just under the
 * test's own timeout, so a failing wait still names what it waited for. A
 * passing run waits only as long as the state takes.
 */
export function until(predicate: () => unknown, message = 'the expected state was not reached'): Promise<void> {
  return waitUntil(predicate, message, { timeout: STATE_TIMEOUT_MS, interval: 20 });
}

/** The browser tests' mocha timeout (web-test-runner.config.js) is 60 s; a wait gives up a little before. */
const STATE_TIMEOUT_MS = 50_000;

/** Demo users (seed/demo-users.ts) who sign in: two attendants of one institution, one of another, and a citizen. */
export const ATTENDANT = 'atendente1.detran';
export const ATTENDANT_2 = 'atendente2.detran';
export const OTHER_INSTITUTION = 'atendente1.sefin';
export const CITIZEN = 'maria.silva';

const tokens = new Map<string, Promise<string>>();

/** A token for `sub` from the development identity provider (cached per test file). */
export function token(sub: string): Promise<string> {
  let t = tokens.get(sub);
  if (!t) {
    t = fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub }) }).then(async (res) => {
      if (!res.ok) throw new Error(`dev token for ${sub}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    });
    tokens.set(sub, t);
  }
  return t;
}

/** The real API as `sub`, through the elements' own client (typed by contract/api.ts); `base` another server of the same data (/sao-paulo/api: TIME_ZONE America/Sao_Paulo). */
export async function apiAs(sub: string, base = '/api'): Promise<ApiClient> {
  const t = await token(sub);
  return new ApiClient(() => ({ base, token: t }));
}

let serial = 0;

/**
 * A citizen no other test knows: an unknown subject is provisioned on first
 * use with its subject as its name. `word` is a word of that name no other
 * citizen has, so a staff search for it finds this citizen's requests only.
 */
export function newCitizen(): { sub: string; name: string; word: string } {
  const word = `t${Date.now().toString(36)}${(serial++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `Cidadã Teste ${word}`;
  return { sub: name, name, word };
}

const PDF = btoa('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A valid answer for a form field, as a citizen would type it. */
function sampleValue(f: ServiceDetail['fields'][number]): unknown {
  if (f.datatype === 'singlevaluelist') return f.values?.[0];
  if (f.datatype === 'multivaluelist') return f.values?.slice(0, 1);
  if (f.datatype === 'number') return 2020;
  if (f.datatype === 'datetime') return '2026-03-10';
  if (f.format === 'cpf') return '529.982.247-25';
  if (f.format === 'email') return 'cidada.teste@exemplo.com.br';
  if (f.format === 'phone') return '(61) 99876-5432';
  if (f.format === 'cep') return '70040-010';
  return `Teste ${f.label}`;
}

/** The published services of ATTENDANT's institution (cached per test file). */
let services: Promise<ServiceDetail[]> | undefined;
function attendantServices(): Promise<ServiceDetail[]> {
  services ??= (async () => {
    const api = await apiAs(ATTENDANT);
    const institutionId = (await api.get('/me')).memberships[0].institution.id;
    const { items } = await api.get('/services', { query: { institutionId } });
    return Promise.all(items.map((s) => api.get('/services/:id', { params: { id: s.id } })));
  })();
  return services;
}

/**
 * Files a new request as `citizen` (a fresh one unless given) for a service
 * of ATTENDANT's institution — by default one with steps to answer and both
 * a PDF and an image among its documents — filling every required field and
 * sending every document. `service` picks the n-th service instead; `api`
 * files through another server (apiAs).
 */
export async function fileRequest(opts: { citizen?: string; service?: number; api?: string } = {}): Promise<RequestDetail> {
  const all = await attendantServices();
  const service = opts.service === undefined ? all.find((s) => s.steps.length >= 2 && s.documents.length >= 2)! : all[opts.service % all.length];
  const formData: Record<string, unknown> = {};
  for (const f of service.fields) if (f.required) formData[f.code] = sampleValue(f);
  // An image where the document takes one (the server enforces each document's formats).
  const documents = service.documents.map((d, i) => {
    const image = i > 0 && (!d.formats.length || d.formats.includes('png'));
    return { label: d.name, fileName: image ? `foto-${i}.png` : `documento-${i}.pdf`, contentBase64: image ? PNG : PDF };
  });
  const api = await apiAs(opts.citizen ?? newCitizen().sub, opts.api);
  return api.post('/requests', { body: { serviceId: service.id, formData, documents } });
}

/** Moves a request along the life cycle through the API, as `attendant` (who also becomes its assignee). */
export async function advance(id: number, to: 'in_analysis' | 'in_service' | 'concluded', attendant = ATTENDANT): Promise<RequestDetail> {
  const api = await apiAs(attendant);
  let r = await api.post('/requests/:id/analysis', { params: { id } });
  if (to === 'in_analysis') return r;
  const me = await api.get('/me');
  // Approving with steps not answered "Sim" names them (all, here: none is answered).
  r = await api.post('/requests/:id/approve', { params: { id }, body: { assigneeId: me.id, confirmSteps: r.steps.map((s) => s.id) } });
  if (to === 'in_service') return r;
  return api.post('/requests/:id/conclude', { params: { id }, body: { text: 'Documento emitido.' } });
}

/** Posts a follow-up as `sub` (multipart, as the thread sends it). */
export async function postFollowUp(sub: string, id: number, body: string, kind: FollowUpKind = 'message'): Promise<FollowUpCreated> {
  const form = new FormData();
  form.set('body', body);
  form.set('kind', kind);
  return (await apiAs(sub)).post('/requests/:id/follow-ups', { params: { id }, body: form });
}

/** Asserts that axe finds no WCAG 2.1 A/AA violation in `el` (shadow roots included). */
export async function expectAccessible(el: Element): Promise<void> {
  const results = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  const report = results.violations
    .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n  ')}`)
    .join('\n');
  expect(results.violations, report).to.have.length(0);
}

/** Every element matching `selector` inside `root`, looking through open shadow roots. */
export function deepQueryAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  const out: E[] = [];
  const visit = (node: ParentNode) => {
    out.push(...node.querySelectorAll<E>(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return out;
}

/** The visible button (or link) whose text or accessible label is `label`, searching through shadow roots. */
export function byLabel(root: ParentNode, label: string | RegExp, selector = 'button, a'): HTMLElement | undefined {
  const matches = (s: string | null | undefined) => !!s && (typeof label === 'string' ? s.replace(/\s+/g, ' ').trim() === label : label.test(s));
  return deepQueryAll<HTMLElement>(root, selector).find(
    (b) => (matches(b.textContent) || matches(b.getAttribute('aria-label'))) && b.getClientRects().length > 0,
  );
}

/** Waits for the button labelled `label` and clicks it. */
export async function click(root: ParentNode, label: string | RegExp, selector?: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await until(() => (found = byLabel(root, label, selector)) && !(found as HTMLButtonElement).disabled, `button "${label}" not found`);
  found!.click();
  return found!;
}

/** Text of an element's shadow root, whitespace collapsed. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Elements (through shadow roots) whose box reaches past the window's right edge, named for a failure message. */
function pastTheEdge(limit: number): string {
  const name = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  const wide = deepQueryAll<HTMLElement>(document, '*').filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > limit + 0.5;
  });
  // The innermost ones (through shadow roots) say what pushes the page out.
  const within = (outer: Element, inner: Element) => {
    for (let n: Node | null = inner; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === outer) return true;
    return false;
  };
  const leaves = wide.filter((el) => !wide.some((other) => other !== el && within(el, other)));
  return leaves
    .slice(0, 6)
    .map((el) => `${name(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)}px)`)
    .join(', ');
}

/**
 * Asserts that nothing scrolls sideways in the window's width (375 px on a
 * phone): the page is no wider than the window, and an open dialog (in the
 * top layer, where it does not widen the page) fits in the window without
 * scrolling sideways itself. Names what sticks out on failure.
 */
export async function expectNoSidewaysScroll(state: string): Promise<void> {
  // One frame, so the layout the assertion reads is the state's own.
  await new Promise(requestAnimationFrame);
  const width = window.innerWidth;
  const doc = document.documentElement;
  expect(doc.scrollWidth, `${state}: the page is ${doc.scrollWidth}px wide in a ${width}px window — ${pastTheEdge(width)}`).to.be.at.most(width);
  for (const dialog of deepQueryAll<HTMLDialogElement>(document, 'dialog[open]')) {
    const r = dialog.getBoundingClientRect();
    expect(r.left, `${state}: the dialog starts left of the window`).to.be.at.least(0);
    expect(r.right, `${state}: the dialog is cut off at the right (${Math.round(r.right)}px of ${width}px) — ${pastTheEdge(width)}`).to.be.at.most(width);
    expect(dialog.scrollWidth, `${state}: the dialog scrolls sideways (${dialog.scrollWidth}px in ${dialog.clientWidth}px)`).to.be.at.most(dialog.clientWidth);
  }
}

/** The element matching `sel` in `el`'s shadow root (asserted present). */
export const q = <E extends Element = HTMLElement>(el: Element, sel: string): E => el.shadowRoot!.querySelector<E>(sel)!;

/** A node's text, whitespace collapsed ('' for none). */
export const text = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The focused element of `doc` (an iframe's document too), through shadow roots. */
export function deepActive(doc: Document = document): Element | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** The wtr app's TIME_ZONE (the default: the manual's state). */
export const ZONE = 'America/Porto_Velho';

/**
 * A meeting slot no other test books: a random day `from` to `from + span`
 * days ahead, at a random five minutes between 08:00 and 17:55 in ZONE.
 */
export function freeSlot(from = 20, span = 380): { day: string; hour: string; startsAt: string } {
  const day = addDays(localDate(Date.now(), ZONE), from + Math.floor(Math.random() * span));
  const minutes = 8 * 60 + 5 * Math.floor(Math.random() * 120);
  const hour = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { day, hour, startsAt: zonedInstant(day, hour, ZONE).toISOString() };
}

/** Books a meeting on a request in attendance through the API, as `as` (its attendant). */
export async function book(requestId: number, startsAt: string, subject = 'Conferir documentos', as = ATTENDANT, durationMinutes = 30): Promise<Meeting> {
  return (await apiAs(as)).post('/requests/:id/meetings', { params: { id: requestId }, body: { startsAt, durationMinutes, subject } });
}

/** An instant's day (DD/MM/YYYY) and time (HH:MM) in ZONE, as the pt-BR text shows them. */
export const meetingDay = (iso: string): string => localDate(Date.parse(iso), ZONE).split('-').reverse().join('/');
export const meetingTime = (iso: string): string => localTime(Date.parse(iso), ZONE);
