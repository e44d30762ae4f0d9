import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ServiceSummary } from '../../contract/types.js';
import { CITIZEN, apiAs, byLabel, click, expectAccessible, expectNoSidewaysScroll, shadowText, token, until } from '../internal/test-support.js';
import '../define.js';
import './define.js';
import '../request-form/define.js';
import type { AtendeServiceCatalog } from './service-catalog.js';

const q = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const all = <E extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<E>(sel)];
const count = (el: Element) => q(el, '[role=status]')?.textContent?.trim() ?? '';
const serviceNames = (el: Element) => all(el, '.service h4').map((h) => h.textContent!.trim());

const CNH = 'Segunda via da Carteira Nacional de Habilitação';

/** The published charter as the API answers it to anyone (the other test files may publish services too). */
async function charter(): Promise<ServiceSummary[]> {
  return (await (await apiAs(CITIZEN)).get('/services')).items;
}

async function catalog(attrs: { institutionId?: number; formHref?: string; signedIn?: boolean } = {}) {
  const t = attrs.signedIn ? await token(CITIZEN) : undefined;
  const el = await fixture<AtendeServiceCatalog>(
    html`<atende-service-catalog
      api="/api"
      .token=${t}
      institution-id=${attrs.institutionId ?? ''}
      form-href=${attrs.formHref ?? ''}
    ></atende-service-catalog>`,
  );
  if (!attrs.institutionId) el.removeAttribute('institution-id');
  if (!attrs.formHref) el.removeAttribute('form-href');
  await until(() => q(el, '.service, .alert.error') && /encontrad|Nenhum/.test(count(el)), 'the catalog did not load');
  return el;
}

