// The editing view's sections: every part of the entry with its label, hint
// and error, the documents, steps and form fields as rows that can be added,
// removed and moved with buttons. Templates only; the element owns the entry,
// the errors and focus. Texts are Portuguese content: `lang="pt-BR"` and the
// browser's spell checking on every one.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { CHANNELS, DOCUMENT_FORMATS, FIELD_KINDS } from '../../contract/charter.js';
import type { MessageKey } from '../internal/i18n.js';
import { CHOICE_KINDS, type DocumentRow, type EntryForm, type FieldRow, type RowOf, type Rows, type StepRow, type TextPart } from './entry.js';

export interface FormView {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  form: EntryForm;
  /** Error messages by the id of the control they belong to. */
  errors: Record<string, string>;
  set: (patch: Partial<EntryForm>) => void;
  setRow: <L extends Rows>(list: L, key: number, patch: Partial<RowOf<L>>) => void;
  add: (list: Rows) => void;
  remove: (list: Rows, key: number) => void;
  move: (list: 'steps' | 'fields', key: number, by: -1 | 1) => void;
}

/** aria-invalid, aria-describedby (the error, then any hint) and the message shown under control `id`. */
function state(v: FormView, id: string, hint?: string) {
  const error = v.errors[id];
  const ids = [error ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ');
  return {
    invalid: error ? 'true' : 'false',
    describedBy: ids || undefined,
    message: error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing,
  };
}

const valueOf = (e: Event) => (e.target as HTMLInputElement).value;
const checkedOf = (e: Event) => (e.target as HTMLInputElement).checked;

function textPart(v: FormView, part: TextPart, opts: { long?: boolean; rows?: number; hint?: MessageKey } = {}) {
  const id = `f-${part}`;
  const s = state(v, id, opts.hint ? `${id}-hint` : undefined);
  const input = (e: Event) => v.set({ [part]: valueOf(e) });
  return html`<div class="field">
    <label for=${id}>${v.t(`editor.part.${part}`)}</label>
    ${opts.hint ? html`<p id="${id}-hint" class="hint">${v.t(opts.hint)}</p>` : nothing}
    ${
      opts.long
        ? html`<textarea
            id=${id}
            rows=${opts.rows ?? 4}
            spellcheck="true"
            lang="pt-BR"
            aria-invalid=${s.invalid}
            aria-describedby=${ifDefined(s.describedBy)}
            .value=${live(v.form[part])}
            @input=${input}
          ></textarea>`
        : html`<input
            id=${id}
            type="text"
            spellcheck="true"
            lang="pt-BR"
            aria-invalid=${s.invalid}
            aria-describedby=${ifDefined(s.describedBy)}
            .value=${live(v.form[part])}
            @input=${input}
          />`
    }
    ${s.message}
  </div>`;
}

/** Up, down and remove for row `i` of `total`: aria-disabled at the ends, so a focused button keeps the focus. */
function rowButtons(v: FormView, list: 'steps' | 'fields', key: number, i: number, total: number) {
  const n = i + 1;
  const prefix = list === 'steps' ? 'editor.step' : 'editor.field';
  const id = `${list === 'steps' ? 'step' : 'field'}-${key}`;
  return html`<div class="row-buttons">
    <button
      id="${id}-up"
      class="btn small icon"
      type="button"
      aria-label=${v.t(`${prefix}.up` as MessageKey, { n })}
      aria-disabled=${i === 0 ? 'true' : 'false'}
      @click=${() => i > 0 && v.move(list, key, -1)}
    >
      <span aria-hidden="true">↑</span>
    </button>
    <button
      id="${id}-down"
      class="btn small icon"
      type="button"
      aria-label=${v.t(`${prefix}.down` as MessageKey, { n })}
      aria-disabled=${i === total - 1 ? 'true' : 'false'}
      @click=${() => i < total - 1 && v.move(list, key, 1)}
    >
      <span aria-hidden="true">↓</span>
    </button>
    <button
      id="${id}-remove"
      class="btn small danger"
      type="button"
      aria-label=${v.t(`${prefix}.remove` as MessageKey, { n })}
      @click=${() => v.remove(list, key)}
    >
      <span aria-hidden="true">✕</span>
    </button>
  </div>`;
}

/** A button that adds a row, described by the list's error (such as "Inclua ao menos uma etapa"). */
function addButton(v: FormView, list: Rows, id: string, label: MessageKey) {
  const s = state(v, id);
  return html`${s.message}
    <button id=${id} class="btn small" type="button" aria-describedby=${ifDefined(s.describedBy)} @click=${() => v.add(list)}>${v.t(label)}</button>`;
}

function documentRow(v: FormView, d: DocumentRow, i: number) {
  const id = `f-doc-${d.key}`;
  const name = state(v, `${id}-name`);
  const formats = state(v, `${id}-formats`, `${id}-formats-hint`);
  return html`<li>
    <fieldset class="row">
      <legend>${v.t('editor.doc.row', { n: i + 1 })}</legend>
      <div class="field">
        <label for="${id}-name">${v.t('editor.doc.name')}</label>
        <input
          id="${id}-name"
          type="text"
          spellcheck="true"
          lang="pt-BR"
          aria-invalid=${name.invalid}
          aria-describedby=${ifDefined(name.describedBy)}
          .value=${live(d.name)}
          @input=${(e: Event) => v.setRow('documents', d.key, { name: valueOf(e) })}
        />
        ${name.message}
      </div>
      <label class="check">
        <input
          id="${id}-required"
          type="checkbox"
          .checked=${live(d.required)}
          @change=${(e: Event) => v.setRow('documents', d.key, { required: checkedOf(e) })}
        />
        ${v.t('editor.doc.required')}
      </label>
      <fieldset id="${id}-formats" class="formats" aria-describedby=${ifDefined(formats.describedBy)}>
        <legend>${v.t('editor.doc.formats')}</legend>
        <p id="${id}-formats-hint" class="hint">${v.t('editor.doc.formatsHint')}</p>
        <div class="checks">
          ${DOCUMENT_FORMATS.map(
            (f) =>
              html`<label class="check">
                <input
                  type="checkbox"
                  .checked=${live(d.formats.includes(f))}
                  aria-invalid=${formats.invalid}
                  @change=${(e: Event) =>
                    v.setRow('documents', d.key, { formats: DOCUMENT_FORMATS.filter((x) => (x === f ? checkedOf(e) : d.formats.includes(x))) })}
                />
                ${f.toUpperCase()}
              </label>`,
          )}
        </div>
        ${formats.message}
      </fieldset>
      <div class="row-buttons">
        <button id="${id}-remove" class="btn small danger" type="button" @click=${() => v.remove('documents', d.key)}>
          ${v.t('editor.doc.remove', { n: i + 1 })}
        </button>
      </div>
    </fieldset>
  </li>`;
}

function stepRow(v: FormView, s: StepRow, i: number, total: number) {
  const id = `f-step-${s.key}`;
  const st = state(v, id);
  return html`<li class="step-row">
    <div class="field grow">
      <label for=${id}>${v.t('editor.step.label', { n: i + 1 })}</label>
      <input
        id=${id}
        type="text"
        spellcheck="true"
        lang="pt-BR"
        aria-invalid=${st.invalid}
        aria-describedby=${ifDefined(st.describedBy)}
        .value=${live(s.title)}
        @input=${(e: Event) => v.setRow('steps', s.key, { title: valueOf(e) })}
      />
      ${st.message}
    </div>
    ${rowButtons(v, 'steps', s.key, i, total)}
  </li>`;
}

function fieldRow(v: FormView, x: FieldRow, i: number, total: number) {
  const id = `f-field-${x.key}`;
  const label = state(v, `${id}-label`);
  const code = state(v, `${id}-code`, `${id}-code-hint`);
  const kind = state(v, `${id}-kind`);
  const help = state(v, `${id}-help`);
  const options = state(v, `${id}-options`);
  const set = (patch: Partial<FieldRow>) => v.setRow('fields', x.key, patch);
  return html`<li>
    <fieldset class="row">
      <legend>${v.t('editor.field.row', { n: i + 1 })}</legend>
      <div class="grid">
        <div class="field">
          <label for="${id}-label">${v.t('editor.field.label')}</label>
          <input
            id="${id}-label"
            type="text"
            spellcheck="true"
            lang="pt-BR"
            aria-invalid=${label.invalid}
            aria-describedby=${ifDefined(label.describedBy)}
            .value=${live(x.label)}
            @input=${(e: Event) => set({ label: valueOf(e) })}
          />
          ${label.message}
        </div>
        <div class="field">
          <label for="${id}-code">${v.t('editor.field.code')}</label>
          <input
            id="${id}-code"
            type="text"
            spellcheck="false"
            autocapitalize="off"
            autocomplete="off"
            maxlength="40"
            aria-invalid=${code.invalid}
            aria-describedby=${ifDefined(code.describedBy)}
            .value=${live(x.code)}
            @input=${(e: Event) => set({ code: valueOf(e), codeTouched: true })}
          />
          <p id="${id}-code-hint" class="hint">${v.t('editor.field.codeHint')}</p>
          ${code.message}
        </div>
        <div class="field">
          <label for="${id}-kind">${v.t('editor.field.kind')}</label>
          <select
            id="${id}-kind"
            aria-invalid=${kind.invalid}
            aria-describedby=${ifDefined(kind.describedBy)}
            @change=${(e: Event) => set({ kind: valueOf(e) as FieldRow['kind'] })}
          >
            ${FIELD_KINDS.map((k) => html`<option value=${k.kind} ?selected=${k.kind === x.kind}>${v.t(`editor.kind.${k.kind}`)}</option>`)}
          </select>
          ${kind.message}
        </div>
        <label class="check">
          <input id="${id}-required" type="checkbox" .checked=${live(x.required)} @change=${(e: Event) => set({ required: checkedOf(e) })} />
          ${v.t('editor.field.required')}
        </label>
      </div>
      <div class="field">
        <label for="${id}-help">${v.t('editor.field.help')}</label>
        <input
          id="${id}-help"
          type="text"
          spellcheck="true"
          lang="pt-BR"
          aria-invalid=${help.invalid}
          aria-describedby=${ifDefined(help.describedBy)}
          .value=${live(x.description)}
          @input=${(e: Event) => set({ description: valueOf(e) })}
        />
        ${help.message}
      </div>
      ${
        CHOICE_KINDS.includes(x.kind)
          ? html`<div class="field">
              <label for="${id}-options">${v.t('editor.field.options')}</label>
              <textarea
                id="${id}-options"
                rows="4"
                spellcheck="true"
                lang="pt-BR"
                aria-invalid=${options.invalid}
                aria-describedby=${ifDefined(options.describedBy)}
                .value=${live(x.options)}
                @input=${(e: Event) => set({ options: valueOf(e) })}
              ></textarea>
              ${options.message}
            </div>`
          : nothing
      }
      ${rowButtons(v, 'fields', x.key, i, total)}
    </fieldset>
  </li>`;
}

/** An ordered list of rows (documents, steps, fields) under its heading `labelledBy`, or its empty text, then its add button. */
function rowList<R extends { key: number | string }>(
  v: FormView,
  list: Rows,
  rows: readonly R[],
  render: (row: R, i: number) => unknown,
  keys: { labelledBy: string; none: MessageKey; addId: string; add: MessageKey },
) {
  return html`${
    rows.length
      ? html`<ol class="rows" aria-labelledby=${keys.labelledBy}>
          ${repeat(
            rows,
            (r) => r.key,
            (r, i) => render(r, i),
          )}
        </ol>`
      : html`<p class="muted">${v.t(keys.none)}</p>`
  }
  ${addButton(v, list, keys.addId, keys.add)}`;
}

function section(id: string, title: string, body: unknown) {
  return html`<section class="part" aria-labelledby="${id}-h">
    <h3 id="${id}-h">${title}</h3>
    ${body}
  </section>`;
}

export function renderSections(v: FormView) {
  const f = v.form;
  const deadline = state(v, 'f-deadline-days');
  const delivery = state(v, 'f-delivery');
  return html`
    ${section('identity', v.t('editor.section.identity'), [
      textPart(v, 'name'),
      textPart(v, 'description', { long: true, rows: 5 }),
      textPart(v, 'audience', { long: true, rows: 3 }),
    ])}
    ${section(
      'requirements',
      v.t('editor.section.requirements'),
      html`${textPart(v, 'requirements', { long: true, rows: 4 })}
        <h4 id="documents-h">${v.t('editor.part.documents')}</h4>
        ${rowList(v, 'documents', f.documents, (d, i) => documentRow(v, d, i), { labelledBy: 'documents-h', none: 'editor.doc.none', addId: 'add-document', add: 'editor.doc.add' })}`,
    )}
    ${section(
      'steps',
      v.t('editor.section.steps'),
      html`<p class="hint" id="steps-hint">${v.t('editor.step.hint')}</p>
        ${rowList(v, 'steps', f.steps, (x, i) => stepRow(v, x, i, f.steps.length), { labelledBy: 'steps-h', none: 'editor.step.none', addId: 'add-step', add: 'editor.step.add' })}`,
    )}
    ${section(
      'fields',
      v.t('editor.section.fields'),
      html`<p class="hint">${v.t('editor.field.hint')}</p>
        ${rowList(v, 'fields', f.fields, (x, i) => fieldRow(v, x, i, f.fields.length), { labelledBy: 'fields-h', none: 'editor.field.none', addId: 'add-field', add: 'editor.field.add' })}`,
    )}
    ${section(
      'terms',
      v.t('editor.section.terms'),
      html`${textPart(v, 'cost', { hint: 'editor.hint.cost' })}
        <fieldset class="deadline">
          <legend>${v.t('editor.part.deadline')}</legend>
          <div class="inline">
            <div class="field">
              <label for="f-deadline-days">${v.t('editor.deadline.days')}</label>
              <input
                id="f-deadline-days"
                type="number"
                inputmode="numeric"
                min="1"
                max="365"
                step="1"
                aria-invalid=${deadline.invalid}
                aria-describedby=${ifDefined(deadline.describedBy)}
                .value=${live(f.deadlineDays)}
                @input=${(e: Event) => v.set({ deadlineDays: valueOf(e) })}
              />
            </div>
            <div class="field">
              <label for="f-deadline-kind">${v.t('editor.deadline.kind')}</label>
              <select id="f-deadline-kind" @change=${(e: Event) => v.set({ deadlineKind: valueOf(e) as EntryForm['deadlineKind'] })}>
                <option value="business" ?selected=${f.deadlineKind === 'business'}>${v.t('editor.deadline.business')}</option>
                <option value="calendar" ?selected=${f.deadlineKind === 'calendar'}>${v.t('editor.deadline.calendar')}</option>
              </select>
            </div>
          </div>
          ${deadline.message}
        </fieldset>
        <fieldset id="f-delivery" aria-describedby=${ifDefined(delivery.describedBy)}>
          <legend>${v.t('editor.part.delivery')}</legend>
          <div class="checks">
            ${CHANNELS.map(
              (c) =>
                html`<label class="check">
                  <input
                    type="checkbox"
                    value=${c}
                    aria-invalid=${delivery.invalid}
                    .checked=${live(f.delivery.includes(c))}
                    @change=${(e: Event) => v.set({ delivery: CHANNELS.filter((x) => (x === c ? checkedOf(e) : f.delivery.includes(x))) })}
                  />
                  ${v.t(`editor.channel.${c}`)}
                </label>`,
            )}
          </div>
          ${delivery.message}
        </fieldset>`,
    )}
    ${section('where', v.t('editor.section.where'), [
      areaPart(v),
      textPart(v, 'address', { long: true, rows: 3 }),
      textPart(v, 'hours', { hint: 'editor.hint.hours' }),
    ])}
    ${section('legal', v.t('editor.section.legal'), [
      textPart(v, 'legalBasis', { long: true, rows: 3 }),
      textPart(v, 'lgpdBasis', { long: true, rows: 3, hint: 'editor.hint.lgpdBasis' }),
    ])}
  `;
}

/** The responsible areas, one per line (the contract keeps a list). */
function areaPart(v: FormView) {
  const s = state(v, 'f-area', 'f-area-hint');
  return html`<div class="field">
    <label for="f-area">${v.t('editor.part.area')}</label>
    <p id="f-area-hint" class="hint">${v.t('editor.hint.area')}</p>
    <textarea
      id="f-area"
      rows="2"
      spellcheck="true"
      lang="pt-BR"
      aria-invalid=${s.invalid}
      aria-describedby=${ifDefined(s.describedBy)}
      .value=${live(v.form.area)}
      @input=${(e: Event) => v.set({ area: valueOf(e) })}
    ></textarea>
    ${s.message}
  </div>`;
}
