// The service editor in real Chromium against the real BFF, as the manager
// gestora.detran: creating and publishing a service, a refused publication,
// a conflict between two managers, withdrawing, versions and their diff, what
// was typed surviving a reload, the keyboard alone, a phone's width, two
// editors on one page and English.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ServiceVersion } from '../../contract/types.js';
import { ATTENDANT, apiAs, expectAccessible, expectNoSidewaysScroll, shadowText, token, until, q, text, deepActive } from '../internal/test-support.js';
import '../define.js';
import './define.js';
import type { AtendeServiceEditor } from './service-editor.js';

const MANAGER = 'gestora.detran';

const button = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label || b.getAttribute('aria-label') === label);
const dialog = (el: Element) => q<HTMLDialogElement>(el, 'dialog');

let serial = 0;
/** A service name no other test uses. */
const uniqueName = (what: string) => `${what} ${Date.now().toString(36)}${(serial++).toString(36)}`;

async function editor(opts: { lang?: string; sub?: string; institutionId?: number } = {}) {
  const t = await token(opts.sub ?? MANAGER);
  const el = await fixture<AtendeServiceEditor>(
    html`<atende-service-editor .token=${t} lang=${opts.lang ?? 'pt-BR'} institution-id=${opts.institutionId ?? ''}></atende-service-editor>`,
  );
  return el;
}

const listed = (el: Element) => el.shadowRoot!.querySelector('ul.services');

async function click(el: Element, label: string) {
  let b: HTMLButtonElement | undefined;
  await until(() => (b = button(el, label)), `button "${label}"`);
  b!.click();
}

/** Types into control `#id` as an input event does (the keyboard test types key by key). */
function fill(el: Element, id: string, value: string) {
  const c = q<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, `#${id}`);
  c.value = value;
  c.dispatchEvent(new Event(c.localName === 'select' ? 'change' : 'input', { bubbles: true }));
}

function tick(el: Element, selector: string, on = true) {
  const box = q<HTMLInputElement>(el, selector);
  if (box.checked !== on) box.click();
}

const keyOf = (el: Element, selector: string, n: number) => {
  const ids = [...el.shadowRoot!.querySelectorAll(selector)].map((x) => x.id);
  return ids[n];
};

async function newService(el: AtendeServiceEditor) {
  await until(() => listed(el), 'list shown');
  await click(el, '+ Novo serviço');
  await until(() => text(q(el, 'h2')) === 'Novo serviço', 'editor open');
}

/** Adds a row with its "+ Adicionar …" button; answers the id prefix of the row's first control. */
async function addRow(el: AtendeServiceEditor, label: string, selector: string): Promise<string> {
  const before = el.shadowRoot!.querySelectorAll(selector).length;
  await click(el, label);
  await until(() => el.shadowRoot!.querySelectorAll(selector).length === before + 1, `${label}: row added`);
  await el.updateComplete;
  return keyOf(el, selector, before);
}

/** Fills every part the law requires (and a document, two steps, three fields). */
async function fillComplete(el: AtendeServiceEditor, name: string) {
  fill(el, 'f-name', name);
  fill(el, 'f-description', 'Emissão da segunda via do documento, em caso de perda ou roubo.');
  fill(el, 'f-audience', 'Pessoas com habilitação válida no estado.');
  fill(el, 'f-requirements', 'Ter habilitação emitida pelo DETRAN.');
  const doc = (await addRow(el, '+ Adicionar documento', 'input[id$="-name"][id^="f-doc-"]')).replace(/-name$/, '');
  fill(el, `${doc}-name`, 'Boletim de ocorrência');
  tick(el, `#${doc}-formats input[type=checkbox]`);
  for (const title of ['Conferir o boletim de ocorrência', 'Conferir os dados do requerente']) {
    const step = await addRow(el, '+ Adicionar etapa', 'input[id^="f-step-"]');
    fill(el, step, title);
  }
  const fields: [string, string, string?][] = [
    ['CPF do requerente', 'cpf'],
    ['Tipo de veículo', 'choice', 'Carro\nMotocicleta'],
    ['Observações', 'longText'],
  ];
  for (const [label, kind, options] of fields) {
    const f = (await addRow(el, '+ Adicionar campo', 'input[id$="-label"][id^="f-field-"]')).replace(/-label$/, '');
    fill(el, `${f}-label`, label);
    fill(el, `${f}-kind`, kind);
    await el.updateComplete;
    if (options) fill(el, `${f}-options`, options);
    if (kind === 'cpf') tick(el, `#${f}-required`);
  }
  fill(el, 'f-cost', 'Gratuito');
  fill(el, 'f-deadline-days', '10');
  fill(el, 'f-area', 'Gerência de Habilitação');
  fill(el, 'f-address', 'Online, pelo portal; ou na sede do DETRAN.');
  fill(el, 'f-legalBasis', 'Código de Trânsito Brasileiro, art. 159.');
  fill(el, 'f-lgpdBasis', 'Execução de políticas públicas (LGPD, art. 7º, III).');
  await el.updateComplete;
}

