// Read-only parts of the request view: summary, citizen, form, steps, history,
// decision and evaluation. Pure templates over the API's data.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ASSIGNEE_REMOVED } from '../../contract/access.js';
import { CLOCK_STATUSES, type HistoryEntry, type RequestDetail, type RequestStatus, type ServiceField, type StepState } from '../../contract/types.js';
import { type Locale, type MessageKey, deadlineText, formatDate, formatDay, statusLabel, timeLeft } from '../internal/i18n.js';
import { isMeetingEvent, meetingEventText } from '../internal/meeting-events.js';

export interface View {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  locale: Locale;
}

const RUNNING = new Set<RequestStatus>(CLOCK_STATUSES);
const HISTORY_ACTIONS = new Set([
  'file',
  'start_analysis',
  'answer_step',
  'approve',
  'reject',
  'conclude',
  'evaluate',
  'ask_citizen',
  'citizen_reply',
  'follow_up',
  'internal_note',
  'reassign',
]);

export function renderSummary(v: View, r: RequestDetail) {
  const left = RUNNING.has(r.status) ? timeLeft(v.locale, r.dueAt) : undefined;
  const late = left?.overdue || (RUNNING.has(r.status) && r.overdue);
  return html`<dl class="summary">
    <div>
      <dt>${v.t('queue.col.status')}</dt>
      <dd>
        <span class="badge ${r.status}">${statusLabel(v.locale, r.status)}</span>
        ${r.analyst ? html`<span class="sub analyst">${v.t('form.analyst', { name: r.analyst.name })}</span>` : nothing}
      </dd>
    </div>
    <div>
      <dt>${v.t('form.institution')}</dt>
      <dd>${r.institution.acronym}</dd>
    </div>
    <div>
      <dt>${v.t('form.filedAt')}</dt>
      <dd>${formatDate(v.locale, r.filedAt, true)}</dd>
    </div>
    <div>
      <dt>${v.t('form.deadline')}</dt>
      <dd>
        ${left ? html`<span class=${late ? 'late' : ''}>${late ? '⚠ ' : ''}${left.text}</span><br />` : nothing}
        <span class="sub">${v.t('deadline.until', { date: formatDate(v.locale, r.dueAt) })} · ${deadlineText(v.locale, r.service.deadline)}</span>
      </dd>
    </div>
    <div>
      <dt>${v.t('form.assignee')}</dt>
      <dd>${r.assignee?.name ?? (r.unassigned ? unassignedText(v, r) : v.t('queue.noAssignee'))}</dd>
    </div>
  </dl>`;
}

/**
 * Who attends a request whose assignee lost access: "Sem atendente" for the
 * staff, who reassign it; for the citizen, calmly, that a new attendant is
 * on the way (the staff's reasons are not theirs to read).
 */
function unassignedText(v: View, r: RequestDetail) {
  return r.viewer.side === 'citizen'
    ? v.t('form.assignee.awaiting')
    : html`<span class="unassigned"><span aria-hidden="true">⚠</span> ${v.t('queue.unassigned')}</span>`;
}

/** The staff's notice on a request "sem atendente": why, and what to do (Reatribuir, in the action bar below it). */
export function renderUnassigned(v: View, r: RequestDetail) {
  if (!r.unassigned || r.viewer.side !== 'staff') return nothing;
  return html`<div class="alert unassigned-notice" id="unassigned-notice">
    <span class="icon" aria-hidden="true">⚠</span>
    <p>${v.t('form.unassigned')}</p>
  </div>`;
}

export function renderCitizen(v: View, r: RequestDetail) {
  return html`<section aria-labelledby="citizen-h">
    <h3 id="citizen-h">${v.t('form.citizen')}</h3>
    <dl class="pairs">
      <div>
        <dt>${v.t('form.citizen.name')}</dt>
        <dd>${r.citizen.name}</dd>
      </div>
      <div>
        <dt>${v.t('form.citizen.email')}</dt>
        <dd>${r.citizen.email ?? v.t('common.notInformed')}</dd>
      </div>
    </dl>
  </section>`;
}

function fieldValue(v: View, field: ServiceField, raw: unknown) {
  if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
    return html`<span class="muted">${v.t('common.notInformed')}</span>`;
  }
  if (Array.isArray(raw)) return raw.join(', ');
  if (field.datatype === 'number' && typeof raw === 'number') {
    // Years and short codes read better without a thousands separator (2025, not 2.025).
    return Number.isInteger(raw) && Math.abs(raw) < 10_000 ? String(raw) : new Intl.NumberFormat(v.locale).format(raw);
  }
  if (field.datatype === 'datetime' && typeof raw === 'string') return raw.length === 10 ? formatDay(v.locale, raw) : formatDate(v.locale, raw, true);
  if (field.datatype === 'text') return html`<span class="pre">${String(raw)}</span>`;
  return String(raw);
}

