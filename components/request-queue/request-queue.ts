import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { CLOCK_STATUSES, REQUEST_STATUSES, type RequestPage, type RequestStatus, type RequestSummary } from '../../contract/types.js';
import { AtendeElement } from '../internal/atende-element.js';
import { statusLabel } from '../internal/i18n.js';
import { hostStyles } from '../internal/styles.js';
import { queueStyles } from './request-queue.styles.js';
import { columns, renderRow } from './rows.js';

/**
 * The status filters, in the order the queue shows them: the open statuses
 * (deadline running, or paused while the citizen answers) before the decided
 * ones, each group in the life-cycle order of the contract's list.
 */
const OPEN = new Set<RequestStatus>([...CLOCK_STATUSES, 'awaiting_citizen']);
const STATUS_TABS: RequestStatus[] = [...REQUEST_STATUSES.filter((s) => OPEN.has(s)), ...REQUEST_STATUSES.filter((s) => !OPEN.has(s))];

interface Filters {
  status: string;
  serviceId: string;
  month: string;
  mine: boolean;
  q: string;
  sort: 'filed' | 'due';
}
const NO_FILTERS: Filters = { status: '', serviceId: '', month: '', mine: false, q: '', sort: 'filed' };

/**
 * The queue of requests (the manual's Painel › Solicitações): counts and
 * filters per status, service, month and "mine", search by protocol or
 * citizen, FIFO or deadline order, keyset pages, and a button per row that
 * opens the request. With `view="citizen"` it lists the signed-in citizen's
 * own requests with the decision and whether they evaluated it.
 *
 * @tagname atende-request-queue
 * @summary The request queue of an institution, or a citizen's own requests.
 * @event atende-request-open - The user opened a request; `detail: {id, protocol}`. Cancel it to stop `href-template` navigation.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart counts - The per-status filter buttons.
 * @csspart filters - The filter form.
 * @csspart table - The table.
 * @csspart row - Each request row.
 * @csspart open-button - The button (or link) that opens a request.
 * @csspart pagination - The previous/next navigation.
 * @cssproperty --atende-color-primary - Buttons, links and the selected row (default #1351B4).
 * @cssproperty --atende-color-dark - Headings (default #071D41).
 * @cssproperty --atende-color-text - Body text (default #333).
 * @cssproperty --atende-color-danger - Overdue deadlines (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-font-size - Base size (default 1rem).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-radius - Corner radius of fields and panels (default 4px).
 * @cssproperty --atende-button-radius - Corner radius of buttons (default pill, 100em).
 * @cssproperty --atende-control-height - Height of buttons and fields (default 2.5rem).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 */
export class AtendeRequestQueue extends AtendeElement {
  static override styles = [hostStyles, queueStyles];

  /** Whose requests: `staff` (the institution's queue) or `citizen` (the signed-in citizen's own). */
  @property({ reflect: true }) view: 'staff' | 'citizen' = 'staff';

  /** When set, each row opens by navigating to this URL, `{id}` replaced by the request id. */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;

  /** Rows per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** The request open elsewhere on the page; its row is marked as current. */
  @property({ type: Number, attribute: 'selected-id' }) selectedId?: number;

  /** The host's name for this queue (e.g. "Fila do DETRAN"): its heading, and part of its landmarks' names, so two queues on one page stay apart. */
  @property() label?: string;

  /** A landmark's name, with the host's label when there is one. */
  private named(name: string): string {
    return this.label?.trim() ? `${name} — ${this.label.trim()}` : name;
  }

  @state() private filters: Filters = NO_FILTERS;
  /** Keyset cursors of the pages visited; the last one is the page shown. */
  @state() private cursors: (string | undefined)[] = [undefined];
  @state() private monthError = '';

  private readonly pageTask = new Task(this, {
    // Filters and cursors are replaced, never mutated: a new value is a new page to fetch.
    args: () => [this.apiBase, this.credential, this.view, this.pageSize, this.filters, this.cursors] as const,
    task: async ([, credential, view, pageSize, f, cursors], { signal }) => {
      if (!credential) return initialState;
      const query = {
        as: view,
        sort: f.sort,
        limit: Math.min(100, Math.max(1, pageSize || 25)),
        status: f.status || undefined,
        serviceId: f.serviceId ? Number(f.serviceId) : undefined,
        month: f.month || undefined,
        assigneeId: f.mine && view === 'staff' ? ('me' as const) : undefined,
        q: f.q.trim() || undefined,
        cursor: cursors.at(-1),
      };
      return this.client.get('/requests', { query, signal });
    },
  });

