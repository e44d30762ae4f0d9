// Helpers for the browser tests: tokens from the dev identity provider, the
// real API, fresh requests filed by a demo citizen, and an axe check.
import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';
import { expect, waitUntil } from '@open-wc/testing';
import type { RequestDetail, ServiceDetail, ServiceSummary } from '../../contract/types.js';

const axe = (window as unknown as { axe: typeof Axe }).axe;

export const ATTENDANT = 'atendente1.detran';
export const ATTENDANT_2 = 'atendente2.detran';
export const CITIZEN = 'maria.silva';
export const OTHER_INSTITUTION = 'atendente1.sefin';

const tokens = new Map<string, string>();

/** A token for a demo user (cached per test file). */
export async function token(sub: string, fresh = false): Promise<string> {
  if (!fresh && tokens.has(sub)) return tokens.get(sub)!;
  const res = await fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub }) });
  if (!res.ok) throw new Error(`dev token for ${sub}: ${res.status}`);
  const { token: t } = (await res.json()) as { token: string };
  tokens.set(sub, t);
  return t;
}

/** Calls the real API as a demo user; throws on a non-2xx answer. */
export async function api<T>(sub: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`/api/${path}`, {
    method,
    headers: { Authorization: `Bearer ${await token(sub)}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const PDF = btoa('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function sampleValue(f: ServiceDetail['fields'][number]): unknown {
  if (f.datatype === 'singlevaluelist') return f.values?.[0];
  if (f.datatype === 'multivaluelist') return f.values?.slice(0, 1);
  if (f.datatype === 'number') return 2020;
  if (f.datatype === 'datetime') return '2026-03-10';
  if (f.format === 'cpf') return '529.982.247-25';
  if (f.format === 'email') return 'maria.silva@exemplo.com.br';
  if (f.format === 'phone') return '(61) 99876-5432';
  if (f.format === 'cep') return '70040-010';
  return `Teste ${f.label}`;
}

let services: ServiceSummary[] | undefined;

/** Files a new request as a citizen for a DETRAN service (with a PDF and a PNG), so each test owns its data. */
export async function fileRequest(opts: { citizen?: string; service?: string } = {}): Promise<RequestDetail> {
  services ??= (await api<{ items: ServiceSummary[] }>(CITIZEN, 'GET', 'services')).items;
  const summary = services.find((s) => s.name.startsWith(opts.service ?? 'Segunda via da Carteira'))!;
  const service = await api<ServiceDetail>(CITIZEN, 'GET', `services/${summary.id}`);
  const formData: Record<string, unknown> = {};
  for (const f of service.fields) if (f.required) formData[f.code] = sampleValue(f);
  const documents = service.documents
    .filter((d) => d.required)
    .map((d, i) => ({ label: d.name, fileName: i === 0 ? 'documento.pdf' : `foto-${i}.png`, contentBase64: i === 0 ? PDF : PNG }));
  const optional = service.documents.find((d) => !d.required);
  if (optional) documents.push({ label: optional.name, fileName: 'foto.png', contentBase64: PNG });
  return api<RequestDetail>(opts.citizen ?? CITIZEN, 'POST', 'requests', { serviceId: service.id, formData, documents });
}

/** Moves a request along the life cycle through the API, as `attendant`. */
export async function advance(id: number, to: 'in_analysis' | 'in_service' | 'concluded', attendant = ATTENDANT): Promise<RequestDetail> {
  let r = await api<RequestDetail>(attendant, 'POST', `requests/${id}/analysis`);
  if (to === 'in_analysis') return r;
  const me = await api<{ id: number }>(attendant, 'GET', 'me');
  r = await api<RequestDetail>(attendant, 'POST', `requests/${id}/approve`, { assigneeId: me.id });
  if (to === 'in_service') return r;
  return api<RequestDetail>(attendant, 'POST', `requests/${id}/conclude`, { text: 'Documento emitido.' });
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
  await waitUntil(() => (found = byLabel(root, label, selector)) && !(found as HTMLButtonElement).disabled, `button "${label}" not found`, { timeout: 5000 });
  found!.click();
  return found!;
}

/** Text of an element's shadow root, whitespace collapsed. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
