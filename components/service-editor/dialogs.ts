// The confirmations of the editor: "Publicar" (what changes for citizens and
// what does not for requests already filed) and "Retirar de publicação" (a
// reason, required). Templates only; the element owns state and focus.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MessageKey } from '../internal/i18n.js';

export type DialogKind = 'publish' | 'unpublish';

export interface DialogView {
  kind: DialogKind;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  busy: boolean;
  /** The version citizens will see. */
  version?: number;
  /** Unsaved changes are saved first. */
  unsaved: boolean;
  /** A message about the whole action. */
  error: string;
  /** The reason's own error (unpublish). */
  reasonError: string;
  reason: string;
  typeReason: (e: InputEvent) => void;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

function reasonField(v: DialogView) {
  const described = [v.reasonError ? 'reason-error' : '', 'reason-hint'].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="reason">${v.t('editor.unpublish.reason')} <span aria-hidden="true" class="required">*</span></label>
    <textarea
      id="reason"
      name="reason"
      required
      rows="4"
      maxlength="2000"
      spellcheck="true"
      lang="pt-BR"
      aria-invalid=${v.reasonError ? 'true' : 'false'}
      aria-describedby=${ifDefined(described)}
      .value=${v.reason}
      @input=${v.typeReason}
    ></textarea>
    ${v.reasonError ? html`<p id="reason-error" class="field-error">${v.reasonError}</p>` : nothing}
    <p id="reason-hint" class="hint">${v.t('editor.unpublish.hint')}</p>
  </div>`;
}

export function renderDialog(v: DialogView) {
  const publish = v.kind === 'publish';
  return html`<form class="dialog-form" novalidate @submit=${v.submit}>
    <h2 id="dialog-title">${v.t(publish ? 'editor.publish.title' : 'editor.unpublish.title')}</h2>
    ${
      publish
        ? html`<p id="dialog-intro">
              ${v.version ? html`<strong>${v.t('editor.version', { n: v.version })}.</strong> ` : nothing}${v.t('editor.publish.intro')}
            </p>
            <p>${v.t('editor.publish.keep')}</p>
            ${v.unsaved ? html`<p class="alert">${v.t('editor.publish.unsaved')}</p>` : nothing}`
        : html`<p id="dialog-intro">${v.t('editor.unpublish.intro')}</p>`
    }
    <div role="alert">${v.error ? html`<p class="alert error">${v.error}</p>` : nothing}</div>
    ${publish ? nothing : reasonField(v)}
    <div class="dialog-actions">
      <button class="btn" type="button" @click=${v.cancel}>${v.t('common.cancel')}</button>
      <button id="dialog-submit" class="btn ${publish ? 'success' : 'danger-solid'}" type="submit" aria-disabled=${v.busy ? 'true' : 'false'}>
        ${v.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${v.t(publish ? 'editor.publish.confirm' : 'editor.unpublish.confirm')}
      </button>
    </div>
  </form>`;
}