export function renderFormData(v: View, r: RequestDetail) {
  return html`<section aria-labelledby="form-h">
    <h3 id="form-h">${v.t('form.formData')}</h3>
    <dl class="pairs">
      ${r.fields.map(
        (f) =>
          html`<div>
            <dt>${f.label}</dt>
            <dd>${fieldValue(v, f, r.formData[f.code])}</dd>
          </div>`,
      )}
    </dl>
  </section>`;
}

/** The citizen's view of the steps: progress, each done or pending (the server sends them no answers or notes). */
function renderProgress(v: View, r: RequestDetail) {
  const done = r.steps.filter((s) => s.answeredAt).length;
  return html`<p class="sub">${v.t('form.steps.progress', { done, total: r.steps.length })}</p>
    <ol class="steps progress">
      ${r.steps.map(
        (s) =>
          html`<li class="step ${s.answeredAt ? 'done' : 'open'}">
            <div class="step-text">
              <span class="step-title">${s.title}</span>
              <span class="sub">${s.answeredAt ? v.t('form.steps.doneOn', { date: formatDate(v.locale, s.answeredAt) }) : v.t('form.steps.pending')}</span>
            </div>
            <span class="answer ${s.answeredAt ? 'yes' : 'none'}" aria-hidden="true">${s.answeredAt ? '✓' : '•'}</span>
          </li>`,
      )}
    </ol>`;
}

