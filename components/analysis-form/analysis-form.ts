import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { stepsToConfirm } from '../../contract/steps.js';
import type { RequestAction, RequestDetail, StepState, ThreadEntry } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { type DraftKind, clearDraft, readDraft, saveDraft } from '../internal/drafts.js';
import { type MessageKey, formatDate } from '../internal/i18n.js';
import { dialogStyles, hostStyles } from '../internal/styles.js';
import { formStyles } from './analysis-form.styles.js';
import { type DialogKind, FIELD_IDS, renderDialog } from './dialogs.js';
import { DocumentsController } from './documents.js';
import { type View, renderCitizen, renderFormData, renderHistory, renderOutcome, renderSteps, renderSummary, renderUnassigned } from './sections.js';

/** Sends one action for the request `id`, with the version the user saw. */
type Send = (id: number, opts: { ifMatch: number; signal: AbortSignal }) => Promise<RequestDetail>;

interface ActionCall {
  action: RequestAction;
  send: Send;
  requestId: number;
  version: number;
}

/** The buttons of the action bar, in the manual's order, and the dialog each opens. */
const BAR: { action: RequestAction; dialog?: DialogKind; tone: string }[] = [
  { action: 'start_analysis', tone: 'primary' },
  { action: 'approve', dialog: 'approve', tone: 'success' },
  { action: 'reject', dialog: 'reject', tone: 'danger' },
  { action: 'conclude', dialog: 'conclude', tone: 'primary' },
  // Solid while nobody attends the request (its assignee lost access); an outline beside the work otherwise.
  { action: 'reassign', dialog: 'reassign', tone: '' },
];

/** Events of other elements on the page that change the request shown. */
const FOLLOWED = ['atende-follow-up-created', 'atende-evaluation-sent', 'atende-request-reopened'] as const;

/**
 * One request, as the attendant analyses it: the citizen, the form they
 * filled, the documents (preview and download), the steps answered Sim/Não,
 * the history, and the decisions the current user may take now —
 * "+ Iniciar Análise", "Aprovar" (choose the attendant, "Sim, Aprovar!"),
 * "Reprovar" (justification), "Concluir" ("Concluir Solicitação",
 * "Finalizar"). Drafts of the texts survive a reload; a conflict reloads.
 * While open it refreshes the request when the page regains focus or
 * visibility and every `refresh-seconds` (a 304 when nothing changed), so
 * "Em análise por Fulano" shows before anyone runs into a conflict, and
 * when a thread of the same request on the page sends a follow-up.
 * Approving with steps not answered "Sim" asks to confirm them by name.
 * The staff may "Reatribuir" a request in attendance to another attendant;
 * one whose attendant lost access ("sem atendente") says so first.
 *
 * @tagname atende-analysis-form
 * @summary Analysis, decision and conclusion of one request.
 * @event atende-request-changed - An action succeeded, a conflict reloaded the request (`action: 'reload'`) or a refresh found it changed by someone else (`action: 'refresh'`); `detail: {id, action, status, version}`.
 * @event atende-reply-requested - The citizen chose "Responder" and no thread of this request is on the same page; `detail: {id}`.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart actions - The action bar.
 * @csspart dialog - The decision dialog.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-color-success - "Aprovar" (default #168821).
 * @cssproperty --atende-color-danger - "Reprovar" and errors (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-font-size - Base size (default 1rem).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-radius - Corner radius of fields and panels (default 4px).
 * @cssproperty --atende-button-radius - Corner radius of buttons (default pill, 100em).
 * @cssproperty --atende-control-height - Height of buttons and fields (default 2.5rem).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 */
export class AtendeAnalysisForm extends AtendeElement {
  static override styles = [hostStyles, dialogStyles, formStyles];

  /** Id of the request to show. */
  @property({ type: Number, attribute: 'request-id' }) requestId?: number;

  /** Seconds between refreshes of the open request (each a 304 when it did not change); 0: only on focus and visibility. */
  @property({ type: Number, attribute: 'refresh-seconds' }) refreshSeconds = 15;

