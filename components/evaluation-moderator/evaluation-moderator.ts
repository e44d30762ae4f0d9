import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  EVALUATION_STATUSES,
  type EvaluationStatus,
  MODERATION_REASONS,
  type ModerationDecision,
  type ModerationReason,
  type PersonalDataKind,
} from '../../contract/evaluations.js';
import type { ModerationItem, ModerationPage } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { formatDate } from '../internal/i18n.js';
import { dialogStyles, hostStyles } from '../internal/styles.js';
import { renderTabs, tabStyles } from '../internal/tabs.js';
import { moderatorStyles } from './evaluation-moderator.styles.js';
import type { ModeratorMessageKey } from './messages.js';
import './messages.js';

type Key = ModeratorMessageKey;
type Tab = EvaluationStatus;

/** The dialog open: the masked preview before publishing, or the reason of a rejection; for one evaluation or the selected ones. */
type Dialog = { kind: 'mask' | 'reject'; items: ModerationItem[]; opener: string; bulk: boolean };

/** The comment cut at the personal data found: plain text and the spans to highlight. */
export function segments(comment: string, spans: ModerationItem['spans']): { text: string; kind?: PersonalDataKind }[] {
  const out: { text: string; kind?: PersonalDataKind }[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end <= s.start || s.end > comment.length) continue;
    if (s.start > at) out.push({ text: comment.slice(at, s.start) });
    out.push({ text: comment.slice(s.start, s.end), kind: s.kind });
    at = s.end;
  }
  if (at < comment.length) out.push({ text: comment.slice(at) });
  return out;
}

/**
 * "Avaliações": the citizens' evaluations of the institutions the signed-in
 * attendant or manager attends, to moderate before any comment is published.
 * Tabs Pendentes / Aprovadas / Reprovadas, newest first ("Carregar mais");
 * each with its rating, whether the citizen approved the attendance, the
 * service, protocol, date and the comment, with the personal data found
 * highlighted and named (CPF, Telefone, E-mail…). Green "Aprovar" publishes;
 * "Aprovar ocultando dados" shows the comment as it will be published, with
 * that data masked, before publishing it; red "Reprovar" asks for the reason
 * (Outro needs a text). Several at once: select them (or "Selecionar todas")
 * and decide once — all or none. A decision can be changed from the other
 * tabs.
 *
 * @tagname atende-evaluation-moderator
 * @summary Moderate the citizens' evaluations before their comments are published.
 * @event atende-evaluations-moderated - One or several evaluations were decided; `detail: {ids, decision}`.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart list - The list of evaluations.
 * @csspart dialog - The masking preview / rejection dialog.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-color-success - "Aprovar" (default #168821).
 * @cssproperty --atende-color-danger - "Reprovar" and errors (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 */
export class AtendeEvaluationModerator extends AtendeElement {
  static override styles = [hostStyles, dialogStyles, tabStyles, moderatorStyles];

  /** One institution the user attends (by default all of them). */
  @property({ type: Number, attribute: 'institution-id' }) institutionId?: number;

  /** Evaluations per page (1–100, default 20); older ones come with "Carregar mais". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private tab: Tab = 'pending';
  /** Bumped after every decision, so the list is read again. */
  @state() private generation = 0;
  /** Pages "Carregar mais" added to the first page of `olderOf`. */
  @state() private older: ModerationItem[] = [];
  @state() private olderNext: number | null | undefined;
  @state() private olderOf?: ModerationPage;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private selected = new Set<number>();
  @state() private notice?: { kind: 'success' | 'error'; text: string };
  @state() private dialog?: Dialog;
  @state() private reason?: ModerationReason;
  @state() private reasonText = '';
  @state() private dialogErrors: { reason?: string; text?: string } = {};
  @state() private dialogFailure = '';
  @state() private busy = false;

