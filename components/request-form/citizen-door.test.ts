// The citizen's door as a page puts it together: the catalog and the request
// form side by side keep each other current without host code, the form
// follows `?service=` in the address, a draft belongs to its user (the one
// typed before signing in becomes theirs), and the keyboard alone goes from
// the first field to the protocol.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ServiceDetail } from '../../contract/types.js';
import { apiAs, click, expectAccessible, newCitizen, token, until } from '../internal/test-support.js';
import '../define.js';
import '../service-catalog/define.js';
import './define.js';
import type { AtendeRequestQueue } from '../request-queue/request-queue.js';
import type { AtendeServiceCatalog } from '../service-catalog/service-catalog.js';
import type { AtendeRequestForm } from './request-form.js';
import { VALID, control, fill, publishService, q, requestForm, requestsOf, type } from './request-form.test-helpers.js';

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Presses Tab and expects the keyboard focus on `target`. */
async function tabTo(el: Element, target: HTMLElement, what: string) {
  await sendKeys({ press: 'Tab' });
  expect(active(el), `Tab did not reach ${what}`).to.equal(target);
}

/** What to type into a date input, in the order its segments come in this browser's language. */
function dateKeys(iso: string): string {
  const [y, m, d] = iso.split('-');
  const parts = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(2026, 0, 2));
  return parts
    .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
    .map((p) => ({ year: y, month: m, day: d })[p.type as 'year' | 'month' | 'day'])
    .join('');
}