const notice = (el: Element) => text(el.shadowRoot!.querySelector('#notice'));
const badge = (el: Element) => text(el.shadowRoot!.querySelector('.status-line .badge'));

/** A complete service made through the API, published when asked. */
async function serviceViaApi(opts: { publish?: boolean; name?: string } = {}): Promise<ServiceVersion> {
  const api = await apiAs(MANAGER);
  const institutionId = (await api.get('/me')).memberships.find((m) => m.role === 'manager')!.institution.id;
  const created = await api.post('/services', {
    body: {
      institutionId,
      name: opts.name ?? uniqueName('Vistoria de teste'),
      description: 'Vistoria do veículo.',
      audience: 'Proprietários de veículos.',
      requirements: 'Veículo registrado no estado.',
      steps: ['Conferir o documento do veículo'],
      cost: 'Gratuito',
      deadline: { days: 5, kind: 'business' },
      delivery: ['online'],
      area: ['Gerência de Veículos'],
      address: 'Sede do DETRAN.',
      legalBasis: 'CTB, art. 104.',
    },
  });
  if (!opts.publish) return created;
  return api.post('/services/:id/publish', { params: { id: created.serviceId } });
}

async function openExisting(el: AtendeServiceEditor, name: string) {
  await until(() => listed(el), 'list shown');
  await click(el, `Editar ${name}`);
  await until(() => text(q(el, 'h2')) === `Editar serviço: ${name}`, 'service open');
}