  @state() private request?: RequestDetail;
  @state() private dialog?: DialogKind;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private dialogError = '';
  @state() private notice?: { kind: 'success' | 'error' | 'info'; text: string };

  @query('dialog') private dialogEl?: HTMLDialogElement;
  private returnFocus?: string;
  /** What had focus before a render: if the render removes it, focus goes to the heading, never to the page body. */
  private focusedBefore: Element | null = null;
  private timer?: ReturnType<typeof setInterval>;
  private refreshing = false;
  private readonly refreshOnFocus = () => void this.refresh();
  private readonly refreshOnVisible = () => document.visibilityState === 'visible' && void this.refresh();
  private readonly documents = new DocumentsController(this, this.client, (e) => this.describeError(e));

  private readonly loadTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.requestId] as const,
    task: async ([, credential, id], { signal }) => {
      if (!credential || !id) return initialState;
      try {
        const data = await this.client.get('/requests/:id', { params: { id }, signal });
        if (id === this.requestId) this.request = data;
        return data;
      } catch (error) {
        // Gone for this user (their access ended, say): no stale copy with buttons that can only fail.
        if (error instanceof ApiError && error.status === 404 && id === this.requestId) this.request = undefined;
        throw error;
      }
    },
  });

  private readonly historyTask = new Task(this, {
    args: () => [this.request?.id, this.request?.version] as const,
    task: async ([id], { signal }) => {
      if (!id) return initialState;
      return (await this.client.get('/requests/:id/history', { params: { id }, signal })).items;
    },
  });

  /** What the team asked of the citizen, while the request awaits them: the latest request for information of the thread. */
  private readonly askedTask = new Task(this, {
    args: () => [this.request?.id, this.request?.version, this.awaitsViewer] as const,
    task: async ([id, , awaits], { signal }): Promise<ThreadEntry | null> => {
      if (!id || !awaits) return null;
      const page = await this.client.get('/requests/:id/follow-ups', { params: { id }, query: { limit: 20 }, signal });
      return page.items.findLast((e) => e.type === 'info_request') ?? null;
    },
  });

  private readonly attendantsTask = new Task(this, {
    autoRun: false,
    args: () => [this.request?.institution.id, this.request?.id] as const,
    task: async ([institutionId, forRequest], { signal }) => {
      if (!institutionId) return initialState;
      // Only who may attend this request (not whoever filed it: bff/domain/permissions.ts assigneeRefusal).
      return (await this.client.get('/institutions/:id/attendants', { params: { id: institutionId }, query: { forRequest }, signal })).items;
    },
  });

  private readonly actionTask = new Task<[ActionCall], RequestDetail>(this, {
    autoRun: false,
    task: ([call], { signal }) => call.send(call.requestId, { ifMatch: call.version, signal }),
  });

  /** Fetches the request again. */
  reload(): void {
    void this.loadTask.run();
  }

  /** A thread or the evaluation form of the same request on the page changed it: read it again. */
  private readonly followThread = (e: CustomEvent<{ requestId: number }>) => {
    if (e.detail.requestId === this.requestId && this.request) this.reload();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const name of FOLLOWED) document.addEventListener(name, this.followThread);
    addEventListener('focus', this.refreshOnFocus);
    document.addEventListener('visibilitychange', this.refreshOnVisible);
    this.startTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of FOLLOWED) document.removeEventListener(name, this.followThread);
    removeEventListener('focus', this.refreshOnFocus);
    document.removeEventListener('visibilitychange', this.refreshOnVisible);
    clearInterval(this.timer);
  }

  private startTimer(): void {
    clearInterval(this.timer);
    if (this.isConnected && this.refreshSeconds > 0) this.timer = setInterval(this.refreshOnVisible, this.refreshSeconds * 1000);
  }

  /**
   * Asks whether the request changed since the copy on screen (If-None-Match:
   * a 304 costs one indexed read) and shows the new one, saying so. Not while
   * the user is deciding (a dialog open, an action running): the version they
   * decide on stays, and a stale one answers 412, which reloads.
   */
  async refresh(): Promise<void> {
    const shown = this.request;
    if (!shown || this.refreshing || this.dialog || this.busy || this.loadTask.status === TaskStatus.PENDING) return;
    if (document.visibilityState === 'hidden') return;
    this.refreshing = true;
    try {
      const fresh = await this.client.getIfChanged('/requests/:id', shown.version, { params: { id: shown.id } });
      if (!fresh || this.request !== shown || fresh.id !== this.requestId || this.dialog || this.busy) return;
      this.request = fresh;
      const startedByOther = fresh.analyst && fresh.status === 'in_analysis' && shown.status !== 'in_analysis';
      this.notice = { kind: 'info', text: startedByOther ? this.t('form.refreshed.analyst', { name: fresh.analyst!.name }) : this.t('form.refreshed') };
      this.emit('atende-request-changed', { id: fresh.id, action: 'refresh', status: fresh.status, version: fresh.version });
    } catch (error) {
      // No longer visible to this user: the load says so and drops the copy. Otherwise the copy on screen
      // stays and the next refresh tries again (an expired session is reported by the client).
      if (error instanceof ApiError && error.status === 404) this.reload();
    } finally {
      this.refreshing = false;
    }
  }

  /** Moves keyboard focus to the request's heading once it has loaded (for hosts that open a request). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    await this.loadTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    this.focusedBefore = this.renderRoot?.querySelector(':focus');
    if (changed.has('refreshSeconds')) this.startTimer();
    if (changed.has('requestId') && this.request?.id !== this.requestId) {
      this.request = undefined;
      this.notice = undefined;
      this.dialog = undefined;
      this.documents.reset();
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // The focused control went away (its action no longer applies): the request's heading takes focus.
    if (this.focusedBefore && !this.focusedBefore.isConnected && !this.dialog) this.focusHere('#heading');
    this.focusedBefore = null;
    if (!changed.has('dialog')) return;
    const dialog = this.dialogEl;
    if (this.dialog && dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('textarea, select, input')?.focus();
    } else if (!this.dialog && dialog?.open) {
      dialog.close();
    }
    if (!this.dialog && changed.get('dialog')) this.restoreFocus();
  }

  private focusHere(selector: string): boolean {
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    el?.focus();
    return !!el;
  }

  /** After an action, focus goes where the work continues: the next step to answer, then "Aprovar"; else the heading. */
  private async focusNext(action: RequestAction, step?: StepState): Promise<void> {
    await this.updateComplete;
    const r = this.request;
    if (!r || this.dialog) return;
    if (action === 'start_analysis' || action === 'answer_step') {
      const from = step ? r.steps.findIndex((s) => s.id === step.id) + 1 : 0;
      const order = [...r.steps.slice(from), ...r.steps.slice(0, from)];
      const next = r.allowedActions.includes('answer_step') ? order.find((s) => s.answer === null) : undefined;
      if (next && this.focusHere(`#step-${next.id}-yes`)) return;
      if (action === 'answer_step' && this.focusHere('#action-approve')) return;
      if (step && this.focusHere(`#step-${step.id}-${step.answer === 'no' ? 'no' : 'yes'}`)) return;
    }
    this.focusHere('#heading');
  }

  private restoreFocus(): void {
    const target = this.returnFocus && this.renderRoot.querySelector<HTMLElement>(`#${this.returnFocus}`);
    (target && !(target as HTMLButtonElement).disabled ? target : this.renderRoot.querySelector<HTMLElement>('#heading'))?.focus();
  }

  private get view(): View {
    return { t: (k, p) => this.t(k, p), locale: this.locale };
  }

  /** Whether the request waits for the one reading it: the citizen, asked for information. */
  private get awaitsViewer(): boolean {
    const r = this.request;
    return !!r && r.status === 'awaiting_citizen' && r.viewer.side === 'citizen';
  }

  /**
   * The citizen's "Responder": focus in the composer of the thread of this
   * request on the same page, or — when the host shows it elsewhere — the
   * `atende-reply-requested` event for the host to take them there.
   */
  private respond(): void {
    const id = this.request?.id;
    if (!id) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const thread = [...root.querySelectorAll('atende-follow-up-thread')].find((t) => t.requestId === id && !t.hidden);
    if (thread && typeof thread.focusComposer === 'function') void thread.focusComposer();
    else this.emit('atende-reply-requested', { id });
  }

  private get busy(): boolean {
    return this.actionTask.status === TaskStatus.PENDING;
  }

  private startAction(action: RequestAction): void {
    this.returnFocus = `action-${action}`;
    if (action !== 'start_analysis') return;
    const send: Send = (id, o) => this.client.post('/requests/:id/analysis', { params: { id }, ...o });
    void this.perform({ action, send }, () => this.t('done.start_analysis')).then((ok) => {
      if (ok) void this.focusNext(action);
    });
  }

  private answerStep(step: StepState, answer: 'yes' | 'no'): void {
    this.returnFocus = undefined;
    const send: Send = (id, o) => this.client.put('/requests/:id/steps/:stepId', { params: { id, stepId: step.id }, body: { answer }, ...o });
    void this.perform({ action: 'answer_step', send }, () =>
      this.t('done.answer_step', { title: step.title, answer: this.t(answer === 'yes' ? 'common.yes' : 'common.no') }),
    ).then((ok) => {
      if (ok) void this.focusNext('answer_step', { ...step, answer });
    });
  }

  /** The steps an approval must confirm (the contract's rule, enforced by the server). */
  private get stepsToConfirm(): StepState[] {
    return stepsToConfirm(this.request?.steps ?? []);
  }

  private openDialog(kind: DialogKind): void {
    this.returnFocus = `action-${kind}`;
    this.fieldErrors = {};
    this.dialogError = '';
    this.notice = undefined;
    this.dialog = kind;
    if (kind === 'approve' || kind === 'reassign') void this.attendantsTask.run();
  }

  private closeDialog(): void {
    this.dialog = undefined;
  }

  /** Escape (or the host) closed the dialog; a close event queued before another action opened it again is stale. */
  private dialogClosed(): void {
    if (!this.dialogEl?.open) this.closeDialog();
  }

  private draftKind(): DraftKind | undefined {
    return this.dialog === 'reject' || this.dialog === 'conclude' ? this.dialog : undefined;
  }

  private keepDraft(e: InputEvent): void {
    const kind = this.draftKind();
    if (kind && this.request) saveDraft(this.request.id, kind, (e.target as HTMLTextAreaElement).value);
    const field = kind === 'reject' ? 'justification' : 'text';
    if (this.fieldErrors[field]) this.fieldErrors = {};
  }

  private submitDialog(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    switch (this.dialog) {
      case 'approve':
      case 'reassign': {
        const assigneeId = Number(data.get('assigneeId'));
        if (!assigneeId) return this.invalid({ assigneeId: this.t('dialog.assignee.required') });
        const name = this.attendantsTask.value?.find((a) => a.id === assigneeId)?.name ?? '';
        if (this.dialog === 'reassign') {
          const send: Send = (id, o) => this.client.post('/requests/:id/reassign', { params: { id }, body: { assigneeId }, ...o });
          return void this.perform({ action: 'reassign', send }, () => this.t('done.reassign', { name })).then(() => this.refreshAttendants());
        }
        const confirmSteps = this.stepsToConfirm.map((s) => s.id);
        if (confirmSteps.length && !data.get('confirmSteps')) return this.invalid({ confirmSteps: this.t('dialog.approve.steps.required') });
        const send: Send = (id, o) => this.client.post('/requests/:id/approve', { params: { id }, body: { assigneeId, confirmSteps }, ...o });
        return void this.perform({ action: 'approve', send }, () => this.t('done.approve', { name })).then(() => this.refreshAttendants());
      }
      case 'reject': {
        const justification = text('justification');
        if (!justification) return this.invalid({ justification: this.t('dialog.reject.required') });
        const send: Send = (id, o) => this.client.post('/requests/:id/reject', { params: { id }, body: { justification }, ...o });
        return void this.perform({ action: 'reject', send }, () => this.t('done.reject'), 'reject');
      }
      case 'conclude': {
        const conclusion = text('text');
        if (!conclusion) return this.invalid({ text: this.t('dialog.conclude.required') });
        const send: Send = (id, o) => this.client.post('/requests/:id/conclude', { params: { id }, body: { text: conclusion }, ...o });
        return void this.perform({ action: 'conclude', send }, () => this.t('done.conclude'), 'conclude');
      }
    }
  }

  /** The server refused the attendant chosen (their access ended meanwhile): the list offers who may attend now. */
  private refreshAttendants(): void {
    if (this.dialog && this.fieldErrors.assigneeId) void this.attendantsTask.run();
  }

  private invalid(errors: Record<string, string>): void {
    this.fieldErrors = errors;
    void this.updateComplete.then(() => {
      const first = Object.keys(errors)
        .map((k) => FIELD_IDS[k])
        .find(Boolean);
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    });
  }

  /** Runs one transition with `If-Match`, then shows the result or keeps the user's text and says why not; answers whether it succeeded. */
  private async perform(call: Omit<ActionCall, 'requestId' | 'version'>, done: (d: RequestDetail) => string, draft?: DraftKind): Promise<boolean> {
    const r = this.request;
    if (!r || this.busy) return false;
    this.notice = undefined;
    this.dialogError = '';
    void this.actionTask.run([{ ...call, requestId: r.id, version: r.version }]);
    try {
      const detail = await this.actionTask.taskComplete;
      if (draft) clearDraft(r.id, draft);
      this.request = detail;
      this.notice = { kind: 'success', text: done(detail) };
      this.closeDialog();
      this.emit('atende-request-changed', { id: detail.id, action: call.action, status: detail.status, version: detail.version });
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.isConflict || error.status === 404)) {
        this.closeDialog();
        this.notice = { kind: 'error', text: this.describeError(error) };
        this.reload();
        const fresh = await this.loadTask.taskComplete.catch(() => undefined);
        if (fresh) this.emit('atende-request-changed', { id: fresh.id, action: 'reload', status: fresh.status, version: fresh.version });
      } else if (this.dialog) {
        this.dialogError = this.describeError(error);
        if (error instanceof ApiError && Object.keys(error.errors).length) this.invalid(error.errors);
      } else {
        this.notice = { kind: 'error', text: this.describeError(error) };
      }
      return false;
    }
  }

  protected override render() {
    return html`<article part="base" aria-labelledby="heading" aria-busy=${this.loadTask.status === TaskStatus.PENDING ? 'true' : 'false'}>
      ${this.renderContent()}
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.dialogClosed}>
        ${this.dialog && this.request ? this.renderOpenDialog() : nothing}
      </dialog>
    </article>`;
  }

  private renderContent() {
    const r = this.request;
    if (!this.requestId) return html`<p class="placeholder" id="heading" tabindex="-1">${this.t('form.placeholder')}</p>`;
    if (!r) {
      return this.loadTask.status === TaskStatus.ERROR
        ? html`<div class="alert error" role="alert" id="heading" tabindex="-1">
            <p>${this.t('form.error')} ${this.describeError(this.loadTask.error)}</p>
            <button class="btn small" type="button" @click=${() => this.reload()}>${this.t('common.retry')}</button>
          </div>`
        : html`<p class="loading" role="status" id="heading" tabindex="-1"><span class="spinner" aria-hidden="true"></span>${this.t('form.loading')}</p>`;
    }
    const v = this.view;
    return html`
      <header>
        <h2 id="heading" tabindex="-1">${this.t('form.title', { protocol: r.protocol })}</h2>
        <p class="service">${r.service.name}</p>
        ${this.awaitsViewer ? this.renderAsked() : nothing} ${renderSummary(v, r)}
      </header>
      ${renderUnassigned(v, r)}
      <div class="notices">
        <div role="status" aria-live="polite">
          ${this.notice && this.notice.kind !== 'error' ? html`<p class="alert ${this.notice.kind}">${this.notice.text}</p>` : nothing}
        </div>
        <div role="alert">${this.notice?.kind === 'error' ? html`<p class="alert error">${this.notice.text}</p>` : nothing}</div>
      </div>
      ${this.renderActions(r)}
      <div class="sections">
        ${renderOutcome(v, r)} ${renderCitizen(v, r)} ${renderFormData(v, r)}
        <section aria-labelledby="documents-h">
          <h3 id="documents-h">${this.t('form.documents')}</h3>
          ${this.documents.render(r.documents, (k, p) => this.t(k, p), this.locale)}
        </section>
        ${renderSteps(v, r, this.busy, (s, a) => this.answerStep(s, a))}
        ${renderHistory(v, r, this.historyTask.value, this.historyTask.status === TaskStatus.PENDING)}
      </div>
    `;
  }

  /** First for the citizen who is asked for something: what, by whom, and "Responder". */
  private renderAsked() {
    const asked = this.askedTask.value;
    return html`<section class="asked" aria-labelledby="asked-h">
      <h3 id="asked-h">${this.t('form.asked.title')}</h3>
      ${
        asked
          ? html`<p class="pre">${asked.body}</p>
              <p class="sub">${this.t('form.asked.by', { name: asked.author.name, date: formatDate(this.locale, asked.at, true) })}</p>`
          : this.askedTask.status === TaskStatus.COMPLETE
            ? html`<p>${this.t('form.asked.see')}</p>`
            : nothing
      }
      <p>${this.t('form.asked.paused')}</p>
      <button id="respond" class="btn primary" type="button" @click=${() => this.respond()}>${this.t('form.asked.respond')}</button>
    </section>`;
  }

  private renderActions(r: RequestDetail) {
    const offered = BAR.filter((b) => r.allowedActions.includes(b.action));
    if (offered.length === 0) return nothing;
    return html`<div class="actions" part="actions" role="group" aria-label=${this.t('form.actions')}>
      ${repeat(
        offered,
        (b) => b.action,
        (b) =>
          // aria-disabled, not disabled, while an action runs: a disabled button loses the keyboard focus.
          html`<button
            id="action-${b.action}"
            class="btn ${b.action === 'reassign' && r.unassigned ? 'primary' : b.tone}"
            type="button"
            aria-disabled=${this.busy ? 'true' : 'false'}
            aria-haspopup=${b.dialog ? 'dialog' : 'false'}
            aria-describedby=${ifDefined(b.action === 'reassign' && r.unassigned ? 'unassigned-notice' : undefined)}
            @click=${() => this.busy || (b.dialog ? this.openDialog(b.dialog) : this.startAction(b.action))}
          >
            ${this.busy && !b.dialog && this.returnFocus === `action-${b.action}` ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.t(`action.${b.action}` as MessageKey)}
          </button>`,
      )}
    </div>`;
  }

  private renderOpenDialog() {
    const kind = this.dialog!;
    const draft = this.draftKind();
    const a = this.attendantsTask;
    return renderDialog({
      kind,
      t: (k, p) => this.t(k, p),
      busy: this.busy,
      errors: this.fieldErrors,
      error: this.dialogError,
      draft: draft ? readDraft(this.request!.id, draft) : '',
      stepsToConfirm: kind === 'approve' ? this.stepsToConfirm : [],
      attendants: {
        pending: a.status === TaskStatus.PENDING,
        items: a.value,
        error: a.status === TaskStatus.ERROR ? this.describeError(a.error) : undefined,
        current: kind === 'reassign' ? this.request!.assignee?.id : undefined,
      },
      submit: (e) => this.submitDialog(e),
      cancel: () => this.closeDialog(),
      saveDraft: (e) => this.keepDraft(e),
    });
  }
}

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-reply-requested': { id: number };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-analysis-form': AtendeAnalysisForm;
  }
  interface GlobalEventHandlersEventMap {
    'atende-reply-requested': CustomEvent<{ id: number }>;
  }
}
