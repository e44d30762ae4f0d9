// Helpers of the request form's browser tests: a service covering every kind
// of field, published through the API as the institution's manager, and the
// form's controls found by their labels. Not part of the bundle.
import { fixture, html } from '@open-wc/testing';
import type { ServiceDetail } from '../../contract/types.js';
import { apiAs, newCitizen, token, until } from '../internal/test-support.js';
import type { AtendeRequestForm } from './request-form.js';

export const MANAGER = 'gestora.detran';

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

/** Every kind of field the charter offers (contract/charter.ts FIELD_KINDS), in the form's order. */
const ALL_KINDS = [
  { code: 'nome', label: 'Nome completo', datatype: 'string', required: true, description: 'Como está no documento de identidade.' },
  { code: 'relato', label: 'Relato do ocorrido', datatype: 'text', required: true },
  { code: 'ano', label: 'Ano do veículo', datatype: 'number', required: true },
  { code: 'data', label: 'Data do ocorrido', datatype: 'datetime', format: 'date', required: true },
  { code: 'cpf', label: 'CPF', datatype: 'string', format: 'cpf', required: true },
  { code: 'email', label: 'E-mail', datatype: 'string', format: 'email', required: true },
  { code: 'telefone', label: 'Telefone', datatype: 'string', format: 'phone', required: true },
  { code: 'cep', label: 'CEP', datatype: 'string', format: 'cep', required: true },
  { code: 'turno', label: 'Turno preferido', datatype: 'singlevaluelist', values: ['Manhã', 'Tarde'], required: true },
  { code: 'avisos', label: 'Como prefere ser avisado', datatype: 'multivaluelist', values: ['E-mail', 'SMS', 'WhatsApp'], required: true },
  { code: 'observacao', label: 'Observação', datatype: 'string', required: false },
  {
    code: 'municipio',
    label: 'Município de atendimento',
    datatype: 'singlevaluelist',
    values: ['Porto Velho', 'Ji-Paraná', 'Ariquemes', 'Vilhena', 'Cacoal', 'Rolim de Moura', 'Guajará-Mirim'],
    required: false,
  },
] as const;

export const DOCUMENTS = [
  { name: 'Comprovante de residência', required: true, formats: ['pdf', 'png'] },
  { name: 'Procuração', required: false, formats: ['pdf'] },
] as const;

/**
 * A new published service of the manager's institution with every kind of
 * field, and (unless `documents: false`) a required and an optional document.
 */
export async function publishService(opts: { documents?: boolean; name?: string } = {}): Promise<ServiceDetail> {
  const api = await apiAs(MANAGER);
  const institutionId = (await api.get('/me')).memberships[0].institution.id;
  const created = await api.post('/services', {
    body: {
      institutionId,
      name: opts.name ?? `Serviço de teste ${newCitizen().word}`,
      description: 'Um serviço criado pelo teste, com todos os tipos de campo.',
      audience: 'Qualquer cidadão.',
      requirements: 'Nenhum.',
      documents: opts.documents === false ? [] : DOCUMENTS.map((d) => ({ ...d, formats: [...d.formats] })),
      steps: ['Conferir os dados', 'Emitir a resposta'],
      fields: ALL_KINDS.map((f) => ({ ...f, values: 'values' in f ? [...f.values] : undefined })),
      cost: 'Gratuito',
      deadline: { days: 5, kind: 'business' },
      delivery: ['online'],
      area: ['Gerência de Habilitação'],
      address: 'Av. Exemplo, 100 — Centro',
      hours: 'Segunda a sexta, das 8h às 14h',
      legalBasis: 'Lei estadual de teste nº 1/2026.',
      lgpdBasis: 'Execução de políticas públicas (art. 7º, III, LGPD).',
    },
  });
  await api.post('/services/:id/publish', { params: { id: created.serviceId } });
  return api.get('/services/:id', { params: { id: created.serviceId } });
}

/** A valid answer to every field, as a citizen types it. */
export const VALID: Record<string, string | string[]> = {
  nome: 'Maria Teste da Silva',
  relato: 'Perdi o documento no ônibus.\nPeço a segunda via.',
  ano: '2020',
  data: '2026-03-10',
  cpf: '529.982.247-25',
  email: 'maria.teste@exemplo.com.br',
  telefone: '(69) 99876-5432',
  cep: '76800-000',
  turno: 'Tarde',
  avisos: ['E-mail', 'WhatsApp'],
  municipio: 'Ji-Paraná',
};

export const q = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
export const all = <E extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<E>(sel)];

/** The form, loaded, for `sub` (a fresh citizen unless given; `null`: nobody signed in). */
export async function requestForm(serviceId: number | undefined, sub: string | null, attrs: { requestHref?: string } = {}): Promise<AtendeRequestForm> {
  const t = sub === null ? undefined : await token(sub);
  const el = await fixture<AtendeRequestForm>(
    html`<atende-request-form api="/api" .serviceId=${serviceId} .token=${t} .requestHref=${attrs.requestHref}></atende-request-form>`,
  );
  await until(() => q(el, 'form[part=form], .alert.error, .placeholder'), 'the form did not load');
  return el;
}

/** The control labelled `label` (a group: its fieldset). */
export function control<E extends HTMLElement = HTMLInputElement>(el: Element, label: string): E {
  const name = (n: Element) =>
    n
      .textContent!.replace(/\s+/g, ' ')
      .replace(/\s*\*.*$/, '')
      .trim();
  const legend = all(el, 'fieldset > legend').find((l) => name(l) === label);
  if (legend) return legend.parentElement as E;
  const lab = all<HTMLLabelElement>(el, 'label[for]').find((l) => name(l) === label);
  if (!lab) throw new Error(`no control labelled ${label}`);
  return q<E>(el, `#${lab.htmlFor}`)!;
}

/** Types into a text control and leaves it, as a citizen does. */
export function type(el: Element, label: string, value: string): void {
  const input = control<HTMLInputElement>(el, label);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** Checks the options of a group (radio or checkbox) by their text. */
export function choose(el: Element, label: string, values: string[]): void {
  const group = control<HTMLFieldSetElement>(el, label);
  for (const option of group.querySelectorAll<HTMLInputElement>('input')) {
    if (values.includes(option.value) !== option.checked) option.click();
  }
}

/** Fills the form with `values` (VALID by default), by the service's field labels. */
export function fill(el: Element, service: ServiceDetail, values: Record<string, string | string[]> = VALID): void {
  for (const f of service.fields) {
    const v = values[f.code];
    if (v === undefined) continue;
    const ctl = control<HTMLElement>(el, f.label);
    if (Array.isArray(v) || ctl.localName === 'fieldset') choose(el, f.label, Array.isArray(v) ? v : [v]);
    else if (ctl.localName === 'select') {
      (ctl as HTMLSelectElement).value = v;
      ctl.dispatchEvent(new Event('change'));
    } else type(el, f.label, v);
  }
}

/** Picks files for the document labelled `label`. */
export function attach(el: Element, label: string, file: File | undefined): void {
  const input = control<HTMLInputElement>(el, label);
  const dt = new DataTransfer();
  if (file) dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

/** The message tied to a control through aria-describedby (the `field-error` one). */
export function errorOf(el: Element, ctl: HTMLElement): string | undefined {
  const ids = (ctl.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => q(el, `#${id}`))
    .find((n) => n?.classList.contains('field-error'))
    ?.textContent?.trim();
}

/** The requests a citizen has filed (their own queue). */
export async function requestsOf(sub: string) {
  return (await (await apiAs(sub)).get('/requests', { query: { limit: 50 } })).items;
}
