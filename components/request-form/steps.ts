// The request form's parts besides the fields: the error summary, a
// document's file input, the review step and the protocol on success.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RequestDetail, RequiredDocument, ServiceDetail } from '../../contract/types.js';
import { safeFileName } from '../../contract/uploads.js';
import { documentExtensions } from '../internal/document-formats.js';
import { type Locale, type MessageKey, formatDate, formatDay, formatSize } from '../internal/i18n.js';
import { focusTargetId } from './fields.js';

/** What these parts read from the form and call back on it. */
export interface StepsHost {
  t(key: MessageKey, params?: Record<string, string | number>): string;
  locale: Locale;
  maxFileMb: number;
  values: Record<string, string | string[]>;
  files: Record<string, File>;
  sending: boolean;
  progress: number;
  sendError?: string;
  requestHref?: string;
  formatNames(doc: RequiredDocument): string;
  chooseFile(doc: RequiredDocument, file: File | undefined): void;
  focusProblem(key: string): void;
  correct(): void;
  send(): void;
  startOver(): void;
}

/** What to fix, each message a link to its field; it takes focus when shown. */
export function renderSummary(host: StepsHost, s: ServiceDetail, errors: Record<string, string>, other: string[]): TemplateResult {
  const items: { key: string; target: string; message: string }[] = [];
  s.fields.forEach((f, i) => {
    const message = errors[`formData.${f.code}`];
    if (message) items.push({ key: `formData.${f.code}`, target: focusTargetId(f, i), message });
  });
  s.documents.forEach((d, i) => {
    const message = errors[`documents.${d.name}`];
    if (message) items.push({ key: `documents.${d.name}`, target: `doc-${i}`, message });
  });
  const count = items.length + other.length;
  return html`<div id="error-summary" class="error-summary" tabindex="-1" role="group" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">${count === 1 ? host.t('requestForm.summary.one') : host.t('requestForm.summary', { n: count })}</h3>
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            <a
              href="#${item.target}"
              @click=${(e: Event) => {
                e.preventDefault();
                host.focusProblem(item.key);
              }}
              >${item.message}</a
            >
          </li>`,
      )}
      ${other.map((m) => html`<li>${m}</li>`)}
    </ul>
  </div>`;
}

/** One document asked: its file input (formats in `accept` and in the text), the file chosen, its error. */
export function renderDocument(host: StepsHost, doc: RequiredDocument, i: number, file: File | undefined, error: string | undefined): TemplateResult {
  const id = `doc-${i}`;
  const name = file ? safeFileName(file.name) : '';
  return html`<div class="field document">
    <label for=${id}>${doc.name}${doc.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
    <p id="${id}-help" class="hint">
      ${doc.required ? host.t('catalog.document.required') : host.t('catalog.document.optional')} ·
      ${host.t('requestForm.document.formats', { formats: host.formatNames(doc), mb: host.maxFileMb })}
    </p>
    <input
      id=${id}
      type="file"
      data-label=${doc.name}
      accept=${documentExtensions(doc).join(',')}
      ?required=${doc.required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${`${id}-help${file ? ` ${id}-chosen` : ''}${error ? ` ${id}-error` : ''}`}
      @change=${(e: Event) => host.chooseFile(doc, (e.target as HTMLInputElement).files?.[0])}
    />
    ${
      file
        ? html`<p id="${id}-chosen" class="chosen">
            <span>${host.t('requestForm.document.chosen', { name, size: formatSize(host.locale, file.size) })}</span>
            <button
              type="button"
              class="btn small"
              aria-label=${host.t('requestForm.document.remove', { name })}
              @click=${() => host.chooseFile(doc, undefined)}
            >
              ${host.t('requestForm.remove')}
            </button>
          </p>`
        : nothing
    }
    ${error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing}
  </div>`;
}

function shownValue(host: StepsHost, datatype: string, raw: string | string[] | undefined) {
  const empty = html`<span class="muted">${host.t('common.notInformed')}</span>`;
  if (Array.isArray(raw)) return raw.length ? raw.join(', ') : empty;
  if (!raw?.trim()) return empty;
  return datatype === 'datetime' ? formatDay(host.locale, raw.trim()) : raw.trim();
}

/** "Revisar solicitação": everything typed and the files chosen, "Corrigir" and "Enviar solicitação" (with progress while sending). */
export function renderReview(host: StepsHost, s: ServiceDetail): TemplateResult {
  const step = Math.floor(host.progress / 10) * 10;
  return html`<div part="review" class="review">
    <h3 id="review-title" tabindex="-1">${host.t('requestForm.review')}</h3>
    <p>${host.t('requestForm.review.hint')}</p>
    ${
      s.fields.length
        ? html`<dl class="pairs">
            ${s.fields.map(
              (f) =>
                html`<div>
                  <dt>${f.label}</dt>
                  <dd class="pre">${shownValue(host, f.datatype, host.values[f.code])}</dd>
                </div>`,
            )}
          </dl>`
        : nothing
    }
    ${
      s.documents.length
        ? html`<h4>${host.t('requestForm.documents')}</h4>
            <dl class="pairs">
              ${s.documents.map((d) => {
                const file = host.files[d.name];
                return html`<div>
                  <dt>${d.name}</dt>
                  <dd>
                    ${file ? `${safeFileName(file.name)} (${formatSize(host.locale, file.size)})` : html`<span class="muted">${host.t('requestForm.document.none')}</span>`}
                  </dd>
                </div>`;
              })}
            </dl>`
        : nothing
    }
    ${
      host.sending
        ? html`<div class="progress">
            <label for="send-progress">${host.t('requestForm.progress')}</label>
            <progress id="send-progress" max="100" .value=${host.progress}>${host.progress}%</progress>
          </div>`
        : nothing
    }
    <p class="visually-hidden" role="status">${host.sending ? host.t('requestForm.progress.percent', { n: step }) : ''}</p>
    ${
      host.sendError
        ? html`<div class="alert error" role="alert">
            <p>${host.sendError}</p>
            <button type="button" class="btn small" aria-disabled=${host.sending ? 'true' : 'false'} @click=${() => host.send()}>
              ${host.t('common.retry')}
            </button>
          </div>`
        : nothing
    }
    <div class="actions">
      <!-- aria-disabled, not disabled, while sending: a disabled button drops the keyboard focus to the page body. -->
      <button type="button" class="btn" aria-disabled=${host.sending ? 'true' : 'false'} @click=${() => !host.sending && host.correct()}>
        ${host.t('requestForm.correct')}
      </button>
      <button type="button" class="btn primary" aria-disabled=${host.sending ? 'true' : 'false'} @click=${() => host.send()}>
        ${host.sending ? host.t('requestForm.sending') : host.t('requestForm.send')}
      </button>
    </div>
  </div>`;
}

/** The protocol number, prominent and focused, and where to follow the request. */
export function renderDone(host: StepsHost, filed: RequestDetail): TemplateResult {
  const href = host.requestHref?.replaceAll('{id}', encodeURIComponent(String(filed.id))).replaceAll('{protocol}', encodeURIComponent(filed.protocol));
  return html`<div class="done">
    <h3>${host.t('requestForm.done')}</h3>
    <p id="protocol" part="protocol" class="protocol" tabindex="-1">
      <span>${host.t('requestForm.protocol')}</span>
      <strong>${filed.protocol}</strong>
    </p>
    <p>${host.t('requestForm.done.keep', { date: formatDate(host.locale, filed.dueAt) })}</p>
    ${href ? html`<p><a class="btn primary" href=${ifDefined(href)}>${host.t('requestForm.follow')}</a></p>` : html`<p>${host.t('requestForm.done.where')}</p>`}
    <button type="button" class="btn" @click=${() => host.startOver()}>${host.t('requestForm.again')}</button>
  </div>`;
}
