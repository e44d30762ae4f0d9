// "Compartilhar" of the day agenda: the dialog that makes a signed, read-only
// link to an institution's list of the day (POST /api/agenda/share), shows it
// with "Copiar link" and its validity, and lists the day's links (GET
// /api/agenda/shares?date=) with their state and "Revogar" (confirmed first;
// DELETE /api/agenda/share/:id). A controller of the element: its state lives
// here, the element renders it inside its <dialog>.
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { AgendaShare } from '../../contract/types.js';
import type { ApiClient } from '../internal/api-client.js';
import type { AgendaMessageKey } from './messages.js';

/** What the dialog needs from the element. */
export interface ShareHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly apiClient: ApiClient;
  readonly institutions: { id: number; name: string; acronym: string }[];
  readonly wanted: number | undefined;
  readonly day: string | undefined;
  tr(key: AgendaMessageKey, params?: Record<string, string | number>): string;
  /** An instant in the state's zone: {time: "23:59", date: "03/12/2026"}. */
  zoned(iso: string): { time: string; date: string };
  explain(error: unknown): string;
  focusOn(id: string): void;
}

/** The dialog's state, changed through set() so the element renders again. */
type Field = 'open' | 'opener' | 'institutionId' | 'created' | 'creating' | 'failure' | 'copied' | 'confirming' | 'revoking' | 'listNotice' | 'generation';

export class ShareDialog {
  open = false;
  opener = 'share';
  institutionId?: number;
  created?: AgendaShare;
  creating = false;
  failure = '';
  copied?: boolean;
  confirming?: number;
  revoking = false;
  listNotice = '';
  generation = 0;

  private readonly sharesTask: Task<readonly [boolean, string | undefined, number], { items: AgendaShare[] }>;

  constructor(private readonly host: ShareHost) {
    this.sharesTask = new Task(host, {
      args: () => [this.open, host.day, this.generation] as const,
      task: async ([open, day], { signal }) => (open && day ? host.apiClient.get('/agenda/shares', { query: { date: day }, signal }) : initialState),
    });
  }

  private set(changes: Partial<Pick<ShareDialog, Field>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  show(opener: string): void {
    const list = this.host.institutions;
    this.set({
      open: true,
      opener,
      institutionId: this.host.wanted ?? list[0]?.id,
      created: undefined,
      failure: '',
      copied: undefined,
      confirming: undefined,
      listNotice: '',
    });
  }

  /** Opens or closes the <dialog> to match the state (after each render of the element). */
  sync(): void {
    const d = this.dialog;
    if (!d) return;
    if (this.open && !d.open) d.showModal();
    else if (!this.open && d.open) d.close();
  }

  /** The dialog closed (Escape, "Fechar"): focus goes back to "Compartilhar". */
  closed(): void {
    if (!this.open) return;
    this.set({ open: false });
    this.host.focusOn(this.opener);
  }

  private close(): void {
    this.dialog?.close();
  }

  private async create(): Promise<void> {
    const day = this.host.day;
    if (!day || this.creating) return;
    this.set({ creating: true, failure: '', copied: undefined });
    try {
      const created = await this.host.apiClient.post('/agenda/share', { body: { date: day, institutionId: this.institutionId } });
      this.set({ created, generation: this.generation + 1 });
      this.host.focusOn('share-url');
    } catch (error) {
      this.set({ failure: this.host.explain(error) });
    } finally {
      this.set({ creating: false });
    }
  }

  private async copy(): Promise<void> {
    const url = this.created?.url;
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.set({ copied: true });
    } catch {
      // No clipboard here (permission, an insecure page): the link is selected for Ctrl+C.
      this.set({ copied: false });
      this.host.focusOn('share-url');
    }
  }

  private async revoke(share: AgendaShare): Promise<void> {
    if (this.revoking) return;
    this.set({ revoking: true, listNotice: '' });
    try {
      const revoked = await this.host.apiClient.delete('/agenda/share/:id', { params: { id: share.id } });
      this.set({
        confirming: undefined,
        listNotice: this.host.tr('agenda.share.revoked'),
        generation: this.generation + 1,
        created: this.created?.id === revoked.id ? { ...this.created, ...revoked, url: this.created.url } : this.created,
      });
      this.host.focusOn('shares-h');
    } catch (error) {
      this.set({ listNotice: this.host.explain(error) });
    } finally {
      this.set({ revoking: false });
    }
  }

  private validity(share: AgendaShare): string {
    return this.host.tr('agenda.share.validUntil', this.host.zoned(share.expiresAt));
  }