  private readonly countsTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.view] as const,
    task: async ([, credential, view], { signal }) => {
      if (!credential) return initialState;
      return (await this.client.get('/requests/counts', { query: { as: view }, signal })).counts;
    },
  });

  private readonly servicesTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.view] as const,
    task: async ([, credential, view], { signal }) => {
      if (!credential) return initialState;
      const [services, me] = await Promise.all([this.client.get('/services', { signal }), view === 'staff' ? this.client.get('/me', { signal }) : undefined]);
      const mine = new Set(me?.memberships.map((m) => m.institution.id));
      return services.items.filter((s) => view === 'citizen' || mine.has(s.institution.id));
    },
  });

  private readonly refreshOnChange = () => this.reload();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('atende-request-changed', this.refreshOnChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('atende-request-changed', this.refreshOnChange);
  }

  /** Fetches the current page and the counts again. */
  reload(): void {
    void this.pageTask.run();
    void this.countsTask.run();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('view') && changed.get('view') !== undefined) this.applyFilters(NO_FILTERS);
  }

  private applyFilters(next: Filters): void {
    this.filters = next;
    this.cursors = [undefined];
  }

  private setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.applyFilters({ ...this.filters, [key]: value });
  }

  private searchRequests(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const q = (form.elements.namedItem('q') as HTMLInputElement).value;
    const month = (form.elements.namedItem('month') as HTMLInputElement).value;
    if (month && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      this.monthError = this.t('queue.month.invalid');
      return;
    }
    this.monthError = '';
    this.applyFilters({ ...this.filters, q, month });
  }

  private changeMonth(e: Event): void {
    const month = (e.target as HTMLInputElement).value;
    if (month === '' || /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      this.monthError = '';
      this.setFilter('month', month);
    }
  }

  private clearFilters(): void {
    this.monthError = '';
    this.renderRoot.querySelector('form')?.reset();
    this.applyFilters({ ...NO_FILTERS, sort: this.filters.sort });
  }

  private nextPage(cursor: string): void {
    this.cursors = [...this.cursors, cursor];
  }

  private previousPage(): void {
    if (this.cursors.length > 1) this.cursors = this.cursors.slice(0, -1);
  }

  private openRequest(item: RequestSummary, e: Event): void {
    const proceed = this.emit('atende-request-open', { id: item.id, protocol: item.protocol }, true);
    if (!proceed) e.preventDefault();
    else this.selectedId = item.id;
  }

  protected override render() {
    const title = this.label?.trim() || this.t(this.view === 'citizen' ? 'queue.title.citizen' : 'queue.title.staff');
    return html`
      <section part="base" aria-labelledby="title">
        <h2 id="title">${title}</h2>
        ${this.renderCounts()} ${this.renderFilters()}
        <div class="live visually-hidden" role="status" aria-live="polite">${this.announcement()}</div>
        ${this.renderBody(title)}
      </section>
    `;
  }

  private announcement(): string {
    const page = this.pageTask.value;
    if (this.pageTask.status !== TaskStatus.COMPLETE || !page) return '';
    const n = page.items.length;
    return n === 0
      ? this.t(this.hasFilters() ? 'queue.empty.filtered' : 'queue.empty')
      : this.t(n === 1 ? 'queue.loadedOne' : 'queue.loaded', { n, page: this.cursors.length });
  }

  private hasFilters(): boolean {
    const f = this.filters;
    return !!(f.status || f.serviceId || f.month || f.mine || f.q.trim());
  }

  private renderCounts() {
    const counts = this.countsTask.value ?? {};
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const chip = (value: string, label: string, n: number | undefined) => html`
      <button type="button" class="chip" aria-pressed=${this.filters.status === value ? 'true' : 'false'} @click=${() => this.setFilter('status', value)}>
        ${label}<span class="count">${n ?? ''}</span>
      </button>
    `;
    return html`
      <div class="counts" part="counts" role="group" aria-label=${this.named(this.t('queue.byStatus'))}>
        ${chip('', this.t('queue.all'), this.countsTask.value ? total : undefined)}
        ${STATUS_TABS.filter((s) => s !== 'awaiting_citizen' || counts[s]).map((s) =>
          chip(s, statusLabel(this.locale, s), this.countsTask.value ? (counts[s] ?? 0) : undefined),
        )}
      </div>
    `;
  }

  private renderFilters() {
    const f = this.filters;
    const staff = this.view === 'staff';
    return html`
      <form class="filters" part="filters" role="search" aria-label=${this.named(this.t('queue.filters'))} @submit=${this.searchRequests}>
        <div class="field search">
          <label for="q">${this.t('queue.search')}</label>
          <div class="inline">
            <input
              id="q"
              name="q"
              type="search"
              maxlength="100"
              .value=${f.q}
              placeholder=${this.t(staff ? 'queue.search.placeholder' : 'queue.search.placeholderCitizen')}
            />
            <button class="btn primary" type="submit">${this.t('queue.search')}</button>
          </div>
        </div>
        <div class="field">
          <label for="service">${this.t('queue.service')}</label>
          <select id="service" @change=${(e: Event) => this.setFilter('serviceId', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!f.serviceId}>${this.t('queue.service.all')}</option>
            ${(this.servicesTask.value ?? []).map(
              (s) => html`<option value=${s.id} ?selected=${f.serviceId === String(s.id)}>${staff ? s.name : `${s.institution.acronym} · ${s.name}`}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="month">${this.t('queue.month')}</label>
          <input
            id="month"
            name="month"
            type="month"
            .value=${f.month}
            aria-invalid=${this.monthError ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.monthError ? 'month-error' : undefined)}
            @change=${this.changeMonth}
          />
          ${this.monthError ? html`<p id="month-error" class="field-error">${this.monthError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="sort">${this.t('queue.sort')}</label>
          <select id="sort" @change=${(e: Event) => this.setFilter('sort', (e.target as HTMLSelectElement).value as Filters['sort'])}>
            <option value="filed" ?selected=${f.sort === 'filed'}>${this.t('queue.sort.filed')}</option>
            <option value="due" ?selected=${f.sort === 'due'}>${this.t('queue.sort.due')}</option>
          </select>
        </div>
        ${
          staff
            ? html`<div class="field check">
                <input
                  id="mine"
                  type="checkbox"
                  .checked=${live(f.mine)}
                  @change=${(e: Event) => this.setFilter('mine', (e.target as HTMLInputElement).checked)}
                />
                <label for="mine">${this.t('queue.mine')}</label>
              </div>`
            : nothing
        }
        ${this.hasFilters() ? html`<button class="btn small clear" type="button" @click=${this.clearFilters}>${this.t('queue.clear')}</button>` : nothing}
      </form>
    `;
  }

  private renderBody(title: string) {
    if (!this.credential) return html`<p class="alert">${this.t('queue.signin')}</p>`;
    const page = this.pageTask.value;
    const pending = this.pageTask.status === TaskStatus.PENDING;
    if (this.pageTask.status === TaskStatus.ERROR) {
      return html`<div class="alert error" role="alert">
        <p>${this.t('queue.error')} ${this.describeError(this.pageTask.error)}</p>
        <button class="btn small" type="button" @click=${() => this.reload()}>${this.t('common.retry')}</button>
      </div>`;
    }
    if (!page) return html`<p class="loading"><span class="spinner" aria-hidden="true"></span>${this.t('queue.loading')}</p>`;
    if (page.items.length === 0 && !pending) {
      return html`<p class="empty">${this.t(this.hasFilters() ? 'queue.empty.filtered' : 'queue.empty')}</p>
        ${this.renderPagination(page)}`;
    }
    const order = this.t(this.filters.sort === 'due' ? 'queue.sort.due' : 'queue.sort.filed');
    return html`
      <div class="table-wrap">
        <table role="table" part="table" aria-busy=${pending ? 'true' : 'false'} class=${classMap({ busy: pending, citizen: this.view === 'citizen' })}>
          <caption class="visually-hidden">
            ${this.t('queue.caption', { title, order: order.toLowerCase(), page: this.cursors.length })}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              ${columns(this.view).map(([key, cls]) => html`<th role="columnheader" scope="col" class=${cls}>${this.t(key)}</th>`)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${
              // Rows render again only when their data changes, not when a
              // click on the pager or a filter marks the table busy.
              guard([page.items, this.selectedId, this.locale, this.view, this.hrefTemplate], () => page.items.map((item) => this.renderRow(item)))
            }
          </tbody>
        </table>
      </div>
      ${this.renderPagination(page)}
    `;
  }

  private renderRow(item: RequestSummary) {
    return renderRow(
      { t: (k, p) => this.t(k, p), locale: this.locale, view: this.view, hrefTemplate: this.hrefTemplate },
      item,
      item.id === this.selectedId,
      (e) => this.openRequest(item, e),
    );
  }

  private renderPagination(page: RequestPage) {
    if (this.cursors.length === 1 && !page.nextCursor) return nothing;
    return html`
      <nav class="pagination" part="pagination" aria-label=${this.named(this.t('queue.pagination'))}>
        <button class="btn small" type="button" ?disabled=${this.cursors.length === 1} @click=${this.previousPage}>‹ ${this.t('queue.previous')}</button>
        <span>${this.t('queue.page', { page: this.cursors.length })}</span>
        <button class="btn small" type="button" ?disabled=${!page.nextCursor} @click=${() => page.nextCursor && this.nextPage(page.nextCursor)}>
          ${this.t('queue.next')} ›
        </button>
      </nav>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-request-queue': AtendeRequestQueue;
  }
}
