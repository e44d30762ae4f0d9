import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { CLOCK_STATUSES, REQUEST_STATUSES, type RequestPage, type RequestStatus, type RequestSummary } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
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

/**
 * "A fazer": what needs someone of the institution now — the statuses whose
 * deadline runs (submitted, in analysis, in service; a request the citizen
 * answered is back in one of them). Awaiting the citizen is not.
 */
const WORK = CLOCK_STATUSES.join(',');
/** "Minhas": assigned to me or in the analysis I started, still open (awaiting the citizen included: mine to follow). */
const MINE = REQUEST_STATUSES.filter((s) => OPEN.has(s)).join(',');

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
 * Where each view opens: the staff on the work, nearest deadline first; the
 * citizen on all their requests, open ones first (the deadline order puts
 * closed requests last).
 */
function defaultFilters(view: 'staff' | 'citizen'): Filters {
  return view === 'staff' ? { ...NO_FILTERS, status: WORK, sort: 'due' } : { ...NO_FILTERS, sort: 'due' };
}

/** The URL query parameters of one instance's state, each `<prefix>-<name>`. */
const URL_KEYS = ['status', 'mine', 'service', 'month', 'q', 'sort'] as const;

/**
 * The queue of requests (the manual's Painel › Solicitações): counts and
 * filters per status, service, month and "mine", search by protocol or
 * citizen, FIFO or deadline order, keyset pages, and a button per row that
 * opens the request. With `view="citizen"` it lists the signed-in citizen's
 * own requests with the decision and whether they evaluated it.
 *
 * The staff view opens on "A fazer" (submitted, in analysis, in service),
 * nearest deadline first, with "Minhas" (assigned to me or in the analysis I
 * started, open) beside it and every status behind its own button. A search
 * from "A fazer" looks in "Todas".
 *
 * Filters, tab, order and search live in the page's URL as query parameters
 * named `<prefix>-status`, `-mine`, `-service`, `-month`, `-q` and `-sort`
 * (only those that differ from the view's default), so a reload, back and
 * forward, and a shared link keep them. The prefix is the `url-state`
 * attribute, else the element's `id`, else `fila`; give each queue on a page
 * its own. `url-state="none"` keeps the state out of the URL.
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

  /** Prefix of this queue's parameters in the page URL (default: the element's `id`, else `fila`); `none` keeps them out of the URL. */
  @property({ attribute: 'url-state' }) urlState?: string;

  /** The host's name for this queue (e.g. "Fila do DETRAN"): its heading, and part of its landmarks' names, so two queues on one page stay apart. */
  @property() label?: string;

  /** A landmark's name, with the host's label when there is one. */
  private named(name: string): string {
    return this.label?.trim() ? `${name} — ${this.label.trim()}` : name;
  }

  @state() private filters: Filters = NO_FILTERS;
  /** The last page that arrived: kept on screen when the next one fails. */
  private lastPage?: RequestPage;
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
        mine: f.mine && view === 'staff' ? ('true' as const) : undefined,
        q: f.q.trim() || undefined,
        cursor: cursors.at(-1),
      };
      return this.client.get('/requests', { query, signal });
    },
    onComplete: (page) => {
      this.lastPage = page;
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

  /** A request changed on this page (an action in a form, a follow-up that asks or answers the citizen, a request filed): the rows follow. */
  private readonly refreshOnChange = () => this.reload();

  /** Back or forward: the filters this entry of the history recorded. */
  private readonly restoreFromUrl = () => {
    if (!this.urlPrefix) return;
    const next = this.readUrl();
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.monthError = '';
    this.filters = next;
    this.cursors = [undefined];
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('atende-request-changed', this.refreshOnChange);
    document.addEventListener('atende-follow-up-created', this.refreshOnChange);
    document.addEventListener('atende-request-filed', this.refreshOnChange);
    addEventListener('popstate', this.restoreFromUrl);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('atende-request-changed', this.refreshOnChange);
    document.removeEventListener('atende-follow-up-created', this.refreshOnChange);
    document.removeEventListener('atende-request-filed', this.refreshOnChange);
    removeEventListener('popstate', this.restoreFromUrl);
  }

  private get urlPrefix(): string | null {
    const p = this.urlState ?? (this.id || 'fila');
    return p === 'none' ? null : p;
  }

  /** The filters the URL holds for this queue, the view's default for what it does not. */
  private readUrl(): Filters {
    const f = defaultFilters(this.view);
    const prefix = this.urlPrefix;
    if (!prefix) return f;
    const params = new URL(location.href).searchParams;
    const get = (k: (typeof URL_KEYS)[number]) => params.get(`${prefix}-${k}`);
    const status = get('status');
    if (status === 'all') f.status = '';
    else if (status && status.split(',').every((x) => (REQUEST_STATUSES as readonly string[]).includes(x))) f.status = status;
    if (this.view === 'staff' && get('mine') === '1') f.mine = true;
    if (/^\d{1,9}$/.test(get('service') ?? '')) f.serviceId = get('service')!;
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(get('month') ?? '')) f.month = get('month')!;
    f.q = (get('q') ?? '').slice(0, 100);
    const sort = get('sort');
    if (sort === 'filed' || sort === 'due') f.sort = sort;
    return f;
  }

  /** Records the filters in the URL, as a new history entry when they changed. */
  private writeUrl(f: Filters): void {
    const prefix = this.urlPrefix;
    if (!prefix) return;
    const d = defaultFilters(this.view);
    const url = new URL(location.href);
    for (const k of URL_KEYS) url.searchParams.delete(`${prefix}-${k}`);
    const set = (k: (typeof URL_KEYS)[number], v: string) => url.searchParams.set(`${prefix}-${k}`, v);
    if (f.status !== d.status) set('status', f.status || 'all');
    if (f.mine) set('mine', '1');
    if (f.serviceId) set('service', f.serviceId);
    if (f.month) set('month', f.month);
    if (f.q.trim()) set('q', f.q.trim());
    if (f.sort !== d.sort) set('sort', f.sort);
    if (url.href !== location.href) history.pushState(history.state, '', url);
  }

  /** Fetches the current page and the counts again. */
  reload(): void {
    void this.pageTask.run();
    void this.countsTask.run();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // First render: the state the URL holds (the view's default otherwise). A new view: its default.
    if (!this.hasUpdated) this.filters = this.readUrl();
    else if (changed.has('view') && changed.get('view') !== undefined) this.applyFilters(defaultFilters(this.view));
  }

  private applyFilters(next: Filters): void {
    this.filters = next;
    this.cursors = [undefined];
    this.writeUrl(next);
  }

  /** A tab: "A fazer", "Minhas", "Todas" or one status. */
  private chooseTab(tab: 'work' | 'mine' | 'all' | RequestStatus): void {
    const f = this.filters;
    if (tab === 'work') this.applyFilters({ ...f, status: WORK, mine: false });
    else if (tab === 'mine') this.applyFilters({ ...f, status: MINE, mine: true });
    else if (tab === 'all') this.applyFilters({ ...f, status: '', mine: false });
    else this.applyFilters({ ...f, status: tab });
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
    // Someone searching for a protocol or a name wants that request whatever
    // its state: a search from "A fazer" (the default) looks in "Todas"; a
    // tab the user chose ("Minhas", a status) keeps narrowing it.
    const everywhere = q.trim() && this.filters.status === WORK && !this.filters.mine;
    this.applyFilters({ ...this.filters, q, month, ...(everywhere ? { status: '' } : {}) });
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
    this.applyFilters({ ...defaultFilters(this.view), sort: this.filters.sort });
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

  /** Whether anything narrows the queue beyond the view's default (what "Limpar filtros" undoes). */
  private hasFilters(): boolean {
    const f = this.filters;
    const d = defaultFilters(this.view);
    return !!(f.status !== d.status || f.serviceId || f.month || f.mine || f.q.trim());
  }

  private renderCounts() {
    const counts = this.countsTask.value ?? {};
    const known = !!this.countsTask.value;
    const sum = (statuses: readonly RequestStatus[]) => statuses.reduce((a, s) => a + (counts[s] ?? 0), 0);
    const f = this.filters;
    const staff = this.view === 'staff';
    const chip = (tab: Parameters<AtendeRequestQueue['chooseTab']>[0], label: string, pressed: boolean, n: number | undefined, cls = '') => html`
      <button type="button" class="chip ${cls}" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.chooseTab(tab)}>
        ${label}<span class="count">${n ?? ''}</span>
      </button>
    `;
    return html`
      <div class="counts" part="counts" role="group" aria-label=${this.named(this.t('queue.byStatus'))}>
        ${staff ? chip('work', this.t('queue.tab.work'), f.status === WORK && !f.mine, known ? sum(CLOCK_STATUSES) : undefined, 'work') : nothing}
        ${staff ? chip('mine', this.t('queue.tab.mine'), f.status === MINE && f.mine, undefined, 'mine') : nothing}
        ${chip('all', this.t('queue.all'), f.status === '' && !f.mine, known ? sum(REQUEST_STATUSES) : undefined)}
        ${STATUS_TABS.filter((s) => s !== 'awaiting_citizen' || counts[s]).map((s) =>
          chip(s, statusLabel(this.locale, s), f.status === s, known ? (counts[s] ?? 0) : undefined),
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

  private renderError() {
    const error = this.pageTask.error;
    // The server could not be reached (after the client's retries): say so, and keep the screen as it was.
    const offline = error instanceof ApiError && error.status === 0;
    return html`<div class="alert error" role="alert">
      <p>${offline ? this.t('queue.offline') : html`${this.t('queue.error')} ${this.describeError(error)}`}</p>
      <button class="btn small" type="button" @click=${() => this.reload()}>${this.t('common.retry')}</button>
    </div>`;
  }

  private renderBody(title: string) {
    if (!this.credential) return html`<p class="alert">${this.t('queue.signin')}</p>`;
    const failed = this.pageTask.status === TaskStatus.ERROR;
    const page = failed ? this.lastPage : this.pageTask.value;
    const pending = this.pageTask.status === TaskStatus.PENDING;
    if (failed && !page) return this.renderError();
    if (!page) return html`<p class="loading"><span class="spinner" aria-hidden="true"></span>${this.t('queue.loading')}</p>`;
    if (page.items.length === 0 && !pending) {
      return html`${failed ? this.renderError() : nothing}
        <p class="empty">${this.t(this.hasFilters() ? 'queue.empty.filtered' : 'queue.empty')}</p>
        ${this.renderPagination(page)}`;
    }
    const order = this.t(this.filters.sort === 'due' ? 'queue.sort.due' : 'queue.sort.filed');
    return html`
      ${failed ? this.renderError() : nothing}
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
              // click on the pager or a filter marks the table busy (or a
              // dictionary or the server's time zone arrives: textRevision).
              guard([page.items, this.selectedId, this.locale, this.textRevision, this.view, this.hrefTemplate], () =>
                page.items.map((item) => this.renderRow(item)),
              )
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
