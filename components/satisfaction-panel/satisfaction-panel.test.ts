import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { MASK } from '../../contract/evaluations.js';
import type { ServiceDetail } from '../../contract/types.js';
import { expectAccessible, expectNoSidewaysScroll, shadowText, until } from '../internal/test-support.js';
import '../define.js';
import './define.js';
import type { AtendeSatisfactionPanel } from './satisfaction-panel.js';
import { publicRatings, quietService, rate } from './satisfaction-panel.test-helpers.js';

const q = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<E>(sel);
const all = <E extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<E>(sel)];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const MONTHS = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];
const ptMonth = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]}/${m.slice(0, 4)}`;
const pt1 = (n: number) => n.toFixed(1).replace('.', ',');
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** The rows of a chart's table: header cell and data cells as text. */
const rows = (el: Element, chart: 'distribution' | 'months') =>
  all(el, `table[data-table=${chart}] tbody tr`).map((tr) => [...tr.children].map((c) => text(c)));

interface Bar {
  i: number;
  x: number;
  y: number;
  w: number;
  h: number;
}
/** The bars uPlot drew on the chart's canvas (its per-bar callback, kept on the container). */
const bars = (el: Element, chart: 'distribution' | 'months'): Bar[] => JSON.parse(q(el, `[data-chart=${chart}]`)?.dataset.bars ?? '[]') as Bar[];

/** The colour uPlot painted in the middle of a bar, as "r,g,b". */
function colourAt(el: Element, chart: 'distribution' | 'months', bar: Bar): string {
  const canvas = q<HTMLCanvasElement>(el, `[data-chart=${chart}] canvas`)!;
  const [r, g, b] = canvas.getContext('2d')!.getImageData(Math.round(bar.x + bar.w / 2), Math.round(bar.y + bar.h / 2), 1, 1).data;
  return `${r},${g},${b}`;
}
const BAR_COLOUR = '19,81,180'; // #1351B4

async function panel(attrs: { serviceId?: number; institutionId?: number; pageSize?: number; width?: number }) {
  const el = await fixture<AtendeSatisfactionPanel>(
    html`<div style="max-width:${attrs.width ?? 760}px">
      <atende-satisfaction-panel
        api="/api"
        service-id=${attrs.serviceId ?? ''}
        institution-id=${attrs.institutionId ?? ''}
        page-size=${attrs.pageSize ?? 10}
      ></atende-satisfaction-panel>
    </div>`,
  ).then((div) => div.querySelector('atende-satisfaction-panel')!);
  if (!attrs.serviceId) el.removeAttribute('service-id');
  if (!attrs.institutionId) el.removeAttribute('institution-id');
  await ready(el);
  return el;
}

/** The ratings and the comments are in (or said to be missing, or failed). */
async function ready(el: AtendeSatisfactionPanel) {
  await until(() => q(el, '.alert.error') || (q(el, '.empty, .summary') && q(el, '.comments') && !q(el, '.comments .loading')), 'the panel did not load');
  await until(() => all(el, '[data-chart]').every((c) => c.dataset.bars), 'the charts were not drawn');
}

function choose(el: Element, serviceId: number) {
  const select = q<HTMLSelectElement>(el, 'select')!;
  select.value = String(serviceId);
  select.dispatchEvent(new Event('change'));
}

describe('atende-satisfaction-panel', () => {
  let rated: ServiceDetail;
  let other: ServiceDetail;
  let unrated: ServiceDetail;

  before(async () => {
    [rated, other, unrated] = [await quietService(), await quietService(), await quietService()];
    await rate(rated.id, [
      { rating: 5, verdict: 'approved', comment: 'Atendimento excelente, resolveram tudo rápido.', decision: 'approve' },
      { rating: 4, verdict: 'approved', comment: 'Ótimo serviço, me liguem no (61) 99876-5432 se precisar.', decision: 'mask' },
      { rating: 2, verdict: 'rejected', comment: 'Vocês são uns incompetentes, um lixo de atendimento.', decision: 'reject' },
      { rating: 4, verdict: 'approved', comment: 'Demorou um pouco, mas resolveu o meu problema.', decision: 'pending' },
      { rating: 1, verdict: 'rejected' },
    ]);
    await rate(other.id, [
      { rating: 5, verdict: 'approved', comment: 'Primeiro comentário publicado.', decision: 'approve' },
      { rating: 3, verdict: 'approved', comment: 'Segundo comentário publicado.', decision: 'approve' },
      { rating: 4, verdict: 'approved', comment: 'Terceiro comentário publicado.', decision: 'approve' },
    ]);
  });

  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows the count, the average, the approved share, and charts whose tables equal the API (axe clean, tables open too)', async () => {
    const api = await publicRatings(rated.id);
    expect(api.count).to.equal(5);
    expect(api.distribution).to.deep.equal([1, 1, 0, 2, 1]);
    const el = await panel({ serviceId: rated.id });
    expect(text(q(el, '#panel-service'))).to.contain(rated.name);
    expect(text(q(el, '.summary .count'))).to.equal('5');
    expect(text(q(el, '.summary .average'))).to.equal(`${pt1(api.average!)} de 5`);
    expect(text(q(el, '.summary .average'))).to.equal('3,2 de 5');
    expect(text(q(el, '.summary .approved'))).to.equal('60%');
    expect(q(el, 'select'), 'one service: no choice').to.equal(null);

    // The distribution: the table's numbers are the API's, one row per rating, and uPlot drew one bar per row.
    expect(rows(el, 'distribution')).to.deep.equal(api.distribution.map((n, i) => [String(i + 1), String(n), pct(n / api.count)]));
    const dist = bars(el, 'distribution');
    expect(dist.map((b) => b.i)).to.deep.equal([0, 1, 2, 3, 4]);
    expect(dist.length).to.equal(rows(el, 'distribution').length);
    // Taller bars for more ratings, none for the rating nobody gave, and painted in the bar colour.
    expect(dist[3].h).to.be.greaterThan(dist[0].h);
    expect(dist[2].h).to.be.below(1);
    for (const b of dist.filter((b) => b.h >= 2)) expect(colourAt(el, 'distribution', b)).to.equal(BAR_COLOUR);

    // The months: 12 rows, oldest first, as the API says; a bar for each month with ratings and none for the others.
    expect(rows(el, 'months')).to.deep.equal(
      api.months.map((m) => [ptMonth(m.month), String(m.count), m.count ? pt1(m.average!) : '—', m.count ? pct(m.approvedShare!) : '—']),
    );
    expect(rows(el, 'months')).to.have.length(12);
    const monthBars = bars(el, 'months');
    expect(monthBars.map((b) => b.i)).to.deep.equal(api.months.flatMap((m, i) => (m.count ? [i] : [])));
    expect(monthBars.at(-1)!.i, 'this month has the ratings').to.equal(11);
    for (const b of monthBars) expect(colourAt(el, 'months', b)).to.equal(BAR_COLOUR);

    // Each chart is an image with a text alternative that says the same numbers.
    const distChart = q(el, '[data-chart=distribution]')!;
    expect(distChart.getAttribute('role')).to.equal('img');
    expect(distChart.getAttribute('aria-label')).to.equal(
      `Gráfico de barras da distribuição das notas de ${rated.name}: nota 1, 1; nota 2, 1; nota 3, 0; nota 4, 2; nota 5, 1.`,
    );
    expect(q(el, '[data-chart=months]')!.getAttribute('aria-label')).to.contain(`${pt1(api.months[11].average!)} de 5`);
    expect(q(el, '[data-chart=distribution] canvas')).to.exist;
    await expectAccessible(el);
    for (const d of all<HTMLDetailsElement>(el, 'details.data')) d.open = true;
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('lists only the published comments, newest first, with the hidden parts masked', async () => {
    const el = await panel({ serviceId: rated.id });
    const comments = all(el, '.comment');
    expect(comments).to.have.length(2);
    const [masked, plain] = comments;
    expect(text(masked.querySelector('.rating'))).to.contain('Nota 4 de 5');
    expect(text(masked.querySelector('.verdict'))).to.equal('Aprovou o atendimento');
    expect(text(masked.querySelector('.text'))).to.contain(MASK);
    expect(text(masked.querySelector('.text'))).not.to.contain('99876');
    expect(text(masked.querySelector('.text'))).to.contain('Ótimo serviço, me liguem no');
    expect(text(masked.querySelector('.mask .visually-hidden'))).to.equal('[trecho oculto pela moderação]');
    expect(text(plain.querySelector('.text'))).to.equal('Atendimento excelente, resolveram tudo rápido.');
    expect(text(plain.querySelector('.rating'))).to.contain('Nota 5 de 5');
    // Neither the rejected comment nor the one waiting for moderation.
    expect(shadowText(el)).not.to.contain('incompetentes');
    expect(shadowText(el)).not.to.contain('Demorou um pouco');
    expect(q(el, '.more button'), 'all on one page').to.equal(null);
    await expectAccessible(el);
  });

  it('chooses the service from a list; the numbers, charts and comments follow; "Carregar mais" brings the next page', async () => {
    const el = await panel({ institutionId: rated.institution.id, pageSize: 2 });
    const options = all<HTMLOptionElement>(el, 'select option').map((o) => Number(o.value));
    expect(options).to.include.members([rated.id, other.id]);
    expect(text(q(el, 'label[for=panel-service-choice]'))).to.equal('Serviço');

    choose(el, other.id);
    await until(() => text(q(el, '#panel-service')).includes(other.name), 'the other service shown');
    await ready(el);
    const api = await publicRatings(other.id);
    expect(text(q(el, '.summary .count'))).to.equal('3');
    expect(text(q(el, '.summary .average'))).to.equal('4,0 de 5');
    expect(text(q(el, '.summary .approved'))).to.equal('100%');
    expect(rows(el, 'distribution').map((r) => r[1])).to.deep.equal(api.distribution.map(String));
    await until(
      () => bars(el, 'distribution').length === 5 && JSON.stringify(bars(el, 'distribution').map((b) => b.h > 0)) === '[false,false,true,true,true]',
      'the chart redrawn',
    );

    await until(() => all(el, '.comment').length === 2, 'the first page of comments');
    expect(all(el, '.comment .text').map(text)).to.deep.equal(['Terceiro comentário publicado.', 'Segundo comentário publicado.']);
    await expectAccessible(el);
    q<HTMLButtonElement>(el, '.more button')!.click();
    await until(() => all(el, '.comment').length === 3, 'the next page');
    expect(text(all(el, '.comment .text')[2])).to.equal('Primeiro comentário publicado.');
    await until(() => !q(el, '.more button'), 'no more pages');
    await expectAccessible(el);
  });

  it('says when a service has no ratings and no comments', async () => {
    const api = await publicRatings(unrated.id);
    expect(api.count).to.equal(0);
    const el = await panel({ serviceId: unrated.id });
    expect(text(q(el, '.service > .empty'))).to.equal('Este serviço ainda não recebeu avaliações.');
    expect(q(el, '[data-chart]'), 'no chart without ratings').to.equal(null);
    expect(text(q(el, '.comments .empty'))).to.equal('Nenhum comentário publicado sobre este serviço.');
    await expectAccessible(el);
  });

  it('speaks English with lang="en": numbers and months as English readers write them', async () => {
    const api = await publicRatings(rated.id);
    const el = await fixture<AtendeSatisfactionPanel>(
      html`<atende-satisfaction-panel api="/api" lang="en" service-id=${rated.id}></atende-satisfaction-panel>`,
    );
    await ready(el);
    await until(() => text(q(el, '#panel-title')) === 'Satisfaction with the services', 'the English text loaded');
    expect(text(q(el, '.summary .average'))).to.equal('3.2 out of 5');
    const last = api.months[11].month;
    const english = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(new Date(`${last}-15T12:00:00Z`));
    expect(rows(el, 'months')[11][0]).to.equal(`${english} ${last.slice(0, 4)}`);
    expect(text(q(el, 'details.data summary'))).to.contain('Show the data as a table');
    await expectAccessible(el);
  });

  it('says in Portuguese when the ratings cannot be read, and offers to try again', async () => {
    const el = await panel({ serviceId: -5 });
    // The comments, read at the same time, may fail first: wait for the ratings' own alert.
    const ratingsAlert = () => all(el, '.alert.error[role=alert]').find((a) => text(a).startsWith('Não foi possível carregar as avaliações'));
    await until(ratingsAlert, 'the ratings alert');
    const alert = ratingsAlert()!;
    expect(text(alert)).to.match(/^Não foi possível carregar as avaliações\. \S/);
    expect(text(alert.querySelector('button'))).to.equal('Tentar novamente');
    await expectAccessible(el);
  });

  it('fits 375 px without scrolling sideways, charts and tables included', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await panel({ institutionId: rated.institution.id, width: 375 });
    choose(el, rated.id);
    await until(() => text(q(el, '#panel-service')).includes(rated.name), 'the service shown');
    await ready(el);
    for (const d of all<HTMLDetailsElement>(el, 'details.data')) d.open = true;
    await el.updateComplete;
    const canvas = q<HTMLCanvasElement>(el, '[data-chart=months] canvas')!;
    expect(canvas.getBoundingClientRect().width).to.be.within(200, 375);
    await expectNoSidewaysScroll('the panel at 375 px');
    await expectAccessible(el);
  });

  it('works with the keyboard alone: the service list, the tables, "Carregar mais"', async () => {
    const el = await panel({ institutionId: rated.institution.id, pageSize: 2 });
    choose(el, rated.id);
    await until(() => text(q(el, '#panel-service')).includes(rated.name), 'the service shown');
    await ready(el);
    const active = () => el.shadowRoot!.activeElement;
    q<HTMLSelectElement>(el, 'select')!.focus();
    // Down the list to the other service, as a keyboard user does on a closed select.
    const options = all<HTMLOptionElement>(el, 'select option').map((o) => Number(o.value));
    const steps = options.indexOf(other.id) - options.indexOf(rated.id);
    for (let i = 0; i < Math.abs(steps); i++) await sendKeys({ press: steps > 0 ? 'ArrowDown' : 'ArrowUp' });
    await until(() => text(q(el, '#panel-service')).includes(other.name), 'the keyboard chose the other service');
    await ready(el);
    await until(() => all(el, '.comment').length === 2, 'the first page of comments');

    // Tab reaches the first "Ver dados em tabela"; Enter opens it.
    await sendKeys({ press: 'Tab' });
    expect(text(active())).to.contain('Ver dados em tabela');
    await sendKeys({ press: 'Enter' });
    await until(() => q<HTMLDetailsElement>(el, 'details.data')!.open, 'the table opened');
    expect(rows(el, 'distribution')).to.have.length(5);
    await sendKeys({ press: 'Tab' });
    expect(text(active())).to.contain('Ver dados em tabela');
    await sendKeys({ press: 'Tab' });
    expect(text(active())).to.contain('Carregar mais');
    await sendKeys({ press: 'Enter' });
    await until(() => all(el, '.comment').length === 3, 'the next page');
    // Focus lands on the first comment just loaded.
    await until(() => active() === all(el, '.comment')[2], 'focus on the new comment');
  });
});
