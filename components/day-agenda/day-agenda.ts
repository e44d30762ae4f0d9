import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, isCalendarDay, localDate, localTime } from '../../contract/time.js';
import type { AgendaPage, AgendaRow } from '../../contract/types.js';
import type { ApiClient } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { phaseAt } from '../internal/meeting-events.js';
import { dialogStyles, hostStyles } from '../internal/styles.js';
import { agendaStyles } from './day-agenda.styles.js';
import type { AgendaMessageKey } from './messages.js';
import { type ShareHost, ShareDialog } from './share-dialog.js';
import './messages.js';

type Key = AgendaMessageKey;
type Download = 'csv' | 'ics';

/** How often the rows' situation (Agendada → Em andamento → Encerrada) is recomputed from the clock. */
const TICK_MS = 30_000;

/** A day as people read it in the element's language: "quinta-feira, 03/12/2026" (a calendar day: no zone shift). */
export function longDay(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** "03/12/2026" for a calendar day. */
export function shortDay(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * "Agenda do dia": the video meetings of one day at the institutions the
 * signed-in attendant or manager attends (or only theirs, "Somente as
 * minhas"), with the day picker ("Dia anterior", "Próximo dia", "Hoje" — today
 * in the state's time zone, from GET /api/config, never the browser's), an
 * institution choice for who attends several, and the table: Horário,
 * Protocolo, Serviço, Atendente, Assunto, Situação. "Imprimir" prints only the
 * heading and the table; "Baixar CSV" / "Baixar ICS" save the day's list;
 * "Compartilhar" makes a signed, read-only link for colleagues without an
 * account (time, protocol, service, attendant and the citizen's initials
 * only), lists the day's links and revokes them. At phone width the rows
 * become cards.
 *
 * @tagname atende-day-agenda
 * @summary The day's video meetings: print, CSV, ICS and a share link.
 * @event atende-request-open - The user opened a meeting's request (its protocol); `detail: {id, protocol}`. Cancel it to stop `href-template` navigation.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart table - The day's table (cards at phone width).
 * @csspart dialog - The share dialog.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-color-danger - "Revogar" and errors (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 */
export class AtendeDayAgenda extends AtendeElement implements ShareHost {
  static override styles = [hostStyles, dialogStyles, agendaStyles];

  /** The day shown (YYYY-MM-DD, in the state's time zone); by default today there. */
  @property() date?: string;

  /** Only the meetings the signed-in user hosts. */
  @property({ type: Boolean }) mine = false;

  /** One institution the user attends (by default all of them). */
  @property({ type: Number, attribute: 'institution-id' }) institutionId?: number;

  /** Where a protocol links, `{id}` standing for the request's id (such as `/solicitacoes/{id}`); without it the protocol is a button that only sends `atende-request-open`. */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;

  /** The state's time zone, from GET /api/config of this element's API. */
  @state() private zone?: string;
  @state() private now = Date.now();
  @state() private generation = 0;
  @state() private notice?: { kind: 'success' | 'error'; text: string };
  @state() private downloading?: Download;

  private ticker?: ReturnType<typeof setInterval>;
  private readonly share = new ShareDialog(this);

  private readonly meTask = new Task(this, {
    args: () => [this.apiBase, this.credential] as const,
    task: async ([, credential], { signal }) => (credential ? this.client.get('/me', { signal }) : initialState),
  });

  private readonly agendaTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.date, this.mine, this.wanted, this.generation] as const,
    task: async ([, credential, , mine, institutionId], { signal }): Promise<AgendaPage> => {
      if (!credential) return initialState as never;
      if (!this.zone) this.zone = (await this.appConfig()).timeZone;
      return this.client.get('/meetings', { query: { date: this.day!, mine: mine ? 'true' : undefined, institutionId }, signal });
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => (this.now = Date.now()), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
  }

  /** @internal */
  tr(key: Key, params?: Record<string, string | number>): string {
    return this.t(key, params);
  }

  /** @internal The day shown: the `date` set, else today in the state's zone (once known). */
  get day(): string | undefined {
    if (this.date && isCalendarDay(this.date)) return this.date;
    return this.zone ? localDate(Date.now(), this.zone) : undefined;
  }

  /** @internal */
  get wanted(): number | undefined {
    return this.institutionId && this.institutionId > 0 ? this.institutionId : undefined;
  }

  /** @internal The institutions where the user is staff (attendant or manager), each once. */
  get institutions(): { id: number; name: string; acronym: string }[] {
    const me = this.meTask.value;
    if (!me) return [];
    const seen = new Map<number, { id: number; name: string; acronym: string }>();
    for (const m of me.memberships) if (m.role !== 'admin' && !seen.has(m.institution.id)) seen.set(m.institution.id, m.institution);
    return [...seen.values()];
  }

  /** @internal The API client, for the share dialog. */
  get apiClient(): ApiClient {
    return this.client;
  }

  /** @internal Moves focus to the element with `id` after the next render. */
  focusOn(id: string): void {
    this.focusAfterRender(id);
  }

  /** @internal An instant in the state's zone, as "23:59" and "03/12/2026" ("Válido até 23:59 de 03/12/2026"). */
  zoned(iso: string): { time: string; date: string } {
    const zone = this.zone ?? 'UTC';
    return { time: localTime(Date.parse(iso), zone), date: shortDay(this.locale, localDate(Date.parse(iso), zone)) };
  }

  /** @internal */
  explain(error: unknown): string {
    return this.explainRefusal(error);
  }

  private goTo(day: string | undefined): void {
    if (!day || !isCalendarDay(day) || day === this.day) return;
    this.date = day;
    this.notice = undefined;
  }

  private today(): void {
    if (this.zone) this.goTo(localDate(Date.now(), this.zone));
  }

  private openRequest(row: AgendaRow, e: Event): void {
    if (!this.emit('atende-request-open', { id: row.requestId, protocol: row.protocol }, true)) e.preventDefault();
  }

  /** Saves the day's list as agenda-DATE.csv / .ics: fetched with the token (a Blob), handed to the browser through an object URL. */
  private async download(format: Download): Promise<void> {
    const day = this.day;
    if (!day || this.downloading) return;
    this.downloading = format;
    this.notice = undefined;
    const name = `agenda-${day}.${format}`;
    try {
      const query = { date: day, mine: this.mine ? ('true' as const) : undefined, institutionId: this.wanted, format };
      const blob = (await this.client.get('/meetings', { query })) as unknown as Blob;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.notice = { kind: 'success', text: this.tr('agenda.downloaded', { name }) };
    } catch (error) {
      this.notice = { kind: 'error', text: this.tr('agenda.downloadFailed', { why: this.explainRefusal(error) }) };
    } finally {
      this.downloading = undefined;
    }
  }

  private print(): void {
    window.print();
  }

  protected override updated(): void {
    this.share.sync();
    const el = this.focusPending();
    if (el instanceof HTMLInputElement && el.readOnly) el.select();
  }

  protected override render() {
    const day = this.day;
    return html`<section part="base" class="base" aria-labelledby="agenda-h agenda-day">
      <header class="head">
        <h2 id="agenda-h">${this.tr('agenda.title')}</h2>
        <p id="agenda-day" class="day">${day ? longDay(this.locale, day) : nothing}</p>
      </header>
      ${this.credential ? this.renderBody(day) : html`<p class="placeholder">${this.tr('agenda.signin')}</p>`}
      <dialog part="dialog" aria-labelledby="share-title" aria-describedby="share-intro" @close=${() => this.share.closed()}>
        ${this.share.open && day ? this.share.render(longDay(this.locale, day)) : nothing}
      </dialog>
    </section>`;
  }

  private renderBody(day: string | undefined) {
    const many = this.institutions.length > 1;
    const busy = (f: Download) => (this.downloading === f ? 'true' : 'false');
    return html`<div class="controls" role="group" aria-label=${this.tr('agenda.controls')}>
        <div class="field">
          <label for="day">${this.tr('agenda.date')}</label>
          <input id="day" type="date" .value=${day ?? ''} @change=${(e: Event) => this.goTo((e.target as HTMLInputElement).value)} />
        </div>
        <div class="nav">
          <button id="previous" class="btn small" type="button" @click=${() => this.goTo(day && addDays(day, -1))}>
            <span aria-hidden="true">‹</span> ${this.tr('agenda.previous')}
          </button>
          <button id="today" class="btn small" type="button" @click=${() => this.today()}>${this.tr('agenda.today')}</button>
          <button id="next" class="btn small" type="button" @click=${() => this.goTo(day && addDays(day, 1))}>
            ${this.tr('agenda.next')} <span aria-hidden="true">›</span>
          </button>
        </div>
        <label class="switch"
          ><input
            id="mine"
            type="checkbox"
            role="switch"
            aria-checked=${this.mine ? 'true' : 'false'}
            .checked=${this.mine}
            @change=${(e: Event) => (this.mine = (e.target as HTMLInputElement).checked)}
          />
          ${this.tr('agenda.mine')}</label
        >
        ${
          many
            ? html`<div class="field">
                <label for="institution">${this.tr('agenda.institution')}</label>
                <select id="institution" @change=${(e: Event) => (this.institutionId = Number((e.target as HTMLSelectElement).value) || undefined)}>
                  <option value="" ?selected=${!this.wanted}>${this.tr('agenda.institution.all')}</option>
                  ${this.institutions.map((i) => html`<option value=${i.id} ?selected=${this.wanted === i.id}>${i.acronym} — ${i.name}</option>`)}
                </select>
              </div>`
            : nothing
        }
      </div>
      <div class="actions" role="group" aria-label=${this.tr('agenda.actions')}>
        <button id="print" class="btn small" type="button" @click=${() => this.print()}>${this.tr('agenda.print')}</button>
        <button id="csv" class="btn small" type="button" aria-disabled=${busy('csv')} @click=${() => void this.download('csv')}>
          ${this.tr('agenda.csv')}
        </button>
        <button id="ics" class="btn small" type="button" aria-disabled=${busy('ics')} @click=${() => void this.download('ics')}>
          ${this.tr('agenda.ics')}
        </button>
        <button id="share" class="btn small primary" type="button" aria-haspopup="dialog" @click=${() => this.share.show('share')}>
          ${this.tr('agenda.share')}
        </button>
      </div>
      ${this.renderNotice()} ${this.renderList(day)}`;
  }

  private renderNotice() {
    const n = this.notice;
    const busy = this.downloading ? html`<p class="loading"><span class="spinner" aria-hidden="true"></span>${this.tr('agenda.downloading')}</p>` : nothing;
    return html`<div class="notices">
      <div role="status">${busy}${n?.kind === 'success' ? html`<p class="alert success">${n.text}</p>` : nothing}</div>
      <div role="alert">${n?.kind === 'error' ? html`<p class="alert error">${n.text}</p>` : nothing}</div>
    </div>`;
  }

  private renderList(day: string | undefined) {
    const task = this.agendaTask;
    if (task.status === TaskStatus.ERROR)
      return html`<div class="alert error list-error" role="alert">
        <p>${this.tr('agenda.error')} ${this.describeError(task.error)}</p>
        <button class="btn small" type="button" @click=${() => task.run()}>${this.t('common.retry')}</button>
      </div>`;
    const page = task.value;
    if (task.status !== TaskStatus.COMPLETE || !page || !day)
      return html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.tr('agenda.loading')}</p>`;
    if (!page.items.length) return html`<p class="placeholder empty" role="status">${this.tr('agenda.empty')}</p>`;
    const n = page.items.length;
    return html`<p class="count" role="status">${n === 1 ? this.tr('agenda.countOne') : this.tr('agenda.count', { n })}</p>
      <table part="table" class="table" role="table">
        <caption class="visually-hidden">
          ${this.tr('agenda.caption', { day: longDay(this.locale, day) })}
        </caption>
        <thead>
          <tr role="row">
            ${this.columns().map(([, label]) => html`<th role="columnheader" scope="col">${label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${page.items.map((row) => this.renderRow(row, page.timeZone))}
        </tbody>
      </table>`;
  }

  private columns(): [string, string][] {
    return (['time', 'protocol', 'service', 'host', 'subject', 'status'] as const).map((c) => [c, this.tr(`agenda.col.${c}`)]);
  }

  private renderRow(row: AgendaRow, zone: string) {
    const [time, protocol, service, host, subject, status] = this.columns().map(([, label]) => label);
    const phase = phaseAt(row, this.now);
    const label = this.tr('agenda.open', { protocol: row.protocol });
    const open = (e: Event) => this.openRequest(row, e);
    const link = this.hrefTemplate
      ? html`<a class="protocol" href=${this.hrefTemplate.replace(/\{id\}/g, String(row.requestId))} aria-label=${label} @click=${open}>${row.protocol}</a>`
      : html`<button class="protocol link" type="button" aria-label=${label} @click=${open}>${row.protocol}</button>`;
    return html`<tr role="row" class=${phase}>
      <td role="cell" data-label=${time} class="time">
        <span class="struck">${localTime(Date.parse(row.startsAt), zone)}–${localTime(Date.parse(row.endsAt), zone)}</span>
      </td>
      <td role="cell" data-label=${protocol}>${link}</td>
      <td role="cell" data-label=${service}>${row.service.name}</td>
      <td role="cell" data-label=${host}>${row.host.name}</td>
      <td role="cell" data-label=${subject} class="subject">
        <span
          ><span class="struck">${row.subject}</span>
          ${row.cancelReason ? html`<span class="hint reason">${this.tr('agenda.cancelReason', { reason: row.cancelReason })}</span>` : nothing}</span
        >
      </td>
      <td role="cell" data-label=${status}><span class="badge phase ${phase}">${this.tr(`agenda.phase.${phase}`)}</span></td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-day-agenda': AtendeDayAgenda;
  }
}
