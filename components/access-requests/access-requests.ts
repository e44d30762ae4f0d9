import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AccessRequest, AccessRequestPage, InstitutionRef, MembershipRevoked, StaffMembership } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { formatDay, today, translate } from '../internal/i18n.js';
import { dialogStyles, hostStyles } from '../internal/styles.js';
import { tabStyles } from '../internal/tabs.js';
import { accessStyles } from './access-requests.styles.js';
import type { Key } from './describe.js';
import { type Dialog, renderDialog } from './dialogs.js';
import { type AccessDraft, clearAccessDraft, emptyDraft, readAccessDraft, saveAccessDraft } from './draft.js';
import { type ManagerView, type Tab, renderManager } from './manager-view.js';
import { Pages } from './pages.js';
import { ASK_CONTROLS, ASK_LABELS, type Notice, type Problem, renderServant } from './servant-view.js';
import './messages.js';

type Send = (signal: AbortSignal) => Promise<unknown>;
type Mode = 'auto' | 'servant' | 'manager';

/**
 * Who may attend an institution. A servant asks a manager for the attendant
 * profile ("Solicitar perfil de atendente": institution, unit, the portaria
 * or SEI process that backs it) and follows their requests ("Minhas
 * solicitações": pending, authorized until a date, refused with the reason,
 * and when the access ended). A manager sees the institution's pending
 * requests ("Autorizar", optionally until a date; "Recusar" with a reason),
 * the decided ones, the attendants in force ("Revogar acesso", with a
 * reason: their requests in attendance become "sem atendente") and the
 * access history. What a servant types is kept in this browser until sent.
 *
 * @tagname atende-access-requests
 * @summary Ask for, authorize, refuse and revoke the attendant profile.
 * @event atende-access-requested - A servant sent a request; `detail: {id, institutionId}`.
 * @event atende-access-decided - A manager authorized or refused one; `detail: {id, institutionId, userId, decision, until}`.
 * @event atende-access-revoked - A manager revoked an attendant; `detail: {membershipId, institutionId, userId, unassigned}`.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart ask - The servant's form.
 * @csspart mine - The servant's requests.
 * @csspart manage - The manager's view.
 * @csspart dialog - The authorize / refuse / revoke dialog.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-color-success - "Autorizar" (default #168821).
 * @cssproperty --atende-color-danger - "Recusar", "Revogar acesso" and errors (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 */
export class AtendeAccessRequests extends AtendeElement {
  static override styles = [hostStyles, dialogStyles, tabStyles, accessStyles];

  /** `auto` (default): the manager's view when the signed-in user manages an institution, else the servant's; or `servant`, `manager`. */
  @property() mode: Mode = 'auto';

  /** The institution to manage (by default the first the user manages), or to preselect in the servant's form. */
  @property({ type: Number, attribute: 'institution-id' }) institutionId?: number;

  /** Rows per page of the manager's lists (1–100, default 50); older ones come with "Carregar mais". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** The institution picked in the manager's select (when they manage several). */
  @state() private chosen?: number;
  @state() private tab: Tab = 'pending';
  @state() private draft: AccessDraft = emptyDraft();
  /** The user whose draft `draft` is. */
  @state() private draftOf?: number;
  @state() private problems: Problem[] = [];
  @state() private notice?: Notice;
  @state() private dialog?: Dialog;
  @state() private dialogValue = '';
  @state() private dialogFieldError = '';
  @state() private dialogError = '';
  /** Bumped after every change, so the lists are read again. */
  @state() private generation = 0;

  /** Where focus goes once the next render is done. */
  private focusTarget?: string;
  /** The control that opened the dialog, focused again when it closes without a change. */
  private returnFocus?: string;

  private readonly meTask = new Task(this, {
    args: () => [this.apiBase, this.credential] as const,
    task: async ([, credential], { signal }) => (credential ? this.client.get('/me', { signal }) : initialState),
  });

  private readonly institutionsTask = new Task(this, {
    args: () => [this.apiBase, this.view === 'servant'] as const,
    task: async ([, servant], { signal }) => (servant ? (await this.publicClient.get('/institutions', { signal })).items : initialState),
  });

  private readonly mineTask = new Task(this, {
    args: () => [this.view === 'servant' ? this.meTask.value?.id : undefined, this.generation] as const,
    task: async ([userId], { signal }) =>
      userId === undefined ? initialState : (await this.client.get('/access-requests', { query: { mine: 'true', limit: 100 }, signal })).items,
  });

