import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MASK } from '../../contract/evaluations.js';
import type { PublicComment, ServiceRatings } from '../../contract/types.js';
import { AtendeElement } from '../internal/atende-element.js';
import { formatDate } from '../internal/i18n.js';
import { hostStyles } from '../internal/styles.js';
import { BarChart, type BarChartData } from './bar-chart.js';
import { formatAverage, formatCount, formatMonth, formatMonthLong, formatShare } from './format.js';
import { panelStyles } from './satisfaction-panel.styles.js';
import './messages.js';

type ChartName = 'distribution' | 'months';

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * The public satisfaction panel: how citizens rated each published service,
 * the way people read it. Choose a service and see how many rated it, the
 * average ("4,3 de 5"), the share who approved the attendance, a bar chart
 * of the ratings 1–5 and one of the average per month over the last 12
 * months — each chart with a text alternative and the same numbers in a
 * table ("Ver dados em tabela") — and the comments the moderators
 * published, newest first, with the parts they hid shown masked. Anyone may
 * read it: it sends no token.
 *
 * @tagname atende-satisfaction-panel
 * @summary Public ratings per service: charts with their tables, and the published comments.
 * @csspart base - The wrapper.
 * @csspart summary - The count, average and approved share of the chosen service.
 * @csspart chart - Each chart's figure.
 * @csspart comments - The published comments.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 */
export class AtendeSatisfactionPanel extends AtendeElement {
  static override styles = [hostStyles, panelStyles];

  /** Only the services of this institution (every institution when absent). */
  @property({ type: Number, attribute: 'institution-id' }) institutionId?: number;

  /** Only this service (the panel then shows no choice of service). */
  @property({ type: Number, attribute: 'service-id' }) serviceId?: number;

  /** Comments per page ("Carregar mais" brings the next), 1–50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The service the reader chose (the first one until they choose). */
  @state() private chosenId?: number;

  /** The comments loaded so far for the chosen service, and where the next page starts. */
  @state() private comments: PublicComment[] = [];
  @state() private nextBefore: number | null = null;

  private readonly charts = new Map<ChartName, BarChart>();

  private readonly ratingsTask = new Task(this, {
    args: () => [this.apiBase, this.institutionId, this.serviceId] as const,
    task: async ([, institutionId, serviceId], { signal }) => {
      const query = { ...(institutionId ? { institutionId } : {}), ...(serviceId ? { serviceId } : {}) };
      return this.publicClient.get('/public/ratings', { query, signal });
    },
  });

  private readonly commentsTask = new Task(this, {
    args: () => [this.apiBase, this.chosen()?.service.id, this.limit] as const,
    task: async ([, id, limit], { signal }) => {
      this.comments = [];
      this.nextBefore = null;
      if (!id) return [];
      const page = await this.publicClient.get('/public/services/:id/comments', { params: { id }, query: { limit }, signal });
      this.comments = page.items;
      this.nextBefore = page.nextBefore;
      return page.items;
    },
  });

  private readonly moreTask = new Task(this, {
    autoRun: false,
    args: () => [this.chosen()?.service.id, this.nextBefore] as const,
    task: async ([id, before], { signal }) => {
      if (!id || before === null) return;
      const page = await this.publicClient.get('/public/services/:id/comments', { params: { id }, query: { before, limit: this.limit }, signal });
      if (this.chosen()?.service.id !== id) return;
      const first = this.comments.length;
      this.comments = [...this.comments, ...page.items];
      this.nextBefore = page.nextBefore;
      await this.updateComplete;
      // Keyboard and screen reader users land on the first comment just loaded.
      this.renderRoot.querySelector<HTMLElement>(`.comment:nth-child(${first + 1})`)?.focus();
    },
  });

  /** Loads the ratings (and the chosen service's comments) again. */
  reload(): void {
    void this.ratingsTask.run();
  }

  private get limit(): number {
    return Math.min(50, Math.max(1, Math.trunc(this.pageSize) || 10));
  }

