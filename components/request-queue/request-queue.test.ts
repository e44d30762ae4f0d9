import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { CLOCK_STATUSES, type RequestDetail } from '../../contract/types.js';
import { until, ATTENDANT, ATTENDANT_2, advance, apiAs, expectAccessible, fileRequest, newCitizen, postFollowUp, token, q } from '../internal/test-support.js';
import '../define.js';
import type { AtendeRequestQueue } from './request-queue.js';

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const cellTexts = (el: Element, col: number) => rows(el).map((r) => r.cells[col].textContent!.replace(/\s+/g, ' ').trim());
const loaded = (el: AtendeRequestQueue) => until(() => rows(el).length > 0 && !q(el, 'table').classList.contains('busy'), 'rows did not load');
const settled = async (el: AtendeRequestQueue) => {
  await el.updateComplete;
  await until(() => !el.shadowRoot!.querySelector('table.busy, .loading'), 'queue kept loading');
};

const chipOf = (el: Element, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')].find((b) => b.textContent!.trim().startsWith(label))!;
const pressed = (el: Element) => q(el, '.chip[aria-pressed="true"]').textContent!.replace(/\d+/g, '').trim();
const WORK = CLOCK_STATUSES.join(',');

/** Staff columns: protocol, service, citizen, filed, status, deadline, assignee. */
const COL = { protocol: 0, service: 1, citizen: 2, status: 4, deadline: 5, assignee: 6 };

async function queue(sub = ATTENDANT, attrs: { view?: string; pageSize?: number; hrefTemplate?: string } = {}) {
  const t = await token(sub);
  const el = await fixture<AtendeRequestQueue>(
    html`<atende-request-queue
      api="/api"
      view=${attrs.view ?? 'staff'}
      page-size=${attrs.pageSize ?? 25}
      href-template=${attrs.hrefTemplate ?? ''}
      .token=${t}
    ></atende-request-queue>`,
  );
  await loaded(el);
  return el;
}

/** Searches as a user does: types in the search field and presses the button. */
async function search(el: AtendeRequestQueue, text: string) {
  q<HTMLInputElement>(el, '#q').value = text;
  q<HTMLButtonElement>(el, 'form button[type="submit"]').click();
  await settled(el);
}

function choose(el: AtendeRequestQueue, selector: string, value: string) {
  const field = q<HTMLSelectElement | HTMLInputElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('change'));
}

/** A fresh citizen with `n` requests filed (oldest first); the staff finds them by `word`. */
async function citizenWith(n: number) {
  const citizen = newCitizen();
  const filed: RequestDetail[] = [];
  for (let i = 0; i < n; i++) filed.push(await fileRequest({ citizen: citizen.sub }));
  return { ...citizen, filed };
}

