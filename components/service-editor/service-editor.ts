import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { CHARTER_PARTS } from '../../contract/charter.js';
import type { InstitutionRef, ServiceVersion } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import type { MessageKey } from '../internal/i18n.js';
import { dialogStyles, hostStyles } from '../internal/styles.js';
import { type DialogKind, renderDialog } from './dialogs.js';
import {
  type EntryForm,
  type RowOf,
  type Rows,
  anchorOf,
  checkForm,
  emptyForm,
  sameEntry,
  toBody,
  toForm,
  withRowAdded,
  withRowChanged,
  withRowMoved,
  withRowRemoved,
} from './entry.js';
import { type FormView, renderSections } from './entry-form.js';
import { renderHistory } from './history.js';
import { editorStyles } from './service-editor.styles.js';
import { type StoredEntry, clearEntry, readEntry, storeEntry } from './stored-entry.js';
import { type Problem, renderActions, renderList, renderPanels, statusBadge } from './views.js';
import './messages.js';

type Send = (signal: AbortSignal) => Promise<ServiceVersion>;

/** The control each added row's work continues in. */
const FIRST_CONTROL: Record<Rows, (key: number) => string> = {
  documents: (k) => `f-doc-${k}-name`,
  steps: (k) => `f-step-${k}`,
  fields: (k) => `f-field-${k}-label`,
};
const ADD_BUTTON: Record<Rows, string> = { documents: 'add-document', steps: 'add-step', fields: 'add-field' };
const ROW_LABEL: Record<Rows, MessageKey> = { documents: 'editor.doc.row', steps: 'editor.step.label', fields: 'editor.field.row' };
/** What is announced as rows are added and removed, and as steps and fields move. */
const ROW_NEWS = {
  documents: { added: 'editor.doc.added', removed: 'editor.doc.removed' },
  steps: { added: 'editor.step.added', removed: 'editor.step.removed' },
  fields: { added: 'editor.field.added', removed: 'editor.field.removed' },
} as const satisfies Record<Rows, Record<string, MessageKey>>;
const MOVED = { steps: 'editor.step.moved', fields: 'editor.field.moved' } as const satisfies Record<string, MessageKey>;

/**
 * The institution's Carta de Serviços as its manager keeps it: the services
 * (published, draft, withdrawn, with a pending draft), and for one service
 * every part of the entry the law asks for (Lei 13.460/2017 art. 7) — texts
 * under the browser's pt-BR spell checking, documents, ordered steps, the
 * citizen's form fields — saved as a draft ("Salvar rascunho", `If-Match`,
 * a conflict keeps what was typed), what is still missing to publish,
 * "Publicar" and "Retirar de publicação" (with a reason), and the version
 * history with a field-by-field comparison. What is typed and not saved is
 * kept in this browser and offered back after a reload.
 *
 * @tagname atende-service-editor
 * @summary Register, edit, publish and withdraw the services of a Carta de Serviços.
 * @event atende-service-saved - A draft was saved; `detail: {serviceId, version}`.
 * @event atende-service-published - The service was published; `detail: {serviceId, version}`.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart list - The list of services.
 * @csspart editor - The editing view.
 * @csspart actions - The editing view's action bar.
 * @csspart dialog - The publish / withdraw dialog.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-color-success - "Publicar" (default #168821).
 * @cssproperty --atende-color-danger - "Retirar de publicação" and errors (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-radius - Corner radius of fields and panels (default 4px).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 */
export class AtendeServiceEditor extends AtendeElement {
  static override styles = [hostStyles, dialogStyles, editorStyles];

  /** The institution whose charter to edit; by default the first one the signed-in user manages. */
  @property({ type: Number, attribute: 'institution-id' }) institutionId?: number;