describe('atende-service-editor', () => {
  afterEach(() => localStorage.clear());

  it('lists the institution’s services with their status, and is accessible', async () => {
    const draft = await serviceViaApi();
    const el = await editor();
    await until(() => listed(el) && shadowText(el).includes(draft.entry.name), 'list with the new draft');
    expect(text(q(el, 'h2'))).to.equal('Carta de Serviços — DETRAN');
    const row = button(el, `Editar ${draft.entry.name}`)!.closest('li')!;
    expect(text(row)).to.contain('Rascunho');
    expect(shadowText(el)).to.contain('Publicado');
    await expectAccessible(el);
  });

  it('says so when the user manages no institution, and offers to retry when the list fails', async () => {
    const attendant = await editor({ sub: ATTENDANT });
    await until(() => shadowText(attendant).includes('Somente gestores editam a Carta de Serviços'), 'not a manager');
    const me = await (await apiAs(ATTENDANT)).get('/me');
    const refused = await editor({ sub: ATTENDANT, institutionId: me.memberships[0].institution.id });
    await until(() => refused.shadowRoot!.querySelector('[role="alert"]'), 'error shown');
    expect(text(q(refused, '[role="alert"]'))).to.contain('Não foi possível carregar os serviços.');
    expect(button(refused, 'Tentar novamente')).to.exist;
    await expectAccessible(refused);
  });

  it('creates a service with two steps and three fields, saves it, publishes it, and citizens then find it', async () => {
    const name = uniqueName('Segunda via de teste');
    const el = await editor();
    await newService(el);
    await fillComplete(el, name);
    // Codes follow the labels: lowercase ASCII with underscores.
    const codes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[id$="-code"]')].map((i) => i.value);
    expect(codes).to.deep.equal(['cpf_do_requerente', 'tipo_de_veiculo', 'observacoes']);
    for (const c of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="text"]:not([id$="-code"]), textarea')) {
      expect([c.id, c.spellcheck, c.lang]).to.deep.equal([c.id, true, 'pt-BR']);
    }
    await expectAccessible(el);

    const saved = oneEvent(el, 'atende-service-saved');
    q<HTMLButtonElement>(el, '#action-save').click();
    const { detail } = await saved;
    expect(detail.version).to.equal(1);
    await until(() => notice(el) === 'Rascunho salvo (versão 1).', 'saved');
    expect(text(q(el, '.missing'))).to.contain('Nada falta');
    expect(badge(el)).to.equal('Rascunho');

    q<HTMLButtonElement>(el, '#action-publish').click();
    await until(() => dialog(el).open, 'publish dialog');
    expect(text(dialog(el))).to.contain('As solicitações já enviadas continuam com a versão em que foram feitas');
    await expectAccessible(el);
    const published = oneEvent(el, 'atende-service-published');
    await click(el, 'Sim, publicar');
    expect((await published).detail).to.deep.equal({ serviceId: detail.serviceId, version: 1 });
    await until(() => !dialog(el).open && badge(el) === 'Publicado', 'published');
    expect(notice(el)).to.equal('Serviço publicado: os cidadãos já veem a versão 1.');
    await until(() => deepActive()?.id === 'notice', 'focus on the status message');
    expect(deepActive()!.closest('[role="status"]')).to.exist;

    const citizen = await apiAs('maria.silva');
    const { items } = await citizen.get('/services', { query: { q: name } });
    expect(items.map((s) => s.name)).to.include(name);
    const service = await citizen.get('/services/:id', { params: { id: detail.serviceId } });
    expect(service.steps.map((s) => s.title)).to.deep.equal(['Conferir o boletim de ocorrência', 'Conferir os dados do requerente']);
    expect(service.fields.map((f) => [f.code, f.datatype, f.format ?? null, f.required])).to.deep.equal([
      ['cpf_do_requerente', 'string', 'cpf', true],
      ['tipo_de_veiculo', 'singlevaluelist', null, false],
      ['observacoes', 'text', null, false],
    ]);
    expect(service.fields[1].values).to.deep.equal(['Carro', 'Motocicleta']);
    expect(service.documents).to.deep.equal([{ name: 'Boletim de ocorrência', required: true, formats: ['pdf'] }]);
    expect(service.deadline).to.deep.equal({ days: 10, kind: 'business' });
  });

  it('refuses to publish an incomplete draft, listing every missing part next to its control', async () => {
    const el = await editor();
    await newService(el);
    expect(text(q(el, '.missing'))).to.contain('Salve o rascunho para conferir o que falta');
    fill(el, 'f-name', uniqueName('Incompleto'));
    q<HTMLButtonElement>(el, '#action-save').click();
    await until(() => notice(el).startsWith('Rascunho salvo'), 'saved');
    const missing = text(q(el, '.missing'));
    for (const part of ['Descrição', 'Etapas', 'Custo', 'Prazo máximo', 'Área responsável', 'Base legal']) expect(missing).to.contain(part);

    q<HTMLButtonElement>(el, '#action-publish').click();
    await until(() => dialog(el).open, 'publish dialog');
    await click(el, 'Sim, publicar');
    await until(() => el.shadowRoot!.querySelector('#error-summary'), 'error summary');
    const summary = q(el, '#error-summary');
    expect(text(summary)).to.contain('Para publicar, falta preencher:').and.contain('inclua ao menos uma etapa');
    await until(() => deepActive() === summary, 'focus on the summary');
    expect(q(el, '#f-description').getAttribute('aria-invalid')).to.equal('true');
    expect(text(q(el, `#${q(el, '#f-description').getAttribute('aria-describedby')}`))).to.contain('Descrição');
    expect(q(el, '#add-step').getAttribute('aria-describedby')).to.equal('add-step-error');
    // The summary's link takes focus to the control.
    [...summary.querySelectorAll('a')].find((a) => a.getAttribute('href') === '#add-step')!.click();
    expect(deepActive()?.id).to.equal('add-step');
    expect(badge(el)).to.equal('Rascunho');
    await expectAccessible(el);
  });

  it('shows field errors next to their controls, with a summary at the top that links to them', async () => {
    const el = await editor();
    await newService(el);
    fill(el, 'f-name', uniqueName('Com erros'));
    fill(el, 'f-deadline-days', '400');
    q<HTMLButtonElement>(el, '#action-save').click();
    // Checked in the browser, before anything is sent.
    await until(() => el.shadowRoot!.querySelector('#error-summary'), 'deadline refused');
    expect(text(q(el, '#f-deadline-days-error'))).to.equal('O prazo vai de 1 a 365 dias.');
    expect(q(el, '#f-deadline-days').getAttribute('aria-describedby')).to.equal('f-deadline-days-error');
    fill(el, 'f-deadline-days', '30');

    const step = await addRow(el, '+ Adicionar etapa', 'input[id^="f-step-"]');
    const f = (await addRow(el, '+ Adicionar campo', 'input[id$="-label"][id^="f-field-"]')).replace(/-label$/, '');
    fill(el, `${f}-label`, 'Cor preferida');
    fill(el, `${f}-kind`, 'choice');
    q<HTMLButtonElement>(el, '#action-save').click();
    await until(() => text(el.shadowRoot!.querySelector('#error-summary')).includes('Etapa 1:'), 'blank step refused by the server');
    expect(q(el, `#${step}`).getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, `#${step}`).getAttribute('aria-describedby')).to.equal(`${step}-error`);
    await until(() => deepActive()?.id === 'error-summary', 'focus on the summary');

    fill(el, step, 'Conferir a cor');
    q<HTMLButtonElement>(el, '#action-save').click();
    await until(() => text(el.shadowRoot!.querySelector('#error-summary')).includes('Campo 1:'), 'choice without options refused');
    const summary = q(el, '#error-summary');
    expect(text(summary)).to.contain('Corrija o que está indicado para salvar:').and.contain('informe ao menos uma opção');
    expect(text(summary)).not.to.contain('Etapa 1:');
    const options = q(el, `#${f}-options`);
    expect(options.getAttribute('aria-invalid')).to.equal('true');
    expect(text(q(el, `#${options.getAttribute('aria-describedby')}`))).to.contain('é de escolha: informe ao menos uma opção');
    summary.querySelector('a')!.click();
    expect(deepActive()).to.equal(options);
    await expectAccessible(el);
  });

  it('on a conflict keeps what was typed, says another manager changed the draft, and shows the newest version on request', async () => {
    const service = await serviceViaApi();
    const el = await editor();
    await openExisting(el, service.entry.name);
    fill(el, 'f-description', 'O que eu digitei e não quero perder.');
    // Another manager saves the same draft meanwhile.
    const other = await apiAs(MANAGER);
    await other.patch('/services/:id', {
      params: { id: service.serviceId },
      body: { description: 'Texto do outro gestor.' },
      ifMatch: `${service.versionId}.${service.revision}`,
    });
    q<HTMLButtonElement>(el, '#action-save').click();
    await until(() => el.shadowRoot!.querySelector('#conflict'), 'conflict shown');
    expect(text(q(el, '#conflict'))).to.contain('Outro gestor alterou este rascunho');
    await until(() => deepActive()?.id === 'conflict', 'focus on the conflict');
    expect(q<HTMLTextAreaElement>(el, '#f-description').value).to.equal('O que eu digitei e não quero perder.');
    await expectAccessible(el);

    await click(el, 'Ver a versão mais recente');
    await until(() => q<HTMLTextAreaElement>(el, '#f-description').value === 'Texto do outro gestor.', 'newest version shown');
    expect(text(q(el, '#offer'))).to.contain('O que você digitou está guardado neste navegador');
    await click(el, 'Restaurar');
    await until(() => q<HTMLTextAreaElement>(el, '#f-description').value === 'O que eu digitei e não quero perder.', 'typed text back');
    q<HTMLButtonElement>(el, '#action-save').click();
    await until(() => notice(el).startsWith('Rascunho salvo'), 'saved over the newest, knowingly');
    const now = await other.get('/services/:id/versions/:version', { params: { id: service.serviceId, version: 1 } });
    expect(now.entry.description).to.equal('O que eu digitei e não quero perder.');
  });

  it('withdraws a published service only with a reason, and focuses the status message', async () => {
    const service = await serviceViaApi({ publish: true });
    const el = await editor();
    await openExisting(el, service.entry.name);
    expect(badge(el)).to.equal('Publicado');
    q<HTMLButtonElement>(el, '#action-unpublish').click();
    await until(() => dialog(el).open, 'unpublish dialog');
    await until(() => deepActive()?.id === 'reason', 'focus on the reason');
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    const reason = q<HTMLTextAreaElement>(el, '#reason');
    await until(() => reason.getAttribute('aria-invalid') === 'true', 'reason refused');
    expect(reason.getAttribute('aria-describedby')).to.contain('reason-error');
    expect(text(q(el, '#reason-error'))).to.equal('Informe o motivo da retirada.');
    expect(dialog(el).open).to.equal(true);
    await expectAccessible(el);

    reason.focus();
    await sendKeys({ type: 'Serviço substituído pelo novo portal.' });
    q<HTMLButtonElement>(el, '#dialog-submit').click();
    await until(() => !dialog(el).open && badge(el) === 'Retirado', 'withdrawn');
    expect(notice(el)).to.equal('Serviço retirado de publicação: não recebe novas solicitações.');
    await until(() => deepActive()?.id === 'notice', 'focus on the status message');
    const citizen = await apiAs('maria.silva');
    const error = await citizen.get('/services/:id', { params: { id: service.serviceId } }).catch((e: Error & { status: number }) => e);
    expect((error as { status: number }).status).to.equal(404);
  });

  it('shows the version history and a field-by-field comparison after editing a published service', async () => {
    const service = await serviceViaApi({ publish: true });
    const el = await editor();
    await openExisting(el, service.entry.name);
    fill(el, 'f-cost', 'R$ 25,00');
    q<HTMLButtonElement>(el, '#action-save').click();
    await until(() => notice(el) === 'Rascunho salvo (versão 2).', 'a new draft version');
    expect(text(q(el, '.status-line')))
      .to.contain('Publicado')
      .and.contain('Versão 2 (rascunho)');

    q<HTMLButtonElement>(el, '#action-versions').click();
    await until(() => el.shadowRoot!.querySelectorAll('.versions tbody tr').length === 2, 'two versions');
    const me = await (await apiAs(MANAGER)).get('/me');
    const rows = [...el.shadowRoot!.querySelectorAll('.versions tbody tr')].map(text);
    expect(rows[0]).to.contain('2').and.contain('rascunho').and.contain(`por ${me.name}`);
    expect(rows[1]).to.contain('1').and.contain('em vigor');
    expect(rows[1].match(new RegExp(`por ${me.name}`, 'g'))).to.have.length(2);
    expect(q(el, '#action-versions').getAttribute('aria-expanded')).to.equal('true');

    await click(el, 'Comparar');
    await until(() => el.shadowRoot!.querySelector('table.diff'), 'diff shown');
    const diff = [...el.shadowRoot!.querySelectorAll('table.diff tbody tr')].map((r) => [...r.children].map(text));
    expect(diff).to.deep.equal([['Custo', 'Gratuito', 'R$ 25,00']]);
    expect([...el.shadowRoot!.querySelectorAll('table.diff thead th')].map(text)).to.deep.equal(['Campo', 'Antes', 'Depois']);
    await expectAccessible(el);

    fill(el, 'diff-a', '2');
    await click(el, 'Comparar');
    await until(() => shadowText(el).includes('As versões são iguais.'), 'no differences');
  });

  it('keeps what was typed across a reload and offers to restore it', async () => {
    const name = uniqueName('Não salvo');
    let el = await editor();
    await newService(el);
    fill(el, 'f-name', name);
    const step = await addRow(el, '+ Adicionar etapa', 'input[id^="f-step-"]');
    fill(el, step, 'Etapa digitada');
    el.remove();

    el = await editor();
    await newService(el);
    await until(() => el.shadowRoot!.querySelector('#offer'), 'restore offered');
    expect(text(q(el, '#offer'))).to.contain('Há alterações deste serviço que não foram salvas');
    await expectAccessible(el);
    await click(el, 'Restaurar');
    expect(q<HTMLInputElement>(el, '#f-name').value).to.equal(name);
    expect(q<HTMLInputElement>(el, 'input[id^="f-step-"]').value).to.equal('Etapa digitada');
    await until(() => notice(el).startsWith('Alterações restauradas'), 'restored');
  });

  it('adds a step with the keyboard alone, moves it, and announces it', async () => {
    const el = await fixture<HTMLElement>(
      html`<div><button type="button">antes</button><atende-service-editor .token=${await token(MANAGER)}></atende-service-editor></div>`,
    );
    const ed = el.querySelector('atende-service-editor')!;
    await until(() => listed(ed), 'list shown');
    el.querySelector('button')!.focus();
    const tabTo = async (id: string) => {
      for (let i = 0; i < 80 && deepActive()?.id !== id; i++) await sendKeys({ press: 'Tab' });
      expect(deepActive()?.id, `Tab reaches #${id}`).to.equal(id);
    };
    await tabTo('new-service');
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'heading', 'focus on the editor heading');
    await tabTo('f-name');
    const name = uniqueName('Teclado');
    await sendKeys({ type: name });
    await tabTo('add-step');
    await sendKeys({ press: 'Space' });
    await until(() => deepActive()?.id.startsWith('f-step-'), 'focus in the new step');
    await sendKeys({ type: 'Primeira etapa' });
    await tabTo('add-step');
    await sendKeys({ press: 'Enter' });
    await until(() => ed.shadowRoot!.querySelectorAll('input[id^="f-step-"]').length === 2 && deepActive()?.id.startsWith('f-step-'), 'second step');
    await sendKeys({ type: 'Segunda etapa' });
    const second = deepActive()!.id.replace('f-', '');
    await tabTo(`${second}-up`);
    await sendKeys({ press: 'Enter' });
    await until(() => ed.shadowRoot!.querySelector<HTMLInputElement>('input[id^="f-step-"]')!.value === 'Segunda etapa', 'moved up');
    expect(deepActive()?.id, 'focus stays on the moved step').to.equal(`${second}-up`);
    expect(deepActive()!.getAttribute('aria-disabled')).to.equal('true');
    expect(text(ed.shadowRoot!.querySelector('[aria-live="polite"].visually-hidden'))).to.equal('Etapa movida para a posição 1 de 2.');
    await tabTo('action-save');
    await sendKeys({ press: 'Enter' });
    await until(() => notice(ed).startsWith('Rascunho salvo'), 'saved');
    const { items } = await (
      await apiAs(MANAGER)
    ).get('/services', {
      query: { institutionId: (await (await apiAs(MANAGER)).get('/me')).memberships[0].institution.id, drafts: 'true', q: name },
    });
    const v = await (await apiAs(MANAGER)).get('/services/:id/versions/:version', { params: { id: items[0].id, version: 1 } });
    expect(v.entry.steps).to.deep.equal(['Segunda etapa', 'Primeira etapa']);
  });

  it('fits 375 px without sideways scroll in the list, the editor, a dialog and the history', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const service = await serviceViaApi({ publish: true });
      const el = await editor();
      await until(() => listed(el), 'list shown');
      await expectNoSidewaysScroll('list');
      await openExisting(el, service.entry.name);
      await addRow(el, '+ Adicionar documento', 'input[id$="-name"][id^="f-doc-"]');
      const f = (await addRow(el, '+ Adicionar campo', 'input[id$="-label"][id^="f-field-"]')).replace(/-label$/, '');
      fill(el, `${f}-label`, 'Uma pergunta de múltipla escolha com um rótulo bem comprido');
      fill(el, `${f}-kind`, 'multiChoice');
      await el.updateComplete;
      await expectNoSidewaysScroll('editor');
      q<HTMLButtonElement>(el, '#action-unpublish').click();
      await until(() => dialog(el).open, 'dialog');
      await expectNoSidewaysScroll('dialog');
      await click(el, 'Cancelar');
      await until(() => !dialog(el).open, 'dialog closed');
      expect(deepActive()?.id, 'focus back on the button that opened it').to.equal('action-unpublish');
      q<HTMLButtonElement>(el, '#action-versions').click();
      await until(() => el.shadowRoot!.querySelectorAll('.versions tbody tr').length >= 1, 'history');
      await expectNoSidewaysScroll('history');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('works as two editors on one page, and in English', async () => {
    const t = await token(MANAGER);
    const page = await fixture<HTMLElement>(
      html`<div>
        <atende-service-editor .token=${t}></atende-service-editor>
        <atende-service-editor .token=${t} lang="en"></atende-service-editor>
      </div>`,
    );
    const [pt, en] = [...page.querySelectorAll('atende-service-editor')];
    await until(() => listed(pt) && listed(en), 'both lists');
    await click(en, '+ New service');
    await until(() => text(q(en, 'h2')) === 'New service', 'English editor open');
    expect(text(q(pt, 'h2'))).to.equal('Carta de Serviços — DETRAN');
    expect(button(en, 'Save draft')).to.exist;
    expect(text(q(en, 'label[for="f-name"]'))).to.equal('Service name');
    expect(text(q(en, '.missing h3'))).to.equal('To publish, still missing:');
    // Content stays Portuguese, spell-checked as such.
    expect(q(en, '#f-name').getAttribute('lang')).to.equal('pt-BR');
    await expectAccessible(page);
  });
});
