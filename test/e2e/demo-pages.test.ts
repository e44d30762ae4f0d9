// The three demo pages as people use them, each in an iframe against the real
// BFF: axe finds nothing in every state a user reaches (signed out, the
// queue, a request open with its thread), nothing scrolls sideways at 375 px,
// and the keyboard alone gets from the skip link to the content.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type * as Axe from 'axe-core';
import type { AppConfig, ServiceDetail } from '../../contract/types.js';
import { addDays, localDate, zonedInstant } from '../../contract/time.js';
import { ATTENDANT, CITIZEN, advance, apiAs, click, deepQueryAll, fileRequest, newCitizen, until } from '../../components/internal/test-support.js';
import { fill, publishService } from '../../components/request-form/request-form.test-helpers.js';
import { askViaApi, card, newServant } from '../../components/access-requests/access-requests.test-helpers.js';
import { quietService, rate } from '../../components/satisfaction-panel/satisfaction-panel.test-helpers.js';

type Frame = { frame: HTMLIFrameElement; doc: Document; win: Window & { axe?: typeof Axe } };

/** Loads a demo page in an iframe `width` px wide. */
async function open(src: string, width = 1280): Promise<Frame> {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe src=${src} title="Página de demonstração" style="width:${width}px;height:800px;border:0"></iframe>`,
  );
  const path = new URL(src, location.href).pathname;
  await until(() => frame.contentWindow?.location.pathname === path && frame.contentDocument?.readyState === 'complete', `${src} loaded`);
  return { frame, doc: frame.contentDocument!, win: frame.contentWindow as Frame['win'] };
}

/** axe inside the page (run by the page's own copy, so it sees the page's document and shadow roots). */
async function violations({ doc, win }: Frame): Promise<string[]> {
  if (!win.axe) {
    const script = Object.assign(doc.createElement('script'), { src: '/node_modules/axe-core/axe.min.js' });
    doc.head.append(script);
    await until(() => win.axe, 'axe loaded in the page');
  }
  const results = await win.axe!.run(doc, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The page's own chrome fits the window: no box of the page (the elements'
 * hosts included, not what is inside their shadow roots) reaches past its
 * right edge. What an element lays out inside itself is the element's test.
 */
function chromeOverflow({ doc, win }: Frame): string[] {
  return [...doc.body.querySelectorAll<HTMLElement>('*')]
    .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > win.innerWidth + 0.5)
    .map(
      (el) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''} → ${Math.round(el.getBoundingClientRect().right)} px`,
    );
}

async function expectClean(f: Frame, state: string): Promise<void> {
  expect(await violations(f), `axe, ${state}`).to.deep.equal([]);
  expect(chromeOverflow(f), `wider than the ${f.win.innerWidth} px window, ${state}`).to.deep.equal([]);
}

