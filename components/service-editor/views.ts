// The editor's chrome around the entry: the list of services, the messages
// (saved, a conflict, typing to restore), the error summary, the "Para
// publicar, falta:" checklist and the action bar. Templates only; the element
// owns state, actions and focus.
import { html, nothing } from 'lit';
import { CHARTER_PARTS } from '../../contract/charter.js';
import type { ServiceStatus, ServiceSummary, ServiceVersion } from '../../contract/types.js';
import { type Locale, type MessageKey, formatDate } from '../internal/i18n.js';
import { type EntryForm, anchorOf } from './entry.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** One error: the control it belongs to, what to fix there, and the summary's line naming the part. */
export interface Problem {
  anchor: string;
  message: string;
  text: string;
}

export function statusBadge(t: T, status: ServiceStatus) {
  return html`<span class="badge svc-${status}">${t(`editor.status.${status}`)}</span>`;
}

export interface ListView {
  t: T;
  title: string;
  /** Why there is no list to show, if so. */
  blocked?: 'signin' | 'notManager';
  items?: ServiceSummary[];
  error?: string;
  pending: boolean;
  /** The institution is known: "+ Novo serviço" can start. */
  canCreate: boolean;
  retry: () => void;
  create: () => void;
  edit: (id: number) => void;
}