  private readonly firstTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.tab, this.wanted, this.generation] as const,
    task: async ([, credential, status, institutionId], { signal }) => {
      if (!credential) return initialState;
      return this.client.get('/evaluations', { query: { status, institutionId, limit: this.limit }, signal });
    },
  });

  private get wanted(): number | undefined {
    return this.institutionId && this.institutionId > 0 ? this.institutionId : undefined;
  }

  private get limit(): number {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20));
  }

  private tr(key: Key, params?: Record<string, string | number>): string {
    return this.t(key, params);
  }

  private get dialogEl(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The evaluations of the tab shown, the older pages included. */
  private get items(): ModerationItem[] | undefined {
    const first = this.firstTask.value;
    if (!first || this.firstTask.status === TaskStatus.INITIAL) return undefined;
    return this.olderOf === first ? [...first.items, ...this.older] : first.items;
  }

  private get nextBefore(): number | null {
    const first = this.firstTask.value;
    if (!first) return null;
    return this.olderOf === first ? (this.olderNext ?? null) : first.nextBefore;
  }

  private selectTab(tab: Tab, focus: boolean): void {
    if (tab !== this.tab) {
      this.tab = tab;
      this.selected = new Set();
      this.notice = undefined;
    }
    if (focus) this.focusAfterRender(`tab-${tab}`);
  }

  private async loadMore(): Promise<void> {
    const first = this.firstTask.value;
    const before = this.nextBefore;
    if (!first || before === null || this.loadingMore) return;
    const shown = this.items?.length ?? 0;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await this.client.get('/evaluations', { query: { status: this.tab, institutionId: this.wanted, before, limit: this.limit } });
      if (this.firstTask.value !== first) return;
      this.older = this.olderOf === first ? [...this.older, ...page.items] : page.items;
      this.olderOf = first;
      this.olderNext = page.nextBefore;
      const added = this.items?.[shown];
      if (added) this.focusAfterRender(`item-${added.id}-h`);
    } catch (error) {
      this.moreError = this.describeError(error);
    } finally {
      this.loadingMore = false;
    }
  }

  private toggle(id: number, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private toggleAll(on: boolean): void {
    this.selected = on ? new Set((this.items ?? []).map((i) => i.id)) : new Set();
  }

  private get selectedItems(): ModerationItem[] {
    return (this.items ?? []).filter((i) => this.selected.has(i.id));
  }

  /** Starts a decision: "Aprovar" goes at once (publishing can be undone); the others open their dialog. */
  private decide(decision: ModerationDecision, items: ModerationItem[], opener: string, bulk: boolean): void {
    if (this.busy || !items.length) return;
    this.notice = undefined;
    if (decision === 'approve') return void this.send(decision, items, bulk);
    this.reason = undefined;
    this.reasonText = '';
    this.dialogErrors = {};
    this.dialogFailure = '';
    this.dialog = { kind: decision === 'reject' ? 'reject' : 'mask', items, opener, bulk };
  }

  private closeDialog(): void {
    this.dialog = undefined;
  }

  private dialogClosed(): void {
    if (!this.dialogEl?.open) this.dialog = undefined;
  }

  private submitDialog(e: SubmitEvent): void {
    e.preventDefault();
    const d = this.dialog;
    if (!d || this.busy) return;
    if (d.kind === 'mask') return void this.send('approve_masked', d.items, d.bulk);
    const errors: typeof this.dialogErrors = {};
    if (!this.reason) errors.reason = this.tr('mod.reject.required');
    else if (this.reason === 'other' && !this.reasonText.trim()) errors.text = this.tr('mod.reject.textRequired');
    this.dialogErrors = errors;
    if (errors.reason) return this.focusAfterRender('reason-sensitive_data');
    if (errors.text) return this.focusAfterRender('reason-text');
    void this.send('reject', d.items, d.bulk);
  }

  /** Sends one decision for one evaluation or for several at once (all or none); the list is read again. */
  private async send(decision: ModerationDecision, items: ModerationItem[], bulk: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.dialogFailure = '';
    const ids = items.map((i) => i.id);
    const reason = decision === 'reject' ? this.reason : undefined;
    const text = decision === 'reject' && this.reason === 'other' ? this.reasonText.trim() : undefined;
    try {
      if (!bulk) {
        const id = ids[0];
        if (decision === 'reject') await this.client.post('/evaluations/:id/reject', { params: { id }, body: { reason: reason!, text } });
        else await this.client.post('/evaluations/:id/approve', { params: { id }, body: { mask: decision === 'approve_masked' } });
      } else {
        await this.client.post('/evaluations/moderate', { body: { ids, decision, reason, text } });
      }
      this.dialog = undefined;
      if (bulk) this.selected = new Set();
      else if (this.selected.has(ids[0])) this.toggle(ids[0], false);
      this.generation++;
      const done =
        items.length === 1
          ? this.tr(`mod.done.${decision}`, { protocol: items[0].request.protocol })
          : this.tr(`mod.done.many.${decision}`, { n: items.length });
      this.notice = { kind: 'success', text: done };
      this.focusAfterRender('notice');
      this.emit('atende-evaluations-moderated', { ids, decision });
    } catch (error) {
      const why = this.explainRefusal(error);
      const text = bulk ? this.tr('mod.failed.many', { why }) : why;
      if (this.dialog) {
        if (error instanceof ApiError && (error.errors.reason || error.errors.text)) {
          this.dialogErrors = { reason: error.errors.reason, text: error.errors.text };
        } else this.dialogFailure = text;
      } else {
        this.notice = { kind: 'error', text };
        this.focusAfterRender('notice');
      }
    } finally {
      this.busy = false;
    }
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('institutionId') && changed.get('institutionId') !== undefined) this.selected = new Set();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const dialog = this.dialogEl;
    if (changed.has('dialog')) {
      if (this.dialog && dialog && !dialog.open) {
        dialog.showModal();
        if (!this.awaitingFocus)
          this.renderRoot.querySelector<HTMLElement>(this.dialog.kind === 'mask' ? '#dialog-confirm' : '#reason-sensitive_data')?.focus();
      } else if (!this.dialog && dialog?.open) dialog.close();
    }
    if (this.awaitingFocus) this.focusPending();
    else if (changed.has('dialog') && !this.dialog && changed.get('dialog')) {
      const opener = (changed.get('dialog') as Dialog).opener;
      (this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(opener)}`) ?? this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`))?.focus();
    }
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="mod-h">
      <h2 id="mod-h">${this.tr('mod.title')}</h2>
      ${this.credential ? this.renderBody() : html`<p class="placeholder">${this.tr('mod.signin')}</p>`}
      <dialog part="dialog" aria-labelledby="dialog-title" aria-describedby="dialog-intro" @close=${this.dialogClosed}>
        ${this.dialog ? this.renderDialog(this.dialog) : nothing}
      </dialog>
    </section>`;
  }

  private renderNotice() {
    const n = this.notice;
    const body = (kind: string, text: string) => html`<p id="notice" class="alert ${kind}" tabindex="-1">${text}</p>`;
    return html`<div role="status">${n && n.kind !== 'error' ? body(n.kind, n.text) : nothing}</div>
      <div role="alert">${n?.kind === 'error' ? body('error', n.text) : nothing}</div>`;
  }

  private renderTabs() {
    return renderTabs({
      tabs: EVALUATION_STATUSES,
      selected: this.tab,
      label: this.tr('mod.tabs'),
      panel: () => 'panel',
      text: (tab) => this.tr(`mod.tab.${tab}`),
      select: (tab, focus) => this.selectTab(tab, focus),
    });
  }

  private renderBody() {
    return html`<p class="intro">${this.tr('mod.intro')}</p>
      ${this.renderTabs()}
      <div id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}" tabindex="-1">${this.renderNotice()} ${this.renderList()}</div>`;
  }

  private renderList() {
    const items = this.items;
    const task = this.firstTask;
    if (!items) {
      if (task.status === TaskStatus.ERROR)
        return html`<div class="alert error" role="alert">
          <p>${this.tr('mod.listError')} ${this.describeError(task.error)}</p>
          <button class="btn small" type="button" @click=${() => task.run()}>${this.t('common.retry')}</button>
        </div>`;
      return html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.tr('mod.loading')}</p>`;
    }
    if (!items.length) return html`<p class="placeholder">${this.tr(`mod.empty.${this.tab}`)}</p>`;
    const n = this.selected.size;
    const all = n > 0 && n === items.length;
    const count = n === 0 ? this.tr('mod.selectedNone') : n === 1 ? this.tr('mod.selectedOne') : this.tr('mod.selected', { n });
    const chosen = this.selectedItems;
    return html`<div class="bulk" role="group" aria-label=${this.tr('mod.bulk')}>
        <label class="check"
          ><input
            id="select-all"
            type="checkbox"
            .checked=${all}
            .indeterminate=${n > 0 && !all}
            @change=${(e: Event) => this.toggleAll((e.target as HTMLInputElement).checked)}
          />
          ${this.tr('mod.selectAll')}</label
        >
        <span class="count" role="status">${count}</span>
        ${n > 0 ? this.buttons(chosen, 'bulk') : nothing}
      </div>
      <ul part="list" class="list" aria-busy=${task.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${items.map((i) => this.renderItem(i))}
      </ul>
      ${
        this.nextBefore !== null
          ? html`<p class="more">
              <button class="btn" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.loadMore()}>
                ${this.loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${this.tr('mod.loadingMore')}` : this.tr('mod.more')}
              </button>
            </p>`
          : nothing
      }
      ${this.moreError ? html`<p class="alert error" role="alert">${this.moreError}</p>` : nothing}`;
  }

  /** The decisions offered for `items` (one, or the selected): every one but the decision they already have. */
  private buttons(items: ModerationItem[], prefix: string) {
    const one = items.length === 1 ? items[0] : undefined;
    const current = one?.status === 'approved' ? (one.decision?.masked ? 'approve_masked' : 'approve') : one?.status === 'rejected' ? 'reject' : undefined;
    const offer = (d: ModerationDecision) => this.tab === 'pending' || prefix === 'bulk' || d !== current;
    const busy = this.busy ? 'true' : 'false';
    const describedBy = one && prefix !== 'bulk' ? `item-${one.id}-h` : undefined;
    return html`<div class="decisions">
      ${
        offer('approve')
          ? html`<button
              id="${prefix}-approve"
              class="btn success"
              type="button"
              aria-disabled=${busy}
              aria-describedby=${describedBy ?? nothing}
              @click=${() => this.decide('approve', items, `${prefix}-approve`, prefix === 'bulk')}
            >
              ${this.tr('mod.approve')}
            </button>`
          : nothing
      }
      ${
        offer('approve_masked')
          ? html`<button
              id="${prefix}-mask"
              class="btn"
              type="button"
              aria-haspopup="dialog"
              aria-disabled=${busy}
              aria-describedby=${describedBy ?? nothing}
              @click=${() => this.decide('approve_masked', items, `${prefix}-mask`, prefix === 'bulk')}
            >
              ${this.tr('mod.approveMasked')}
            </button>`
          : nothing
      }
      ${
        offer('reject')
          ? html`<button
              id="${prefix}-reject"
              class="btn danger-solid"
              type="button"
              aria-haspopup="dialog"
              aria-disabled=${busy}
              aria-describedby=${describedBy ?? nothing}
              @click=${() => this.decide('reject', items, `${prefix}-reject`, prefix === 'bulk')}
            >
              ${this.tr('mod.reject')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private kindLabel(kind: PersonalDataKind): string {
    return this.tr(`mod.kind.${kind}`);
  }

  /** The comment with each piece of personal data marked and named (the name shown, not only a colour). */
  private renderComment(i: ModerationItem) {
    return html`<p class="comment pre" id="item-${i.id}-comment">
      ${segments(i.comment, i.spans).map((s) =>
        s.kind
          ? html`<mark class="pd ${s.kind}"
              ><span class="pd-label">${this.kindLabel(s.kind)}</span> ${s.text}<span class="visually-hidden"> (${this.tr('mod.markEnd')})</span></mark
            >`
          : s.text,
      )}
    </p>`;
  }

  private renderItem(i: ModerationItem) {
    const kinds = [...new Set(i.spans.map((s) => s.kind))].map((k) => this.kindLabel(k));
    const d = i.decision;
    let decided: unknown = nothing;
    if (d && i.status !== 'pending') {
      const params = { name: d.by.name, date: formatDate(this.locale, d.at, true) };
      const reason = d.reason ? (d.reason === 'other' && d.text ? `${this.tr('mod.reason.other')} — ${d.text}` : this.tr(`mod.reason.${d.reason}`)) : '';
      decided = html`<p class="decided ${i.status}">
        ${
          i.status === 'rejected'
            ? this.tr('mod.decided.rejected', { ...params, reason })
            : this.tr(d.masked ? 'mod.decided.masked' : 'mod.decided.approved', params)
        }
      </p>`;
    }
    return html`<li class="item ${this.selected.has(i.id) ? 'chosen' : ''}">
      <article aria-labelledby="item-${i.id}-h">
        <div class="item-head">
          <h3 id="item-${i.id}-h" tabindex="-1">${this.tr('mod.item', { protocol: i.request.protocol })}</h3>
          <label class="check"
            ><input
              id="select-${i.id}"
              type="checkbox"
              .checked=${this.selected.has(i.id)}
              aria-describedby="item-${i.id}-h"
              @change=${(e: Event) => this.toggle(i.id, (e.target as HTMLInputElement).checked)}
            />
            ${this.tr('mod.select')}</label
          >
        </div>
        <p class="facts">
          <span class="rating"
            >${
              i.rating
                ? html`<span aria-hidden="true" class="glyphs">${'★'.repeat(i.rating)}${'☆'.repeat(5 - i.rating)}</span>
                    ${this.tr('mod.rating', { n: i.rating })}`
                : this.tr('mod.noRating')
            }</span
          >
          <span class="verdict ${i.verdict}">${i.verdict === 'approved' ? '✓ ' : '✕ '}${this.tr(`mod.verdict.${i.verdict}`)}</span>
        </p>
        <dl class="meta">
          <div>
            <dt>${this.tr('mod.service')}</dt>
            <dd>${i.service.name} · ${i.institution.acronym}</dd>
          </div>
          <div>
            <dt>${this.tr('mod.protocol')}</dt>
            <dd>${i.request.protocol}</dd>
          </div>
          <div>
            <dt>${this.tr('mod.date')}</dt>
            <dd>${formatDate(this.locale, i.createdAt, true)}</dd>
          </div>
        </dl>
        <p class="label">${this.tr('mod.comment')}</p>
        ${this.renderComment(i)}
        <p class="found hint">${kinds.length ? this.tr('mod.found', { list: kinds.join(', ') }) : this.tr('mod.foundNone')}</p>
        ${decided} ${this.buttons([i], `item-${i.id}`)}
      </article>
    </li>`;
  }

  private renderDialog(d: Dialog) {
    const many = d.items.length > 1;
    const cancel = html`<button class="btn" type="button" @click=${() => this.closeDialog()}>${this.tr('mod.cancel')}</button>`;
    const failure = html`<div role="alert">${this.dialogFailure ? html`<p class="alert error">${this.dialogFailure}</p>` : nothing}</div>`;
    if (d.kind === 'mask')
      return html`<form class="dialog-form" @submit=${(e: SubmitEvent) => this.submitDialog(e)}>
        <h2 id="dialog-title">${many ? this.tr('mod.mask.titleMany', { n: d.items.length }) : this.tr('mod.mask.title')}</h2>
        <p id="dialog-intro">${this.tr('mod.mask.intro')}</p>
        <ul class="previews">
          ${d.items.map(
            (i) =>
              html`<li>
                ${many ? html`<p class="label">${i.request.protocol}</p>` : nothing}
                <blockquote class="pre preview">${i.masked}</blockquote>
              </li>`,
          )}
        </ul>
        ${failure}
        <div class="dialog-actions">
          ${cancel}
          <button id="dialog-confirm" class="btn success" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.tr('mod.mask.confirm')}</button>
        </div>
      </form>`;
    const errs = this.dialogErrors;
    return html`<form class="dialog-form" novalidate @submit=${(e: SubmitEvent) => this.submitDialog(e)}>
      <h2 id="dialog-title">${many ? this.tr('mod.reject.titleMany', { n: d.items.length }) : this.tr('mod.reject.title')}</h2>
      <p id="dialog-intro">${this.tr('mod.reject.intro')}</p>
      <fieldset class="reasons" aria-describedby=${errs.reason ? 'reason-error' : nothing}>
        <legend class="label">${this.tr('mod.reject.reason')} <span aria-hidden="true" class="required">*</span></legend>
        ${MODERATION_REASONS.map(
          (r) =>
            html`<label class="check"
              ><input
                id="reason-${r}"
                type="radio"
                name="reason"
                value=${r}
                .checked=${this.reason === r}
                aria-invalid=${errs.reason ? 'true' : 'false'}
                @change=${() => {
                  this.reason = r;
                  this.dialogErrors = {};
                }}
              />
              ${this.tr(`mod.reason.${r}`)}</label
            >`,
        )}
        ${errs.reason ? html`<p id="reason-error" class="field-error">${errs.reason}</p>` : nothing}
      </fieldset>
      ${
        this.reason === 'other'
          ? html`<div class="field">
              <label for="reason-text">${this.tr('mod.reject.text')} <span aria-hidden="true" class="required">*</span></label>
              <textarea
                id="reason-text"
                rows="3"
                maxlength="500"
                .value=${this.reasonText}
                aria-invalid=${errs.text ? 'true' : 'false'}
                aria-describedby=${errs.text ? 'reason-text-error' : nothing}
                @input=${(e: InputEvent) => {
                  this.reasonText = (e.target as HTMLTextAreaElement).value;
                  if (this.reasonText.trim()) this.dialogErrors = {};
                }}
              ></textarea>
              ${errs.text ? html`<p id="reason-text-error" class="field-error">${errs.text}</p>` : nothing}
            </div>`
          : nothing
      }
      ${failure}
      <div class="dialog-actions">
        ${cancel}
        <button id="dialog-confirm" class="btn danger-solid" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.tr('mod.reject.confirm')}
        </button>
      </div>
    </form>`;
  }
}

/** What the moderator's event carries. */
type Moderated = { ids: number[]; decision: ModerationDecision };

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-evaluations-moderated': Moderated;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-evaluation-moderator': AtendeEvaluationModerator;
  }
  interface GlobalEventHandlersEventMap {
    'atende-evaluations-moderated': CustomEvent<Moderated>;
  }
}
