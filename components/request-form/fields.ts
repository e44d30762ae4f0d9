// The request form's controls, one per kind of field the charter offers
// (contract/charter.ts FIELD_KINDS): each with its label, required mark, help
// text, format hint and error tied to it (aria-describedby, aria-invalid).
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { type FieldKind, fieldKindOf } from '../../contract/charter.js';
import { MAX_STRING, MAX_TEXT } from '../../contract/form-fields.js';
import type { ServiceField } from '../../contract/types.js';
import type { MessageKey } from '../internal/i18n.js';

/** More options than this: a select instead of radio buttons. */
const MAX_RADIOS = 6;

/** What a field's control needs from the form. */
export interface FieldHost {
  t(key: MessageKey, params?: Record<string, string | number>): string;
  value(f: ServiceField): string | string[];
  error(f: ServiceField): string | undefined;
  /** The citizen typed or chose (validated at once only for choices). */
  input(f: ServiceField, value: string | string[], validateNow: boolean): void;
  /** The citizen left a text control. */
  leave(f: ServiceField): void;
}

/** Ids of a field's parts, by its position in the form. */
export const fieldId = (i: number) => `field-${i}`;
export const errorId = (i: number) => `field-${i}-error`;

/** The id of what takes focus for field `i` (a group's first option). */
export function focusTargetId(f: ServiceField, i: number): string {
  const kind = fieldKindOf(f);
  const grouped = kind === 'multiChoice' || (kind === 'choice' && (f.values ?? []).length <= MAX_RADIOS);
  return grouped ? `${fieldId(i)}-0` : fieldId(i);
}

/** The control's attributes per kind: type, keyboard, autofill, length, and a hint on the expected format. */
const INPUTS: Partial<Record<FieldKind, { type: string; inputmode?: string; autocomplete?: string; maxlength: number; hint?: MessageKey }>> = {
  text: { type: 'text', maxlength: MAX_STRING },
  number: { type: 'text', inputmode: 'decimal', maxlength: 40, hint: 'requestForm.hint.number' },
  date: { type: 'date', maxlength: 10 },
  cpf: { type: 'text', inputmode: 'numeric', maxlength: 14, hint: 'requestForm.hint.cpf' },
  email: { type: 'email', inputmode: 'email', autocomplete: 'email', maxlength: 254, hint: 'requestForm.hint.email' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel', maxlength: 20, hint: 'requestForm.hint.phone' },
  cep: { type: 'text', inputmode: 'numeric', autocomplete: 'postal-code', maxlength: 9, hint: 'requestForm.hint.cep' },
};

/** Autofill for a plain text field whose code says what it holds. */
function autofillFor(f: ServiceField): string | undefined {
  if (/^(nome|nome_completo|nome_requerente)$/.test(f.code)) return 'name';
  return undefined;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function requiredMark(f: ServiceField) {
  return f.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing;
}

export function renderField(host: FieldHost, f: ServiceField, i: number): TemplateResult {
  const kind = fieldKindOf(f);
  const id = fieldId(i);
  const error = host.error(f);
  const hasHelp = !!f.description?.trim();
  const help = hasHelp ? html`<p id="${id}-help" class="hint">${f.description}</p>` : nothing;
  const errorText = error ? html`<p id=${errorId(i)} class="field-error">${error}</p>` : nothing;

  if (kind === 'multiChoice' || (kind === 'choice' && (f.values ?? []).length <= MAX_RADIOS)) {
    const multi = kind === 'multiChoice';
    const chosen = host.value(f);
    const picked = (v: string) => (Array.isArray(chosen) ? chosen.includes(v) : chosen === v);
    const pick = (v: string, on: boolean) => {
      if (!multi) return host.input(f, v, true);
      // What is chosen now (a second click may come before the form renders the first).
      const current = host.value(f);
      const now = Array.isArray(current) ? current : [];
      host.input(f, on ? [...now.filter((x) => x !== v), v] : now.filter((x) => x !== v), true);
    };
    return html`<fieldset
      class="field group"
      id=${id}
      role=${multi ? 'group' : 'radiogroup'}
      aria-required=${ifDefined(!multi && f.required ? 'true' : undefined)}
      aria-invalid=${ifDefined(!multi ? (error ? 'true' : 'false') : undefined)}
      aria-describedby=${ifDefined(describedBy(hasHelp && `${id}-help`, error && errorId(i)))}
    >
      <legend>
        ${f.label}${requiredMark(f)}${f.required && multi ? html`<span class="visually-hidden"> (${host.t('requestForm.required')})</span>` : nothing}
      </legend>
      ${help}
      ${(f.values ?? []).map(
        (v, k) =>
          html`<label class="option" for="${id}-${k}">
            <input
              id="${id}-${k}"
              type=${multi ? 'checkbox' : 'radio'}
              name=${id}
              .value=${v}
              .checked=${live(picked(v))}
              aria-invalid=${ifDefined(multi && error ? 'true' : undefined)}
              @change=${(e: Event) => pick(v, (e.target as HTMLInputElement).checked)}
            />
            <span>${v}</span>
          </label>`,
      )}
      ${errorText}
    </fieldset>`;
  }

  const raw = host.value(f);
  const value = typeof raw === 'string' ? raw : '';
  const common = {
    describedBy: describedBy(hasHelp && `${id}-help`, INPUTS[kind]?.hint && `${id}-format`, error && errorId(i)),
    invalid: error ? 'true' : 'false',
  };
  const typed = (e: Event) => host.input(f, (e.target as HTMLInputElement).value, false);
  let control: TemplateResult;
  if (kind === 'choice') {
    control = html`<select
      id=${id}
      ?required=${f.required}
      aria-invalid=${common.invalid}
      aria-describedby=${ifDefined(common.describedBy)}
      @change=${(e: Event) => host.input(f, (e.target as HTMLSelectElement).value, true)}
    >
      <option value="" ?selected=${!value}>${host.t('requestForm.choose')}</option>
      ${(f.values ?? []).map((v) => html`<option .value=${v} ?selected=${v === value}>${v}</option>`)}
    </select>`;
  } else if (kind === 'longText') {
    control = html`<textarea
      id=${id}
      maxlength=${MAX_TEXT}
      ?required=${f.required}
      spellcheck="true"
      aria-invalid=${common.invalid}
      aria-describedby=${ifDefined(common.describedBy)}
      .value=${live(value)}
      @input=${typed}
      @blur=${() => host.leave(f)}
    ></textarea>`;
  } else {
    const spec = INPUTS[kind] ?? INPUTS.text!;
    control = html`<input
      id=${id}
      type=${spec.type}
      inputmode=${ifDefined(spec.inputmode)}
      autocomplete=${ifDefined(spec.autocomplete ?? (kind === 'text' ? autofillFor(f) : undefined))}
      maxlength=${spec.maxlength}
      spellcheck=${kind === 'text' ? 'true' : 'false'}
      ?required=${f.required}
      aria-invalid=${common.invalid}
      aria-describedby=${ifDefined(common.describedBy)}
      .value=${live(value)}
      @input=${typed}
      @change=${typed}
      @blur=${() => host.leave(f)}
    />`;
  }
  const hint = INPUTS[kind]?.hint;
  return html`<div class="field ${kind}">
    <label for=${id}>${f.label}${requiredMark(f)}</label>
    ${help} ${hint ? html`<p id="${id}-format" class="hint">${host.t(hint)}</p>` : nothing} ${control} ${errorText}
  </div>`;
}
