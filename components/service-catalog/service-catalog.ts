import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ServiceDetail, ServiceSummary } from '../../contract/types.js';
import { wordMatcher } from '../../contract/search.js';
import { AtendeElement } from '../internal/atende-element.js';
import { hostStyles } from '../internal/styles.js';
import { deadlineText } from '../internal/i18n.js';
import { renderServiceDetail } from './details.js';
import { catalogStyles } from './service-catalog.styles.js';

interface Group {
  institution: ServiceSummary['institution'];
  services: ServiceSummary[];
}

/**
 * The published Carta de Serviços, for the citizen: a search (accents and
 * case aside) with a live count of what it finds, the services grouped by
 * institution, and for each one — on demand — everything a citizen needs
 * before filing: who may use it, requirements, documents and their formats,
 * the steps, the deadline, the cost, the channels, where and when, the legal
 * basis and the LGPD basis for their data. "Solicitar" tells the page which
 * service was chosen (a request form on the page follows by itself) or,
 * with `form-href`, links to the page that has the form.
 *
 * @tagname atende-service-catalog
 * @summary The published service charter, searchable, grouped by institution.
 * @event atende-service-selected - The citizen chose "Solicitar"; `detail: {serviceId, name}`.
 * @csspart base - The wrapper.
 * @csspart search - The search form.
 * @csspart service - Each service.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 */
export class AtendeServiceCatalog extends AtendeElement {
  static override styles = [hostStyles, catalogStyles];

  /** Only the services of this institution (all institutions when absent). */
  @property({ type: Number, attribute: 'institution-id' }) institutionId?: number;

  /** The page with the request form: "Solicitar" becomes a link to it with `?service=<id>` appended. */
  @property({ attribute: 'form-href' }) formHref?: string;

  /** The search, as typed (the host may start it, e.g. from the portal's own search box). */
  @property() query = '';

  private readonly listTask = new Task(this, {
    args: () => [this.apiBase, this.institutionId] as const,
    task: async ([, institutionId], { signal }) => {
      const query = institutionId ? { institutionId } : {};
      return (await this.publicClient.get('/services', { query, signal })).items;
    },
  });

  /** One task per service opened: its published entry, fetched the first time it is opened. */
  private readonly detailTasks = new Map<number, Task<readonly [number], ServiceDetail>>();

  private detailTask(id: number): Task<readonly [number], ServiceDetail> {
    let task = this.detailTasks.get(id);
    if (!task) {
      task = new Task(this, {
        autoRun: false,
        args: () => [id] as const,
        task: async ([serviceId], { signal }) => {
          return this.publicClient.get('/services/:id', { params: { id: serviceId }, signal });
        },
      });
      this.detailTasks.set(id, task);
    }
    return task;
  }

  /** Loads the charter again. */
  reload(): void {
    void this.listTask.run();
  }

  private openDetail(e: Event, id: number) {
    const details = e.currentTarget as HTMLDetailsElement;
    const task = this.detailTask(id);
    if (details.open && task.status !== TaskStatus.PENDING && task.status !== TaskStatus.COMPLETE) void task.run();
  }

  private selectService(e: Event, s: ServiceSummary) {
    this.emit('atende-service-selected', { serviceId: s.id, name: s.name });
    if (!this.formHref) e.preventDefault();
  }

  /** `form-href` with `service=<id>` in its query (before any fragment). */
  private formLink(id: number): string {
    const href = this.formHref ?? '';
    const hash = href.indexOf('#');
    const [path, fragment] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
    return `${path}${path.includes('?') ? '&' : '?'}service=${id}${fragment}`;
  }

  private searchResults(all: ServiceSummary[]): ServiceSummary[] {
    const found = wordMatcher(this.query);
    return all.filter((s) => found(`${s.name} ${s.description} ${s.institution.acronym} ${s.institution.name}`));
  }

