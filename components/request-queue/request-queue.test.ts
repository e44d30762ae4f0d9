import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RequestDetail, RequestPage } from '../../contract/types.js';
import { ATTENDANT, CITIZEN, api, advance, expectAccessible, fileRequest, token } from '../../test/e2e/support.js';
import '../define.js';
import type { AtendeRequestQueue } from './request-queue.js';

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const cellTexts = (el: Element, col: number) => rows(el).map((r) => r.cells[col].textContent!.replace(/\s+/g, ' ').trim());
const q = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel)!;
const loaded = (el: AtendeRequestQueue) => waitUntil(() => rows(el).length > 0 && !q(el, 'table').classList.contains('busy'), 'rows did not load');
const settled = async (el: AtendeRequestQueue) => {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('table.busy, .loading'), 'queue kept loading');
};

async function queue(sub = ATTENDANT, attrs: { view?: string; pageSize?: number; hrefTemplate?: string } = {}) {
  const t = await token(sub);
  const el = await fixture<AtendeRequestQueue>(html`<atende-request-queue
    api="/api"
    view=${attrs.view ?? 'staff'}
    page-size=${attrs.pageSize ?? 25}
    href-template=${attrs.hrefTemplate ?? ''}
    .token=${t}
  ></atende-request-queue>`);
  await loaded(el);
  return el;
}

