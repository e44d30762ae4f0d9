import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { FileRef, FollowUpKind, ThreadEntry, ThreadPage } from '../../contract/types.js';
import { UPLOAD_EXTENSIONS, UPLOAD_TYPE_NAMES, safeFileName } from '../../contract/uploads.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { clearDraft, readDraft, saveDraft } from '../internal/drafts.js';
import { hostStyles } from '../internal/styles.js';
import { renderEntries } from './entries.js';
import { threadStyles } from './follow-up-thread.styles.js';
import { type MessageKey, formatDate, formatSize } from '../internal/i18n.js';

const PAGE = 20;

interface Chosen {
  file: File;
  error: string | null;
  progress: number;
}

/**
 * The follow-ups (acompanhamentos) of one request, for the attendant and for
 * the citizen: the thread in time order with the life-cycle events (newest
 * visible, older on demand), and a composer — "Criar Acompanhamento" — with
 * text and files (picked or dropped) and a progress bar per file. Staff may
 * also write internal notes and ask the citizen for information (which pauses
 * the deadline until the citizen answers). A failed send keeps the text and
 * the files; the text also survives a reload. It reloads by itself when an
 * element on the same page says its request changed (`atende-request-changed`).
 *
 * @tagname atende-follow-up-thread
 * @summary Messages with attachments between attendant and citizen.
 * @event atende-follow-up-created - A follow-up was sent; `detail: {requestId, id, kind}`.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart thread - The list of entries.
 * @csspart composer - The form.
 * @cssproperty --atende-color-note - Background of internal notes (default #FFF5C2).
 * @cssproperty --atende-color-primary - Staff messages and buttons (default #1351B4).
 */
export class AtendeFollowUpThread extends AtendeElement {
  static override styles = [hostStyles, threadStyles];

  /** Id of the request whose follow-ups to show. */
  @property({ type: Number, attribute: 'request-id' }) requestId?: number;

  /** Largest file the composer accepts before sending, in MB (the server decides for good). */
  @property({ type: Number, attribute: 'max-file-mb' }) maxFileMb = 10;

  @state() private entries: ThreadEntry[] = [];
  @state() private page?: ThreadPage;
  @state() private text = '';
  @state() private kind: FollowUpKind = 'message';
  @state() private files: Chosen[] = [];
  @state() private sending = false;
  @state() private fieldError = '';
  @state() private notice?: { kind: 'success' | 'error'; text: string };
  @state() private dragging = false;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('input[type=file]') private picker?: HTMLInputElement;

