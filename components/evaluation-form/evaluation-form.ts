import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { COMMENT_MAX } from '../../contract/evaluations.js';
import type { RequestDetail } from '../../contract/types.js';
import { ApiError } from '../internal/api-client.js';
import { AtendeElement } from '../internal/atende-element.js';
import { formatDate } from '../internal/i18n.js';
import { dialogStyles, hostStyles } from '../internal/styles.js';
import { evaluationFormStyles } from './evaluation-form.styles.js';
import type { EvaluationFormMessageKey } from './messages.js';
import './messages.js';

type Key = EvaluationFormMessageKey;
type Verdict = 'approved' | 'rejected';

/** What the citizen has typed, kept in this browser per request until sent. */
interface EvaluationDraft {
  verdict?: Verdict;
  rating?: number;
  comment: string;
}

/** The controls, by the API's field names: errors are tied to them and the summary links there. */
const CONTROLS = { verdict: 'verdict-approved', rating: 'rating-1', comment: 'comment' } as const;
type Field = keyof typeof CONTROLS;
const LABELS: Record<Field, Key> = { verdict: 'evalform.verdict', rating: 'evalform.rating', comment: 'evalform.comment' };

const draftKey = (id: number) => `atende:draft:${id}:evaluation`;

function readEvaluationDraft(id: number): EvaluationDraft {
  try {
    const d = JSON.parse(localStorage.getItem(draftKey(id)) ?? 'null') as Partial<EvaluationDraft> | null;
    return {
      verdict: d?.verdict === 'approved' || d?.verdict === 'rejected' ? d.verdict : undefined,
      rating: typeof d?.rating === 'number' && d.rating >= 1 && d.rating <= 5 ? d.rating : undefined,
      comment: typeof d?.comment === 'string' ? d.comment : '',
    };
  } catch {
    return { comment: '' };
  }
}

function saveEvaluationDraft(id: number, d: EvaluationDraft): void {
  try {
    if (d.verdict || d.rating || d.comment) localStorage.setItem(draftKey(id), JSON.stringify(d));
    else localStorage.removeItem(draftKey(id));
  } catch {
    // Storage disabled or full: what was typed stays on screen, just not across reloads.
  }
}

function clearEvaluationDraft(id: number): void {
  try {
    localStorage.removeItem(draftKey(id));
  } catch {
    // Nothing to clear.
  }
}

/**
 * The citizen's evaluation of a concluded request: "O atendimento resolveu
 * sua solicitação?" (approve or not), a rating from 1 to 5 and an optional
 * comment (up to 2,000 characters, with a counter), once per request. What
 * is typed is kept in this browser until sent. Afterwards it shows the
 * evaluation and what became of the comment — awaiting moderation,
 * published, published with personal data hidden (and the text as
 * published), or not published and why — and, when the citizen did not
 * approve, "Reabrir solicitação" (with a reason) until the day it may be
 * reopened: the request then goes back to attendance.
 *
 * @tagname atende-evaluation-form
 * @summary The citizen evaluates a concluded request, sees its moderation and may reopen it.
 * @event atende-evaluation-sent - The evaluation was sent; `detail: {requestId, protocol, verdict, rating}`.
 * @event atende-request-reopened - The citizen reopened the request (it is in service again); `detail: {requestId, protocol, status, version}`.
 * @event atende-request-changed - After either of the above; `detail: {id, action, status, version}`.
 * @event atende-unauthorized - The host's token was refused even after a refresh.
 * @csspart base - The wrapper.
 * @csspart form - The evaluation form.
 * @csspart evaluation - The evaluation sent and its publication.
 * @csspart dialog - The reopen dialog.
 * @cssproperty --atende-color-primary - Buttons and links (default #1351B4).
 * @cssproperty --atende-color-danger - Errors (default #E52207).
 * @cssproperty --atende-font-family - Typeface (default Rawline, Raleway, sans-serif).
 * @cssproperty --atende-color-focus - Focus outline (default #C2850C, as gov.br).
 * @cssproperty --atende-space - Base spacing (default 1rem).
 */
export class AtendeEvaluationForm extends AtendeElement {
  static override styles = [hostStyles, dialogStyles, evaluationFormStyles];

  /** Id of the (concluded) request of the signed-in citizen. */
  @property({ type: Number, attribute: 'request-id' }) requestId?: number;