describe('the citizen’s door', () => {
  let service: ServiceDetail;
  before(async () => {
    service = await publishService({ documents: false, name: `Serviço sem documentos ${newCitizen().word}` });
  });
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('"Solicitar" in the catalog opens that service in the form on the same page, with focus on it', async () => {
    const citizen = newCitizen().sub;
    const page = await fixture<HTMLElement>(
      html`<div>
        <atende-service-catalog api="/api"></atende-service-catalog>
        <atende-request-form api="/api" .token=${await token(citizen)}></atende-request-form>
      </div>`,
    );
    const catalog = page.querySelector<AtendeServiceCatalog>('atende-service-catalog')!;
    const form = page.querySelector<AtendeRequestForm>('atende-request-form')!;
    await until(() => q(form, '.placeholder') && q(catalog, '.service'), 'the page did not load');
    expect(q(form, '.placeholder')!.textContent).to.contain('Escolha um serviço na Carta de Serviços');
    await click(catalog.shadowRoot!, `Solicitar: ${service.name}`);
    await until(() => q(form, 'h2')?.textContent === service.name && q(form, 'form'), 'the form did not open the service');
    await until(() => document.activeElement === form && active(form)?.id === 'form-title', 'the form heading did not take focus');
    const other = (await (await apiAs(citizen)).get('/services')).items.find((s) => s.id !== service.id)!;
    await click(catalog.shadowRoot!, `Solicitar: ${other.name}`);
    await until(() => q(form, 'h2')?.textContent === other.name, 'the form did not switch services');
    await expectAccessible(page);
  });

  it('after a reload, reopens the service chosen in the catalog with what was typed', async () => {
    const citizen = newCitizen().sub;
    const t = await token(citizen);
    const page = () =>
      fixture<HTMLElement>(
        html`<div>
          <atende-service-catalog api="/api"></atende-service-catalog>
          <atende-request-form api="/api" .token=${t}></atende-request-form>
        </div>`,
      );
    const first = await page();
    const catalog = first.querySelector<AtendeServiceCatalog>('atende-service-catalog')!;
    let form = first.querySelector<AtendeRequestForm>('atende-request-form')!;
    await until(() => q(form, '.placeholder') && q(catalog, '.service'), 'the page did not load');
    await click(catalog.shadowRoot!, `Solicitar: ${service.name}`);
    await until(() => q(form, 'h2')?.textContent === service.name && q(form, 'form'), 'the form did not open the service');
    type(form, 'Nome completo', 'Maria Recarregada');
    first.remove();
    // The page again, as after a reload: no service-id, no ?service=, nothing chosen yet.
    form = (await page()).querySelector<AtendeRequestForm>('atende-request-form')!;
    await until(() => q(form, 'h2')?.textContent === service.name && q(form, 'form'), 'the chosen service was not reopened');
    await until(() => control(form, 'Nome completo').value === 'Maria Recarregada', 'what was typed was not restored');
    expect(q(form, '[role=status], .restored')?.textContent ?? form.shadowRoot!.textContent).to.contain('Recuperamos o que você tinha preenchido');
  });

  it('the citizen’s list on the same page shows the request once it is filed', async () => {
    const citizen = newCitizen().sub;
    const t = await token(citizen);
    const page = await fixture<HTMLElement>(
      html`<div>
        <atende-request-queue api="/api" view="citizen" url-state="none" .token=${t}></atende-request-queue>
        <atende-request-form api="/api" service-id=${service.id} .token=${t}></atende-request-form>
      </div>`,
    );
    const queue = page.querySelector<AtendeRequestQueue>('atende-request-queue')!;
    const form = page.querySelector<AtendeRequestForm>('atende-request-form')!;
    await until(() => q(form, 'form') && queue.shadowRoot!.textContent!.includes('Nenhuma'), 'the page did not load');
    fill(form, service);
    await click(form.shadowRoot!, 'Continuar');
    await click(form.shadowRoot!, 'Enviar solicitação');
    await until(() => q(form, '#protocol'), 'not filed');
    const protocol = q(form, '#protocol strong')!.textContent!;
    await until(() => queue.shadowRoot!.querySelector('tbody th')?.textContent === protocol, 'the list did not show the new request');
  });

  it('opens the service named by ?service= in the address', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?service=${service.id}`);
    try {
      const el = await requestForm(undefined, newCitizen().sub);
      expect(q(el, 'h2')!.textContent).to.equal(service.name);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('keeps a draft per user: what was typed before signing in becomes the citizen’s, and no one else’s', async () => {
    const citizen = newCitizen().sub;
    const el = await requestForm(service.id, null);
    type(el, 'Nome completo', 'Antes de entrar');
    el.token = await token(citizen);
    await until(() => !q(el, '.alert:not(.error)')?.textContent?.includes('entre com sua conta'), 'the form did not take the sign-in');
    expect(control<HTMLInputElement>(el, 'Nome completo').value).to.equal('Antes de entrar');
    el.remove();
    const again = await requestForm(service.id, citizen);
    expect(control<HTMLInputElement>(again, 'Nome completo').value).to.equal('Antes de entrar');
    const someoneElse = await requestForm(service.id, newCitizen().sub);
    expect(control<HTMLInputElement>(someoneElse, 'Nome completo').value).to.equal('');
  });

  it('goes with the keyboard alone from the first field to the protocol', async () => {
    const citizen = newCitizen().sub;
    const el = await requestForm(service.id, citizen);
    const first = control(el, 'Nome completo');
    first.focus();
    await sendKeys({ type: VALID.nome as string });
    await tabTo(el, control(el, 'Relato do ocorrido'), 'the long text');
    await sendKeys({ type: 'Pelo teclado.' });
    await tabTo(el, control(el, 'Ano do veículo'), 'the number');
    await sendKeys({ type: '2021' });
    await tabTo(el, control(el, 'Data do ocorrido'), 'the date');
    await sendKeys({ type: dateKeys('2026-03-10') });
    expect(control<HTMLInputElement>(el, 'Data do ocorrido').value).to.equal('2026-03-10');
    // Tab walks the date's own parts (day, month, year) before it leaves the field.
    for (let i = 0; i < 3 && active(el) === control(el, 'Data do ocorrido'); i++) await sendKeys({ press: 'Tab' });
    expect(active(el), 'Tab did not reach the CPF').to.equal(control(el, 'CPF'));
    await sendKeys({ type: '52998224725' });
    await tabTo(el, control(el, 'E-mail'), 'the e-mail');
    await sendKeys({ type: VALID.email as string });
    await tabTo(el, control(el, 'Telefone'), 'the phone');
    await sendKeys({ type: '69998765432' });
    await tabTo(el, control(el, 'CEP'), 'the CEP');
    await sendKeys({ type: '76800000' });
    const [manha] = control(el, 'Turno preferido').querySelectorAll('input');
    await tabTo(el, manha, 'the choice');
    await sendKeys({ press: 'Space' });
    const [email, sms, whatsapp] = control(el, 'Como prefere ser avisado').querySelectorAll('input');
    await tabTo(el, email, 'the first option of the multiple choice');
    await tabTo(el, sms, 'the second option');
    await sendKeys({ press: 'Space' });
    await tabTo(el, whatsapp, 'the third option');
    await tabTo(el, control(el, 'Observação'), 'the optional text');
    await tabTo(el, control(el, 'Município de atendimento'), 'the select');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo(el, q(el, 'button[type=submit]')!, '"Continuar"');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'review-title', 'the review did not take focus');
    await tabTo(
      el,
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('.review button')].find((b) => b.textContent!.trim() === 'Corrigir')!,
      '"Corrigir"',
    );
    await sendKeys({ press: 'Tab' });
    expect(active(el)!.textContent!.trim()).to.equal('Enviar solicitação');
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'protocol', 'the protocol did not take focus');
    const [filed] = await requestsOf(citizen);
    expect(q(el, '#protocol strong')!.textContent).to.equal(filed.protocol);
    const request = await (await apiAs(citizen)).get('/requests/:id', { params: { id: filed.id } });
    expect(request.formData).to.deep.equal({
      nome: VALID.nome,
      relato: 'Pelo teclado.',
      ano: 2021,
      data: '2026-03-10',
      cpf: '52998224725',
      email: VALID.email,
      telefone: '69998765432',
      cep: '76800000',
      turno: 'Manhã',
      avisos: ['SMS'],
      municipio: 'Porto Velho',
    });
  });
});
