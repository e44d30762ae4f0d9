// "Versões": the service's version history (who created and published each
// one, and when) and the field-by-field comparison of any two versions.
// Templates only; the element loads the data and keeps the choice.
import { html, nothing } from 'lit';
import { CHANNELS, FIELD_KINDS, fieldKindOf } from '../../contract/charter.js';
import type { ServiceDiff, ServiceField, ServiceVersions } from '../../contract/types.js';
import { type Locale, type MessageKey, deadlineText, formatDate } from '../internal/i18n.js';

export interface HistoryView {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  locale: Locale;
  versions?: ServiceVersions;
  pending: boolean;
  error?: string;
  retry: () => void;
  /** The two versions chosen to compare. */
  pick: { a?: number; b?: number };
  choose: (which: 'a' | 'b', version: number) => void;
  compare: () => void;
  diff?: ServiceDiff;
  diffPending: boolean;
  diffError?: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A value of the diff as a person reads it: yes/no, lists one per line, a deadline in days, a document with its formats. */
export function formatValue(v: Pick<HistoryView, 't' | 'locale'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return v.t('common.none');
  if (typeof value === 'boolean') return v.t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map((x) => formatValue(v, x)).join('\n') : v.t('common.none');
  if (isRecord(value)) {
    if (typeof value.days === 'number' && (value.kind === 'business' || value.kind === 'calendar')) {
      return deadlineText(v.locale, { days: value.days, kind: value.kind });
    }
    if (typeof value.name === 'string' && Array.isArray(value.formats)) {
      const formats = (value.formats as unknown[]).map((f) => String(f).toUpperCase()).join(', ');
      return `${value.name} (${v.t(value.required ? 'editor.value.mandatory' : 'editor.value.optional')}${formats ? `; ${formats}` : ''})`;
    }
    if (typeof value.label === 'string' && typeof value.code === 'string' && typeof value.datatype === 'string') {
      const kind = v.t(`editor.kind.${fieldKindOf(value as Pick<ServiceField, 'datatype' | 'format'>)}`);
      return `${value.label} [${value.code}] (${kind}, ${v.t(value.required ? 'editor.value.mandatory' : 'editor.value.optional')})`;
    }
    return Object.entries(value)
      .map(([k, x]) => `${k}: ${formatValue(v, x)}`)
      .join('; ');
  }
  return String(value);
}

/** A changed value, named as the editor names it: a field's kind, a channel. */
export function formatChange(v: Pick<HistoryView, 't' | 'locale'>, path: string, value: unknown): string {
  if (typeof value === 'string' && path.endsWith('.datatype')) {
    const kind = FIELD_KINDS.find((k) => k.datatype === value);
    if (kind) return v.t(`editor.kind.${kind.kind}`);
  }
  if (typeof value === 'string' && path.endsWith('.format')) {
    const kind = FIELD_KINDS.find((k) => 'format' in k && k.format === value);
    if (kind) return v.t(`editor.kind.${kind.kind}`);
  }
  if (path === 'delivery' && Array.isArray(value)) {
    return formatValue(
      v,
      value.map((c) => ((CHANNELS as readonly unknown[]).includes(c) ? v.t(`editor.channel.${c as (typeof CHANNELS)[number]}`) : c)),
    );
  }
  return formatValue(v, value);
}

const stamp = (v: HistoryView, at: string | null, who: { name: string } | null) =>
  at ? (who ? v.t('editor.history.by', { date: formatDate(v.locale, at, true), name: who.name }) : formatDate(v.locale, at, true)) : v.t('common.none');

function versionsTable(v: HistoryView, data: ServiceVersions) {
  const cols = {
    version: v.t('editor.history.col.version'),
    state: v.t('editor.history.col.state'),
    created: v.t('editor.history.col.created'),
    published: v.t('editor.history.col.published'),
  };
  return html`<table class="stack">
    <caption class="visually-hidden">
      ${v.t('editor.history.title')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${cols.version}</th>
        <th scope="col">${cols.state}</th>
        <th scope="col">${cols.created}</th>
        <th scope="col">${cols.published}</th>
      </tr>
    </thead>
    <tbody>
      ${data.items.map(
        (item) =>
          html`<tr>
            <th scope="row" data-label=${cols.version}>${item.version}</th>
            <td data-label=${cols.state}><span class="badge ${item.state}">${v.t(`editor.versionState.${item.state}`)}</span></td>
            <td data-label=${cols.created}>${stamp(v, item.createdAt, item.createdBy)}</td>
            <td data-label=${cols.published}>${stamp(v, item.publishedAt, item.publishedBy)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function diffTable(v: HistoryView, d: ServiceDiff) {
  if (!d.changes.length) return html`<p class="alert" id="diff-result" tabindex="-1">${v.t('editor.diff.same')}</p>`;
  const cols = { field: v.t('editor.diff.col.field'), before: v.t('editor.diff.col.before'), after: v.t('editor.diff.col.after') };
  return html`<table class="stack diff" id="diff-result" tabindex="-1">
    <caption>
      ${v.t('editor.diff.caption', { a: d.from, b: d.to })}
    </caption>
    <thead>
      <tr>
        <th scope="col">${cols.field}</th>
        <th scope="col">${cols.before}</th>
        <th scope="col">${cols.after}</th>
      </tr>
    </thead>
    <tbody>
      ${d.changes.map(
        (c) =>
          html`<tr>
            <th scope="row" data-label=${cols.field}>${c.label}</th>
            <td data-label=${cols.before} class="pre before">${formatChange(v, c.path, c.before)}</td>
            <td data-label=${cols.after} class="pre after">${formatChange(v, c.path, c.after)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function compareForm(v: HistoryView, data: ServiceVersions) {
  if (data.items.length < 2) return html`<p class="muted">${v.t('editor.diff.one')}</p>`;
  const select = (which: 'a' | 'b', label: MessageKey) =>
    html`<div class="field">
      <label for="diff-${which}">${v.t(label)}</label>
      <select id="diff-${which}" @change=${(e: Event) => v.choose(which, Number((e.target as HTMLSelectElement).value))}>
        ${data.items.map((i) => html`<option value=${i.version} ?selected=${v.pick[which] === i.version}>${i.version}</option>`)}
      </select>
    </div>`;
  return html`<form
      class="compare"
      aria-labelledby="diff-h"
      @submit=${(e: Event) => {
        e.preventDefault();
        v.compare();
      }}
    >
      ${select('a', 'editor.diff.from')} ${select('b', 'editor.diff.to')}
      <button class="btn" type="submit" aria-disabled=${v.diffPending ? 'true' : 'false'}>${v.t('editor.diff.compare')}</button>
    </form>
    <div aria-live="polite">
      ${v.diffPending ? html`<p class="loading"><span class="spinner" aria-hidden="true"></span>${v.t('editor.diff.loading')}</p>` : nothing}
      ${v.diffError ? html`<p class="alert error">${v.t('editor.diff.error')} ${v.diffError}</p>` : nothing}
    </div>
    ${v.diff && !v.diffPending ? diffTable(v, v.diff) : nothing}`;
}

export function renderHistory(v: HistoryView) {
  const data = v.versions;
  let body;
  if (v.error && !data) {
    body = html`<div class="alert error" role="alert">
      <p>${v.t('editor.history.error')} ${v.error}</p>
      <button class="btn small" type="button" @click=${v.retry}>${v.t('common.retry')}</button>
    </div>`;
  } else if (!data) {
    body = html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${v.t('editor.history.loading')}</p>`;
  } else {
    const s = data.service;
    body = html`${
        s.status === 'unpublished' && s.unpublishedAt
          ? html`<p class="alert">
              ${v.t('editor.history.withdrawn', { date: formatDate(v.locale, s.unpublishedAt, true), reason: s.unpublishedReason ?? '' })}
            </p>`
          : nothing
      }
      ${versionsTable(v, data)}
      <h4 id="diff-h">${v.t('editor.diff.title')}</h4>
      ${compareForm(v, data)}`;
  }
  return html`<section id="versions" class="versions" aria-labelledby="versions-h" aria-busy=${v.pending ? 'true' : 'false'}>
    <h3 id="versions-h" tabindex="-1">${v.t('editor.history.title')}</h3>
    ${body}
  </section>`;
}