  override render() {
    return html`<section part="base" aria-labelledby="catalog-title">
      <h2 id="catalog-title">${this.t('catalog.title')}</h2>
      <form part="search" role="search" class="search" aria-label=${this.t('catalog.search')} @submit=${(e: Event) => e.preventDefault()}>
        <label for="catalog-q">${this.t('catalog.search')}</label>
        <div class="search-row">
          <input
            id="catalog-q"
            type="search"
            autocomplete="off"
            aria-describedby="catalog-q-hint"
            .value=${this.query}
            @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          />
          ${this.query ? html`<button type="button" class="btn small" @click=${this.clearSearch}>${this.t('catalog.clear')}</button>` : nothing}
        </div>
        <span id="catalog-q-hint" class="hint">${this.t('catalog.search.hint')}</span>
      </form>
      ${this.listTask.render({
        initial: () => this.renderLoading(),
        pending: () => (this.listTask.value ? this.renderList(this.listTask.value) : this.renderLoading()),
        complete: (items) => this.renderList(items),
        error: (err) =>
          html`<div class="alert error" role="alert">
            <p>${this.t('catalog.error')} ${this.describeError(err)}</p>
            <button class="btn small" @click=${() => this.reload()}>${this.t('common.retry')}</button>
          </div>`,
      })}
    </section>`;
  }

  private clearSearch() {
    this.query = '';
    this.renderRoot.querySelector<HTMLInputElement>('#catalog-q')?.focus();
  }

  private renderLoading() {
    return html`<div role="status">
      <p class="loading"><span class="spinner"></span>${this.t('catalog.loading')}</p>
    </div>`;
  }

  private renderList(all: ServiceSummary[]) {
    const found = this.searchResults(all);
    const groups: Group[] = [];
    for (const s of found) {
      let g = groups.find((x) => x.institution.id === s.institution.id);
      if (!g) groups.push((g = { institution: s.institution, services: [] }));
      g.services.push(s);
    }
    const count = !found.length
      ? this.query.trim()
        ? this.t('catalog.none', { q: this.query.trim() })
        : this.t('catalog.empty')
      : found.length === 1
        ? this.t('catalog.count.one')
        : this.t('catalog.count', { n: found.length });
    return html`<p role="status" class="count">${count}</p>
      ${groups.map(
        (g) =>
          html`<section class="institution" aria-labelledby="inst-${g.institution.id}">
            <h3 id="inst-${g.institution.id}">${g.institution.name} <span class="acronym">(${g.institution.acronym})</span></h3>
            <ul class="services">
              ${g.services.map((s) => this.renderService(s))}
            </ul>
          </section>`,
      )}`;
  }

  private renderService(s: ServiceSummary) {
    const task = this.detailTask(s.id);
    return html`<li part="service" class="service">
      <h4 id="svc-${s.id}">${s.name}</h4>
      <p>${s.description}</p>
      <p class="hint">${this.t('catalog.deadline', { deadline: deadlineText(this.locale, s.deadline) })}</p>
      <details @toggle=${(e: Event) => this.openDetail(e, s.id)}>
        <summary>${this.t('catalog.more')}<span class="visually-hidden">: ${s.name}</span></summary>
        <div class="detail">
          ${task.render({
            initial: () => html`<p class="loading"><span class="spinner"></span>${this.t('catalog.detail.loading')}</p>`,
            pending: () => html`<p class="loading"><span class="spinner"></span>${this.t('catalog.detail.loading')}</p>`,
            complete: (d) => renderServiceDetail(this.locale, d),
            error: (err) =>
              html`<div class="alert error" role="alert">
                <p>${this.t('catalog.detail.error')} ${this.describeError(err)}</p>
                <button class="btn small" @click=${() => void task.run()}>${this.t('common.retry')}</button>
              </div>`,
          })}
        </div>
      </details>
      <p class="request">
        ${
          this.formHref
            ? html`<a class="btn primary" href=${this.formLink(s.id)} @click=${(e: Event) => this.selectService(e, s)}
                >${this.t('catalog.request')}<span class="visually-hidden">: ${s.name}</span></a
              >`
            : html`<button type="button" class="btn primary" @click=${(e: Event) => this.selectService(e, s)}>
                ${this.t('catalog.request')}<span class="visually-hidden">: ${s.name}</span>
              </button>`
        }
      </p>
    </li>`;
  }
}

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-service-selected': { serviceId: number; name: string };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-service-catalog': AtendeServiceCatalog;
  }
  interface GlobalEventHandlersEventMap {
    'atende-service-selected': CustomEvent<{ serviceId: number; name: string }>;
  }
}