  @state() private mode: 'list' | 'edit' = 'list';
  /** The service being edited; undefined for a new one until its first save. */
  @state() private serviceId?: number;
  @state() private version?: ServiceVersion;
  @state() private form: EntryForm = emptyForm();
  /** The entry as the server has it (loaded or last saved); undefined before a new service's first save. */
  @state() private saved?: EntryForm;
  @state() private problems: Problem[] = [];
  @state() private problemsTitle: MessageKey = 'editor.errors.save';
  @state() private notice?: { kind: 'success' | 'error' | 'info'; text: string };
  @state() private conflict = false;
  @state() private offer?: StoredEntry & { afterConflict: boolean };
  @state() private dialog?: DialogKind;
  @state() private dialogError = '';
  @state() private reason = '';
  @state() private reasonError = '';
  @state() private showVersions = false;
  @state() private pick: { a?: number; b?: number } = {};
  @state() private announcement = '';
  @state() private listGeneration = 0;
  /** The service whose versions the comparison on screen is of. */
  @state() private diffService?: number;

  @query('dialog') private dialogEl?: HTMLDialogElement;
  /** Where focus goes once the next render is done. */
  private focusTarget?: string;
  /** The control that opened the dialog, focused again when it closes. */
  private returnFocus?: string;
  private dirtyCache?: { form: EntryForm; saved?: EntryForm; dirty: boolean };

