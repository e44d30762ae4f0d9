import { expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ServiceDetail } from '../../contract/types.js';
import { apiAs, byLabel, click, expectAccessible, expectNoSidewaysScroll, newCitizen, shadowText, until } from '../internal/test-support.js';
import '../define.js';
import './define.js';
import type { AtendeRequestForm } from './request-form.js';
import { PDF, PNG, VALID, all, attach, choose, control, errorOf, fill, publishService, q, requestForm, requestsOf, type } from './request-form.test-helpers.js';

const COMPROVANTE = 'Comprovante de residência';

/** The names of the files the browser keeps for drafts (IndexedDB, as the form stores them). */
function keptFileNames(): Promise<string[]> {
  return new Promise((resolve) => {
    const open = indexedDB.open('atende-request-drafts');
    open.onerror = () => resolve([]);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('files')) return resolve([]);
      const read = db.transaction('files').objectStore('files').getAll();
      read.onsuccess = () => {
        db.close();
        resolve((read.result as Record<string, File>[]).flatMap((files) => Object.values(files).map((f) => f.name)));
      };
    };
  });
}

async function toReview(el: AtendeRequestForm) {
  await click(el.shadowRoot!, 'Continuar');
  await until(() => q(el, '#review-title'), 'the review did not open');
}

async function filed(el: AtendeRequestForm) {
  await until(() => q(el, '#protocol') || q(el, '.alert.error'), 'no protocol and no error');
  expect(q(el, '.alert.error')?.textContent ?? '', 'the send failed').to.equal('');
  return q(el, '#protocol strong')!.textContent!.trim();
}

