// The manager's confirmations: "Autorizar" (an optional last day, from today
// on), "Recusar" (a reason, required) and "Revogar acesso" (a reason,
// required, and how many requests in attendance become "sem atendente").
// Templates only; the element owns state and focus.
import { html, nothing } from 'lit';
import type { AccessRequest, InstitutionRef, StaffMembership } from '../../contract/types.js';
import type { T } from './describe.js';

export type Dialog =
  { kind: 'authorize'; request: AccessRequest } | { kind: 'refuse'; request: AccessRequest } | { kind: 'revoke'; membership: StaffMembership };

export interface DialogView {
  dialog: Dialog;
  t: T;
  institution?: InstitutionRef;
  busy: boolean;
  /** A message about the whole action. */
  error: string;
  /** The field's own error (the date, or the reason). */
  fieldError: string;
  /** What is typed in the field: the date (YYYY-MM-DD) or the reason. */
  value: string;
  /** Today in the state's calendar (YYYY-MM-DD): the earliest last day. */
  today: string;
  type: (e: InputEvent) => void;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

function untilField(v: DialogView) {
  const described = [v.fieldError ? 'until-error' : '', 'until-hint'].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="until">${v.t('access.dialog.until')}</label>
    <input
      id="until"
      name="until"
      type="date"
      min=${v.today}
      aria-invalid=${v.fieldError ? 'true' : 'false'}
      aria-describedby=${described}
      .value=${v.value}
      @input=${v.type}
      @change=${v.type}
    />
    ${v.fieldError ? html`<p id="until-error" class="field-error">${v.fieldError}</p>` : nothing}
    <p id="until-hint" class="hint">${v.t('access.dialog.until.hint')}</p>
  </div>`;
}

function reasonField(v: DialogView, hint?: string) {
  const described = [v.fieldError ? 'reason-error' : '', hint ? 'reason-hint' : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="reason">${v.t('access.dialog.reason')} <span aria-hidden="true" class="required">*</span></label>
    <textarea
      id="reason"
      name="reason"
      required
      rows="4"
      spellcheck="true"
      lang="pt-BR"
      aria-invalid=${v.fieldError ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      .value=${v.value}
      @input=${v.type}
    ></textarea>
    ${v.fieldError ? html`<p id="reason-error" class="field-error">${v.fieldError}</p>` : nothing}
    ${hint ? html`<p id="reason-hint" class="hint">${hint}</p>` : nothing}
  </div>`;
}

function revokeWarning(v: DialogView, m: StaffMembership) {
  const name = m.user.name;
  const n = m.openAssigned;
  const text =
    n === 0
      ? v.t('access.dialog.revoke.openNone', { name })
      : n === 1
        ? v.t('access.dialog.revoke.openOne', { name })
        : v.t('access.dialog.revoke.openMany', { n, name });
  return html`<p id="dialog-warning" class="alert ${n ? 'warning' : ''}">${text}</p>`;
}

export function renderDialog(v: DialogView) {
  const d = v.dialog;
  const institution = v.institution?.acronym || v.institution?.name || '';
  let title: string;
  let intro: string;
  let body: unknown;
  let confirm: string;
  let tone: string;
  if (d.kind === 'authorize') {
    const r = d.request;
    title = v.t('access.dialog.authorize.title');
    intro = v.t('access.dialog.authorize.intro', { name: r.requester.name, institution: r.institution.acronym, unit: r.unit, ordinance: r.ordinance });
    body = untilField(v);
    confirm = v.t('access.authorize');
    tone = 'success';
  } else if (d.kind === 'refuse') {
    const r = d.request;
    title = v.t('access.dialog.refuse.title');
    intro = v.t('access.dialog.refuse.intro', { name: r.requester.name, unit: r.unit });
    body = reasonField(v);
    confirm = v.t('access.refuse');
    tone = 'danger-solid';
  } else {
    const m = d.membership;
    title = v.t('access.dialog.revoke.title', { name: m.user.name });
    intro = v.t('access.dialog.revoke.intro', { name: m.user.name, institution });
    body = html`${revokeWarning(v, m)} ${reasonField(v, v.t('access.dialog.revoke.hint'))}`;
    confirm = v.t('access.revoke');
    tone = 'danger-solid';
  }
  return html`<form class="dialog-form" novalidate @submit=${v.submit}>
    <h2 id="dialog-title">${title}</h2>
    <p id="dialog-intro">${intro}</p>
    <div role="alert">${v.error ? html`<p class="alert error">${v.error}</p>` : nothing}</div>
    ${body}
    <div class="dialog-actions">
      <button class="btn" type="button" @click=${v.cancel}>${v.t('common.cancel')}</button>
      <button id="dialog-submit" class="btn ${tone}" type="submit" aria-disabled=${v.busy ? 'true' : 'false'}>
        ${v.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${confirm}
      </button>
    </div>
  </form>`;
}
