// The servant's side: "Solicitar perfil de atendente" (institution, unit,
// the ordinance that backs it) with its error summary, and "Minhas
// solicitações" with each request's status, reason and where the access
// stands. Templates only; the element owns state, actions and focus.
import { html, nothing } from 'lit';
import type { AccessRequest, Institution } from '../../contract/types.js';
import { type Locale, formatDate } from '../internal/i18n.js';
import { type Key, type T, accessEnd, decision, pair, statusBadge, untilText } from './describe.js';
import type { AccessDraft } from './draft.js';

/** One error: the control it belongs to, what to fix there, and the summary's line naming the field. */
export interface Problem {
  anchor: string;
  message: string;
  text: string;
}

export interface Notice {
  kind: 'success' | 'error';
  text: string;
  /** The protocols now "sem atendente" (after a revocation). */
  protocols?: { id: number; protocol: string }[];
}

/** The controls of the form, by the API's field names. */
export const ASK_CONTROLS = { institutionId: 'ask-institution', unit: 'ask-unit', ordinance: 'ask-ordinance' } as const;
export const ASK_LABELS: Record<keyof typeof ASK_CONTROLS, Key> = {
  institutionId: 'access.ask.institution',
  unit: 'access.ask.unit',
  ordinance: 'access.ask.ordinance',
};

export interface ListState<I> {
  items?: I[];
  pending: boolean;
  error?: string;
  retry: () => void;
}

export interface ServantView {
  t: T;
  locale: Locale;
  institutions: ListState<Institution>;
  draft: AccessDraft;
  problems: Problem[];
  notice?: Notice;
  busy: boolean;
  mine: ListState<AccessRequest>;
  change: (patch: Partial<AccessDraft>) => void;
  submit: (e: SubmitEvent) => void;
  /** Takes focus to the control `anchor` (a link of the error summary). */
  focus: (anchor: string) => void;
}

/** The notices: a success in a status region, an error in an alert; each focusable so focus can land on it. */
export function notices(notice: Notice | undefined) {
  const body = (n: Notice) =>
    html`<div id="notice" class="alert ${n.kind}" tabindex="-1">
      <div>
        <p>${n.text}</p>
        ${
          n.protocols?.length
            ? html`<ul class="protocols">
                ${n.protocols.map((p) => html`<li>${p.protocol}</li>`)}
              </ul>`
            : nothing
        }
      </div>
    </div>`;
  return html`<div role="status">${notice && notice.kind !== 'error' ? body(notice) : nothing}</div>
    <div role="alert">${notice?.kind === 'error' ? body(notice) : nothing}</div>`;
}