export function renderList(v: ListView) {
  const head = html`<h2 id="heading" tabindex="-1">${v.title}</h2>`;
  if (v.blocked) {
    return html`<section part="list" class="list" aria-labelledby="heading">
      ${head}
      <p class="placeholder">${v.t(v.blocked === 'signin' ? 'editor.signin' : 'editor.notManager')}</p>
    </section>`;
  }
  let body;
  if (v.error && !v.items) {
    body = html`<div class="alert error" role="alert">
      <p>${v.t('editor.list.error')} ${v.error}</p>
      <button class="btn small" type="button" @click=${v.retry}>${v.t('common.retry')}</button>
    </div>`;
  } else if (!v.items) {
    body = html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${v.t('editor.list.loading')}</p>`;
  } else if (!v.items.length) {
    body = html`<p class="placeholder">${v.t('editor.list.empty')}</p>`;
  } else {
    body = html`<ul class="services" aria-label=${v.t('editor.list.label')}>
      ${v.items.map(
        (s) =>
          html`<li>
            <div class="service-text">
              <span class="service-name">${s.name}</span>
              <span class="badges">
                ${statusBadge(v.t, s.status)} ${s.hasDraft ? html`<span class="badge pending">${v.t('editor.list.hasDraft')}</span>` : nothing}
              </span>
            </div>
            <button id="edit-${s.id}" class="btn small" type="button" aria-label=${v.t('editor.list.editNamed', { name: s.name })} @click=${() => v.edit(s.id)}>
              ${v.t('editor.list.edit')}
            </button>
          </li>`,
      )}
    </ul>`;
  }
  return html`<section part="list" class="list" aria-labelledby="heading" aria-busy=${v.pending ? 'true' : 'false'}>
    <div class="list-head">
      ${head}
      <button id="new-service" class="btn primary" type="button" ?hidden=${!v.canCreate} @click=${v.create}>${v.t('editor.new')}</button>
    </div>
    ${body}
  </section>`;
}

export interface PanelsView {
  t: T;
  locale: Locale;
  notice?: { kind: 'success' | 'error' | 'info'; text: string };
  conflict: boolean;
  /** Typing kept in this browser, offered back. */
  offer?: { at: string; afterConflict: boolean };
  problems: Problem[];
  problemsTitle: MessageKey;
  version?: ServiceVersion;
  form: EntryForm;
  dirty: boolean;
  loadNewest: () => void;
  restore: () => void;
  discard: () => void;
  /** Takes focus to the control `anchor` (a link of the summary or the checklist). */
  focus: (anchor: string) => void;
}

function link(v: PanelsView, anchor: string, text: string) {
  return html`<a
    href="#${anchor}"
    @click=${(e: Event) => {
      e.preventDefault();
      v.focus(anchor);
    }}
    >${text}</a
  >`;
}

function notices(v: PanelsView) {
  const n = v.notice;
  const offer = v.offer;
  return html`<div class="notices">
    <div role="status">${n && n.kind !== 'error' ? html`<p id="notice" class="alert ${n.kind}" tabindex="-1">${n.text}</p>` : nothing}</div>
    <div role="alert">
      ${n?.kind === 'error' ? html`<p id="notice" class="alert error" tabindex="-1">${n.text}</p>` : nothing}
      ${
        v.conflict
          ? html`<div id="conflict" class="alert error conflict" tabindex="-1">
              <p>${v.t('editor.conflict')}</p>
              <button class="btn small" type="button" @click=${v.loadNewest}>${v.t('editor.conflict.load')}</button>
            </div>`
          : nothing
      }
    </div>
    ${
      offer
        ? html`<div id="offer" class="alert offer" role="group" aria-labelledby="offer-text" tabindex="-1">
            <p id="offer-text">
              ${offer.afterConflict ? v.t('editor.conflict.loaded') : v.t('editor.restore.text', { date: formatDate(v.locale, offer.at, true) })}
            </p>
            <div class="offer-actions">
              <button id="restore" class="btn small primary" type="button" @click=${v.restore}>${v.t('editor.restore')}</button>
              <button class="btn small" type="button" @click=${v.discard}>${v.t('editor.restore.discard')}</button>
            </div>
          </div>`
        : nothing
    }
  </div>`;
}

function summary(v: PanelsView) {
  if (!v.problems.length) return nothing;
  return html`<section id="error-summary" class="error-summary" aria-labelledby="error-summary-h" tabindex="-1">
    <h3 id="error-summary-h">${v.t(v.problemsTitle)}</h3>
    <ul>
      ${v.problems.map((p) => html`<li>${link(v, p.anchor, p.text)}</li>`)}
    </ul>
  </section>`;
}

/** "Para publicar, falta:" — the law-required parts the saved version lacks (the server's list), each a link to its control. */
function missing(v: PanelsView) {
  const version = v.version;
  const name = (m: { part: string; label: string }) => (m.part in CHARTER_PARTS ? v.t(`editor.part.${m.part}` as MessageKey) : m.label);
  let body;
  if (!version) body = html`<p>${v.t('editor.missing.new')}</p>`;
  else if (!version.missing.length) body = html`<p class="ok"><span aria-hidden="true">✓ </span>${v.t('editor.missing.none')}</p>`;
  else {
    body = html`<ul>
      ${version.missing.map((m) => html`<li>${link(v, anchorOf(m.part, v.form), name(m))}</li>`)}
    </ul>`;
  }
  return html`<aside class="missing" aria-labelledby="missing-h">
    <h3 id="missing-h">${v.t('editor.missing.title')}</h3>
    ${body} ${version && v.dirty ? html`<p class="hint">${v.t('editor.missing.stale')}</p>` : nothing}
  </aside>`;
}

export function renderPanels(v: PanelsView) {
  return html`${notices(v)} ${summary(v)} ${missing(v)}`;
}

export interface ActionsView {
  t: T;
  busy: boolean;
  /** A spinner on "Salvar rascunho" (not while a dialog's own button shows one). */
  saving: boolean;
  canPublish: boolean;
  canUnpublish: boolean;
  /** "Versões", once the service exists; whether they are shown. */
  versions?: boolean;
  publish: () => void;
  unpublish: () => void;
  toggleVersions: () => void;
}

/** The action bar; aria-disabled while an action runs, so a focused button keeps the focus. */
export function renderActions(v: ActionsView) {
  const busy = v.busy ? 'true' : 'false';
  return html`<div class="actions" part="actions" role="group" aria-label=${v.t('editor.actions')}>
    <button id="action-save" class="btn primary" type="submit" aria-disabled=${busy}>
      ${v.saving ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${v.t('editor.save')}
    </button>
    ${
      v.canPublish
        ? html`<button id="action-publish" class="btn success" type="button" aria-haspopup="dialog" aria-disabled=${busy} @click=${v.publish}>
            ${v.t('editor.publish')}
          </button>`
        : nothing
    }
    ${
      v.canUnpublish
        ? html`<button id="action-unpublish" class="btn danger" type="button" aria-haspopup="dialog" aria-disabled=${busy} @click=${v.unpublish}>
            ${v.t('editor.unpublish')}
          </button>`
        : nothing
    }
    ${
      v.versions === undefined
        ? nothing
        : html`<button
            id="action-versions"
            class="btn"
            type="button"
            aria-expanded=${v.versions ? 'true' : 'false'}
            aria-controls="versions"
            @click=${v.toggleVersions}
          >
            ${v.t('editor.versions')}
          </button>`
    }
  </div>`;
}