  @state() private request?: RequestDetail;
  @state() private draft: EvaluationDraft = { comment: '' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private notice?: { kind: 'success' | 'error'; text: string };
  @state() private reopening = false;
  @state() private reopenReason = '';
  @state() private reopenError = '';
  @state() private reopenFailure = '';
  @state() private busy = false;

  private draftOf?: number;

  private readonly loadTask = new Task(this, {
    args: () => [this.apiBase, this.credential, this.requestId] as const,
    task: async ([, credential, id], { signal }) => {
      if (!credential || !id) return initialState;
      const data = await this.client.get('/requests/:id', { params: { id }, signal });
      if (id === this.requestId) this.request = data;
      return data;
    },
  });

  private tr(key: Key, params?: Record<string, string | number>): string {
    return this.t(key, params);
  }

  private get dialogEl(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('requestId') && this.request?.id !== this.requestId) {
      this.request = undefined;
      this.notice = undefined;
      this.errors = {};
      this.reopening = false;
    }
    if (this.requestId && this.draftOf !== this.requestId) {
      this.draftOf = this.requestId;
      this.draft = readEvaluationDraft(this.requestId);
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    const dialog = this.dialogEl;
    if (changed.has('reopening')) {
      if (this.reopening && dialog && !dialog.open) {
        dialog.showModal();
        if (!this.awaitingFocus) this.renderRoot.querySelector<HTMLElement>('#reopen-reason')?.focus();
      } else if (!this.reopening && dialog?.open) dialog.close();
    }
    if (this.awaitingFocus) this.focusPending();
    else if (changed.has('reopening') && !this.reopening && changed.get('reopening')) {
      this.renderRoot.querySelector<HTMLElement>('#reopen')?.focus();
    }
  }

  private change(patch: Partial<EvaluationDraft>): void {
    this.draft = { ...this.draft, ...patch };
    if (this.requestId) saveEvaluationDraft(this.requestId, this.draft);
    const touched = Object.keys(patch) as Field[];
    if (touched.some((f) => this.errors[f])) {
      const rest = { ...this.errors };
      for (const f of touched) if (f !== 'comment' || (this.draft.comment.length <= COMMENT_MAX && rest.comment)) delete rest[f];
      this.errors = rest;
    }
  }

  private showErrors(errors: Partial<Record<Field, string>>): void {
    this.errors = errors;
    this.notice = undefined;
    this.focusAfterRender('error-summary');
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const r = this.request;
    if (!r || this.busy) return;
    const d = this.draft;
    const missing: Partial<Record<Field, string>> = {};
    if (!d.verdict) missing.verdict = this.tr('evalform.required.verdict');
    if (!d.rating) missing.rating = this.tr('evalform.required.rating');
    if (d.comment.length > COMMENT_MAX) missing.comment = this.tr('evalform.tooLong', { max: COMMENT_MAX });
    if (Object.keys(missing).length) return this.showErrors(missing);
    this.busy = true;
    this.notice = undefined;
    try {
      const comment = d.comment.trim() || undefined;
      const body = { verdict: d.verdict!, rating: d.rating!, comment };
      const detail = await this.client.post('/requests/:id/evaluation', { params: { id: r.id }, body, ifMatch: r.version });
      clearEvaluationDraft(r.id);
      this.draft = { comment: '' };
      this.errors = {};
      this.request = detail;
      this.notice = { kind: 'success', text: this.tr('evalform.sent') };
      this.focusAfterRender('notice');
      this.emit('atende-evaluation-sent', { requestId: r.id, protocol: r.protocol, verdict: body.verdict, rating: body.rating });
      this.emit('atende-request-changed', { id: detail.id, action: 'evaluate', status: detail.status, version: detail.version });
    } catch (error) {
      const fields = error instanceof ApiError ? (Object.keys(error.errors).filter((k) => k in CONTROLS) as Field[]) : [];
      if (fields.length) this.showErrors(Object.fromEntries(fields.map((f) => [f, (error as ApiError).errors[f]])));
      else {
        this.notice = { kind: 'error', text: this.explainRefusal(error) };
        this.focusAfterRender('notice');
        // A conflict or a request that changed meanwhile: read it again (what was typed stays).
        if (error instanceof ApiError && (error.isConflict || error.status === 404 || error.status === 409)) void this.loadTask.run();
      }
    } finally {
      this.busy = false;
    }
  }

  private openReopen(): void {
    this.reopenReason = '';
    this.reopenError = '';
    this.reopenFailure = '';
    this.notice = undefined;
    this.reopening = true;
  }

  private closeReopen(): void {
    this.reopening = false;
  }

  private reopenClosed(): void {
    if (!this.dialogEl?.open) this.reopening = false;
  }

  private async reopen(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const r = this.request;
    if (!r || this.busy) return;
    const reason = this.reopenReason.trim();
    if (!reason) {
      this.reopenError = this.tr('evalform.reopen.required');
      return this.focusAfterRender('reopen-reason');
    }
    this.busy = true;
    this.reopenFailure = '';
    try {
      const detail = await this.client.post('/requests/:id/reopen', { params: { id: r.id }, body: { reason }, ifMatch: r.version });
      this.request = detail;
      this.reopening = false;
      this.notice = { kind: 'success', text: this.tr('evalform.reopened') };
      this.focusAfterRender('notice');
      this.emit('atende-request-reopened', { requestId: r.id, protocol: r.protocol, status: detail.status, version: detail.version });
      this.emit('atende-request-changed', { id: detail.id, action: 'reopen', status: detail.status, version: detail.version });
    } catch (error) {
      if (error instanceof ApiError && error.errors.reason) {
        this.reopenError = error.errors.reason;
        this.focusAfterRender('reopen-reason');
      } else {
        this.reopenFailure = this.explainRefusal(error);
        if (error instanceof ApiError && (error.isConflict || error.status === 409)) void this.loadTask.run();
      }
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`<section part="base" class="base" aria-labelledby="eval-h">
      ${this.renderBody()}
      <dialog part="dialog" aria-labelledby="reopen-title" aria-describedby="reopen-intro" @close=${this.reopenClosed}>
        ${this.reopening && this.request ? this.renderReopen(this.request) : nothing}
      </dialog>
    </section>`;
  }

  private heading(key: Key) {
    return html`<h2 id="eval-h" tabindex="-1">${this.tr(key)}</h2>`;
  }

  private renderNotice() {
    const n = this.notice;
    const body = (kind: string, text: string) => html`<p id="notice" class="alert ${kind}" tabindex="-1">${text}</p>`;
    return html`<div role="status">${n && n.kind !== 'error' ? body(n.kind, n.text) : nothing}</div>
      <div role="alert">${n?.kind === 'error' ? body('error', n.text) : nothing}</div>`;
  }

  private renderBody() {
    if (!this.credential)
      return html`${this.heading('evalform.title')}
        <p class="placeholder">${this.tr('evalform.signin')}</p>`;
    if (!this.requestId)
      return html`${this.heading('evalform.title')}
        <p class="placeholder">${this.tr('evalform.none')}</p>`;
    const r = this.request;
    if (!r) {
      if (this.loadTask.status === TaskStatus.ERROR)
        return html`${this.heading('evalform.title')}
          <div class="alert error" role="alert">
            <p>${this.tr('evalform.error')} ${this.describeError(this.loadTask.error)}</p>
            <button class="btn small" type="button" @click=${() => this.loadTask.run()}>${this.t('common.retry')}</button>
          </div>`;
      return html`${this.heading('evalform.title')}
        <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.tr('evalform.loading')}</p>`;
    }
    if (r.allowedActions.includes('evaluate')) return html`${this.heading('evalform.title')} ${this.renderNotice()} ${this.renderForm()}`;
    const e = r.evaluation;
    if (!e) {
      const why = r.viewer.side !== 'citizen' ? 'evalform.notYours' : r.status === 'rejected' ? 'evalform.rejected' : 'evalform.notYet';
      return html`${this.heading('evalform.title')} ${this.renderNotice()}
        <p class="placeholder">${this.tr(why)}</p>`;
    }
    return html`${this.heading('evalform.titleDone')} ${this.renderNotice()} ${this.renderEvaluation(r)}`;
  }

  private summary() {
    const fields = (Object.keys(CONTROLS) as Field[]).filter((f) => this.errors[f]);
    if (!fields.length) return nothing;
    return html`<div id="error-summary" class="error-summary" role="group" aria-labelledby="error-summary-h" tabindex="-1">
      <h3 id="error-summary-h">${this.tr('evalform.errors')}</h3>
      <ul>
        ${fields.map(
          (f) =>
            html`<li>
              <a
                href="#${CONTROLS[f]}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.renderRoot.querySelector<HTMLElement>(`#${this.firstControl(f)}`)?.focus();
                }}
                >${this.tr(LABELS[f])}: ${this.errors[f]}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** The control a field's error takes focus to: the radio checked (or the first). */
  private firstControl(f: Field): string {
    if (f === 'verdict') return this.draft.verdict === 'rejected' ? 'verdict-rejected' : 'verdict-approved';
    if (f === 'rating') return `rating-${this.draft.rating ?? 1}`;
    return 'comment';
  }

  private fieldError(f: Field) {
    return this.errors[f] ? html`<p id="${f}-error" class="field-error">${this.errors[f]}</p>` : nothing;
  }

  private renderForm() {
    const d = this.draft;
    const left = COMMENT_MAX - d.comment.length;
    const counter =
      left < 0 ? this.tr('evalform.counterOver', { n: -left }) : left === 1 ? this.tr('evalform.counterOne') : this.tr('evalform.counter', { n: left });
    const invalid = (f: Field) => (this.errors[f] ? 'true' : 'false');
    const verdict = (v: Verdict) =>
      html`<label class="choice"
        ><input
          id="verdict-${v}"
          type="radio"
          name="verdict"
          value=${v}
          .checked=${d.verdict === v}
          aria-invalid=${invalid('verdict')}
          @change=${() => this.change({ verdict: v })}
        />
        ${this.tr(`evalform.verdict.${v}`)}</label
      >`;
    return html`<form part="form" class="form" novalidate @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <p class="intro">${this.tr('evalform.intro')}</p>
      ${this.summary()}
      <fieldset class="group" aria-describedby=${this.errors.verdict ? 'verdict-error' : nothing}>
        <legend class="label">${this.tr('evalform.verdict')} <span aria-hidden="true" class="required">*</span></legend>
        <div class="choices">${verdict('approved')} ${verdict('rejected')}</div>
        ${this.fieldError('verdict')}
      </fieldset>
      <fieldset class="group" aria-describedby=${this.errors.rating ? 'rating-error rating-hint' : 'rating-hint'}>
        <legend class="label">${this.tr('evalform.rating')} <span aria-hidden="true" class="required">*</span></legend>
        <p id="rating-hint" class="hint">${this.tr('evalform.rating.hint')}</p>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (n) =>
              html`<label class="star ${d.rating !== undefined && n <= d.rating ? 'lit' : ''}"
                ><input
                  id="rating-${n}"
                  type="radio"
                  name="rating"
                  value=${n}
                  .checked=${d.rating === n}
                  aria-invalid=${invalid('rating')}
                  aria-label=${this.tr('evalform.rating.option', { n })}
                  @change=${() => this.change({ rating: n })}
                /><span aria-hidden="true" class="glyph">★</span><span aria-hidden="true">${n}</span></label
              >`,
          )}
        </div>
        ${this.fieldError('rating')}
      </fieldset>
      <div class="field">
        <label for="comment">${this.tr('evalform.comment')}</label>
        <p id="comment-hint" class="hint">${this.tr('evalform.comment.hint')}</p>
        <textarea
          id="comment"
          name="comment"
          rows="5"
          .value=${d.comment}
          aria-invalid=${invalid('comment')}
          aria-describedby=${this.errors.comment ? 'comment-error comment-hint comment-count' : 'comment-hint comment-count'}
          @input=${(e: InputEvent) => this.change({ comment: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${this.fieldError('comment')}
        <p id="comment-count" class="hint counter ${left < 0 ? 'over' : ''}" aria-live="polite">${counter}</p>
      </div>
      <p class="hint">${this.tr('evalform.draft')}</p>
      <div class="form-actions">
        <button class="btn primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${this.tr('evalform.sending')}` : this.tr('evalform.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderEvaluation(r: RequestDetail) {
    const e = r.evaluation!;
    const p = e.publication;
    const canReopen = r.allowedActions.includes('reopen') && e.verdict === 'rejected' && !!e.reopenUntil && Date.parse(e.reopenUntil) > Date.now();
    let publication: unknown = nothing;
    if (p) {
      const reason = p.reason === 'other' && p.text ? p.text : p.reason ? this.tr(`evalform.reason.${p.reason}`) : '';
      const label = p.state === 'not_published' ? this.tr('evalform.pub.not_published', { reason }) : this.tr(`evalform.pub.${p.state}`);
      publication = html`<p class="publication ${p.state}"><span class="badge">${label}</span></p>
        ${p.state === 'pending' ? html`<p class="hint">${this.tr('evalform.pub.pending.hint')}</p>` : nothing}
        ${
          p.state === 'published_masked' && p.publishedText
            ? html`<p class="label">${this.tr('evalform.pub.publishedText')}</p>
                <blockquote class="pre published">${p.publishedText}</blockquote>`
            : nothing
        }`;
    }
    return html`<div part="evaluation" class="evaluation ${e.verdict}">
      <p class="verdict">${e.verdict === 'approved' ? '✓ ' : '✕ '}${this.tr(e.verdict === 'approved' ? 'evalform.you.approved' : 'evalform.you.rejected')}</p>
      ${
        e.rating
          ? html`<p class="rating">
              <span aria-hidden="true" class="glyphs">${'★'.repeat(e.rating)}${'☆'.repeat(5 - e.rating)}</span>
              ${this.tr('evalform.you.rating', { n: e.rating })}
            </p>`
          : nothing
      }
      <p class="hint">${this.tr('evalform.you.at', { date: formatDate(this.locale, e.createdAt, true) })}</p>
      ${
        e.comment
          ? html`<p class="label">${this.tr('evalform.you.comment')}</p>
              <blockquote class="pre">${e.comment}</blockquote>
              ${publication}`
          : nothing
      }
      ${
        canReopen
          ? html`<div class="reopen">
              <p id="reopen-until">${this.tr('evalform.reopen.until', { date: formatDate(this.locale, e.reopenUntil!, true) })}</p>
              <button id="reopen" class="btn" type="button" aria-haspopup="dialog" aria-describedby="reopen-until" @click=${() => this.openReopen()}>
                ${this.tr('evalform.reopen')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderReopen(r: RequestDetail) {
    const until = r.evaluation?.reopenUntil ? formatDate(this.locale, r.evaluation.reopenUntil, true) : '';
    return html`<form class="dialog-form" novalidate @submit=${(e: SubmitEvent) => void this.reopen(e)}>
      <h2 id="reopen-title">${this.tr('evalform.reopen.title')}</h2>
      <p id="reopen-intro">${this.tr('evalform.reopen.intro', { date: until })}</p>
      <div class="field">
        <label for="reopen-reason">${this.tr('evalform.reopen.reason')} <span aria-hidden="true" class="required">*</span></label>
        <textarea
          id="reopen-reason"
          required
          rows="4"
          maxlength="2000"
          .value=${this.reopenReason}
          aria-invalid=${this.reopenError ? 'true' : 'false'}
          aria-describedby=${this.reopenError ? 'reopen-reason-error' : nothing}
          @input=${(e: InputEvent) => {
            this.reopenReason = (e.target as HTMLTextAreaElement).value;
            if (this.reopenReason.trim()) this.reopenError = '';
          }}
        ></textarea>
        ${this.reopenError ? html`<p id="reopen-reason-error" class="field-error">${this.reopenError}</p>` : nothing}
      </div>
      <div role="alert">${this.reopenFailure ? html`<p class="alert error">${this.reopenFailure}</p>` : nothing}</div>
      <div class="dialog-actions">
        <button class="btn" type="button" @click=${() => this.closeReopen()}>${this.tr('evalform.reopen.cancel')}</button>
        <button class="btn primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.tr('evalform.reopen.submit')}</button>
      </div>
    </form>`;
  }
}

/** What the evaluation form's events carry. */
type Sent = { requestId: number; protocol: string; verdict: Verdict; rating: number };
type Reopened = { requestId: number; protocol: string; status: string; version: number };

declare module '../internal/atende-element.js' {
  interface AtendeEventDetails {
    'atende-evaluation-sent': Sent;
    'atende-request-reopened': Reopened;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atende-evaluation-form': AtendeEvaluationForm;
  }
  interface GlobalEventHandlersEventMap {
    'atende-evaluation-sent': CustomEvent<Sent>;
    'atende-request-reopened': CustomEvent<Reopened>;
  }
}