  private readonly loadTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.requestId] as const,
    task: async ([, credential, id], { signal }) => {
      if (!credential || !id) return initialState;
      this.olderTask.abort();
      const data = await this.client.get('/requests/:id/follow-ups', { params: { id }, query: { limit: PAGE }, signal });
      this.page = data;
      this.entries = data.items;
      // The request moved on (say, it is no longer in attendance): a kind it no longer takes is not kept.
      if (!data.viewer.kinds.includes(this.kind)) this.kind = data.viewer.kinds[0] ?? 'message';
      return data;
    },
  });

  /** The page before the oldest entry shown, on demand. */
  private readonly olderTask = new Task(this, {
    autoRun: false,
    args: () => [this.requestId, this.page?.nextBefore] as const,
    task: async ([id, before], { signal }) => {
      if (!id || !before) return initialState;
      const data = await this.client.get('/requests/:id/follow-ups', { params: { id }, query: { limit: PAGE, before }, signal });
      this.entries = [...data.items, ...this.entries];
      this.page = { ...this.page!, nextBefore: data.nextBefore };
      return data;
    },
    onError: (err) => {
      if ((err as Error).name !== 'AbortError') this.notice = { kind: 'error', text: this.describeError(err) };
    },
  });

  /** The request changed elsewhere on the page (the analysis form beside it acted or refreshed): the thread follows. */
  private readonly followRequest = (e: GlobalEventHandlersEventMap['atende-request-changed']) => {
    if (e.detail.id === this.requestId && this.page) this.reload();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('atende-request-changed', this.followRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('atende-request-changed', this.followRequest);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('requestId') && this.requestId) {
      this.text = readDraft(this.requestId, 'follow-up');
      this.files = [];
      this.notice = undefined;
      this.kind = 'message';
    }
  }

  /**
   * Takes the user to the composer, with keyboard focus in the message (the
   * citizen's "Responder" — here or on the request beside the thread).
   */
  async focusComposer(): Promise<void> {
    await this.updateComplete;
    await this.loadTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    const field = this.textarea;
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }

  /** Loads the newest entries again (after the request changed elsewhere on the page). */
  reload(): void {
    void this.loadTask.run();
  }

  private loadOlder() {
    this.notice = undefined;
    void this.olderTask.run();
  }

  private async downloadFile(f: FileRef) {
    try {
      const blob = await this.client.get('/attachments/:id', { params: { id: f.id } });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = f.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      this.notice = { kind: 'error', text: this.describeError(err) };
    }
  }

  private addFiles(list: FileList | File[]) {
    const max = this.maxFileMb * 1024 * 1024;
    const added = [...list].map((file): Chosen => {
      const ext = file.name.toLowerCase().replace(/^.*(\.[^.]+)$/, '$1');
      const error = !UPLOAD_EXTENSIONS.includes(ext)
        ? this.t('thread.badType', { name: safeFileName(file.name), types: UPLOAD_TYPE_NAMES })
        : file.size > max
          ? this.t('thread.tooBig', { name: safeFileName(file.name), mb: this.maxFileMb })
          : null;
      return { file, error, progress: 0 };
    });
    this.files = [...this.files, ...added];
    if (this.picker) this.picker.value = '';
  }

  private removeFile(i: number) {
    this.files = this.files.filter((_, k) => k !== i);
  }

  private typeText(e: Event) {
    this.text = (e.target as HTMLTextAreaElement).value;
    if (this.fieldError && this.text.trim()) this.fieldError = '';
    if (this.requestId) saveDraft(this.requestId, 'follow-up', this.text);
  }

  private drop(e: DragEvent) {
    e.preventDefault();
    this.dragging = false;
    if (e.dataTransfer?.files.length) this.addFiles(e.dataTransfer.files);
  }

  /** Sends the follow-up; on failure the text and the files stay for a retry. */
  private async createFollowUp(e: Event) {
    e.preventDefault();
    if (!this.requestId || this.sending) return;
    if (!this.text.trim()) {
      this.fieldError = this.t('thread.bodyRequired');
      this.textarea?.focus();
      return;
    }
    if (this.files.some((f) => f.error)) return;
    const form = new FormData();
    form.set('body', this.text);
    form.set('kind', this.kind);
    for (const c of this.files) form.append('files', c.file, c.file.name);
    this.sending = true;
    this.notice = undefined;
    const requestId = this.requestId;
    try {
      const created = await this.client.upload('/requests/:id/follow-ups', {
        params: { id: requestId },
        body: form,
        onProgress: (loaded, total) => this.showProgress(loaded, total),
      });
      clearDraft(requestId, 'follow-up');
      const kind = this.kind;
      this.text = '';
      this.files = [];
      this.kind = 'message';
      this.notice = { kind: 'success', text: this.t('thread.sent') };
      this.emit('atende-follow-up-created', { requestId, id: created.id, kind });
      await this.loadTask.run();
      // Keyboard focus stays in the composer; if what held it went away (the composer changed with the request), the message field takes it.
      await this.updateComplete;
      if (!this.shadowRoot?.activeElement && document.activeElement === document.body) this.textarea?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.errors.body) this.fieldError = err.errors.body;
      this.files = this.files.map((f) => ({ ...f, progress: 0 }));
      this.notice = { kind: 'error', text: `${this.describeError(err)} ${this.t('thread.failed')}` };
      if (err instanceof ApiError && err.status === 409) void this.loadTask.run();
    } finally {
      this.sending = false;
    }
  }

  /** Spreads the body's upload progress over the files, in the order they are sent. */
  private showProgress(loaded: number, total: number) {
    const sizes = this.files.map((f) => f.file.size);
    let offset = total - sizes.reduce((a, b) => a + b, 0);
    this.files = this.files.map((f) => {
      const done = Math.min(1, Math.max(0, (loaded - offset) / Math.max(1, f.file.size)));
      offset += f.file.size;
      return { ...f, progress: done };
    });
  }

  override render() {
    return html`<section part="base" aria-labelledby="title">
      <h3 id="title">${this.t('thread.title')}</h3>
      <div role="status" aria-live="polite">${this.notice ? html`<div class="alert ${this.notice.kind}"><p>${this.notice.text}</p></div>` : nothing}</div>
      ${this.loadTask.render({
        pending: () => (this.page ? this.renderThread() : html`<p class="loading"><span class="spinner"></span>${this.t('thread.loading')}</p>`),
        complete: () => this.renderThread(),
        error: (err) =>
          html`<div class="alert error" role="alert">
            <p>${this.t('thread.error')} ${this.describeError(err)}</p>
            <button class="btn small" @click=${() => this.reload()}>${this.t('common.retry')}</button>
          </div>`,
      })}
    </section>`;
  }

  private renderThread() {
    const page = this.page;
    if (!page) return nothing;
    const loadingOlder = this.olderTask.status === TaskStatus.PENDING;
    return html`
      ${page.awaitingCitizen && page.viewer.side === 'citizen' ? this.renderAsked() : nothing}
      ${
        page.nextBefore
          ? html`<button class="btn small" ?disabled=${loadingOlder} @click=${this.loadOlder}>
              ${loadingOlder ? this.t('thread.loadingOlder') : this.t('thread.older')}
            </button>`
          : nothing
      }
      ${
        this.entries.length
          ? html`<ol class="thread" part="thread">
              ${renderEntries(this.entries, this.locale, page.viewer.side, (f) => this.downloadFile(f))}
            </ol>`
          : html`<p>${this.t('thread.empty')}</p>`
      }
      ${page.awaitingCitizen && page.viewer.side === 'staff' ? html`<div class="alert"><p>${this.t('thread.awaitingStaff')}</p></div>` : nothing}
      ${page.viewer.kinds.length ? this.renderComposer(page) : html`<p class="hint">${this.t('thread.closed')}</p>`}
    `;
  }

  /** What the team asked of the citizen, first: the latest request for information and "Responder". */
  private renderAsked() {
    const asked = this.entries.findLast((e) => e.type === 'info_request');
    return html`<div class="asked" part="asked" role="region" aria-labelledby="asked-title">
      <h4 id="asked-title">${this.t('form.asked.title')}</h4>
      ${
        asked
          ? html`<p class="body">${asked.body}</p>
              <p class="hint">${this.t('form.asked.by', { name: asked.author.name, date: formatDate(this.locale, asked.at, true) })}</p>`
          : nothing
      }
      <p>${this.t('thread.awaitingCitizen')}</p>
      <button class="btn primary" type="button" @click=${() => void this.focusComposer()}>${this.t('form.asked.respond')}</button>
    </div>`;
  }

  private renderComposer(page: ThreadPage) {
    const kinds = page.viewer.kinds;
    // The citizen's words: they answer or write to the team; staff "Criar Acompanhamento".
    const citizen = page.viewer.side === 'citizen';
    const title: MessageKey = citizen ? (page.awaitingCitizen ? 'thread.compose.reply' : 'thread.compose.citizen') : 'thread.compose';
    const send: MessageKey = citizen ? (page.awaitingCitizen ? 'thread.send.reply' : 'thread.send.citizen') : 'thread.send';
    return html`<form part="composer" novalidate @submit=${this.createFollowUp} aria-labelledby="compose-title">
      <h4 id="compose-title">${this.t(title)}</h4>
      ${
        kinds.length > 1
          ? html`<fieldset>
              <legend>${this.t('thread.kind')}</legend>
              ${kinds.map(
                (k) =>
                  html`<label class="radio">
                    <input type="radio" name="kind" .value=${k} .checked=${this.kind === k} @change=${() => (this.kind = k)} />
                    ${this.t(`thread.kind.${k}` as MessageKey)}
                  </label>`,
              )}
            </fieldset>`
          : nothing
      }
      <div>
        <label for="body">${this.t('thread.body')}</label>
        <textarea
          id="body"
          .value=${this.text}
          @input=${this.typeText}
          maxlength="10000"
          aria-required="true"
          aria-invalid=${this.fieldError ? 'true' : 'false'}
          aria-describedby=${this.fieldError ? 'body-error' : nothing}
        ></textarea>
        ${this.fieldError ? html`<p id="body-error" class="field-error">${this.fieldError}</p>` : nothing}
      </div>
      <div
        class="drop ${this.dragging ? 'over' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.dragging = true;
        }}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.drop}
      >
        <label for="files">${this.t('thread.files', { types: UPLOAD_TYPE_NAMES, mb: this.maxFileMb })}</label>
        <input
          id="files"
          type="file"
          multiple
          accept=${UPLOAD_EXTENSIONS.join(',')}
          @change=${(e: Event) => this.addFiles((e.target as HTMLInputElement).files ?? [])}
        />
        <span class="hint">${this.t('thread.drop')}</span>
      </div>
      ${
        this.files.length
          ? html`<ul class="chosen">
              ${this.files.map(
                (c, i) =>
                  html`<li>
                    <span
                      >${safeFileName(c.file.name)} (${formatSize(this.locale, c.file.size)})
                      ${c.error ? html`<span class="field-error" role="alert">${c.error}</span>` : nothing}</span
                    >
                    <progress max="1" .value=${c.progress} aria-label=${this.t('thread.progress', { name: safeFileName(c.file.name) })}></progress>
                    <button
                      type="button"
                      class="btn small"
                      ?disabled=${this.sending}
                      aria-label=${this.t('thread.remove', { name: safeFileName(c.file.name) })}
                      @click=${() => this.removeFile(i)}
                    >
                      ✕
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="actions">
        <!-- aria-disabled, not disabled, while sending: a disabled button drops the keyboard focus to the page body. -->
        <button class="btn primary" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? this.t('thread.sending') : this.t(send)}
        </button>
      </div>
    </form>`;
  }
}

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-follow-up-created': { requestId: number; id: number; kind: FollowUpKind };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-follow-up-thread': AtendeFollowUpThread;
  }
  interface GlobalEventHandlersEventMap {
    'atende-follow-up-created': CustomEvent<{ requestId: number; id: number; kind: FollowUpKind }>;
  }
}