describe('atende-request-form', () => {
  let service: ServiceDetail;
  before(async () => {
    service = await publishService();
  });
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('renders every kind of field with its label, required mark, help, format hint and fitting keyboard, and passes axe empty', async () => {
    const el = await requestForm(service.id, newCitizen().sub);
    expect(q(el, 'h2')!.textContent).to.equal(service.name);
    const nome = control(el, 'Nome completo');
    expect([nome.type, nome.getAttribute('autocomplete'), nome.required]).to.deep.equal(['text', 'name', true]);
    expect(q(el, `#${nome.getAttribute('aria-describedby')}`)!.textContent).to.equal('Como está no documento de identidade.');
    expect(control(el, 'Relato do ocorrido').localName).to.equal('textarea');
    expect(control(el, 'Ano do veículo').inputMode).to.equal('decimal');
    expect(control(el, 'Data do ocorrido').type).to.equal('date');
    expect(control(el, 'CPF').inputMode).to.equal('numeric');
    expect([control(el, 'E-mail').type, control(el, 'E-mail').autocomplete]).to.deep.equal(['email', 'email']);
    expect([control(el, 'Telefone').type, control(el, 'Telefone').autocomplete]).to.deep.equal(['tel', 'tel']);
    expect([control(el, 'CEP').inputMode, control(el, 'CEP').autocomplete]).to.deep.equal(['numeric', 'postal-code']);
    const turno = control<HTMLFieldSetElement>(el, 'Turno preferido');
    expect(turno.getAttribute('role')).to.equal('radiogroup');
    expect([...turno.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.value)).to.deep.equal(['Manhã', 'Tarde']);
    const avisos = control<HTMLFieldSetElement>(el, 'Como prefere ser avisado');
    expect(avisos.querySelector('legend')!.textContent).to.contain('(obrigatório)');
    expect([...avisos.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((r) => r.value)).to.deep.equal(['E-mail', 'SMS', 'WhatsApp']);
    expect(control(el, 'Observação').required).to.be.false;
    // A choice among many options is a select.
    const municipio = control<HTMLSelectElement>(el, 'Município de atendimento');
    expect([municipio.localName, municipio.options.length, municipio.value]).to.deep.equal(['select', 8, '']);
    // Required marks on the required fields only.
    expect(all(el, 'label .req, legend .req')).to.have.length(service.fields.filter((f) => f.required).length + 1);
    // Documents: accepted formats in `accept` and in the text, the size limit shown.
    const doc = control(el, COMPROVANTE);
    expect([doc.type, doc.accept, doc.required]).to.deep.equal(['file', '.pdf,.png', true]);
    expect(q(el, `#${doc.id}-help`)!.textContent!.replace(/\s+/g, ' '))
      .to.contain('Obrigatório')
      .and.contain('PDF ou PNG')
      .and.contain('10 MB');
    expect(control(el, 'Procuração').accept).to.equal('.pdf');
    expect(shadowText(el)).to.contain('Execução de políticas públicas');
    await expectAccessible(el);
  });

  it('refuses invalid CPF, e-mail, phone, CEP and missing answers with messages tied to the fields, before anything is sent', async () => {
    const citizen = newCitizen().sub;
    const el = await requestForm(service.id, citizen);
    // Leaving an empty field is not yet a mistake.
    control(el, 'Nome completo').dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(control(el, 'Nome completo').getAttribute('aria-invalid')).to.equal('false');
    type(el, 'CPF', '123.456.789-00');
    type(el, 'E-mail', 'maria@');
    type(el, 'Telefone', '9999');
    type(el, 'CEP', '768');
    type(el, 'Ano do veículo', 'dois mil');
    await el.updateComplete;
    // On leaving each field: the shared rules' messages (contract/form-fields.ts), tied to the field.
    for (const [label, message] of [
      ['CPF', 'CPF: CPF inválido.'],
      ['E-mail', 'E-mail: E-mail inválido.'],
      ['Telefone', 'Telefone: Telefone inválido; inclua o DDD.'],
      ['CEP', 'CEP: CEP inválido; use 00000-000.'],
      ['Ano do veículo', 'Ano do veículo: informe um número.'],
    ]) {
      const ctl = control(el, label);
      expect(ctl.getAttribute('aria-invalid'), label).to.equal('true');
      expect(errorOf(el, ctl), label).to.equal(message);
    }
    await expectAccessible(el);
    await click(el.shadowRoot!, 'Continuar');
    await until(() => el.shadowRoot!.activeElement?.id === 'error-summary', 'the summary did not take focus');
    const summary = q(el, '#error-summary')!;
    const items = [...summary.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(items).to.include.members([
      'Nome completo: campo obrigatório.',
      'CPF: CPF inválido.',
      'Turno preferido: campo obrigatório.',
      'Como prefere ser avisado: campo obrigatório.',
      `Envie: ${COMPROVANTE}.`,
    ]);
    expect(items).not.to.include('Observação: campo obrigatório.');
    expect(summary.querySelector('h3')!.textContent).to.equal(`Corrija ${items.length} itens para continuar`);
    // The group's message is tied to its fieldset; the summary's link takes the keyboard there.
    const turno = control(el, 'Turno preferido');
    expect(errorOf(el, turno)).to.equal('Turno preferido: campo obrigatório.');
    expect(turno.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, control(el, COMPROVANTE))).to.equal(`Envie: ${COMPROVANTE}.`);
    await click(summary, 'CPF: CPF inválido.', 'a');
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'CPF'));
    await click(summary, 'Turno preferido: campo obrigatório.', 'a');
    expect(el.shadowRoot!.activeElement).to.equal(turno.querySelector('input'));
    await expectAccessible(el);
    // Fixing a field clears its message as soon as it fits.
    type(el, 'CPF', VALID.cpf as string);
    await el.updateComplete;
    expect(control(el, 'CPF').getAttribute('aria-invalid')).to.equal('false');
    // A file of a type the document does not take is refused by its name.
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.docx'));
    await el.updateComplete;
    expect(errorOf(el, control(el, COMPROVANTE))).to.equal('comprovante.docx: envie um arquivo PDF ou PNG.');
    expect(q(el, '#review-title')).to.equal(null);
    expect(await requestsOf(citizen)).to.have.length(0);
  });

  it('files with a progress bar after the review, shows the protocol with focus on it, and the citizen has the request', async () => {
    const citizen = newCitizen().sub;
    const el = await requestForm(service.id, citizen, { requestHref: 'portal.html?solicitacao={id}' });
    fill(el, service);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf', { type: 'application/pdf' }));
    await el.updateComplete;
    await expectAccessible(el);
    await toReview(el);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '#review-title'));
    const review = shadowText(el);
    expect(review).to.contain('Nome completo Maria Teste da Silva').and.contain('Data do ocorrido 10/03/2026');
    expect(review).to.contain('Como prefere ser avisado E-mail, WhatsApp').and.contain('Observação Não informado');
    expect(review).to.contain(`${COMPROVANTE} comprovante.pdf`).and.contain('Procuração Não anexado');
    await expectAccessible(el);

    const bars: { label: string; max: number }[] = [];
    const watch = new MutationObserver(() => {
      const bar = q<HTMLProgressElement>(el, 'progress');
      if (bar && !bars.length) bars.push({ label: bar.labels[0]?.textContent?.trim() ?? '', max: bar.max });
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    const heard = oneEvent(el, 'atende-request-filed');
    await click(el.shadowRoot!, 'Enviar solicitação');
    const protocol = await filed(el);
    watch.disconnect();
    expect(bars).to.deep.equal([{ label: 'Envio da solicitação', max: 100 }]);
    const { detail } = await heard;
    expect(detail.protocol).to.equal(protocol);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '#protocol'));
    expect(byLabel(el.shadowRoot!, 'Acompanhar a solicitação')!.getAttribute('href')).to.equal(`portal.html?solicitacao=${detail.requestId}`);
    await expectAccessible(el);

    const mine = await requestsOf(citizen);
    expect(mine.map((r) => r.protocol)).to.deep.equal([protocol]);
    const request = await (await apiAs(citizen)).get('/requests/:id', { params: { id: detail.requestId } });
    expect(JSON.stringify(request.formData)).to.equal(JSON.stringify({ ...VALID, ano: 2020 }));
    expect(request.documents.map((d) => [d.label, d.fileName])).to.deep.equal([[COMPROVANTE, 'comprovante.pdf']]);
    // Filed: the draft is gone.
    expect(Object.keys(localStorage).filter((k) => k.startsWith('atende:request-draft:'))).to.deep.equal([]);
  });

  it('shows the server’s refusal of a document on its field, and keeps everything for another try', async () => {
    const citizen = newCitizen().sub;
    const el = await requestForm(service.id, citizen);
    fill(el, service);
    // Named .pdf, but an image: only the server, reading the bytes, can tell.
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    attach(el, 'Procuração', new File([PNG], 'procuracao.pdf'));
    await toReview(el);
    await click(el.shadowRoot!, 'Enviar solicitação');
    await until(() => el.shadowRoot!.activeElement?.id === 'error-summary', 'the server’s errors were not shown');
    const ctl = control(el, 'Procuração');
    expect(ctl.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, ctl)).to.match(/^Procuração: envie PDF/);
    expect(control<HTMLInputElement>(el, 'Nome completo').value).to.equal(VALID.nome);
    expect(await requestsOf(citizen)).to.have.length(0);
    await expectAccessible(el);
  });

  it('keeps what was typed and the files chosen across a reload, and says so', async () => {
    const citizen = newCitizen().sub;
    let el = await requestForm(service.id, citizen);
    type(el, 'Nome completo', 'Maria Recarregada');
    type(el, 'Ano do veículo', '1999');
    choose(el, 'Como prefere ser avisado', ['SMS']);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    // The file goes to IndexedDB in the background: the reload comes once it is there.
    await until(async () => (await keptFileNames()).includes('comprovante.pdf'), 'the file was not kept');
    el.remove();
    el = await requestForm(service.id, citizen);
    await until(() => control<HTMLInputElement>(el, COMPROVANTE).files?.length, 'the file was not restored');
    expect(shadowText(el)).to.contain('Recuperamos o que você tinha preenchido.');
    expect(control<HTMLInputElement>(el, 'Nome completo').value).to.equal('Maria Recarregada');
    expect(control<HTMLInputElement>(el, 'Ano do veículo').value).to.equal('1999');
    expect(control(el, 'Como prefere ser avisado').querySelector<HTMLInputElement>('input[value=SMS]')!.checked).to.be.true;
    expect(shadowText(el)).to.contain('Escolhido: comprovante.pdf');
    await expectAccessible(el);

    // When the browser lost the files, the form names them to be attached again.
    el.remove();
    await new Promise<void>((resolve) => {
      const del = indexedDB.deleteDatabase('atende-request-drafts');
      del.onsuccess = del.onerror = del.onblocked = () => resolve();
    });
    el = await requestForm(service.id, citizen);
    await until(() => shadowText(el).includes('anexe-os de novo'), 'the lost files were not named');
    expect(shadowText(el)).to.contain('anexe-os de novo: comprovante.pdf.');
    expect(control<HTMLInputElement>(el, 'Nome completo').value).to.equal('Maria Recarregada');
  });

  it('files one request on a double click of "Enviar solicitação"', async () => {
    const citizen = newCitizen().sub;
    const el = await requestForm(service.id, citizen);
    fill(el, service);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    await toReview(el);
    const send = byLabel(el.shadowRoot!, 'Enviar solicitação')!;
    send.click();
    send.click();
    await filed(el);
    expect(await requestsOf(citizen)).to.have.length(1);
  });

  it('a retry of a send whose answer was lost gets the same request, not a second one', async () => {
    const citizen = newCitizen().sub;
    let el = await requestForm(service.id, citizen);
    fill(el, service);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    await toReview(el);
    const draftKey = Object.keys(localStorage).find((k) => k.startsWith('atende:request-draft:'))!;
    await click(el.shadowRoot!, 'Enviar solicitação');
    // What the browser holds while the request is on its way: the draft, with its key.
    const sent = localStorage.getItem(draftKey)!;
    expect(JSON.parse(sent).idempotencyKey).to.match(/^[0-9a-f-]{32,36}$/);
    const first = await filed(el);
    // The answer never arrived (the connection dropped): the citizen reloads, and finds the draft as it was.
    el.remove();
    localStorage.setItem(draftKey, sent);
    el = await requestForm(service.id, citizen);
    // (Filed, the files were let go: the form names the one to attach again.)
    await until(() => shadowText(el).includes('anexe-os de novo: comprovante.pdf.'), 'the file to attach again was not named');
    expect(control<HTMLInputElement>(el, 'Nome completo').value).to.equal(VALID.nome);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    await toReview(el);
    await click(el.shadowRoot!, 'Enviar solicitação');
    expect(await filed(el)).to.equal(first);
    expect(await requestsOf(citizen)).to.have.length(1);
  });

  it('says so when an earlier send of the draft was filed with other data, and then files anew', async () => {
    const citizen = newCitizen().sub;
    let el = await requestForm(service.id, citizen);
    fill(el, service);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    await toReview(el);
    const draftKey = Object.keys(localStorage).find((k) => k.startsWith('atende:request-draft:'))!;
    await click(el.shadowRoot!, 'Enviar solicitação');
    const sent = JSON.parse(localStorage.getItem(draftKey)!);
    await filed(el);
    // The answer was lost; back in the draft, the citizen changes a field before sending again.
    el.remove();
    localStorage.setItem(draftKey, JSON.stringify({ ...sent, values: { ...sent.values, nome: 'Outro Nome' } }));
    el = await requestForm(service.id, citizen);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    await toReview(el);
    await click(el.shadowRoot!, 'Enviar solicitação');
    await until(() => q(el, '.alert.error'), 'no message');
    expect(q(el, '.alert.error')!.textContent).to.contain('Um envio anterior deste formulário chegou e foi registrado');
    expect(await requestsOf(citizen)).to.have.length(1);
    await click(el.shadowRoot!, 'Tentar novamente');
    await filed(el);
    expect((await requestsOf(citizen)).map((r) => r.id)).to.have.length(2);
  });

  it('asks to sign in to send, and still shows the form', async () => {
    const el = await requestForm(service.id, null);
    expect(shadowText(el)).to.contain('Para enviar a solicitação, entre com sua conta do portal.');
    fill(el, service);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante.pdf'));
    await toReview(el);
    await click(el.shadowRoot!, 'Enviar solicitação');
    await until(() => shadowText(el).includes('Entre com sua conta do portal para enviar a solicitação.'), 'no sign-in message');
    await expectAccessible(el);
  });

  it('fits a 375 px screen empty, with errors, in review and filed', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await requestForm(service.id, newCitizen().sub);
    await expectNoSidewaysScroll('empty');
    await click(el.shadowRoot!, 'Continuar');
    await until(() => q(el, '#error-summary'), 'no summary');
    await expectNoSidewaysScroll('errors');
    fill(el, service);
    attach(el, COMPROVANTE, new File([PDF], 'comprovante-de-residencia-atualizado-marco-2026-versao-final-assinada.pdf'));
    await toReview(el);
    await expectNoSidewaysScroll('review');
    await click(el.shadowRoot!, 'Enviar solicitação');
    await filed(el);
    await expectNoSidewaysScroll('filed');
  });
});