  /** The institution whose charter this is: the attribute's, or the first the user manages; null when they manage none. */
  private readonly institutionTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.institutionId] as const,
    task: async ([, credential, wanted], { signal }) => {
      if (!credential) return initialState;
      const me = await this.client.get('/me', { signal });
      const institution: InstitutionRef | null = wanted
        ? (me.memberships.find((m) => m.institution.id === wanted)?.institution ?? { id: wanted, acronym: '', name: '' })
        : (me.memberships.find((m) => m.role === 'manager')?.institution ?? null);
      return institution;
    },
  });

  private readonly listTask = new Task(this, {
    args: () => [this.institutionTask.value?.id, this.listGeneration] as const,
    task: async ([institutionId], { signal }) => {
      if (!institutionId) return initialState;
      return (await this.client.get('/services', { query: { institutionId, drafts: 'true' }, signal })).items;
    },
  });

  /** The newest version of a service: its draft when it has one. */
  private readonly openTask = new Task<[number], ServiceVersion>(this, {
    autoRun: false,
    task: async ([id], { signal }) => {
      const { items } = await this.client.get('/services/:id/versions', { params: { id }, signal });
      return this.client.get('/services/:id/versions/:version', { params: { id, version: items[0].version }, signal });
    },
  });

  private readonly actionTask = new Task<[Send], ServiceVersion>(this, {
    autoRun: false,
    task: ([send], { signal }) => send(signal),
  });

  private readonly historyTask = new Task(this, {
    args: () =>
      [
        this.mode === 'edit' && this.showVersions ? this.serviceId : undefined,
        this.version?.versionId,
        this.version?.revision,
        this.version?.serviceStatus,
      ] as const,
    task: async ([id], { signal }) => {
      if (!id) return initialState;
      const versions = await this.client.get('/services/:id/versions', { params: { id }, signal });
      const known = new Set(versions.items.map((i) => i.version));
      if (!known.has(this.pick.a!) || !known.has(this.pick.b!)) this.pick = { a: versions.items[1]?.version, b: versions.items[0]?.version };
      return versions;
    },
  });

  private readonly diffTask = new Task(this, {
    autoRun: false,
    task: ([id, a, b]: [number, number, number], { signal }) => this.client.get('/services/:id/versions/:a/diff/:b', { params: { id, a, b }, signal }),
  });

  /** Opens the editing view of service `id`, or of a new service without one. */
  async editService(id?: number): Promise<void> {
    const institution = this.institutionTask.value;
    if (!institution) return;
    this.mode = 'edit';
    this.serviceId = id;
    this.version = undefined;
    this.saved = undefined;
    this.form = emptyForm();
    this.clearProblems();
    this.notice = undefined;
    this.conflict = false;
    this.offer = undefined;
    this.showVersions = false;
    this.pick = {};
    this.diffService = undefined;
    this.focusOn('heading');
    if (id === undefined) return this.offerStored(false);
    void this.openTask.run([id]);
    let loaded: ServiceVersion;
    try {
      loaded = await this.openTask.taskComplete;
    } catch {
      // The view shows the error with "Tentar novamente".
      return;
    }
    // The manager may have gone back to the list, or opened another service, meanwhile.
    if (this.mode !== 'edit' || this.serviceId !== id || loaded.serviceId !== id) return;
    this.showVersion(loaded);
    this.offerStored(false);
    this.focusOn('heading');
  }

  private backToList(): void {
    this.mode = 'list';
    this.dialog = undefined;
    // The list is hidden while a service is edited: it is fetched again once, on the way back.
    this.listGeneration++;
    this.focusOn(this.serviceId ? `edit-${this.serviceId}` : 'new-service');
  }

  private showVersion(v: ServiceVersion): void {
    this.version = v;
    this.serviceId = v.serviceId;
    this.form = toForm(v.entry);
    this.saved = this.form;
  }

  /** Offers back what was typed and not saved for this service, when it differs from what is on screen. */
  private offerStored(afterConflict: boolean): void {
    const institution = this.institutionTask.value;
    if (!institution) return;
    const stored = readEntry(institution.id, this.serviceId);
    if (stored && !sameEntry(stored.form, this.form)) this.offer = { ...stored, afterConflict };
    else if (stored) clearEntry(institution.id, this.serviceId);
  }

  private restoreOffer(): void {
    if (!this.offer) return;
    this.form = this.offer.form;
    this.offer = undefined;
    this.keepTyped();
    this.say('info', this.t('editor.restored'));
  }

  private discardOffer(): void {
    const institution = this.institutionTask.value;
    if (institution) clearEntry(institution.id, this.serviceId);
    this.offer = undefined;
    this.say('info', this.t('editor.discarded'));
  }

  /** Whether the entry on screen differs from the server's (computed once per change of either). */
  private get dirty(): boolean {
    const c = this.dirtyCache;
    if (c && c.form === this.form && c.saved === this.saved) return c.dirty;
    const dirty = !sameEntry(this.form, this.saved ?? emptyForm());
    this.dirtyCache = { form: this.form, saved: this.saved, dirty };
    return dirty;
  }

  /** Keeps the entry in this browser while it differs from what the server has. */
  private keepTyped(): void {
    const institution = this.institutionTask.value;
    if (!institution) return;
    if (this.dirty) storeEntry(institution.id, this.serviceId, this.form);
    else clearEntry(institution.id, this.serviceId);
  }

  private change(patch: Partial<EntryForm>): void {
    this.form = { ...this.form, ...patch };
    this.keepTyped();
  }

  private setRow<L extends Rows>(list: L, key: number, patch: Partial<RowOf<L>>): void {
    this.form = withRowChanged(this.form, list, key, patch);
    this.keepTyped();
  }

  private addRow(list: Rows): void {
    const { form, key } = withRowAdded(this.form, list);
    this.form = form;
    this.keepTyped();
    this.announce(this.t(ROW_NEWS[list].added, { n: form[list].length }));
    this.focusOn(FIRST_CONTROL[list](key));
  }

  private removeRow(list: Rows, key: number): void {
    const { form, next } = withRowRemoved(this.form, list, key);
    this.form = form;
    this.keepTyped();
    // The removed row's errors go with it.
    const ids = new RegExp(`^f-(doc|step|field)-${key}(-|$)`);
    this.problems = this.problems.filter((p) => !ids.test(p.anchor));
    this.announce(this.t(ROW_NEWS[list].removed));
    this.focusOn(next === undefined ? ADD_BUTTON[list] : FIRST_CONTROL[list](next));
  }

  /** Moves a step or a field; focus stays on the button pressed, on the row in its new place. */
  private moveRow(list: 'steps' | 'fields', key: number, by: -1 | 1): void {
    const moved = withRowMoved(this.form, list, key, by);
    if (!moved) return;
    this.form = moved.form;
    this.keepTyped();
    this.announce(this.t(MOVED[list], { n: moved.position, total: moved.form[list].length }));
    this.focusOn(`${list === 'steps' ? 'step' : 'field'}-${key}-${by < 0 ? 'up' : 'down'}`);
  }

  private announce(text: string): void {
    // The same words twice in a row still count as a change for screen readers.
    this.announcement = text === this.announcement.trim() ? `${text}\u00a0` : text;
  }

  private say(kind: 'success' | 'error' | 'info', text: string): void {
    this.notice = { kind, text };
    this.focusOn('notice');
  }

  private focusOn(id: string): void {
    this.focusTarget = id;
    this.requestUpdate();
  }

  /** Focuses control `id` (the first box of a group of checkboxes); answers whether it is there. */
  private focusControl(id: string): boolean {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    const target = el?.localName === 'fieldset' ? el.querySelector<HTMLElement>('input, select, textarea, button') : el;
    target?.focus();
    return !!target;
  }

  private clearProblems(): void {
    this.problems = [];
  }

  /** The summary's name for the part at `path`: the part, or its row ("Etapa 2"). */
  private partLabel(path: string): string {
    const [part, index] = path.split('.');
    const row = (ROW_LABEL as Record<string, MessageKey>)[part];
    if (row && index !== undefined && /^\d+$/.test(index)) return this.t(row, { n: Number(index) + 1 });
    return part in CHARTER_PARTS ? this.t(`editor.part.${part}` as MessageKey) : part;
  }

  /** Shows the errors next to their controls and in a summary at the top, which takes focus. */
  private showProblems(errors: Record<string, string>, title: MessageKey): void {
    // A refused publication names each part itself (in Portuguese); a field error is told which row it is about.
    const publishing = title === 'editor.errors.publish';
    this.problems = Object.entries(errors).map(([path, said]) => {
      const message = publishing && this.locale !== 'pt-BR' ? `${this.partLabel(path)}: ${this.t('editor.errors.missing')}` : said;
      return { anchor: anchorOf(path, this.form), message, text: publishing ? message : `${this.partLabel(path)}: ${message}` };
    });
    this.problemsTitle = title;
    this.focusOn('error-summary');
  }

  /** Messages by control, for the controls themselves. */
  private get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.problems) out[p.anchor] = out[p.anchor] ? `${out[p.anchor]} ${p.message}` : p.message;
    return out;
  }

  private get busy(): boolean {
    return this.actionTask.status === TaskStatus.PENDING;
  }

  private async run(send: Send): Promise<ServiceVersion> {
    void this.actionTask.run([send]);
    return this.actionTask.taskComplete;
  }

  /** What a refusal means to the manager: the server's words (pt-BR), or the generic message. */
  private explain(error: unknown): string {
    if (error instanceof ApiError && error.isConflict) return this.locale === 'pt-BR' && error.message ? error.message : this.t('error.generic');
    return this.describeError(error);
  }

  /**
   * Saves the entry as it is on screen: a new service (POST) or its draft
   * (PATCH, If-Match the version loaded). Answers the saved version, or
   * undefined with the reason shown and what was typed kept.
   */
  private async save(): Promise<ServiceVersion | undefined> {
    const institution = this.institutionTask.value;
    if (!institution || this.busy) return undefined;
    this.notice = undefined;
    const local = checkForm(this.form, (k) => this.t(k));
    if (Object.keys(local).length) {
      this.showProblems(local, 'editor.errors.save');
      return undefined;
    }
    const sent = this.form;
    const body = toBody(sent);
    const id = this.serviceId;
    const v = this.version;
    try {
      const result = await this.run((signal) =>
        id && v
          ? this.client.patch('/services/:id', { params: { id }, body, ifMatch: `${v.versionId}.${v.revision}`, signal })
          : this.client.post('/services', { body: { ...body, institutionId: institution.id }, signal }),
      );
      if (id === undefined) clearEntry(institution.id, undefined);
      this.version = result;
      this.serviceId = result.serviceId;
      this.saved = sent;
      this.conflict = false;
      this.offer = undefined;
      this.clearProblems();
      this.keepTyped();
      this.emit('atende-service-saved', { serviceId: result.serviceId, version: result.version });
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        this.conflict = true;
        this.focusOn('conflict');
      } else if (error instanceof ApiError && Object.keys(error.errors).length) {
        this.showProblems(error.errors, 'editor.errors.save');
      } else {
        this.say('error', this.explain(error));
      }
      return undefined;
    }
  }

  private async saveDraft(e?: Event): Promise<void> {
    e?.preventDefault();
    const saved = await this.save();
    if (saved) this.say('success', this.t('editor.saved', { n: saved.version }));
  }

  /** After a conflict: shows the newest version; what was typed stays in this browser, offered back. */
  private async loadNewest(): Promise<void> {
    const institution = this.institutionTask.value;
    const id = this.serviceId;
    if (!institution || !id) return;
    storeEntry(institution.id, id, this.form);
    void this.openTask.run([id]);
    try {
      this.showVersion(await this.openTask.taskComplete);
    } catch (error) {
      this.say('error', this.explain(error));
      return;
    }
    this.conflict = false;
    this.clearProblems();
    this.offerStored(true);
    this.focusOn(this.offer ? 'offer' : 'heading');
  }

  private openDialog(kind: DialogKind): void {
    if (this.busy) return;
    this.returnFocus = `action-${kind}`;
    this.dialogError = '';
    this.reasonError = '';
    this.reason = '';
    this.notice = undefined;
    this.dialog = kind;
  }

  private closeDialog(): void {
    this.dialog = undefined;
  }

  /** Escape closed the dialog; a close event queued before another action opened it again is stale. */
  private dialogClosed(): void {
    if (!this.dialogEl?.open) this.closeDialog();
  }

  private submitDialog(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    if (this.dialog === 'publish') void this.publish();
    else void this.unpublish();
  }

  /** Saves what is unsaved, then publishes the draft; a refusal lists every missing part next to its control. */
  private async publish(): Promise<void> {
    if (this.dirty || !this.serviceId) {
      if (!(await this.save())) return this.closeDialog();
    }
    const id = this.serviceId!;
    const v = this.version!;
    try {
      // If-Match: the version the manager confirmed is the one published, or 412.
      const ifMatch = `${v.versionId}.${v.revision}`;
      const result = await this.run((signal) => this.client.post('/services/:id/publish', { params: { id }, ifMatch, signal }));
      this.version = result;
      this.clearProblems();
      this.closeDialog();
      this.say('success', this.t('editor.published', { n: result.version }));
      this.emit('atende-service-published', { serviceId: result.serviceId, version: result.version });
    } catch (error) {
      this.closeDialog();
      if (error instanceof ApiError && error.status === 412) {
        this.conflict = true;
        this.focusOn('conflict');
      } else if (error instanceof ApiError && error.status === 409 && Object.keys(error.errors).length) {
        this.showProblems(error.errors, 'editor.errors.publish');
      } else {
        this.say('error', this.explain(error));
      }
    }
  }

  private async unpublish(): Promise<void> {
    const reason = this.reason.trim();
    if (!reason) {
      this.reasonError = this.t('editor.unpublish.required');
      this.focusOn('reason');
      return;
    }
    const id = this.serviceId!;
    try {
      const result = await this.run((signal) => this.client.post('/services/:id/unpublish', { params: { id }, body: { reason }, signal }));
      this.version = result;
      this.closeDialog();
      this.say('success', this.t('editor.unpublished'));
    } catch (error) {
      if (error instanceof ApiError && error.errors.reason) {
        this.reasonError = error.errors.reason;
        this.focusOn('reason');
      } else {
        this.dialogError = this.explain(error);
      }
    }
  }

  private toggleVersions(): void {
    this.showVersions = !this.showVersions;
    if (this.showVersions) this.focusOn('versions-h');
  }

  private compare(): void {
    const { a, b } = this.pick;
    if (!this.serviceId || a === undefined || b === undefined || this.diffTask.status === TaskStatus.PENDING) return;
    this.diffService = this.serviceId;
    void this.diffTask.run([this.serviceId, a, b]).then(() => {
      if (this.diffTask.status === TaskStatus.COMPLETE) this.focusOn('diff-result');
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('institutionId') && changed.get('institutionId') !== undefined) this.mode = 'list';
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const dialog = this.dialogEl;
    if (changed.has('dialog')) {
      if (this.dialog && dialog && !dialog.open) {
        dialog.showModal();
        if (!this.focusTarget) dialog.querySelector<HTMLElement>(this.dialog === 'unpublish' ? '#reason' : '#dialog-submit')?.focus();
      } else if (!this.dialog && dialog?.open) {
        dialog.close();
      }
    }
    if (this.focusTarget) {
      const id = this.focusTarget;
      // A control still to come (the list reloading, a service loading) takes focus when it renders; else the heading does.
      const coming = this.listTask.status === TaskStatus.PENDING || this.openTask.status === TaskStatus.PENDING;
      if (this.focusControl(id) || !coming) this.focusTarget = undefined;
      if (!this.focusTarget && this.renderRoot.querySelector(`#${CSS.escape(id)}`) === null) this.focusControl('heading');
    } else if (changed.has('dialog') && !this.dialog && changed.get('dialog')) {
      this.focusControl(this.returnFocus && this.renderRoot.querySelector(`#${this.returnFocus}`) ? this.returnFocus : 'heading');
    }
  }

  protected override render() {
    return html`<div part="base" class="base">
      ${this.mode === 'list' ? this.renderList() : this.renderEditor()}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.dialogClosed}>${this.dialog ? this.renderOpenDialog() : nothing}</dialog>
    </div>`;
  }

  private renderList() {
    const institution = this.institutionTask.value;
    const failed = [this.institutionTask, this.listTask].find((task) => task.status === TaskStatus.ERROR);
    return renderList({
      t: (k, p) => this.t(k, p),
      title: institution?.acronym ? this.t('editor.titleOf', { institution: institution.acronym }) : this.t('editor.title'),
      blocked: !this.credential ? 'signin' : institution === null ? 'notManager' : undefined,
      items: this.listTask.value,
      error: failed ? this.describeError(failed.error) : undefined,
      pending: this.listTask.status === TaskStatus.PENDING,
      canCreate: !!institution,
      retry: () => void (this.institutionTask.value ? this.listTask.run() : this.institutionTask.run()),
      create: () => void this.editService(),
      edit: (id) => void this.editService(id),
    });
  }

  private renderEditor() {
    const back = html`<button id="back" class="btn small back" type="button" @click=${() => this.backToList()}>${this.t('editor.back')}</button>`;
    if (this.serviceId !== undefined && !this.version) {
      const failed = this.openTask.status === TaskStatus.ERROR;
      return html`<section part="editor" class="editor">
        ${back}
        ${
          failed
            ? html`<div class="alert error" role="alert" id="heading" tabindex="-1">
                <p>${this.t('editor.loadError')} ${this.describeError(this.openTask.error)}</p>
                <button class="btn small" type="button" @click=${() => this.editService(this.serviceId)}>${this.t('common.retry')}</button>
              </div>`
            : html`<p class="loading" role="status" id="heading" tabindex="-1"><span class="spinner" aria-hidden="true"></span>${this.t('editor.loading')}</p>`
        }
      </section>`;
    }
    const v = this.version;
    const t = (k: MessageKey, p?: Record<string, string | number>) => this.t(k, p);
    return html`<section part="editor" class="editor" aria-labelledby="heading">
      <header>
        ${back}
        <h2 id="heading" tabindex="-1">${v ? this.t('editor.heading.edit', { name: v.entry.name }) : this.t('editor.heading.new')}</h2>
        <p class="status-line">
          ${statusBadge(t, v?.serviceStatus ?? 'draft')}
          ${v ? html`<span>${this.t('editor.version', { n: v.version })} (${this.t(`editor.versionState.${v.state}`)})</span>` : nothing}
          ${this.dirty ? html`<span class="badge pending">${this.t('editor.unsavedChanges')}</span>` : nothing}
        </p>
      </header>
      ${renderPanels({
        t,
        locale: this.locale,
        notice: this.notice,
        conflict: this.conflict,
        offer: this.offer,
        problems: this.problems,
        problemsTitle: this.problemsTitle,
        version: v,
        form: this.form,
        dirty: this.dirty,
        loadNewest: () => void this.loadNewest(),
        restore: () => this.restoreOffer(),
        discard: () => this.discardOffer(),
        focus: (anchor) => this.focusControl(anchor),
      })}
      <form id="entry" class="entry" novalidate aria-label=${this.t('editor.form')} @submit=${(e: Event) => this.saveDraft(e)}>
        <p class="hint">${this.t('editor.spellcheck')}</p>
        ${renderSections(this.formView)}
        ${renderActions({
          t,
          busy: this.busy,
          saving: this.busy && !this.dialog,
          canPublish: this.dirty || !v || v.state === 'draft' || v.serviceStatus === 'unpublished',
          canUnpublish: v?.serviceStatus === 'published',
          versions: this.serviceId ? this.showVersions : undefined,
          publish: () => this.openDialog('publish'),
          unpublish: () => this.openDialog('unpublish'),
          toggleVersions: () => this.toggleVersions(),
        })}
      </form>
      ${this.showVersions && this.serviceId ? this.renderVersions() : nothing}
    </section>`;
  }

  private get formView(): FormView {
    return {
      t: (k, p) => this.t(k, p),
      form: this.form,
      errors: this.fieldErrors,
      set: (patch) => this.change(patch),
      setRow: (list, key, patch) => this.setRow(list, key, patch),
      add: (list) => this.addRow(list),
      remove: (list, key) => this.removeRow(list, key),
      move: (list, key, by) => this.moveRow(list, key, by),
    };
  }

  private renderVersions() {
    const h = this.historyTask;
    const d = this.diffTask;
    return renderHistory({
      t: (k, p) => this.t(k, p),
      locale: this.locale,
      versions: h.value,
      pending: h.status === TaskStatus.PENDING,
      error: h.status === TaskStatus.ERROR ? this.describeError(h.error) : undefined,
      retry: () => void h.run(),
      pick: this.pick,
      choose: (which, version) => (this.pick = { ...this.pick, [which]: version }),
      compare: () => this.compare(),
      diff: this.diffService === this.serviceId ? d.value : undefined,
      diffPending: d.status === TaskStatus.PENDING,
      diffError: d.status === TaskStatus.ERROR && this.diffService === this.serviceId ? this.describeError(d.error) : undefined,
    });
  }

  private renderOpenDialog() {
    return renderDialog({
      kind: this.dialog!,
      t: (k, p) => this.t(k, p),
      busy: this.busy,
      version: this.dirty || this.version?.state !== 'draft' ? undefined : this.version?.version,
      unsaved: this.dirty,
      error: this.dialogError,
      reasonError: this.reasonError,
      reason: this.reason,
      typeReason: (e) => {
        this.reason = (e.target as HTMLTextAreaElement).value;
        if (this.reasonError && this.reason.trim()) this.reasonError = '';
      },
      submit: (e) => this.submitDialog(e),
      cancel: () => this.closeDialog(),
    });
  }
}

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-service-saved': { serviceId: number; version: number };
    'atende-service-published': { serviceId: number; version: number };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-service-editor': AtendeServiceEditor;
  }
  interface GlobalEventHandlersEventMap {
    'atende-service-saved': CustomEvent<{ serviceId: number; version: number }>;
    'atende-service-published': CustomEvent<{ serviceId: number; version: number }>;
  }
}