  private items(): ServiceRatings[] {
    return this.ratingsTask.value?.items ?? [];
  }

  private chosen(): ServiceRatings | undefined {
    const items = this.items();
    return items.find((s) => s.service.id === (this.chosenId ?? this.serviceId)) ?? items[0];
  }

  private chooseService(e: Event) {
    this.chosenId = Number((e.target as HTMLSelectElement).value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.drawCharts();
  }

  /** Draws (or redraws, when the numbers changed) each chart into the container the template rendered. */
  private drawCharts() {
    const s = this.chosen();
    const wanted: Partial<Record<ChartName, BarChartData>> = s && s.count > 0 ? { distribution: this.distributionData(s), months: this.monthsData(s) } : {};
    for (const name of ['distribution', 'months'] as const) {
      const container = this.renderRoot.querySelector<HTMLElement>(`[data-chart=${name}]`);
      const data = wanted[name];
      const chart = this.charts.get(name);
      if (chart && (!container || !data || !container.contains(chart.canvas) || !sameData(chart.data, data))) {
        chart.destroy();
        this.charts.delete(name);
      }
      if (container && data && !this.charts.has(name)) this.charts.set(name, new BarChart(container, data));
    }
  }

  private distributionData(s: ServiceRatings): BarChartData {
    const top = Math.max(...s.distribution, 1);
    return {
      labels: RATINGS.map(String),
      values: [...s.distribution],
      max: Math.max(top + Math.ceil(top * 0.1), 2),
      integers: true,
      format: (v) => formatCount(this.locale, v),
    };
  }

  private monthsData(s: ServiceRatings): BarChartData {
    return {
      labels: s.months.map((m) => formatMonth(this.locale, m.month)),
      values: s.months.map((m) => (m.count > 0 ? m.average : null)),
      max: 5,
      integers: true,
      format: (v) => formatCount(this.locale, v),
    };
  }

  override render() {
    return html`<section part="base" aria-labelledby="panel-title">
      <h2 id="panel-title">${this.t('panel.title')}</h2>
      ${this.ratingsTask.render({
        initial: () => this.renderLoading(),
        pending: () => (this.ratingsTask.value ? this.renderPanel() : this.renderLoading()),
        complete: () => this.renderPanel(),
        error: (err) =>
          html`<div class="alert error" role="alert">
            <p>${this.t('panel.error')} ${this.describeError(err)}</p>
            <button class="btn small" @click=${() => this.reload()}>${this.t('common.retry')}</button>
          </div>`,
      })}
    </section>`;
  }

  private renderLoading() {
    return html`<div role="status">
      <p class="loading"><span class="spinner"></span>${this.t('panel.loading')}</p>
    </div>`;
  }

  private renderPanel() {
    const items = this.items();
    const s = this.chosen();
    if (!s) return html`<p role="status" class="empty">${this.t('panel.empty')}</p>`;
    return html`${this.renderChoice(items, s)}
      <section class="service" aria-labelledby="panel-service">
        <h3 id="panel-service">${s.service.name} <span class="acronym">(${s.institution.acronym})</span></h3>
        ${this.renderSummary(s)} ${s.count > 0 ? html`${this.renderDistribution(s)} ${this.renderMonths(s)}` : nothing} ${this.renderComments(s)}
      </section>`;
  }

  private renderChoice(items: ServiceRatings[], s: ServiceRatings) {
    if (items.length < 2) return nothing;
    return html`<div class="choice">
      <label for="panel-service-choice">${this.t('panel.service')}</label>
      <select id="panel-service-choice" @change=${this.chooseService}>
        ${items.map(
          (i) =>
            html`<option value=${i.service.id} ?selected=${i.service.id === s.service.id}>
              ${this.t('panel.service.option', { name: i.service.name, acronym: i.institution.acronym })}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderSummary(s: ServiceRatings) {
    if (s.count === 0) return html`<p class="empty">${this.t('panel.noRatings')}</p>`;
    return html`<dl part="summary" class="summary" aria-label=${this.t('panel.summary', { name: s.service.name })}>
      <div>
        <dt>${this.t('panel.count')}</dt>
        <dd class="count">${formatCount(this.locale, s.count)}</dd>
      </div>
      <div>
        <dt>${this.t('panel.average')}</dt>
        <dd class="average">${s.average === null ? this.t('panel.none') : this.t('panel.average.value', { n: formatAverage(this.locale, s.average) })}</dd>
      </div>
      <div>
        <dt>${this.t('panel.approved')}</dt>
        <dd class="approved">${s.approvedShare === null ? this.t('panel.none') : formatShare(this.locale, s.approvedShare)}</dd>
      </div>
    </dl>`;
  }

  private renderDistribution(s: ServiceRatings) {
    const parts = RATINGS.map((r, i) => this.t('panel.dist.part', { rating: r, n: formatCount(this.locale, s.distribution[i] ?? 0) })).join('; ');
    return html`<figure part="chart" class="chart-figure" aria-labelledby="dist-title">
      <figcaption id="dist-title"><h4>${this.t('panel.dist.title')}</h4></figcaption>
      <div class="chart" data-chart="distribution" role="img" aria-label=${this.t('panel.dist.alt', { name: s.service.name, parts })}></div>
      <p class="axis hint" aria-hidden="true">${this.t('panel.dist.axis')}</p>
      <details class="data">
        <summary>${this.t('panel.table.show')}<span class="visually-hidden">: ${this.t('panel.dist.title')}</span></summary>
        <div class="table-wrap">
          <table data-table="distribution">
            <caption>
              ${this.t('panel.dist.caption', { name: s.service.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.t('panel.dist.rating')}</th>
                <th scope="col">${this.t('panel.dist.count')}</th>
                <th scope="col">${this.t('panel.dist.share')}</th>
              </tr>
            </thead>
            <tbody>
              ${RATINGS.map((r, i) => {
                const n = s.distribution[i] ?? 0;
                return html`<tr>
                  <th scope="row">${r}</th>
                  <td>${formatCount(this.locale, n)}</td>
                  <td>${formatShare(this.locale, s.count ? n / s.count : 0)}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </details>
    </figure>`;
  }

  private renderMonths(s: ServiceRatings) {
    const parts = s.months
      .map((m) =>
        m.count > 0 && m.average !== null
          ? this.t('panel.months.part', {
              month: formatMonthLong(this.locale, m.month),
              average: this.t('panel.average.value', { n: formatAverage(this.locale, m.average) }),
            })
          : this.t('panel.months.partEmpty', { month: formatMonthLong(this.locale, m.month) }),
      )
      .join('; ');
    const from = s.months[0] ? formatMonthLong(this.locale, s.months[0].month) : '';
    const to = s.months.at(-1) ? formatMonthLong(this.locale, s.months.at(-1)!.month) : '';
    return html`<figure part="chart" class="chart-figure" aria-labelledby="months-title">
      <figcaption id="months-title"><h4>${this.t('panel.months.title')}</h4></figcaption>
      <div class="chart" data-chart="months" role="img" aria-label=${this.t('panel.months.alt', { name: s.service.name, from, to, parts })}></div>
      <details class="data">
        <summary>${this.t('panel.table.show')}<span class="visually-hidden">: ${this.t('panel.months.title')}</span></summary>
        <div class="table-wrap">
          <table data-table="months">
            <caption>
              ${this.t('panel.months.caption', { name: s.service.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.t('panel.months.month')}</th>
                <th scope="col">${this.t('panel.months.count')}</th>
                <th scope="col">${this.t('panel.months.average')}</th>
                <th scope="col">${this.t('panel.months.approved')}</th>
              </tr>
            </thead>
            <tbody>
              ${s.months.map(
                (m) =>
                  html`<tr>
                    <th scope="row"><abbr title=${formatMonthLong(this.locale, m.month)}>${formatMonth(this.locale, m.month)}</abbr></th>
                    <td>${formatCount(this.locale, m.count)}</td>
                    <td>${m.count > 0 && m.average !== null ? formatAverage(this.locale, m.average) : this.t('panel.none')}</td>
                    <td>${m.count > 0 && m.approvedShare !== null ? formatShare(this.locale, m.approvedShare) : this.t('panel.none')}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>`;
  }

  private renderComments(s: ServiceRatings) {
    return html`<section part="comments" class="comments" aria-labelledby="comments-title">
      <h4 id="comments-title">${this.t('panel.comments')}</h4>
      ${this.commentsTask.render({
        initial: () => this.renderCommentsLoading(),
        pending: () => this.renderCommentsLoading(),
        complete: () => this.renderCommentList(s),
        error: (err) =>
          html`<div class="alert error" role="alert">
            <p>${this.t('panel.comments.error')} ${this.describeError(err)}</p>
            <button class="btn small" @click=${() => void this.commentsTask.run()}>${this.t('common.retry')}</button>
          </div>`,
      })}
    </section>`;
  }

  private renderCommentsLoading() {
    return html`<div role="status">
      <p class="loading"><span class="spinner"></span>${this.t('panel.comments.loading')}</p>
    </div>`;
  }

  private renderCommentList(s: ServiceRatings) {
    if (!this.comments.length) return html`<p role="status" class="empty">${this.t('panel.comments.empty')}</p>`;
    const more = this.moreTask.status === TaskStatus.PENDING;
    return html`<ol class="comment-list" aria-label=${this.t('panel.comments')}>
        ${this.comments.map((c) => this.renderComment(c))}
      </ol>
      ${this.moreTask.render({
        error: (err) =>
          html`<div class="alert error" role="alert">
            <p>${this.t('panel.comments.error')} ${this.describeError(err)}</p>
          </div>`,
      })}
      <div role="status" class="more-status">${more ? this.t('panel.comments.loadingMore') : nothing}</div>
      ${
        this.nextBefore !== null
          ? html`<p class="more">
              <button type="button" class="btn" ?disabled=${more} @click=${() => void this.moreTask.run()}>
                ${this.t('panel.comments.more')}<span class="visually-hidden">: ${this.t('panel.comments')} — ${s.service.name}</span>
              </button>
            </p>`
          : nothing
      }`;
  }

  private renderComment(c: PublicComment) {
    return html`<li class="comment" tabindex="-1">
      <p class="meta">
        ${
          c.rating === null
            ? html`<span class="rating">${this.t('panel.comments.noRating')}</span>`
            : html`<span class="rating"
                ><span class="stars" aria-hidden="true">${'★'.repeat(c.rating)}${'☆'.repeat(5 - c.rating)}</span>
                ${this.t('panel.comments.rating', { n: c.rating })}</span
              >`
        }
        <span class="badge verdict ${c.verdict}">${this.t(c.verdict === 'approved' ? 'panel.comments.approved' : 'panel.comments.rejected')}</span>
      </p>
      <p class="text">${this.renderText(c.text)}</p>
      <p class="hint">${this.t('panel.comments.publishedAt', { date: formatDate(this.locale, c.publishedAt) })}</p>
    </li>`;
  }

  /** The text as published; each masked part shows the mask and says what it is to screen readers. */
  private renderText(text: string) {
    const parts = text.split(MASK);
    return parts.map((p, i) =>
      i === 0
        ? p
        : html`<span class="mask" title=${this.t('panel.comments.masked')}
              ><span aria-hidden="true">${MASK}</span><span class="visually-hidden">[${this.t('panel.comments.masked')}]</span></span
            >${p}`,
    );
  }
}

function sameData(a: BarChartData, b: BarChartData): boolean {
  return a.max === b.max && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]) && a.labels.every((l, i) => l === b.labels[i]);
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-satisfaction-panel': AtendeSatisfactionPanel;
  }
}