export function renderSteps(v: View, r: RequestDetail, busy: boolean, answer: (step: StepState, answer: 'yes' | 'no') => void) {
  if (r.viewer.side === 'citizen') {
    return html`<section aria-labelledby="steps-h">
      <h3 id="steps-h">${v.t('form.steps')}</h3>
      ${r.steps.length === 0 ? html`<p class="muted">${v.t('form.steps.none')}</p>` : renderProgress(v, r)}
    </section>`;
  }
  const canAnswer = r.allowedActions.includes('answer_step');
  const label = (a: 'yes' | 'no' | null) => (a === 'yes' ? v.t('common.yes') : a === 'no' ? v.t('common.no') : v.t('form.steps.unanswered'));
  return html`<section aria-labelledby="steps-h">
    <h3 id="steps-h">${v.t('form.steps')}</h3>
    ${
      r.steps.length === 0
        ? html`<p class="muted">${v.t('form.steps.none')}</p>`
        : html`<ol class="steps">
            ${repeat(
              r.steps,
              (s) => s.id,
              (s) =>
                html`<li class="step ${s.answer ?? 'open'}">
                  <div class="step-text">
                    <span class="step-title">${s.title}</span>
                    <span class="sub">
                      ${
                        s.answer && s.answeredBy && s.answeredAt
                          ? v.t('form.steps.answeredBy', { answer: label(s.answer), name: s.answeredBy.name, date: formatDate(v.locale, s.answeredAt, true) })
                          : label(s.answer)
                      }
                    </span>
                    ${s.note ? html`<span class="sub pre">${s.note}</span>` : nothing}
                  </div>
                  ${
                    canAnswer
                      ? html`<div class="yes-no" role="group" aria-label=${v.t('form.steps.group', { n: s.position, title: s.title })}>
                          <button
                            id="step-${s.id}-yes"
                            class="btn small yes"
                            type="button"
                            aria-pressed=${s.answer === 'yes' ? 'true' : 'false'}
                            aria-disabled=${busy ? 'true' : 'false'}
                            @click=${() => busy || answer(s, 'yes')}
                          >
                            ${v.t('common.yes')}
                          </button>
                          <button
                            id="step-${s.id}-no"
                            class="btn small no"
                            type="button"
                            aria-pressed=${s.answer === 'no' ? 'true' : 'false'}
                            aria-disabled=${busy ? 'true' : 'false'}
                            @click=${() => busy || answer(s, 'no')}
                          >
                            ${v.t('common.no')}
                          </button>
                        </div>`
                      : html`<span class="answer ${s.answer ?? 'none'}" aria-hidden="true">${s.answer === 'yes' ? '✓' : s.answer === 'no' ? '✕' : '•'}</span>`
                  }
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}

export function renderOutcome(v: View, r: RequestDetail) {
  const parts = [];
  if (r.justification) {
    parts.push(
      html`<section aria-labelledby="justification-h" class="outcome rejected">
        <h3 id="justification-h">${v.t('form.decision.justification')}</h3>
        <p class="pre">${r.justification}</p>
      </section>`,
    );
  }
  if (r.conclusion) {
    parts.push(
      html`<section aria-labelledby="conclusion-h" class="outcome concluded">
        <h3 id="conclusion-h">${v.t('form.decision.conclusion')}</h3>
        <p class="pre">${r.conclusion}</p>
        ${r.concludedAt ? html`<p class="sub">${formatDate(v.locale, r.concludedAt, true)}</p>` : nothing}
      </section>`,
    );
  }
  const e = r.evaluation;
  if (e) {
    parts.push(
      html`<section aria-labelledby="evaluation-h" class="outcome evaluation ${e.verdict}">
        <h3 id="evaluation-h">${v.t('form.evaluation')}</h3>
        <p class="verdict">
          ${e.verdict === 'approved' ? '✓ ' : '✕ '}${v.t(e.verdict === 'approved' ? 'form.evaluation.approved' : 'form.evaluation.rejected')}
        </p>
        ${e.rating ? html`<p>${v.t('form.evaluation.rating', { n: e.rating })}</p>` : nothing}
        ${
          e.comment
            ? html`<blockquote class="pre">${e.comment}</blockquote>
                ${e.status === 'pending' ? html`<p class="sub">${v.t('form.evaluation.pending')}</p>` : nothing}`
            : nothing
        }
      </section>`,
    );
  } else if (r.status === 'concluded') {
    // The citizen evaluates in atende-evaluation-form, which the host places beside this one.
    parts.push(html`<p class="muted">${v.t(r.allowedActions.includes('evaluate') ? 'form.evaluation.invite' : 'form.evaluation.waiting')}</p>`);
  }
  return parts;
}

/** The step an audit entry names: its title as recorded (older entries: the request's step of that id). */
function stepTitle(r: RequestDetail, d: Record<string, unknown>): string {
  return typeof d.title === 'string' && d.title ? d.title : (r.steps.find((s) => s.id === d.stepId)?.title ?? '');
}

/** Names of the people a request's history shows by id: its assignee and analyst, everyone who acted, and the names entries recorded. */
function namesOf(r: RequestDetail, items: HistoryEntry[]): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const p of [r.assignee, r.analyst, ...items.map((h) => h.actor)]) if (p) names.set(p.id, p.name);
  for (const h of items) {
    if (typeof h.data?.previousAssigneeName === 'string') names.set(h.data.previousAssigneeId, h.data.previousAssigneeName);
    if (typeof h.data?.assigneeName === 'string') names.set(h.data.assigneeId, h.data.assigneeName);
  }
  return names;
}

/** "Sem atendente: acesso de Fulano revogado" for the staff; for the citizen, only that the attendant changes. */
function assigneeRemoved(v: View, r: RequestDetail, d: Record<string, unknown>, names: Map<unknown, string>): string {
  if (r.viewer.side === 'citizen') return v.t('history.assignee_removed.citizen');
  const name = names.get(d.previousAssigneeId);
  // Why the access ended, as recorded (`why`): revoked by a manager, or expired at its date.
  if (!name || (d.why !== 'revoked' && d.why !== 'expired')) return v.t('history.assignee_removed');
  return v.t(`history.assignee_removed.${d.why}`, { name });
}

export function renderHistory(v: View, r: RequestDetail, items: HistoryEntry[] | undefined, pending: boolean) {
  const names = namesOf(r, items ?? []);
  const title = (h: HistoryEntry) => {
    const d = h.data ?? {};
    if (h.action === ASSIGNEE_REMOVED) return assigneeRemoved(v, r, d, names);
    if (isMeetingEvent(h.action)) return meetingEventText(v.locale, h.action, d);
    const name = h.action === 'answer_step' ? stepTitle(r, d) : h.action === 'reassign' ? names.get(d.assigneeId) : '';
    if (name) return v.t(h.action === 'reassign' ? 'history.reassign.named' : 'history.answer_step.named', { title: name, name });
    return HISTORY_ACTIONS.has(h.action) ? v.t(`history.${h.action}` as MessageKey) : h.action;
  };
  // The citizen reads that the attendant changes, not who ended whose access.
  const actor = (h: HistoryEntry) => (h.actor && !(h.action === ASSIGNEE_REMOVED && r.viewer.side === 'citizen') ? h.actor.name : '');
  const detail = (h: HistoryEntry) => {
    const d = h.data ?? {};
    if (h.action === 'answer_step') return d.answer === 'yes' ? v.t('common.yes') : d.answer === 'no' ? v.t('common.no') : '';
    if (h.action === 'reassign' && r.viewer.side === 'staff') {
      const before = names.get(d.previousAssigneeId);
      return before ? v.t('history.reassign.previous', { name: before }) : '';
    }
    if (h.action === 'approve' && Array.isArray(d.confirmedSteps) && d.confirmedSteps.length) {
      const steps = (d.confirmedSteps as { title: string; answer: 'no' | null }[])
        .map((s) => v.t(s.answer === 'no' ? 'history.step.no' : 'history.step.unanswered', { title: s.title }))
        .join(', ');
      return v.t('history.approve.confirmed', { steps });
    }
    return '';
  };
  return html`<section aria-labelledby="history-h">
    <h3 id="history-h">${v.t('form.history')}</h3>
    ${
      !items
        ? html`<p class="muted" aria-busy=${pending ? 'true' : 'false'}>${pending ? v.t('form.loading') : v.t('form.history.empty')}</p>`
        : html`<ol class="history">
            ${items.map(
              (h) =>
                html`<li>
                  <time datetime=${h.at}>${formatDate(v.locale, h.at, true)}</time>
                  <span><strong>${title(h)}</strong> ${actor(h) ? v.t('history.by', { name: actor(h) }) : nothing}</span>
                  ${detail(h) ? html`<span class="sub">${detail(h)}</span>` : nothing}
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}