describe('atende-request-queue', () => {
  // Each test starts from the page's own address: the queue keeps its state in the URL.
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('lists the institution queue with headed columns, counts and an open button per row', async () => {
    const { name, word, filed } = await citizenWith(2);
    const el = await queue();
    expect(q(el, 'h2').textContent).to.equal('Solicitações');
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')];
    expect(headers.map((h) => h.textContent!.trim())).to.deep.equal([
      'Protocolo',
      'Serviço',
      'Cidadão',
      'Enviada em',
      'Situação',
      'Prazo',
      'Responsável',
      'Ações',
    ]);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).to.be.true;
    expect(rows(el).length).to.be.within(1, 25);
    await search(el, word);
    // Oldest first (the manual's order).
    expect(cellTexts(el, COL.protocol)).to.deep.equal(filed.map((r) => r.protocol));
    expect(q(el, 'tbody th[scope="row"]').textContent).to.match(/^\d{4}\/\d{6}$/);
    expect(cellTexts(el, COL.service)).to.deep.equal(filed.map((r) => r.service.name));
    expect(cellTexts(el, COL.citizen)).to.deep.equal([name, name]);
    expect(cellTexts(el, COL.status)).to.deep.equal(['Enviada', 'Enviada']);
    expect(cellTexts(el, COL.assignee)).to.deep.equal(['Sem responsável', 'Sem responsável']);
    expect(q(el, 'tbody .open').getAttribute('aria-label')).to.equal(`Abrir solicitação ${filed[0].protocol}`);
    await until(() => q(el, '.chip .count').textContent !== '');
    // A search from "A fazer" looks in every status.
    expect(q(el, '.chip[aria-pressed="true"]').textContent).to.match(/Todas\s*\d+/);
    await expectAccessible(el);
  });

  it('highlights overdue deadlines with text, not colour alone', async () => {
    // The API files requests now, with their deadline ahead: the one past its
    // deadline comes from the data the server already holds, found through the API.
    const api = await apiAs(ATTENDANT);
    const running = CLOCK_STATUSES.join(',');
    const [late] = (await api.get('/requests', { query: { status: running, sort: 'due', limit: 1 } })).items;
    expect(late?.overdue, 'a request past its deadline').to.be.true;
    const el = await queue();
    await search(el, late.protocol);
    const cell = rows(el)[0].cells[COL.deadline];
    expect(cell.querySelector('.late')!.textContent).to.match(/^⚠ Atrasada há \d+ dias?$/);
    expect(rows(el)[0].classList.contains('overdue')).to.be.true;
  });

  it('filters by status from the counts', async () => {
    const { word, filed } = await citizenWith(2);
    await advance(filed[1].id, 'in_analysis');
    const el = await queue();
    await search(el, word);
    expect(rows(el)).to.have.length(2);
    const chip = (label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip')].find((b) => b.textContent!.includes(label))!;
    chip('Em análise').click();
    await settled(el);
    expect(chip('Em análise').getAttribute('aria-pressed')).to.equal('true');
    expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[1].protocol]);
    expect(cellTexts(el, COL.status)).to.deep.equal(['Em análise']);
    chip('Enviada').click();
    await settled(el);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[0].protocol]);
  });

  it('searches by protocol and shows the empty state when nothing matches', async () => {
    const filed = await fileRequest();
    const el = await queue();
    await search(el, filed.protocol);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([filed.protocol]);
    expect(cellTexts(el, COL.citizen)).to.deep.equal([filed.citizen.name]);

    await search(el, `Ninguém ${newCitizen().word}`);
    await until(() => el.shadowRoot!.querySelector('.empty'), 'empty state');
    expect(q(el, '.empty').textContent).to.contain('Nenhuma solicitação corresponde aos filtros');
    expect(q(el, '[role="status"]').textContent).to.contain('Nenhuma solicitação corresponde aos filtros');
    q<HTMLButtonElement>(el, '.clear').click();
    await loaded(el);
    expect(q<HTMLInputElement>(el, '#q').value).to.equal('');
    expect(el.shadowRoot!.querySelector('.clear')).to.be.null;
  });

  it('filters by service and month and orders by deadline', async () => {
    const citizen = newCitizen();
    const [a1, b, a2] = [
      await fileRequest({ citizen: citizen.sub, service: 0 }),
      await fileRequest({ citizen: citizen.sub, service: 1 }),
      await fileRequest({ citizen: citizen.sub, service: 0 }),
    ];
    expect(a1.service.id).not.to.equal(b.service.id);
    const el = await queue();
    choose(el, '#sort', 'filed');
    await search(el, citizen.word);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([a1.protocol, b.protocol, a2.protocol]);

    const service = q<HTMLSelectElement>(el, '#service');
    await until(() => service.options.length > 1, 'services loaded');
    expect([...service.options].map((o) => o.text.trim())).to.include.members([a1.service.name, b.service.name]);
    choose(el, '#service', String(a1.service.id));
    await settled(el);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([a1.protocol, a2.protocol]);

    const month = a1.filedAt.slice(0, 7);
    choose(el, '#month', month);
    choose(el, '#service', '');
    choose(el, '#sort', 'due');
    await settled(el);
    const api = await apiAs(ATTENDANT);
    const expected = await api.get('/requests', { query: { q: citizen.word, month, sort: 'due' } });
    expect(expected.items).to.have.length(3);
    expect(cellTexts(el, COL.protocol)).to.deep.equal(expected.items.map((i) => i.protocol));
  });

  it('shows only the requests assigned to me', async () => {
    const { word, filed } = await citizenWith(2);
    const mine = await advance(filed[0].id, 'in_service');
    const me = await (await apiAs(ATTENDANT)).get('/me');
    const el = await queue();
    await search(el, word);
    expect(rows(el)).to.have.length(2);
    q<HTMLInputElement>(el, '#mine').click();
    await settled(el);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([mine.protocol]);
    expect(cellTexts(el, COL.assignee)).to.deep.equal([me.name]);
  });

  it('pages with keyset cursors, forwards and back', async () => {
    const { word, filed } = await citizenWith(3);
    const el = await queue(ATTENDANT, { pageSize: 2 });
    await search(el, word);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[0].protocol, filed[1].protocol]);
    const nav = q(el, 'nav[aria-label="Paginação"]');
    const [prev, next] = nav.querySelectorAll('button');
    expect(prev.disabled).to.be.true;
    next.click();
    await until(() => cellTexts(el, COL.protocol)[0] === filed[2].protocol, 'page 2');
    expect(rows(el)).to.have.length(1);
    expect(nav.textContent).to.contain('Página 2');
    expect(next.disabled).to.be.true;
    prev.click();
    await until(() => cellTexts(el, COL.protocol)[0] === filed[0].protocol, 'back to page 1');
  });

  it('opens a request with the keyboard and emits atende-request-open', async () => {
    const filed = await fileRequest();
    const el = await queue();
    await search(el, filed.protocol);
    q<HTMLButtonElement>(el, 'tbody .open').focus();
    const event = oneEvent(el, 'atende-request-open');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail).to.deep.equal({ id: filed.id, protocol: filed.protocol });
    await el.updateComplete;
    expect(rows(el)[0].getAttribute('aria-current')).to.equal('true');
  });

  it('navigates with href-template links', async () => {
    const filed = await fileRequest();
    const el = await queue(ATTENDANT, { hrefTemplate: '#/solicitacoes/{id}' });
    await search(el, filed.protocol);
    expect(q<HTMLAnchorElement>(el, 'tbody a.open').getAttribute('href')).to.equal(`#/solicitacoes/${filed.id}`);
  });

  it("shows the citizen's own requests with the decision and their evaluation", async () => {
    const citizen = await citizenWith(4);
    const [waiting, rejected, concluded, evaluated] = citizen.filed;
    const staff = await apiAs(ATTENDANT);
    await advance(rejected.id, 'in_analysis');
    await staff.post('/requests/:id/reject', { params: { id: rejected.id }, body: { justification: 'Documento ilegível.' } });
    await advance(concluded.id, 'concluded');
    await advance(evaluated.id, 'concluded');
    await (await apiAs(citizen.sub)).post('/requests/:id/evaluation', { params: { id: evaluated.id }, body: { verdict: 'approved', rating: 5 } });

    const el = await queue(citizen.sub, { view: 'citizen' });
    expect(q(el, 'h2').textContent).to.equal('Minhas solicitações');
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['Protocolo', 'Serviço', 'Enviada em', 'Situação', 'Prazo', 'Parecer', 'Sua avaliação', 'Ações']);
    expect(cellTexts(el, 0)).to.deep.equal([waiting, rejected, concluded, evaluated].map((r) => r.protocol));
    expect(cellTexts(el, 3)).to.deep.equal(['Enviada', 'Reprovada', 'Concluída', 'Avaliada']);
    expect(cellTexts(el, 5)).to.deep.equal(['Aguardando análise', '✕ Reprovada', '✓ Aprovada', '✓ Aprovada']);
    expect(cellTexts(el, 6)).to.deep.equal(['—', '—', 'Aguardando sua avaliação', 'Você aprovou o atendimento']);
    await expectAccessible(el);
  });

  it('refreshes when a request changes elsewhere on the page', async () => {
    const filed = await fileRequest();
    const el = await queue();
    await search(el, filed.protocol);
    expect(cellTexts(el, COL.status)).to.deep.equal(['Enviada']);
    const updated = await (await apiAs(ATTENDANT)).post('/requests/:id/analysis', { params: { id: filed.id } });
    document.dispatchEvent(
      new CustomEvent('atende-request-changed', { detail: { id: updated.id, action: 'start_analysis', status: updated.status, version: updated.version } }),
    );
    await until(() => cellTexts(el, COL.status)[0] === 'Em análise', 'row refreshed');
  });

  it('shows an error with a retry when the API refuses the token', async () => {
    const { sub, filed } = await citizenWith(1);
    const el = await fixture<AtendeRequestQueue>(html`<atende-request-queue api="/api" view="citizen" .token=${'not-a-token'}></atende-request-queue>`);
    await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'error shown');
    expect(q(el, '[role="alert"]').textContent).to.contain('Sua sessão expirou');
    expect(q(el, '[role="alert"] button').textContent!.trim()).to.equal('Tentar novamente');
    el.token = await token(sub);
    await loaded(el);
    expect(cellTexts(el, 0)).to.deep.equal([filed[0].protocol]);
  });

  it('asks the host for a fresh token once on 401 and retries', async () => {
    const { sub, filed } = await citizenWith(1);
    const calls: boolean[] = [];
    const good = await token(sub);
    const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      calls.push(forceRefresh);
      return forceRefresh ? good : 'expired-token';
    };
    const el = await fixture<AtendeRequestQueue>(html`<atende-request-queue view="citizen" .tokenProvider=${provider}></atende-request-queue>`);
    await loaded(el);
    expect(calls).to.include(true);
    expect(cellTexts(el, 0)).to.deep.equal([filed[0].protocol]);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
  });

  it('takes api, token provider and language from atende-session', async () => {
    const { sub } = await citizenWith(3);
    const good = await token(sub);
    const wrap = await fixture(
      html`<atende-session api="/api" lang="en" .tokenProvider=${async () => good}>
        <atende-request-queue view="citizen"></atende-request-queue>
        <atende-request-queue view="citizen" page-size="2"></atende-request-queue>
      </atende-session>`,
    );
    const [a, b] = wrap.querySelectorAll('atende-request-queue');
    await loaded(a);
    await loaded(b);
    await until(() => q(a, 'h2').textContent === 'My requests', 'English text did not arrive');
    expect(q(a, 'thead th').textContent).to.equal('Protocol');
    expect(rows(a)).to.have.length(3);
    expect(rows(b)).to.have.length(2);
  });

  it('turns rows into labelled cards in a narrow container, still accessible', async () => {
    const { sub } = await citizenWith(1);
    const t = await token(sub);
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 340px">
        <atende-request-queue view="citizen" page-size="5" .token=${t}></atende-request-queue>
      </div>`,
    );
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

  it('works with the keyboard alone: search, status filter and open', async () => {
    const { word, filed } = await citizenWith(2);
    await advance(filed[1].id, 'in_analysis');
    const el = await queue();
    q<HTMLInputElement>(el, '#q').focus();
    await sendKeys({ type: word });
    await sendKeys({ press: 'Enter' });
    await until(() => rows(el).length === 2, 'searched with Enter');
    // "Todas", then Tab to "Enviada".
    chipOf(el, 'Todas').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[0].protocol]);
    q<HTMLButtonElement>(el, 'tbody .open').focus();
    const event = oneEvent(el, 'atende-request-open');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.id).to.equal(filed[0].id);
  });
  it('opens on the work, nearest deadline first, with "Minhas" one click away and closed requests behind their tabs', async () => {
    const { word, sub, filed } = await citizenWith(6);
    const [submitted, analysing, serving, concluded, awaiting, othersAnalysis] = filed;
    await advance(analysing.id, 'in_analysis');
    await advance(othersAnalysis.id, 'in_analysis', ATTENDANT_2);
    await advance(serving.id, 'in_service');
    await advance(concluded.id, 'concluded');
    await advance(awaiting.id, 'in_service');
    await postFollowUp(ATTENDANT, awaiting.id, 'Envie o comprovante de residência.', 'info_request');
    expect((await (await apiAs(sub)).get('/requests/:id', { params: { id: awaiting.id } })).status).to.equal('awaiting_citizen');

    const el = await queue();
    expect(pressed(el)).to.equal('A fazer');
    expect(q<HTMLSelectElement>(el, '#sort').value).to.equal('due');
    // The first page is the institution's work, in the order of its deadlines, as the API answers it
    // (read again until both agree: other test files change the same queue meanwhile).
    const api = await apiAs(ATTENDANT);
    let work = await api.get('/requests', { query: { status: WORK, sort: 'due', limit: 25 } });
    for (let round = 0; round < 5 && cellTexts(el, COL.protocol).join() !== work.items.map((i) => i.protocol).join(); round++) {
      el.reload();
      await settled(el);
      work = await api.get('/requests', { query: { status: WORK, sort: 'due', limit: 25 } });
    }
    expect(cellTexts(el, COL.protocol)).to.deep.equal(work.items.map((i) => i.protocol));
    expect(new Set(cellTexts(el, COL.status))).to.satisfy((s: Set<string>) => [...s].every((x) => ['Enviada', 'Em análise', 'Em atendimento'].includes(x)));
    await expectAccessible(el);

    // A search looks in every status ("Todas"); "A fazer" then narrows it to the work.
    await search(el, word);
    expect(pressed(el)).to.equal('Todas');
    expect(cellTexts(el, COL.protocol)).to.have.members(filed.map((r) => r.protocol));
    chipOf(el, 'A fazer').click();
    await settled(el);
    expect(cellTexts(el, COL.protocol)).to.have.members([submitted, analysing, serving, othersAnalysis].map((r) => r.protocol));
    // Mine: in the analysis I started, or assigned to me (awaiting the citizen included); not another attendant's analysis.
    chipOf(el, 'Minhas').click();
    await settled(el);
    expect(pressed(el)).to.equal('Minhas');
    expect(cellTexts(el, COL.protocol)).to.have.members([analysing, serving, awaiting].map((r) => r.protocol));
    await expectAccessible(el);
    chipOf(el, 'Concluída').click();
    await settled(el);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([concluded.protocol]);
    chipOf(el, 'Todas').click();
    await settled(el);
    expect(cellTexts(el, COL.protocol)).to.have.members(filed.map((r) => r.protocol));
  });

  it('sorts by "Prazo" with closed requests last', async () => {
    const { word, filed } = await citizenWith(3);
    // The first filed has the earliest deadline; closed, it has none running.
    await advance(filed[0].id, 'concluded');
    const el = await queue();
    chipOf(el, 'Todas').click();
    await search(el, word);
    expect(q<HTMLSelectElement>(el, '#sort').value).to.equal('due');
    expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[1].protocol, filed[2].protocol, filed[0].protocol]);
    expect(cellTexts(el, COL.status)).to.deep.equal(['Enviada', 'Enviada', 'Concluída']);
    // Paging across the boundary: two rows, then the closed one.
    const small = await queue(ATTENDANT, { pageSize: 2 });
    chipOf(small, 'Todas').click();
    await search(small, word);
    expect(cellTexts(small, COL.protocol)).to.deep.equal([filed[1].protocol, filed[2].protocol]);
    q(small, 'nav.pagination').querySelectorAll('button')[1].click();
    await until(() => cellTexts(small, COL.protocol)[0] === filed[0].protocol, 'page 2: the closed request');
  });

  it('finds a request by any part of its protocol, as people type it', async () => {
    const filed = await fileRequest();
    const [year, number] = filed.protocol.split('/');
    const el = await queue();
    for (const typed of [`${Number(number)}/${year}`, `${year}/${Number(number)}`, `${Number(number)} / ${year}`]) {
      await search(el, typed);
      expect(cellTexts(el, COL.protocol), typed).to.deep.equal([filed.protocol]);
    }
    // The number alone (as stored, or as a number) finds it in its year, and the same number of other years.
    for (const typed of [number, String(Number(number))]) {
      await search(el, typed);
      expect(cellTexts(el, COL.protocol), typed).to.include(filed.protocol);
      expect(
        cellTexts(el, COL.protocol).every((p) => p.endsWith(`/${number}`)),
        typed,
      ).to.be.true;
    }
    await expectAccessible(el);
  });

  it('keeps tab, filters, order and search in the URL: reload, back and forward, a shared link', async () => {
    const { word, filed } = await citizenWith(2);
    await advance(filed[1].id, 'in_analysis');
    const el = await queue();
    chipOf(el, 'Em análise').click();
    choose(el, '#sort', 'filed');
    await search(el, word);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[1].protocol]);
    const params = new URL(location.href).searchParams;
    expect(params.get('fila-status')).to.equal('in_analysis');
    expect(params.get('fila-sort')).to.equal('filed');
    expect(params.get('fila-q')).to.equal(word);

    // A reload (or the link opened elsewhere): a new queue reads the same state.
    const again = await queue();
    expect(pressed(again)).to.equal('Em análise');
    expect(q<HTMLSelectElement>(again, '#sort').value).to.equal('filed');
    expect(q<HTMLInputElement>(again, '#q').value).to.equal(word);
    expect(cellTexts(again, COL.protocol)).to.deep.equal([filed[1].protocol]);
    again.remove();

    // Back: the state before the search; forward: the search again.
    history.back();
    await until(() => q<HTMLInputElement>(el, '#q').value === '' && pressed(el) === 'Em análise', 'back restored the state before the search');
    await settled(el);
    expect(q<HTMLSelectElement>(el, '#sort').value).to.equal('filed');
    history.forward();
    await until(() => q<HTMLInputElement>(el, '#q').value === word, 'forward restored the search');
    await until(() => cellTexts(el, COL.protocol).join() === filed[1].protocol, 'forward restored the rows');
    await expectAccessible(el);
  });

  it('keeps two queues apart in the URL by their url-state prefix', async () => {
    const t = await token(ATTENDANT);
    const wrap = await fixture(
      html`<div>
        <atende-request-queue url-state="a" .token=${t}></atende-request-queue>
        <atende-request-queue url-state="b" .token=${t}></atende-request-queue>
      </div>`,
    );
    const [a, b] = wrap.querySelectorAll<AtendeRequestQueue>('atende-request-queue');
    await loaded(a);
    await loaded(b);
    chipOf(a, 'Todas').click();
    await settled(a);
    const params = new URL(location.href).searchParams;
    expect(params.get('a-status')).to.equal('all');
    expect(params.has('b-status')).to.be.false;
    expect(pressed(b)).to.equal('A fazer');
  });

  it("shows the citizen's verdict as a badge on evaluated rows", async () => {
    const citizen = await citizenWith(2);
    const [good, bad] = citizen.filed;
    const mine = await apiAs(citizen.sub);
    for (const r of citizen.filed) await advance(r.id, 'concluded');
    await mine.post('/requests/:id/evaluation', { params: { id: good.id }, body: { verdict: 'approved', rating: 5 } });
    await mine.post('/requests/:id/evaluation', { params: { id: bad.id }, body: { verdict: 'rejected', rating: 2 } });
    const el = await queue();
    chipOf(el, 'Avaliada').click();
    choose(el, '#sort', 'filed');
    await search(el, citizen.word);
    expect(cellTexts(el, COL.protocol)).to.deep.equal([good.protocol, bad.protocol]);
    expect(cellTexts(el, COL.status)).to.deep.equal(['Avaliada ✓ Cidadão aprovou', 'Avaliada ✕ Cidadão não aprovou']);
    await expectAccessible(el);
  });

  it('rides out a network blip, then says the connection failed and keeps the screen until "Tentar novamente"', async () => {
    const { word, filed } = await citizenWith(2);
    await advance(filed[1].id, 'in_analysis');
    const realFetch = window.fetch;
    let failures = 0;
    const unauthorized: Event[] = [];
    // The network drops: the next `failures` calls to the queue never reach the server (what fetch does offline).
    window.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/api/requests') && failures > 0) {
        failures--;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return realFetch(input, init);
    };
    try {
      const el = await queue();
      el.addEventListener('atende-unauthorized', (e) => unauthorized.push(e));
      // Two failures in a row: the client asks again and the page arrives.
      failures = 2;
      await search(el, word);
      expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[0].protocol, filed[1].protocol]);
      expect(failures).to.equal(0);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.be.null;

      // Down for good: after its retries the queue says so, with the rows and filters as they were.
      failures = Infinity;
      chipOf(el, 'Em análise').click();
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the connection error');
      expect(q(el, '[role="alert"]').textContent).to.contain('Não foi possível conectar');
      expect(q(el, '[role="alert"] button').textContent!.trim()).to.equal('Tentar novamente');
      expect(cellTexts(el, COL.protocol)).to.deep.equal([filed[0].protocol, filed[1].protocol]);
      expect(q<HTMLInputElement>(el, '#q').value).to.equal(word);
      expect(unauthorized).to.have.length(0);
      await expectAccessible(el);

      // Back online: "Tentar novamente" loads what was asked for.
      failures = 0;
      q<HTMLButtonElement>(el, '[role="alert"] button').click();
      await until(() => !el.shadowRoot!.querySelector('[role="alert"]') && cellTexts(el, COL.protocol).join() === filed[1].protocol, 'reloaded');
      expect(unauthorized).to.have.length(0);
    } finally {
      window.fetch = realFetch;
    }
  });

  it("does not sign the user out when the host's token provider meets a network failure", async () => {
    const { sub, filed } = await citizenWith(1);
    const good = await token(sub);
    let calls = 0;
    // The portal's own call to its SSO fails once on the network (fetch's TypeError), then answers.
    const provider = async () => {
      if (calls++ === 0) throw new TypeError('Failed to fetch');
      return good;
    };
    const unauthorized: Event[] = [];
    const el = await fixture<AtendeRequestQueue>(
      html`<atende-request-queue view="citizen" .tokenProvider=${provider} @atende-unauthorized=${(e: Event) => unauthorized.push(e)}></atende-request-queue>`,
    );
    await loaded(el);
    expect(cellTexts(el, 0)).to.deep.equal([filed[0].protocol]);
    expect(unauthorized).to.have.length(0);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
  });

  it('becomes a list of cards at 375 px with no sideways scroll, operable by keyboard', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const { word, filed } = await citizenWith(2);
      const el = await queue();
      await search(el, word);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
      const [first] = rows(el);
      expect(getComputedStyle(first).display).to.equal('grid');
      expect(q(el, 'thead').getBoundingClientRect().height).to.be.below(2);
      for (const r of rows(el)) expect(r.getBoundingClientRect().right).to.be.at.most(innerWidth);
      await expectAccessible(el);
      // Keyboard: from the search field, Tab reaches each card's open button.
      q<HTMLInputElement>(el, '#q').focus();
      let guard = 0;
      while (el.shadowRoot!.activeElement !== q(el, 'tbody .open') && guard++ < 30) await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(q(el, 'tbody .open'));
      const event = oneEvent(el, 'atende-request-open');
      await sendKeys({ press: 'Enter' });
      expect((await event).detail.id).to.equal(filed[0].id);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });
});