  private readonly pendingPages = new Pages<AccessRequest>(
    this,
    () => [this.managing, this.generation] as const,
    (institutionId, before, signal) => this.client.get('/access-requests', { query: { institutionId, status: 'pending', before, limit: this.limit }, signal }),
  );

  /** The institution's decided requests, newest first: every request less the pending ones. */
  private readonly decidedPages = new Pages<AccessRequest>(
    this,
    () => [this.managing, this.generation] as const,
    async (institutionId, before, signal) => {
      // Pending ones are few: read on until the page is full (or the list ends), a bounded number of times.
      const items: AccessRequest[] = [];
      let next: number | null | undefined = before;
      for (let round = 0; round < 10 && items.length < this.limit && next !== null; round++) {
        const page: AccessRequestPage = await this.client.get('/access-requests', { query: { institutionId, before: next, limit: this.limit }, signal });
        items.push(...page.items.filter((r) => r.status !== 'pending'));
        next = page.nextBefore;
      }
      return { items, nextBefore: next ?? null };
    },
  );

  private readonly historyPages = new Pages(
    this,
    () => [this.managing, this.generation] as const,
    (id, before, signal) => this.client.get('/institutions/:id/access-history', { params: { id }, query: { before, limit: this.limit }, signal }),
  );

  private readonly staffTask = new Task(this, {
    args: () => [this.managing, this.generation] as const,
    task: async ([id], { signal }) => {
      if (id === undefined) return initialState;
      return { id, items: (await this.client.get('/institutions/:id/memberships', { params: { id }, signal })).items };
    },
  });

  private readonly actionTask = new Task<[Send], unknown>(this, {
    autoRun: false,
    task: ([send], { signal }) => send(signal),
  });

  /** The `institution-id` asked for, if any (an empty attribute reads as none). */
  private get wanted(): number | undefined {
    return this.institutionId && this.institutionId > 0 ? this.institutionId : undefined;
  }