function search(el: Element, text: string) {
  const input = q<HTMLInputElement>(el, 'input[type=search]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

async function openDetails(el: Element, name: string): Promise<HTMLElement> {
  const item = all(el, '.service').find((li) => li.querySelector('h4')!.textContent!.trim() === name)!;
  item.querySelector<HTMLElement>('summary')!.click();
  await until(() => item.querySelector('dl.entry, .alert.error'), `the details of ${name} did not load`);
  return item;
}

describe('atende-service-catalog', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists the published charter grouped by institution, with a live count, and passes axe', async () => {
    const published = await charter();
    const el = await catalog();
    // Other test files publish services meanwhile: the count is of what the element lists, which holds every service published before it.
    expect(count(el)).to.equal(`${serviceNames(el).length} serviços encontrados`);
    expect(serviceNames(el)).to.include.members(published.map((s) => s.name));
    expect(q(el, '[role=status]')!.getAttribute('role')).to.equal('status');
    const institutions = [...new Set(published.map((s) => s.institution.name))];
    expect(all(el, '.institution h3').map((h) => h.textContent!.replace(/\s*\(.*\)$/, '').trim())).to.deep.equal(institutions);
    // Each service sits under its institution's heading.
    const detran = all(el, '.institution').find((s) => s.querySelector('h3')!.textContent!.includes('DETRAN'))!;
    expect([...detran.querySelectorAll('h4')].map((h) => h.textContent!.trim())).to.include(CNH);
    expect(shadowText(el)).to.contain('Prazo: 10 dias úteis');
    await expectAccessible(el);
  });

  it('searches accents and case aside, says how many it found, and says when it finds none', async () => {
    const el = await catalog();
    search(el, 'habilitacao');
    await until(() => count(el) === '1 serviço encontrado', 'the count did not follow the search');
    expect(serviceNames(el)).to.deep.equal([CNH]);
    search(el, 'HABILITAÇÃO  segunda');
    await el.updateComplete;
    expect(serviceNames(el)).to.deep.equal([CNH]);
    search(el, 'ipva');
    await el.updateComplete;
    expect(serviceNames(el).length).to.be.at.least(2);
    expect(serviceNames(el).every((n) => /IPVA/.test(n))).to.be.true;
    expect(all(el, '.institution h3').map((h) => h.textContent)).to.have.length(1);
    search(el, 'passaporte lunar');
    await el.updateComplete;
    expect(count(el)).to.equal('Nenhum serviço encontrado para “passaporte lunar”.');
    expect(serviceNames(el)).to.deep.equal([]);
    await expectAccessible(el);
    await click(el.shadowRoot!, 'Limpar busca');
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, 'input[type=search]')!.value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, 'input[type=search]'));
    expect(serviceNames(el)).to.include(CNH);
  });

  it('shows, on demand, everything a citizen needs before filing', async () => {
    const el = await catalog({ signedIn: true });
    const item = await openDetails(el, CNH);
    const text = item.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Quem pode utilizar').and.contain('Condutores habilitados');
    expect(text).to.contain('Documentos necessários').and.contain('Documento de identidade com foto Obrigatório');
    expect(text).to.contain('Formatos aceitos: PDF, PNG ou JPEG');
    expect(text).to.contain('Boletim de ocorrência (em caso de roubo ou furto) Opcional');
    const cnh = (await charter()).find((s) => s.name === CNH)!;
    const detail = await (await apiAs(CITIZEN)).get('/services/:id', { params: { id: cnh.id } });
    expect(detail.steps.length).to.be.at.least(4);
    expect([...item.querySelectorAll('ol.steps li')].map((li) => li.textContent!.trim())).to.deep.equal(detail.steps.map((s) => s.title));
    expect(text).to.contain('Prazo máximo 10 dias úteis');
    expect(text).to.contain('Custo Taxa estadual conforme tabela vigente.');
    expect(text).to.contain('Canais de atendimento Online, Presencial');
    expect(text).to.contain('Área responsável Gerência de Habilitação');
    expect(text).to.contain('Base legal Código de Trânsito Brasileiro');
    expect(text).to.contain('Seus dados.').and.contain('Cumprimento de obrigação legal ou regulatória (Art. 7º, II, LGPD)');
    await expectAccessible(el);
  });

  it('"Solicitar" tells the page which service was chosen, or links to the form page', async () => {
    const published = await charter();
    const cnh = published.find((s) => s.name === CNH)!;
    const el = await catalog();
    const heard = oneEvent(document, 'atende-service-selected');
    await click(el.shadowRoot!, `Solicitar: ${CNH}`);
    const event = await heard;
    expect(event.detail).to.deep.equal({ serviceId: cnh.id, name: CNH });
    expect(event.bubbles && event.composed).to.be.true;

    const linked = await catalog({ formHref: 'solicitar.html?origem=carta#formulario' });
    const link = byLabel(linked.shadowRoot!, `Solicitar: ${CNH}`) as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal(`solicitar.html?origem=carta&service=${cnh.id}#formulario`);
  });

  it('shows one institution with institution-id, and an error with "Tentar novamente" when the charter cannot load', async () => {
    const published = await charter();
    const detran = published.find((s) => s.name === CNH)!.institution;
    const el = await catalog({ institutionId: detran.id });
    expect(all(el, '.institution h3')).to.have.length(1);
    expect(serviceNames(el)).to.have.length(published.filter((s) => s.institution.id === detran.id).length);

    el.api = '/sem-api';
    await until(() => q(el, '.alert.error'), 'no error shown');
    expect(shadowText(el)).to.contain('Não foi possível carregar a Carta de Serviços.');
    expect(byLabel(el.shadowRoot!, 'Tentar novamente')).to.exist;
    await expectAccessible(el);
    el.api = '/api';
    await until(() => serviceNames(el).length > 0, 'the charter did not load again');
  });

  it('fits a 375 px screen with a service open', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await catalog();
    await openDetails(el, CNH);
    await expectNoSidewaysScroll('catalog with a service open');
  });
  it('speaks English with lang="en", beside the request form, each with the strings of its own chunk', async () => {
    const page = await fixture<HTMLElement>(
      html`<div lang="en">
        <atende-service-catalog api="/api" lang="en"></atende-service-catalog>
        <atende-request-form api="/api" lang="en"></atende-request-form>
      </div>`,
    );
    const catalog = page.querySelector<AtendeServiceCatalog>('atende-service-catalog')!;
    const form = page.querySelector('atende-request-form')!;
    await until(() => q(catalog, '.service') && shadowText(catalog).includes('Search services'), 'the catalog in English');
    expect(all(catalog, '.service button, .service a').some((b) => b.textContent!.trim().startsWith('Request'))).to.equal(true);
    await until(() => shadowText(form).includes('Choose a service in the service charter'), 'the form in English');
    await expectAccessible(page);
  });
  it('reads the public charter without the host’s token: a lapsed session neither hides it nor signs the citizen out', async () => {
    let unauthorized = 0;
    const onUnauthorized = () => unauthorized++;
    document.addEventListener('atende-unauthorized', onUnauthorized);
    try {
      const el = await fixture<AtendeServiceCatalog>(html`<atende-service-catalog api="/api" token="expired.token.value"></atende-service-catalog>`);
      await until(() => serviceNames(el).includes(CNH), 'the charter listed');
      const item = await openDetails(el, CNH);
      expect(item.textContent).to.contain('Etapas do atendimento');
      expect(unauthorized).to.equal(0);
    } finally {
      document.removeEventListener('atende-unauthorized', onUnauthorized);
    }
  });
});