export function loadingLine(text: string) {
  return html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${text}</p>`;
}

export function errorBlock(t: T, what: string, error: string, retry: () => void) {
  return html`<div class="alert error" role="alert">
    <p>${what} ${error}</p>
    <button class="btn small" type="button" @click=${retry}>${t('common.retry')}</button>
  </div>`;
}

function summary(v: ServantView) {
  if (!v.problems.length) return nothing;
  return html`<section id="error-summary" class="error-summary" aria-labelledby="error-summary-h" tabindex="-1">
    <h3 id="error-summary-h">${v.t('access.ask.errors')}</h3>
    <ul>
      ${v.problems.map(
        (p) =>
          html`<li>
            <a
              href="#${p.anchor}"
              @click=${(e: Event) => {
                e.preventDefault();
                v.focus(p.anchor);
              }}
              >${p.text}</a
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

/** aria-describedby of a control: its error (when it has one), then its hint. */
function describedBy(id: string, error: string | undefined, hint?: string): string | undefined {
  return [error ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
}

function fieldError(id: string, error: string | undefined) {
  return error ? html`<p id="${id}-error" class="field-error">${error}</p>` : nothing;
}

function askForm(v: ServantView) {
  const errors: Record<string, string> = {};
  for (const p of v.problems) errors[p.anchor] = errors[p.anchor] ? `${errors[p.anchor]} ${p.message}` : p.message;
  const institutions = v.institutions.items ?? [];
  const chosen = institutions.find((i) => i.id === v.draft.institutionId);
  const units = chosen?.units ?? [];
  const ids = ASK_CONTROLS;
  const required = html`<span class="required" aria-hidden="true">*</span>`;
  let unit;
  if (chosen && !units.length) {
    unit = html`<input
      id=${ids.unit}
      type="text"
      required
      autocomplete="organization-title"
      aria-invalid=${errors[ids.unit] ? 'true' : 'false'}
      aria-describedby=${describedBy(ids.unit, errors[ids.unit], `${ids.unit}-hint`) ?? nothing}
      .value=${v.draft.unit}
      @input=${(e: InputEvent) => v.change({ unit: (e.target as HTMLInputElement).value })}
    />`;
  } else {
    unit = html`<select
      id=${ids.unit}
      required
      ?disabled=${!chosen}
      aria-invalid=${errors[ids.unit] ? 'true' : 'false'}
      aria-describedby=${describedBy(ids.unit, errors[ids.unit], chosen ? undefined : `${ids.unit}-hint`) ?? nothing}
      @change=${(e: Event) => v.change({ unit: (e.target as HTMLSelectElement).value })}
    >
      <option value="" ?selected=${!units.includes(v.draft.unit)}>${v.t('access.ask.choose')}</option>
      ${units.map((u) => html`<option ?selected=${u === v.draft.unit}>${u}</option>`)}
    </select>`;
  }
  return html`<form id="ask" class="ask-form" novalidate aria-label=${v.t('access.ask.form')} @submit=${v.submit}>
    <div class="field">
      <label for=${ids.institutionId}>${v.t('access.ask.institution')} ${required}</label>
      <select
        id=${ids.institutionId}
        required
        aria-invalid=${errors[ids.institutionId] ? 'true' : 'false'}
        aria-describedby=${describedBy(ids.institutionId, errors[ids.institutionId]) ?? nothing}
        @change=${(e: Event) => {
          const id = Number((e.target as HTMLSelectElement).value) || undefined;
          const next = institutions.find((i) => i.id === id);
          v.change({ institutionId: id, unit: next && (!next.units.length || next.units.includes(v.draft.unit)) ? v.draft.unit : '' });
        }}
      >
        <option value="" ?selected=${!chosen}>${v.t('access.ask.choose')}</option>
        ${institutions.map((i) => html`<option value=${i.id} ?selected=${i.id === v.draft.institutionId}>${i.acronym} — ${i.name}</option>`)}
      </select>
      ${fieldError(ids.institutionId, errors[ids.institutionId])}
    </div>
    <div class="field">
      <label for=${ids.unit}>${v.t('access.ask.unit')} ${required}</label>
      ${unit} ${fieldError(ids.unit, errors[ids.unit])} ${!chosen ? html`<p id="${ids.unit}-hint" class="hint">${v.t('access.ask.unit.first')}</p>` : nothing}
      ${chosen && !units.length ? html`<p id="${ids.unit}-hint" class="hint">${v.t('access.ask.unit.free')}</p>` : nothing}
    </div>
    <div class="field">
      <label for=${ids.ordinance}>${v.t('access.ask.ordinance')} ${required}</label>
      <input
        id=${ids.ordinance}
        type="text"
        required
        spellcheck="false"
        aria-invalid=${errors[ids.ordinance] ? 'true' : 'false'}
        aria-describedby=${describedBy(ids.ordinance, errors[ids.ordinance], `${ids.ordinance}-hint`) ?? nothing}
        .value=${v.draft.ordinance}
        @input=${(e: InputEvent) => v.change({ ordinance: (e.target as HTMLInputElement).value })}
      />
      ${fieldError(ids.ordinance, errors[ids.ordinance])}
      <p id="${ids.ordinance}-hint" class="hint">${v.t('access.ask.ordinance.hint')}</p>
    </div>
    <p class="hint">${v.t('access.ask.draft')}</p>
    <div>
      <button id="ask-submit" class="btn primary" type="submit" aria-disabled=${v.busy ? 'true' : 'false'}>
        ${v.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${v.t('access.ask.submit')}
      </button>
    </div>
  </form>`;
}

function mineCard(v: ServantView, r: AccessRequest) {
  const ended = accessEnd(v.t, v.locale, r);
  return html`<li class="card">
    <h3>${r.institution.acronym} — ${r.institution.name}</h3>
    <p class="badges">
      ${statusBadge(v.t, r)} ${r.status === 'approved' && r.until ? html`<span>${untilText(v.t, v.locale, r.until)}</span>` : nothing}
      ${ended ? html`<span class="badge access-ended">${ended}</span>` : nothing}
    </p>
    <dl>
      ${pair(v.t('access.field.unit'), r.unit)} ${pair(v.t('access.field.ordinance'), r.ordinance)}
      ${pair(v.t('access.field.askedAt'), formatDate(v.locale, r.createdAt))}
      ${r.status === 'pending' ? nothing : pair(v.t('access.field.decision'), decision(v.t, v.locale, r))}
      ${r.status === 'rejected' ? pair(v.t('access.field.reason'), r.reason) : nothing}
    </dl>
  </li>`;
}

function mineList(v: ServantView) {
  const m = v.mine;
  if (m.error && !m.items) return errorBlock(v.t, v.t('access.mine.error'), m.error, m.retry);
  if (!m.items) return loadingLine(v.t('access.mine.loading'));
  if (!m.items.length) return html`<p class="placeholder">${v.t('access.mine.empty')}</p>`;
  return html`<ul class="cards">
    ${m.items.map((r) => mineCard(v, r))}
  </ul>`;
}

export function renderServant(v: ServantView) {
  const inst = v.institutions;
  return html`<section part="ask" class="ask" aria-labelledby="ask-h">
      <h2 id="ask-h" tabindex="-1">${v.t('access.ask.title')}</h2>
      <p>${v.t('access.ask.intro')}</p>
      ${notices(v.notice)} ${summary(v)}
      ${
        inst.error && !inst.items
          ? errorBlock(v.t, v.t('access.ask.institutionsError'), inst.error, inst.retry)
          : inst.items
            ? askForm(v)
            : loadingLine(v.t('access.ask.institutionsLoading'))
      }
    </section>
    <section part="mine" class="mine" aria-labelledby="mine-h" aria-busy=${v.mine.pending ? 'true' : 'false'}>
      <h2 id="mine-h">${v.t('access.mine.title')}</h2>
      ${mineList(v)}
    </section>`;
}