  /** The element's one dialog (Autorizar, Recusar or Revogar acesso). */
  private get dialogEl(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private get limit(): number {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 50));
  }

  /** The institutions the signed-in user manages. */
  private get managed(): InstitutionRef[] {
    const seen = new Map<number, InstitutionRef>();
    for (const m of this.meTask.value?.memberships ?? []) if (m.role === 'manager') seen.set(m.institution.id, m.institution);
    return [...seen.values()];
  }

  /** Which view to show, once the user is known. */
  private get view(): 'servant' | 'manager' | 'notManager' | undefined {
    const me = this.meTask.value;
    if (!me || this.meTask.status !== TaskStatus.COMPLETE) return undefined;
    const canManage = this.managed.length > 0 || this.wanted !== undefined;
    if (this.mode === 'servant') return 'servant';
    if (this.mode === 'manager') return canManage ? 'manager' : 'notManager';
    return this.managed.length > 0 ? 'manager' : 'servant';
  }

  /** The institution whose accesses the manager's view shows. */
  private get managing(): number | undefined {
    if (this.view !== 'manager') return undefined;
    return this.chosen ?? this.wanted ?? this.managed[0]?.id;
  }

  private get institution(): InstitutionRef | undefined {
    const id = this.managing;
    return this.managed.find((i) => i.id === id) ?? this.pendingPages.itemsOf(id)?.[0]?.institution;
  }

  private get busy(): boolean {
    return this.actionTask.status === TaskStatus.PENDING;
  }

  /** Translates this element's own keys and the shared ones. */
  private tr(key: Key, params?: Record<string, string | number>): string {
    return translate(this.locale, key, params);
  }

  private async run(send: Send): Promise<unknown> {
    void this.actionTask.run([send]);
    return this.actionTask.taskComplete;
  }

  private focusOn(id: string): void {
    this.focusTarget = id;
    this.requestUpdate();
  }

  private focusControl(id: string): boolean {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    el?.focus();
    return !!el;
  }

  private say(kind: Notice['kind'], text: string, protocols?: Notice['protocols']): void {
    this.notice = { kind, text, protocols };
    this.focusOn('notice');
  }

  // ------------------------------------------------------------ servant

  /** Reads the servant's kept draft once the user is known (or when another user signs in). */
  private loadDraft(): void {
    const me = this.meTask.value;
    if (this.view !== 'servant' || !me || this.draftOf === me.id) return;
    this.draftOf = me.id;
    this.draft = readAccessDraft(me.id) ?? { ...emptyDraft(), institutionId: this.wanted };
    this.problems = [];
  }

  private change(patch: Partial<AccessDraft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.draftOf !== undefined) saveAccessDraft(this.draftOf, this.draft);
    // A control's error goes once it is changed; the others stay until the next try.
    const touched = new Set(Object.keys(patch).map((k) => ASK_CONTROLS[k as keyof typeof ASK_CONTROLS] as string));
    if (this.problems.some((p) => touched.has(p.anchor))) this.problems = this.problems.filter((p) => !touched.has(p.anchor));
  }

  /** Shows the errors next to their controls and in a summary, which takes focus. */
  private showProblems(errors: Record<string, string>): void {
    const fields = Object.keys(ASK_CONTROLS) as (keyof typeof ASK_CONTROLS)[];
    this.problems = fields
      .filter((f) => errors[f])
      .map((f) => ({ anchor: ASK_CONTROLS[f], message: errors[f], text: `${this.tr(ASK_LABELS[f])}: ${errors[f]}` }));
    this.notice = undefined;
    this.focusOn('error-summary');
  }

  private async ask(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const d = this.draft;
    const institution = this.institutionsTask.value?.find((i) => i.id === d.institutionId);
    const missing: Record<string, string> = {};
    if (!institution) missing.institutionId = this.tr('access.ask.required.institutionId');
    if (!d.unit.trim()) missing.unit = this.tr('access.ask.required.unit');
    if (!d.ordinance.trim()) missing.ordinance = this.tr('access.ask.required.ordinance');
    if (Object.keys(missing).length) return this.showProblems(missing);
    this.notice = undefined;
    try {
      const body = { institutionId: institution!.id, unit: d.unit.trim(), ordinance: d.ordinance.trim() };
      const created = (await this.run((signal) => this.client.post('/access-requests', { body, signal }))) as AccessRequest;
      if (this.draftOf !== undefined) clearAccessDraft(this.draftOf);
      this.draft = emptyDraft();
      this.problems = [];
      this.generation++;
      this.say('success', this.tr('access.ask.sent', { institution: created.institution.acronym }));
      this.emit('atende-access-requested', { id: created.id, institutionId: created.institution.id });
    } catch (error) {
      const fields = error instanceof ApiError ? Object.keys(error.errors).filter((k) => k in ASK_CONTROLS) : [];
      if (error instanceof ApiError && fields.length) this.showProblems(error.errors);
      else {
        this.problems = [];
        this.say('error', this.explainRefusal(error));
      }
    }
  }

  // ------------------------------------------------------------ manager

  /** Shows a tab, its list read again (another manager may have acted meanwhile); the rows on screen stay until it answers. */
  private selectTab(tab: Tab, focus: boolean): void {
    if (tab !== this.tab) {
      if (tab === 'staff') void this.staffTask.run();
      else ({ pending: this.pendingPages, decided: this.decidedPages, history: this.historyPages })[tab].reload();
    }
    this.tab = tab;
    if (focus) this.focusOn(`tab-${tab}`);
  }

  private choose(id: number): void {
    this.chosen = id;
    this.notice = undefined;
  }

  private openDialog(dialog: Dialog, opener: string): void {
    if (this.busy) return;
    this.returnFocus = opener;
    this.dialogValue = '';
    this.dialogFieldError = '';
    this.dialogError = '';
    this.dialog = dialog;
  }

  private closeDialog(): void {
    this.dialog = undefined;
  }

  /** Escape closed the dialog; a close event queued before another action opened it again is stale. */
  private dialogClosed(): void {
    if (!this.dialogEl?.open) this.closeDialog();
  }

  private typeInDialog(e: InputEvent): void {
    this.dialogValue = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    if (this.dialogFieldError && (this.dialog?.kind === 'authorize' || this.dialogValue.trim())) this.dialogFieldError = '';
  }

  private submitDialog(e: SubmitEvent): void {
    e.preventDefault();
    const d = this.dialog;
    if (!d || this.busy) return;
    if (d.kind === 'authorize') void this.authorize(d.request);
    else if (d.kind === 'refuse') void this.refuse(d.request);
    else void this.revoke(d.membership);
  }

  /** A refusal in a dialog: the field's own error there, a stale request (decided meanwhile) on the page, anything else in the dialog. */
  private dialogFailed(error: unknown, field: 'until' | 'reason'): void {
    if (error instanceof ApiError && error.errors[field]) {
      this.dialogFieldError = error.errors[field];
      this.focusOn(field);
    } else if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
      this.closeDialog();
      this.generation++;
      this.say('error', this.explainRefusal(error));
    } else {
      this.dialogError = this.explainRefusal(error);
    }
  }

  private async authorize(r: AccessRequest): Promise<void> {
    const until = this.dialogValue;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#until');
    if (input?.validity.badInput) {
      this.dialogFieldError = this.tr('access.dialog.until.invalid');
      return this.focusOn('until');
    }
    if (until && until < today()) {
      this.dialogFieldError = this.tr('access.dialog.until.past');
      return this.focusOn('until');
    }
    try {
      const body = until ? { until } : {};
      const done = (await this.run((signal) => this.client.post('/access-requests/:id/approve', { params: { id: r.id }, body, signal }))) as AccessRequest;
      this.closeDialog();
      this.generation++;
      const name = r.requester.name;
      this.say(
        'success',
        done.until ? this.tr('access.done.authorizedUntil', { name, date: formatDay(this.locale, done.until) }) : this.tr('access.done.authorized', { name }),
      );
      this.emit('atende-access-decided', { id: r.id, institutionId: r.institution.id, userId: r.requester.id, decision: 'approved', until: done.until });
    } catch (error) {
      this.dialogFailed(error, 'until');
    }
  }

  private async refuse(r: AccessRequest): Promise<void> {
    const reason = this.dialogValue.trim();
    if (!reason) {
      this.dialogFieldError = this.tr('access.dialog.refuse.required');
      return this.focusOn('reason');
    }
    try {
      await this.run((signal) => this.client.post('/access-requests/:id/reject', { params: { id: r.id }, body: { reason }, signal }));
      this.closeDialog();
      this.generation++;
      this.say('success', this.tr('access.done.refused', { name: r.requester.name }));
      this.emit('atende-access-decided', { id: r.id, institutionId: r.institution.id, userId: r.requester.id, decision: 'rejected', until: null });
    } catch (error) {
      this.dialogFailed(error, 'reason');
    }
  }

  private async revoke(m: StaffMembership): Promise<void> {
    const reason = this.dialogValue.trim();
    if (!reason) {
      this.dialogFieldError = this.tr('access.dialog.revoke.required');
      return this.focusOn('reason');
    }
    const institutionId = this.managing!;
    try {
      const done = (await this.run((signal) =>
        this.client.post('/memberships/:id/revoke', { params: { id: m.id }, body: { reason }, signal }),
      )) as MembershipRevoked;
      this.closeDialog();
      this.generation++;
      const n = done.unassigned.length;
      const text = this.tr('access.done.revoked', { name: m.user.name });
      const more = n === 0 ? '' : ` ${n === 1 ? this.tr('access.done.unassignedOne') : this.tr('access.done.unassignedMany', { n })}`;
      this.say('success', `${text}${more}`, done.unassigned);
      this.emit('atende-access-revoked', { membershipId: m.id, institutionId, userId: m.user.id, unassigned: done.unassigned });
    } catch (error) {
      this.dialogFailed(error, 'reason');
    }
  }

  /** "Carregar mais": focus goes to the first row it added (or stays on the button). */
  private async loadMore(list: 'pending' | 'decided' | 'history'): Promise<void> {
    const pages = { pending: this.pendingPages, decided: this.decidedPages, history: this.historyPages }[list];
    const before = pages.itemsOf(this.managing)?.length ?? 0;
    await pages.loadMore();
    const items = pages.itemsOf(this.managing) ?? [];
    const first = items[before];
    if (first) this.focusOn(`card-${list === 'history' ? 'history' : 'request'}-${first.id}`);
  }

  // ------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('institutionId') && changed.get('institutionId') !== undefined) this.chosen = undefined;
    this.loadDraft();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const dialog = this.dialogEl;
    if (changed.has('dialog')) {
      if (this.dialog && dialog && !dialog.open) {
        dialog.showModal();
        if (!this.focusTarget) this.focusControl(this.dialog.kind === 'authorize' ? 'until' : 'reason');
      } else if (!this.dialog && dialog?.open) {
        dialog.close();
      }
    }
    if (this.focusTarget) {
      if (this.focusControl(this.focusTarget)) this.focusTarget = undefined;
    } else if (changed.has('dialog') && !this.dialog && changed.get('dialog')) {
      const back = this.returnFocus && this.renderRoot.querySelector(`#${this.returnFocus}`) ? this.returnFocus : `tab-${this.tab}`;
      this.focusControl(back);
    }
  }

  protected override render() {
    const view = this.view;
    let body: unknown;
    if (!this.credential) body = html`<p class="placeholder">${this.tr('access.signin')}</p>`;
    else if (this.meTask.status === TaskStatus.ERROR)
      body = html`<div class="alert error" role="alert">
        <p>${this.tr('access.meError')} ${this.describeError(this.meTask.error)}</p>
        <button class="btn small" type="button" @click=${() => this.meTask.run()}>${this.tr('common.retry')}</button>
      </div>`;
    else if (!view) body = html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.tr('access.loading')}</p>`;
    else if (view === 'notManager') body = html`<p class="placeholder">${this.tr('access.notManager')}</p>`;
    else if (view === 'servant') body = this.renderServant();
    else body = renderManager(this.managerView);
    return html`<div part="base" class="base">
      ${body}
      <dialog part="dialog" aria-labelledby="dialog-title" aria-describedby="dialog-intro" @close=${this.dialogClosed}>
        ${this.dialog ? this.renderOpenDialog() : nothing}
      </dialog>
    </div>`;
  }

  private renderServant() {
    const inst = this.institutionsTask;
    const mine = this.mineTask;
    return renderServant({
      t: (k, p) => this.tr(k, p),
      locale: this.locale,
      institutions: {
        items: inst.value,
        pending: inst.status === TaskStatus.PENDING,
        error: inst.status === TaskStatus.ERROR ? this.describeError(inst.error) : undefined,
        retry: () => void inst.run(),
      },
      draft: this.draft,
      problems: this.problems,
      notice: this.notice,
      busy: this.busy,
      mine: {
        items: mine.value,
        pending: mine.status === TaskStatus.PENDING,
        error: mine.status === TaskStatus.ERROR ? this.describeError(mine.error) : undefined,
        retry: () => void mine.run(),
      },
      change: (patch) => this.change(patch),
      submit: (e) => void this.ask(e),
      focus: (anchor) => this.focusControl(anchor),
    });
  }

  private paged<I>(pages: Pages<I>, list: 'pending' | 'decided' | 'history') {
    const id = this.managing;
    return {
      items: pages.itemsOf(id),
      pending: pages.pending,
      error: pages.firstError ? this.describeError(pages.firstError) : undefined,
      retry: () => pages.reload(),
      hasMore: pages.hasMore,
      loadingMore: pages.loadingMore,
      moreError: pages.moreError ? this.describeError(pages.moreError) : undefined,
      more: () => void this.loadMore(list),
    };
  }

  private get managerView(): ManagerView {
    const institution = this.institution;
    const staff = this.staffTask;
    return {
      t: (k, p) => this.tr(k, p),
      locale: this.locale,
      title: institution ? this.tr('access.manage.title', { institution: institution.acronym }) : this.tr('access.manage.titleBare'),
      managed: this.managed,
      institutionId: this.managing,
      choose: (id) => this.choose(id),
      tab: this.tab,
      selectTab: (tab, focus) => this.selectTab(tab, focus),
      notice: this.notice,
      busy: this.busy,
      pending: this.paged(this.pendingPages, 'pending'),
      decided: this.paged(this.decidedPages, 'decided'),
      staff: {
        items: staff.value?.id === this.managing ? staff.value?.items : undefined,
        pending: staff.status === TaskStatus.PENDING,
        error: staff.status === TaskStatus.ERROR ? this.describeError(staff.error) : undefined,
        retry: () => void staff.run(),
      },
      history: this.paged(this.historyPages, 'history'),
      authorize: (r) => this.openDialog({ kind: 'authorize', request: r }, `authorize-${r.id}`),
      refuse: (r) => this.openDialog({ kind: 'refuse', request: r }, `refuse-${r.id}`),
      revoke: (m) => this.openDialog({ kind: 'revoke', membership: m }, `revoke-${m.id}`),
    };
  }

  private renderOpenDialog() {
    return renderDialog({
      dialog: this.dialog!,
      t: (k, p) => this.tr(k, p),
      institution: this.institution,
      busy: this.busy,
      error: this.dialogError,
      fieldError: this.dialogFieldError,
      value: this.dialogValue,
      today: today(),
      type: (e) => this.typeInDialog(e),
      submit: (e) => this.submitDialog(e),
      cancel: () => this.closeDialog(),
    });
  }
}

/** What the access requests' events carry. */
type Requested = { id: number; institutionId: number };
type Decided = { id: number; institutionId: number; userId: number; decision: 'approved' | 'rejected'; until: string | null };
type Revoked = { membershipId: number; institutionId: number; userId: number; unassigned: { id: number; protocol: string }[] };

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-access-requested': Requested;
    'atende-access-decided': Decided;
    'atende-access-revoked': Revoked;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-access-requests': AtendeAccessRequests;
  }
  interface GlobalEventHandlersEventMap {
    'atende-access-requested': CustomEvent<Requested>;
    'atende-access-decided': CustomEvent<Decided>;
    'atende-access-revoked': CustomEvent<Revoked>;
  }
}
