// The decision dialogs of the analysis form: Aprovar (choose the attendant,
// "Sim, Aprovar!"), Reatribuir (choose another attendant), Reprovar
// (justification) and Concluir Solicitação ("Finalizar"). (The citizen's
// evaluation is atende-evaluation-form's.) Templates only; the element owns
// state, drafts and focus.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Attendant, StepState } from '../../contract/types.js';
import type { MessageKey } from '../internal/i18n.js';

export type DialogKind = 'approve' | 'reassign' | 'reject' | 'conclude';

export interface DialogView {
  kind: DialogKind;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  busy: boolean;
  /** Field errors keyed by API field (`assigneeId`, `justification`, `text`). */
  errors: Record<string, string>;
  /** A message about the whole action (network, expired session, server refusal). */
  error: string;
  draft: string;
  /** Approve: the steps answered "Não" or not answered, which the approver confirms by name. */
  stepsToConfirm: StepState[];
  /** Approve and reassign: who may attend the request, and who attends it now (marked, not offered). */
  attendants: { pending: boolean; items?: Attendant[]; error?: string; current?: number };
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
  saveDraft: (e: InputEvent) => void;
}

/** The id of the control that shows each API field, to focus the first invalid one. */
export const FIELD_IDS: Record<string, string> = {
  assigneeId: 'assignee',
  justification: 'justification',
  text: 'conclusion',
  confirmSteps: 'confirm-steps',
};

function invalid(v: DialogView, field: string) {
  return {
    invalid: v.errors[field] ? 'true' : 'false',
    describedBy: v.errors[field] ? `${FIELD_IDS[field]}-error` : undefined,
    message: v.errors[field] ? html`<p id="${FIELD_IDS[field]}-error" class="field-error">${v.errors[field]}</p>` : nothing,
  };
}

function textField(v: DialogView, field: 'justification' | 'text', label: MessageKey) {
  const id = FIELD_IDS[field];
  const state = invalid(v, field);
  return html`<div class="field">
    <label for=${id}>${v.t(label)} <span aria-hidden="true" class="required">*</span></label>
    <textarea
      id=${id}
      name=${field}
      required
      maxlength=${field === 'text' ? 10000 : 5000}
      aria-invalid=${state.invalid}
      aria-describedby=${ifDefined(state.describedBy ? `${state.describedBy} ${id}-hint` : `${id}-hint`)}
      .value=${v.draft}
      @input=${v.saveDraft}
    ></textarea>
    ${state.message}
    <p id="${id}-hint" class="hint">${v.t('dialog.draft')}</p>
  </div>`;
}

/** The steps without "Sim", named, and the checkbox that confirms approving despite them. */
function confirmSteps(v: DialogView) {
  if (!v.stepsToConfirm.length) return nothing;
  const state = invalid(v, 'confirmSteps');
  return html`<fieldset class="confirm-steps">
    <legend class="label">${v.t('dialog.approve.steps')}</legend>
    <p id="confirm-steps-intro">${v.t('dialog.approve.steps.intro')}</p>
    <ul id="confirm-steps-list">
      ${v.stepsToConfirm.map(
        (s) =>
          html`<li>
            <strong>${s.title}</strong> —
            ${s.answer === 'no' ? v.t('common.no') : v.t('form.steps.unanswered')}${s.note ? html`: <span class="pre">${s.note}</span>` : nothing}
          </li>`,
      )}
    </ul>
    <label class="radio"
      ><input
        id="confirm-steps"
        type="checkbox"
        name="confirmSteps"
        value="yes"
        required
        aria-invalid=${state.invalid}
        aria-describedby=${ifDefined(state.describedBy ? `${state.describedBy} confirm-steps-list` : 'confirm-steps-list')}
      />
      ${v.t('dialog.approve.steps.confirm')}</label
    >
    ${state.message}
  </fieldset>`;
}

/** The attendant who will attend (approve, reassign): who may attend this request; the one attending now is marked and cannot be chosen. */
function assigneeChoice(v: DialogView) {
  const state = invalid(v, 'assigneeId');
  const a = v.attendants;
  const label = (p: Attendant) => (p.unit ? `${p.name} — ${p.unit}` : p.name);
  return html`<div class="field">
    <label for="assignee">${v.t('dialog.assignee')} <span aria-hidden="true" class="required">*</span></label>
    ${a.error ? html`<p class="field-error" role="alert">${a.error}</p>` : nothing}
    <select id="assignee" name="assigneeId" required aria-invalid=${state.invalid} aria-describedby=${ifDefined(state.describedBy)}>
      <option value="">${a.pending ? v.t('dialog.assignee.loading') : v.t('dialog.assignee.choose')}</option>
      ${(a.items ?? []).map((p) =>
        p.id === a.current
          ? html`<option value=${p.id} disabled>${v.t('dialog.assignee.current', { name: label(p) })}</option>`
          : html`<option value=${p.id}>${label(p)}</option>`,
      )}
    </select>
    ${state.message}
  </div>`;
}

const CONTENT: Record<DialogKind, { title: MessageKey; intro?: MessageKey; submit: MessageKey; tone: string; body: (v: DialogView) => TemplateResult }> = {
  approve: {
    title: 'dialog.approve.title',
    intro: 'dialog.approve.intro',
    submit: 'dialog.approve.submit',
    tone: 'success',
    body: (v) => html`${confirmSteps(v)} ${assigneeChoice(v)}`,
  },
  reassign: { title: 'dialog.reassign.title', intro: 'dialog.reassign.intro', submit: 'dialog.reassign.submit', tone: 'primary', body: assigneeChoice },
  reject: {
    title: 'dialog.reject.title',
    intro: 'dialog.reject.intro',
    submit: 'dialog.reject.submit',
    tone: 'danger-solid',
    body: (v) => textField(v, 'justification', 'dialog.reject.field'),
  },
  conclude: {
    title: 'dialog.conclude.title',
    intro: 'dialog.conclude.intro',
    submit: 'dialog.conclude.submit',
    tone: 'primary',
    body: (v) => textField(v, 'text', 'dialog.conclude.field'),
  },
};

export function renderDialog(v: DialogView) {
  const c = CONTENT[v.kind];
  return html`<form class="dialog-form" novalidate @submit=${v.submit}>
    <h2 id="dialog-title">${v.t(c.title)}</h2>
    ${c.intro ? html`<p id="dialog-intro">${v.t(c.intro)}</p>` : nothing}
    <div role="alert">${v.error ? html`<p class="alert error">${v.error}</p>` : nothing}</div>
    ${c.body(v)}
    <div class="dialog-actions">
      <button class="btn" type="button" ?disabled=${v.busy} @click=${v.cancel}>${v.t('common.cancel')}</button>
      <button class="btn ${c.tone}" type="submit" ?disabled=${v.busy} aria-busy=${v.busy ? 'true' : 'false'}>
        ${v.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${v.t(c.submit)}
      </button>
    </div>
  </form>`;
}