  render(dayLabel: string) {
    const t = (k: AgendaMessageKey, p?: Record<string, string | number>) => this.host.tr(k, p);
    const list = this.host.institutions;
    const created = this.created;
    return html`<div class="dialog-form share">
      <h2 id="share-title">${t('agenda.share.title', { day: dayLabel })}</h2>
      <p id="share-intro">${t('agenda.share.intro')}</p>
      ${
        list.length > 1 && !created
          ? html`<div class="field">
              <label for="share-institution">${t('agenda.share.institution')}</label>
              <select id="share-institution" @change=${(e: Event) => (this.institutionId = Number((e.target as HTMLSelectElement).value))}>
                ${list.map((i) => html`<option value=${i.id} ?selected=${this.institutionId === i.id}>${i.acronym} — ${i.name}</option>`)}
              </select>
            </div>`
          : nothing
      }
      ${
        created
          ? html`<div class="field created">
              <label for="share-url">${t('agenda.share.link')}</label>
              <input id="share-url" type="text" readonly .value=${created.url ?? ''} aria-describedby="share-valid" />
              <p id="share-valid" class="hint">${this.validity(created)}</p>
              <p><button id="share-copy" class="btn small" type="button" @click=${() => void this.copy()}>${t('agenda.share.copy')}</button></p>
            </div>`
          : html`<p>
              <button id="share-create" class="btn primary" type="button" aria-disabled=${this.creating ? 'true' : 'false'} @click=${() => void this.create()}>
                ${this.creating ? html`<span class="spinner" aria-hidden="true"></span>${t('agenda.share.creating')}` : t('agenda.share.create')}
              </button>
            </p>`
      }
      <div role="status">
        ${this.copied === true ? html`<p class="alert success">${t('agenda.share.copied')}</p>` : nothing}
        ${this.copied === false ? html`<p class="alert">${t('agenda.share.copyFailed')}</p>` : nothing}
      </div>
      <div role="alert">${this.failure ? html`<p class="alert error">${this.failure}</p>` : nothing}</div>
      <section class="shares" aria-labelledby="shares-h">
        <h3 id="shares-h" tabindex="-1">${t('agenda.share.list')}</h3>
        <div role="status">${this.listNotice ? html`<p class="alert">${this.listNotice}</p>` : nothing}</div>
        ${this.renderList()}
      </section>
      <div class="dialog-actions">
        <button id="share-close" class="btn" type="button" @click=${() => this.close()}>${t('agenda.share.close')}</button>
      </div>
    </div>`;
  }

  private renderList() {
    const t = (k: AgendaMessageKey, p?: Record<string, string | number>) => this.host.tr(k, p);
    const task = this.sharesTask;
    if (task.status === TaskStatus.ERROR) return html`<p class="alert error" role="alert">${t('agenda.share.listError')} ${this.host.explain(task.error)}</p>`;
    const page = task.value;
    if (!page || task.status === TaskStatus.INITIAL) return html`<p class="loading">${t('agenda.share.listLoading')}</p>`;
    const items = page.items;
    if (!items.length) return html`<p class="hint">${t('agenda.share.listEmpty')}</p>`;
    return html`<ul class="share-list">
      ${items.map((s) => {
        const at = this.host.zoned(s.createdAt);
        return html`<li class="share-item ${s.state}">
          <p id="share-${s.id}-d">
            <span class="badge share-state ${s.state}">${t(`agenda.share.state.${s.state}`)}</span>
            ${t('agenda.share.item', { institution: s.institution.acronym, name: s.createdBy.name, date: `${at.date} ${at.time}` })}
          </p>
          <p class="hint">${this.validity(s)}</p>
          ${s.state === 'active' ? this.renderRevoke(s) : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private renderRevoke(s: AgendaShare) {
    const t = (k: AgendaMessageKey) => this.host.tr(k);
    if (this.confirming !== s.id)
      return html`<button
        id="revoke-${s.id}"
        class="btn small danger"
        type="button"
        aria-describedby="share-${s.id}-d"
        @click=${() => {
          this.set({ confirming: s.id, listNotice: '' });
          this.host.focusOn(`revoke-${s.id}-yes`);
        }}
      >
        ${t('agenda.share.revoke')}
      </button>`;
    return html`<div class="confirm" role="group" aria-labelledby="revoke-${s.id}-q">
      <p id="revoke-${s.id}-q">${t('agenda.share.revokeConfirm')}</p>
      <button
        id="revoke-${s.id}-yes"
        class="btn small danger-solid"
        type="button"
        aria-describedby="revoke-${s.id}-q share-${s.id}-d"
        aria-disabled=${this.revoking ? 'true' : 'false'}
        @click=${() => void this.revoke(s)}
      >
        ${t('agenda.share.revokeYes')}
      </button>
      <button
        id="revoke-${s.id}-no"
        class="btn small"
        type="button"
        @click=${() => {
          this.set({ confirming: undefined });
          this.host.focusOn(`revoke-${s.id}`);
        }}
      >
        ${t('agenda.share.revokeNo')}
      </button>
    </div>`;
  }
}