const queueRows = (doc: Document) => [...(doc.querySelector('atende-request-queue')?.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
const formHeading = (doc: Document) => doc.querySelector('atende-analysis-form')?.shadowRoot?.querySelector('h2')?.textContent ?? '';
/** The citizen's evaluation form on the page, once loaded (its chunk fetched, the request read). */
const evaluationShown = (doc: Document, text: string) => {
  const el = doc.querySelector('atende-evaluation-form');
  return !!el && !el.hidden && (el.shadowRoot?.textContent ?? '').includes(text);
};
const threadShown = (doc: Document) => {
  const thread = doc.querySelector('atende-follow-up-thread');
  return !!thread && !thread.hidden && !!thread.shadowRoot?.querySelector('h2, h3') && !thread.shadowRoot.querySelector('.loading');
};

/**
 * One rated service for both widths, rated before the page first reads the
 * ratings: the API lets the browser keep them for five minutes, so a service
 * rated after that read would not show in the second width's page.
 */
let rated: Promise<ServiceDetail> | undefined;
function portalRated(): Promise<ServiceDetail> {
  return (rated ??= quietService(`Serviço avaliado no portal ${newCitizen().word}`).then(async (service) => {
    await rate(service.id, [{ rating: 5, verdict: 'approved', comment: 'Atendimento nota dez, recomendo o serviço.', decision: 'approve' }]);
    return service;
  }));
}

for (const width of [1280, 375]) {
  describe(`demo pages at ${width} px`, () => {
    it("index.html: signed out, the attendant's queue, a request open, the citizen's request", async () => {
      const filed = await fileRequest({ citizen: CITIZEN });
      sessionStorage.clear();
      let f = await open('/demo/index.html', width);
      await until(() => deepQueryAll(f.doc, 'button[aria-label^="Entrar como"]').length > 0, 'users listed');
      await expectClean(f, 'signed out');

      await click(f.doc, 'Entrar como Carlos Eduardo Santos');
      await until(() => queueRows(f.doc).length > 0, 'queue shown');
      await expectClean(f, 'attendant, queue');

      f = await open(`/demo/index.html#/solicitacoes/${filed.id}`, width);
      await until(() => formHeading(f.doc) === `Solicitação ${filed.protocol}` && threadShown(f.doc), 'request open');
      await expectClean(f, 'attendant, request open');

      await click(f.doc, 'Sair');
      await click(f.doc, 'Entrar como Maria da Silva Oliveira');
      f = await open(`/demo/index.html#/solicitacoes/${filed.id}`, width);
      await until(() => formHeading(f.doc) === `Solicitação ${filed.protocol}` && threadShown(f.doc), 'citizen: request open');
      await until(() => evaluationShown(f.doc, 'A avaliação fica disponível quando a solicitação for concluída.'), 'citizen: the evaluation, not yet');
      await expectClean(f, 'citizen, request open');

      // Concluded: the citizen evaluates it beside the request.
      await advance(filed.id, 'concluded');
      f = await open(`/demo/index.html#/solicitacoes/${filed.id}`, width);
      await until(() => evaluationShown(f.doc, 'O atendimento resolveu sua solicitação?'), 'citizen: the evaluation form');
      await expectClean(f, 'citizen, a concluded request to evaluate');
      sessionStorage.clear();
    });

    it("portal.html: the citizen's list and a request open", async () => {
      const filed = await fileRequest({ citizen: CITIZEN });
      let f = await open(`/demo/portal.html?cidadao=${CITIZEN}`, width);
      await until(() => queueRows(f.doc).length > 0, 'list shown');
      expect(f.doc.querySelector('h1'), 'the page has a main heading').to.exist;
      expect(f.doc.querySelector('atende-satisfaction-panel'), 'the satisfaction panel only on its page').to.equal(null);
      await expectClean(f, 'portal, list');

      f = await open(`/demo/portal.html?cidadao=${CITIZEN}&solicitacao=${filed.id}`, width);
      await until(() => formHeading(f.doc) === `Solicitação ${filed.protocol}` && threadShown(f.doc), 'request open');
      await expectClean(f, 'portal, request open');
    });

    it('portal.html: a concluded request, evaluated with a comment, then what became of it', async () => {
      const citizen = newCitizen().sub;
      const filed = await advance((await fileRequest({ citizen })).id, 'concluded');
      let f = await open(`/demo/portal.html?cidadao=${encodeURIComponent(citizen)}&solicitacao=${filed.id}`, width);
      await until(() => evaluationShown(f.doc, 'O atendimento resolveu sua solicitação?'), 'the evaluation form');
      await expectClean(f, 'portal, the evaluation form');
      const evaluation = f.doc.querySelector('atende-evaluation-form')!.shadowRoot!;
      evaluation.querySelector<HTMLInputElement>('#verdict-rejected')!.click();
      evaluation.querySelector<HTMLInputElement>('#rating-2')!.click();
      const comment = evaluation.querySelector<HTMLTextAreaElement>('#comment')!;
      comment.value = 'Ainda falta o documento.';
      comment.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await click(evaluation, 'Enviar avaliação');
      await until(() => evaluationShown(f.doc, 'Aguardando moderação'), 'sent, awaiting moderation');
      // The analysis form on the page follows: the request is evaluated.
      await until(
        () => (f.doc.querySelector('atende-analysis-form')!.shadowRoot!.textContent ?? '').includes('O cidadão não aprovou o atendimento.'),
        'analysis form follows',
      );
      await expectClean(f, 'portal, evaluated');
      f = await open(`/demo/portal.html?cidadao=${encodeURIComponent(citizen)}&solicitacao=${filed.id}`, width);
      await until(() => evaluationShown(f.doc, 'Reabrir solicitação'), 'reopen offered');
      await click(f.doc.querySelector('atende-evaluation-form')!.shadowRoot!, 'Reabrir solicitação');
      await until(() => f.doc.querySelector('atende-evaluation-form')!.shadowRoot!.querySelector('dialog[open]'), 'the reopen dialog');
      await expectClean(f, 'portal, the reopen dialog');
    });

    it('portal.html?pagina=carta: the charter searched from the portal, a service open, its form, the protocol', async () => {
      const service = await publishService({ documents: false, name: `Certidão de teste do portal ${newCitizen().word}` });
      const citizen = newCitizen().sub;
      const own = `cidadao=${encodeURIComponent(citizen)}`;
      const f = await open(`/demo/portal.html?pagina=carta&busca=${encodeURIComponent('certidao de teste do portal')}&${own}`, width);
      const catalog = f.doc.querySelector('atende-service-catalog')!;
      // The bundle fetches the catalog's chunk once the page uses its tag: until then it has no shadow root.
      const names = () => [...(catalog.shadowRoot?.querySelectorAll('.service h4') ?? [])].map((h) => h.textContent);
      await until(() => names().includes(service.name), 'the charter, searched');
      expect(f.doc.querySelector('h1')!.textContent).to.equal('Carta de Serviços');
      await expectClean(f, 'portal, charter');

      const item = [...catalog.shadowRoot!.querySelectorAll('.service')].find((li) => li.querySelector('h4')!.textContent === service.name)!;
      item.querySelector<HTMLElement>('summary')!.click();
      await until(() => item.querySelector('dl.entry'), 'the service open');
      await expectClean(f, 'portal, a service open');

      await click(f.doc, `Solicitar: ${service.name}`);
      const form = f.doc.querySelector('atende-request-form')!;
      await until(() => !form.hidden && form.shadowRoot?.querySelector('form') && form.shadowRoot.activeElement?.id === 'form-title', 'the form open');
      await expectClean(f, 'portal, the request form');
      fill(form, service);
      await click(form.shadowRoot!, 'Continuar');
      await click(form.shadowRoot!, 'Enviar solicitação');
      await until(() => form.shadowRoot!.querySelector('#protocol'), 'filed');
      await expectClean(f, 'portal, filed');
      const [filed] = (await (await apiAs(citizen)).get('/requests')).items;
      expect(form.shadowRoot!.querySelector('#protocol strong')!.textContent).to.equal(filed.protocol);
      const follow = form.shadowRoot!.querySelector<HTMLAnchorElement>('.done a')!;
      expect(follow.getAttribute('href')).to.equal(`portal.html?solicitacao=${filed.id}&${own}`);
    });

    it('portal.html?pagina=satisfacao: the panel, a rated service chosen, its charts and tables, its published comment', async () => {
      const service = await portalRated();
      const f = await open(`/demo/portal.html?pagina=satisfacao&cidadao=${CITIZEN}`, width);
      expect(f.doc.querySelector('h1')!.textContent).to.equal('Satisfação');
      expect(f.doc.getElementById('menu-satisfaction')!.getAttribute('aria-current')).to.equal('page');
      const panel = f.doc.querySelector('atende-satisfaction-panel')!;
      // The bundle fetches the panel's chunk once the page places its tag: until then it has no shadow root.
      const select = () => panel.shadowRoot?.querySelector<HTMLSelectElement>('select');
      await until(() => [...(select()?.options ?? [])].some((o) => o.value === String(service.id)), 'the rated service listed');
      select()!.value = String(service.id);
      select()!.dispatchEvent(new Event('change'));
      const shown = () => panel.shadowRoot!.querySelector('#panel-service')?.textContent?.includes(service.name);
      const drawn = () => [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[data-chart]')].map((c) => c.dataset.bars);
      const comment = () => panel.shadowRoot!.querySelector('.comment .text')?.textContent;
      await until(
        () => shown() && drawn().length === 2 && drawn().every(Boolean) && comment() === 'Atendimento nota dez, recomendo o serviço.',
        'the service shown',
      );
      expect(panel.shadowRoot!.querySelector('.summary .average')!.textContent!.trim()).to.equal('5,0 de 5');
      await expectClean(f, 'portal, satisfaction');
      for (const d of panel.shadowRoot!.querySelectorAll('details')) d.open = true;
      await expectClean(f, 'portal, satisfaction with its tables open');
    });

    it('sei.html: the queue, then a request open with its follow-up thread beside the analysis', async () => {
      const filed = await fileRequest({ citizen: CITIZEN });
      const f = await open(`/demo/sei.html?usuario=${ATTENDANT}`, width);
      await until(() => queueRows(f.doc).length > 0, 'queue shown');
      await expectClean(f, 'SEI, queue');

      const search = f.doc.querySelector('atende-request-queue')!.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
      search.value = filed.protocol;
      await click(f.doc, 'Buscar');
      await click(f.doc, `Abrir solicitação ${filed.protocol}`);
      await until(() => formHeading(f.doc) === `Solicitação ${filed.protocol}` && threadShown(f.doc), 'request and thread open');
      await expectClean(f, 'SEI, request open');
    });

    it('sei.html: the "Agenda" lists a day\'s meetings; a protocol there opens the request with its video meetings below', async () => {
      const zone = ((await (await fetch('/api/config')).json()) as AppConfig).timeZone;
      // A day years ahead that no other test books on.
      const day = addDays(localDate(Date.now(), zone), 500 + Math.floor(Math.random() * 5000) * 2 + (width < 600 ? 1 : 0));
      const request = await advance((await fileRequest({ citizen: newCitizen().sub })).id, 'in_service');
      const subject = `Conferência dos documentos ${newCitizen().word}`;
      await (
        await apiAs(ATTENDANT)
      ).post('/requests/:id/meetings', {
        params: { id: request.id },
        body: { startsAt: zonedInstant(day, '10:00', zone).toISOString(), durationMinutes: 30, subject },
      });
      const f = await open(`/demo/sei.html?usuario=${ATTENDANT}`, width);
      const agenda = () => f.doc.querySelector('atende-day-agenda') as (HTMLElement & { date?: string }) | null;
      await until(() => !f.doc.getElementById('agenda')!.hidden && agenda()?.shadowRoot?.querySelector('.table, .empty'), 'the agenda shown');
      agenda()!.date = day;
      const row = () => [...(agenda()!.shadowRoot!.querySelectorAll('tbody tr') ?? [])].find((r) => r.textContent!.includes(request.protocol));
      await until(row, 'the meeting in the agenda');
      expect(row()!.textContent).to.include(subject);
      await expectClean(f, 'SEI, Agenda');

      row()!.querySelector<HTMLButtonElement>('button.protocol')!.click();
      const video = () => f.doc.querySelector('atende-video-scheduler')!;
      await until(
        () => formHeading(f.doc) === `Solicitação ${request.protocol}` && (video().shadowRoot?.textContent ?? '').includes(subject),
        'the request open with its meeting',
      );
      await expectClean(f, 'SEI, request open with its meeting');
    });

    it('sei.html: "Avaliações" for the staff, the personal data of a comment highlighted', async () => {
      const citizen = newCitizen();
      const filed = await advance((await fileRequest({ citizen: citizen.sub })).id, 'concluded');
      await (
        await apiAs(citizen.sub)
      ).post('/requests/:id/evaluation', { params: { id: filed.id }, body: { verdict: 'approved', rating: 5, comment: 'Ótimo. Meu CPF é 529.982.247-25.' } });
      const f = await open(`/demo/sei.html?usuario=${ATTENDANT}`, width);
      const moderator = () => f.doc.querySelector('atende-evaluation-moderator')!;
      const mine = () =>
        [...(moderator().shadowRoot?.querySelectorAll('.list > li') ?? [])].find(
          (li) => li.querySelector('h3')!.textContent === `Avaliação da solicitação ${filed.protocol}`,
        );
      await until(() => !f.doc.getElementById('avaliacoes')!.hidden && mine(), '"Avaliações" with the new evaluation');
      expect(mine()!.querySelector('mark .pd-label')!.textContent).to.equal('CPF');
      await expectClean(f, 'SEI, Avaliações');
    });

    it("sei.html: the manager's Acessos below the charter; a servant with no role asks for the attendant profile instead of a queue", async () => {
      const servant = newServant();
      await askViaApi(servant.sub);
      let f = await open('/demo/sei.html?usuario=gestora.detran', width);
      const access = () => f.doc.querySelector('atende-access-requests')!;
      await until(() => !f.doc.getElementById('acessos')!.hidden && access().shadowRoot && card(access(), servant.name), 'Acessos with the pending request');
      expect(f.doc.getElementById('acessos-h')!.textContent).to.equal('Acessos');
      await expectClean(f, 'SEI, manager, Acessos');

      // servidor.joao in the demo; a servant of this test's own here, so no other test's grant changes what it sees.
      const other = newServant();
      f = await open(`/demo/sei.html?usuario=${encodeURIComponent(other.sub)}`, width);
      await until(() => !f.doc.getElementById('acessos')!.hidden && access().shadowRoot?.querySelector('#ask'), 'the form to ask');
      expect(f.doc.getElementById('acessos-h')!.textContent).to.equal('Perfil de atendente');
      expect(f.doc.querySelector('atende-request-queue')!.hidden, 'no queue').to.equal(true);
      expect(f.doc.getElementById('carta')!.hidden, 'no charter').to.equal(true);
      await until(() => access().shadowRoot!.querySelector('.mine .placeholder'), 'no request of theirs yet');
      await expectClean(f, 'SEI, servant with no role');
    });
  });
}

describe('demo pages with the keyboard alone', () => {
  const signedOut = (doc: Document) => deepQueryAll(doc, 'button[aria-label^="Entrar como"]').length > 0;
  for (const [src, target, ready] of [
    ['/demo/index.html', 'main', signedOut],
    [`/demo/portal.html?cidadao=${CITIZEN}`, 'conteudo', (doc: Document) => queueRows(doc).length > 0],
    [`/demo/sei.html?usuario=${ATTENDANT}`, 'main', (doc: Document) => queueRows(doc).length > 0],
  ] as const) {
    it(`${src}: the first Tab reaches the skip link, which takes focus to the content; the next Tab stays in it`, async () => {
      sessionStorage.clear();
      const f = await open(src);
      await until(() => ready(f.doc), 'page ready');
      f.frame.focus();
      f.win.focus();
      await sendKeys({ press: 'Tab' });
      const skip = f.doc.activeElement as HTMLAnchorElement;
      expect(skip.tagName, 'first stop').to.equal('A');
      expect(skip.getAttribute('href')).to.equal(`#${target}`);
      const box = skip.getBoundingClientRect();
      expect(box.height > 0 && box.bottom > 0 && box.right > 0, 'visible when focused').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => f.doc.activeElement?.id === target, 'focus moved to the content');
      await sendKeys({ press: 'Tab' });
      const main = f.doc.getElementById(target)!;
      expect(main.contains(f.doc.activeElement), `the next stop is in the content, not ${f.doc.activeElement?.tagName}`).to.equal(true);
    });
  }
});

describe('sei.html with the keyboard alone', () => {
  it('Enter on a row opens the request with focus on its heading; "Fechar solicitação" brings focus back to that row', async () => {
    const filed = await fileRequest({ citizen: CITIZEN });
    const f = await open(`/demo/sei.html?usuario=${ATTENDANT}`);
    await until(() => queueRows(f.doc).length > 0, 'queue shown');
    const queue = f.doc.querySelector('atende-request-queue')!;
    const field = queue.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    f.win.focus();
    field.focus();
    await sendKeys({ type: filed.protocol });
    await sendKeys({ press: 'Enter' });
    const openButton = () => queue.shadowRoot!.querySelector<HTMLElement>(`[aria-label="Abrir solicitação ${filed.protocol}"]`);
    await until(() => queueRows(f.doc).length === 1 && openButton(), 'found by protocol');
    openButton()!.focus();
    await sendKeys({ press: 'Enter' });
    const form = f.doc.querySelector('atende-analysis-form')!;
    await until(() => form.shadowRoot!.activeElement?.id === 'heading', 'focus on the request heading');
    expect(form.shadowRoot!.activeElement!.textContent).to.equal(`Solicitação ${filed.protocol}`);
    await until(() => threadShown(f.doc), 'thread beside it');

    f.doc.getElementById('close-detail')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => f.doc.getElementById('detail')!.hidden, 'request closed');
    expect(queue.shadowRoot!.activeElement, 'focus back on the row it came from').to.equal(openButton());
  });
});