describe('atende-request-queue', () => {
  it('lists the institution queue with headed columns, counts and an open button per row', async () => {
    const t0 = performance.now();
    const el = await queue();
    const firstRender = performance.now() - t0;
    console.log(`queue first render (25 rows, real BFF): ${firstRender.toFixed(0)} ms`);
    expect(q(el, 'h2').textContent).to.equal('Solicitações');
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')];
    expect(headers.map((h) => h.textContent!.trim())).to.deep.equal(['Protocolo', 'Serviço', 'Cidadão', 'Enviada em', 'Situação', 'Prazo', 'Responsável', 'Ações']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).to.be.true;
    expect(rows(el)).to.have.length(25);
    expect(q(el, 'tbody th[scope="row"]').textContent).to.match(/^\d{4}\/\d{6}$/);
    const page = await api<RequestPage>(ATTENDANT, 'GET', 'requests?limit=25');
    expect(cellTexts(el, 0)).to.deep.equal(page.items.map((i) => i.protocol));
    expect(page.items.every((i) => i.institution.acronym === 'DETRAN')).to.be.true;
    const open = q(el, 'tbody .open');
    expect(open.getAttribute('aria-label')).to.equal(`Abrir solicitação ${page.items[0].protocol}`);
    await waitUntil(() => q(el, '.chip .count').textContent !== '');
    expect(q(el, '.chip[aria-pressed="true"]').textContent).to.match(/Todas\s*\d+/);
    await expectAccessible(el);
  });

  it('highlights overdue deadlines with text, not colour alone', async () => {
    const el = await queue();
    const sort = q<HTMLSelectElement>(el, '#sort');
    sort.value = 'due';
    sort.dispatchEvent(new Event('change'));
    await settled(el);
    const late = el.shadowRoot!.querySelectorAll('.late');
    expect(late.length).to.be.greaterThan(0);
    expect(late[0].textContent).to.match(/Atrasada há \d+ dias?/);
  });

  it('filters by status from the counts', async () => {
    const el = await queue();
    const chip = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')].find((b) => b.textContent!.includes('Em análise'))!;
    chip.click();
    await settled(el);
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    expect(new Set(cellTexts(el, 4))).to.deep.equal(new Set(['Em análise']));
  });

  it('searches by protocol and shows the empty state when nothing matches', async () => {
    const filed = await fileRequest();
    const el = await queue();
    const input = q<HTMLInputElement>(el, '#q');
    input.value = filed.protocol;
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => rows(el).length === 1 && cellTexts(el, 0)[0] === filed.protocol, 'protocol search');
    expect(cellTexts(el, 2)[0]).to.equal('Maria da Silva Oliveira');

    input.value = 'Ninguém Comestenome';
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.empty'), 'empty state');
    expect(q(el, '.empty').textContent).to.contain('Nenhuma solicitação corresponde aos filtros');
    expect(q(el, '[role="status"]').textContent).to.contain('Nenhuma solicitação corresponde aos filtros');
    q<HTMLButtonElement>(el, '.clear').click();
    await loaded(el);
    expect(rows(el)).to.have.length(25);
  });

  it('filters by service and month and orders by deadline', async () => {
    // A past month, where the other tests (which file new requests now) add nothing.
    const oldest = (await api<RequestPage>(ATTENDANT, 'GET', 'requests?limit=1')).items[0];
    const month = oldest.filedAt.slice(0, 7);
    const el = await queue();
    const service = q<HTMLSelectElement>(el, '#service');
    await waitUntil(() => service.options.length > 1, 'services loaded');
    expect([...service.options].map((o) => o.text.trim())).to.include('Segunda via da Carteira Nacional de Habilitação');
    service.value = String(oldest.service.id);
    service.dispatchEvent(new Event('change'));
    await settled(el);
    expect(new Set(cellTexts(el, 1))).to.deep.equal(new Set([oldest.service.name]));

    const monthInput = q<HTMLInputElement>(el, '#month');
    monthInput.value = month;
    monthInput.dispatchEvent(new Event('change'));
    const sort = q<HTMLSelectElement>(el, '#sort');
    sort.value = 'due';
    sort.dispatchEvent(new Event('change'));
    await settled(el);
    const expected = await api<RequestPage>(ATTENDANT, 'GET', `requests?serviceId=${oldest.service.id}&month=${month}&sort=due`);
    expect(cellTexts(el, 0)).to.deep.equal(expected.items.map((i) => i.protocol));
    expect(cellTexts(el, 0)).to.include(oldest.protocol);
  });

  it('shows only the requests assigned to me', async () => {
    const mine = await advance((await fileRequest()).id, 'in_service');
    const el = await queue();
    q<HTMLInputElement>(el, '#mine').click();
    await settled(el);
    const sort = q<HTMLSelectElement>(el, '#sort');
    sort.value = 'due';
    sort.dispatchEvent(new Event('change'));
    await settled(el);
    expect(new Set(cellTexts(el, 6))).to.deep.equal(new Set(['Carlos Eduardo Santos']));
    const input = q<HTMLInputElement>(el, '#q');
    input.value = mine.protocol;
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => cellTexts(el, 0).join() === mine.protocol, 'my new request found');
  });

  it('pages with keyset cursors, forwards and back', async () => {
    const el = await queue(ATTENDANT, { pageSize: 5 });
    const first = cellTexts(el, 0);
    const nav = q(el, 'nav[aria-label="Paginação"]');
    const [prev, next] = nav.querySelectorAll('button');
    expect(prev.disabled).to.be.true;
    next.click();
    await waitUntil(() => cellTexts(el, 0)[0] !== first[0], 'page 2');
    expect(nav.textContent).to.contain('Página 2');
    expect(cellTexts(el, 0).some((p) => first.includes(p))).to.be.false;
    prev.click();
    await waitUntil(() => cellTexts(el, 0)[0] === first[0], 'back to page 1');
  });

  it('opens a request with the keyboard and emits atende-request-open', async () => {
    const el = await queue();
    const open = q<HTMLButtonElement>(el, 'tbody .open');
    open.focus();
    const event = oneEvent(el, 'atende-request-open');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.protocol).to.equal(rows(el)[0].cells[0].textContent!.trim());
    await el.updateComplete;
    expect(rows(el)[0].getAttribute('aria-current')).to.equal('true');
  });

  it('navigates with href-template links', async () => {
    const el = await queue(ATTENDANT, { hrefTemplate: '#/solicitacoes/{id}' });
    const link = q<HTMLAnchorElement>(el, 'tbody a.open');
    const page = await api<RequestPage>(ATTENDANT, 'GET', 'requests?limit=1');
    expect(link.getAttribute('href')).to.equal(`#/solicitacoes/${page.items[0].id}`);
  });

  it("shows the citizen's own requests with the decision and their evaluation", async () => {
    const filed = await fileRequest();
    await advance(filed.id, 'concluded');
    const el = await queue(CITIZEN, { view: 'citizen', pageSize: 100 });
    expect(q(el, 'h2').textContent).to.equal('Minhas solicitações');
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((h) => h.textContent!.trim());
    expect(headers).to.include.members(['Parecer', 'Sua avaliação']);
    expect(headers).not.to.include('Cidadão');
    // Oldest first; requests other tests file meanwhile can only come after these.
    const mine = await api<RequestPage>(CITIZEN, 'GET', 'requests?as=citizen&limit=100');
    expect(mine.items.map((i) => i.protocol).slice(0, rows(el).length)).to.deep.equal(cellTexts(el, 0));
    const row = rows(el).find((r) => r.cells[0].textContent!.trim() === filed.protocol)!;
    expect(row.cells[5].textContent).to.contain('Aprovada');
    expect(row.cells[6].textContent).to.contain('Aguardando sua avaliação');
    const rejected = rows(el).find((r) => r.cells[3].textContent!.includes('Reprovada'));
    if (rejected) expect(rejected.cells[5].textContent).to.contain('Reprovada');
    expect(rows(el).some((r) => /Você (não )?aprovou o atendimento/.test(r.cells[6].textContent!))).to.be.true;
    await expectAccessible(el);
  });

  it('refreshes when a request changes elsewhere on the page', async () => {
    const filed = await fileRequest();
    const el = await queue();
    const search = q<HTMLInputElement>(el, '#q');
    search.value = filed.protocol;
    q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => cellTexts(el, 4)[0] === 'Enviada', 'filed request shown');
    const updated = await api<RequestDetail>(ATTENDANT, 'POST', `requests/${filed.id}/analysis`);
    document.dispatchEvent(new CustomEvent('atende-request-changed', { detail: { id: updated.id, action: 'start_analysis', status: updated.status, version: updated.version } }));
    await waitUntil(() => cellTexts(el, 4)[0] === 'Em análise', 'row refreshed');
  });

  it('shows an error with a retry when the API refuses the token', async () => {
    const el = await fixture<AtendeRequestQueue>(html`<atende-request-queue api="/api" .token=${'not-a-token'}></atende-request-queue>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error shown');
    expect(q(el, '[role="alert"]').textContent).to.contain('Sua sessão expirou');
    expect(q(el, '[role="alert"] button').textContent!.trim()).to.equal('Tentar novamente');
    el.token = await token(ATTENDANT);
    await loaded(el);
  });

  it('asks the host for a fresh token once on 401 and retries', async () => {
    const calls: boolean[] = [];
    const good = await token(ATTENDANT);
    const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      calls.push(forceRefresh);
      return forceRefresh ? good : 'expired-token';
    };
    const el = await fixture<AtendeRequestQueue>(html`<atende-request-queue .tokenProvider=${provider}></atende-request-queue>`);
    await loaded(el);
    expect(calls).to.include(true);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
  });

  it('takes api, token provider and language from atende-session', async () => {
    const good = await token(ATTENDANT);
    const wrap = await fixture(html`<atende-session api="/api" lang="en" .tokenProvider=${async () => good}>
      <atende-request-queue></atende-request-queue>
      <atende-request-queue view="staff" page-size="3"></atende-request-queue>
    </atende-session>`);
    const [a, b] = wrap.querySelectorAll('atende-request-queue');
    await loaded(a);
    await loaded(b);
    expect(q(a, 'h2').textContent).to.equal('Requests');
    expect(q(a, 'thead th').textContent).to.equal('Protocol');
    expect(rows(b)).to.have.length(3);
  });

  it('turns rows into labelled cards in a narrow container, still accessible', async () => {
    const t = await token(CITIZEN);
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 340px">
      <atende-request-queue view="citizen" page-size="5" .token=${t}></atende-request-queue>
    </div>`);
    const el = wrap.querySelector<AtendeRequestQueue>('atende-request-queue')!;
    await loaded(el);
    expect(q(el, 'thead').getBoundingClientRect().height).to.be.below(2);
    const firstRow = rows(el)[0];
    expect(getComputedStyle(firstRow).display).to.equal('grid');
    const verdict = firstRow.querySelector('td[data-label="Parecer"]')!;
    expect(getComputedStyle(verdict, '::before').content).to.equal('"Parecer: "');
    const open = firstRow.querySelector<HTMLElement>('.open')!;
    expect(open.getBoundingClientRect().right).to.be.at.most(wrap.getBoundingClientRect().right);
    await expectAccessible(el);
  });

  it('works with the keyboard alone: status filter, search and open', async () => {
    const el = await queue();
    q<HTMLButtonElement>(el, '.chip').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(new Set(cellTexts(el, 4))).to.deep.equal(new Set(['Enviada']));
    q<HTMLInputElement>(el, '#q').focus();
    await sendKeys({ type: cellTexts(el, 0)[0] });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 1, 'searched with Enter');
  });
});
