// The queue's table rows: columns per view, deadline, decision and
// evaluation cells, and the open button (or link). Pure templates.
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CLOCK_STATUSES, type RequestStatus, type RequestSummary } from '../../contract/types.js';
import { type Locale, type MessageKey, formatDate, statusLabel, timeLeft } from '../internal/i18n.js';
import { openIcon } from './request-queue.styles.js';

const RUNNING = new Set<RequestStatus>(CLOCK_STATUSES);
const APPROVED = new Set<RequestStatus>(['in_service', 'awaiting_citizen', 'concluded', 'evaluated']);

export interface RowView {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  locale: Locale;
  view: 'staff' | 'citizen';
  hrefTemplate?: string;
}

/** Header keys and classes; `opt` columns give way first in a narrow container. */
export function columns(view: 'staff' | 'citizen'): [MessageKey, string][] {
  return view === 'citizen'
    ? [
        ['queue.col.protocol', ''],
        ['queue.col.service', ''],
        ['queue.col.filedAt', 'opt'],
        ['queue.col.status', ''],
        ['queue.col.deadline', 'opt'],
        ['queue.col.verdict', ''],
        ['queue.col.evaluation', ''],
        ['queue.col.actions', 'actions'],
      ]
    : [
        ['queue.col.protocol', ''],
        ['queue.col.service', ''],
        ['queue.col.citizen', ''],
        ['queue.col.filedAt', 'opt'],
        ['queue.col.status', ''],
        ['queue.col.deadline', ''],
        ['queue.col.assignee', 'opt'],
        ['queue.col.actions', 'actions'],
      ];
}

export function renderRow(v: RowView, item: RequestSummary, selected: boolean, open: (e: Event) => void) {
  // Each cell carries its column's name: in a narrow container the rows
  // become cards that show it (explicit roles keep the table semantics).
  const labels = columns(v.view).map(([key]) => v.t(key));
  const cell = (i: number, content: unknown, cls = columns(v.view)[i][1]) => html`<td role="cell" class=${cls} data-label=${labels[i]}>${content}</td>`;
  const filed = html`<time datetime=${item.filedAt}>${formatDate(v.locale, item.filedAt, true)}</time>`;
  const status = html`<span class="badge ${item.status}">${statusLabel(v.locale, item.status)}</span>`;
  // The staff see on each evaluated row whether the citizen approved the attendance (text and symbol, not colour alone).
  const verdictBadge = item.evaluation
    ? html`<span class="citizen-verdict ${item.evaluation.verdict}"
        >${item.evaluation.verdict === 'approved' ? '✓' : '✕'}
        ${v.t(item.evaluation.verdict === 'approved' ? 'queue.citizenVerdict.approved' : 'queue.citizenVerdict.rejected')}</span
      >`
    : nothing;
  const cells: TemplateResult[] =
    v.view === 'citizen'
      ? [
          cell(1, html`${item.service.name}<span class="sub">${item.institution.acronym}</span>`),
          cell(2, filed),
          cell(3, status),
          deadline(v, item, labels[4], 'opt'),
          cell(5, verdict(v, item)),
          cell(6, evaluation(v, item)),
        ]
      : [
          cell(1, item.service.name),
          cell(2, item.citizen.name),
          cell(3, filed),
          cell(4, html`${status} ${verdictBadge} ${item.unassigned ? unassignedMark(v, 'in-status') : nothing}`),
          deadline(v, item, labels[5], ''),
          cell(6, item.unassigned ? unassignedMark(v) : (item.assignee?.name ?? html`<span class="muted">${v.t('queue.noAssignee')}</span>`)),
        ];
  return html`
    <tr role="row" part="row" class=${classMap({ selected, overdue: item.overdue })} aria-current=${ifDefined(selected ? 'true' : undefined)}>
      <th role="rowheader" scope="row" class="protocol">${item.protocol}</th>
      ${cells}
      <td role="cell" class="actions">${openControl(v, item, open)}</td>
    </tr>
  `;
}

/**
 * "Sem atendente": in attendance with nobody attending it (the assignee's
 * access ended), waiting to be reassigned. Text and symbol, not colour alone.
 * It belongs in the assignee column; where a middling width hides that column
 * the copy in the status cell shows instead (`in-status`: only there, so it
 * is never read twice).
 */
function unassignedMark(v: RowView, cls = '') {
  return html`<span class="unassigned ${cls}"><span aria-hidden="true">⚠</span> ${v.t('queue.unassigned')}</span>`;
}

function openControl(v: RowView, item: RequestSummary, open: (e: Event) => void) {
  const label = v.t('queue.open', { protocol: item.protocol });
  if (v.hrefTemplate) {
    const href = v.hrefTemplate.replace(/\{id\}/g, String(item.id));
    return html`<a class="open" part="open-button" href=${href} aria-label=${label} title=${label} @click=${open}>${openIcon}</a>`;
  }
  return html`<button class="open" part="open-button" type="button" aria-label=${label} title=${label} @click=${open}>${openIcon}</button>`;
}

function deadline(v: RowView, item: RequestSummary, label: string, cls: string) {
  const until = v.t('deadline.until', { date: formatDate(v.locale, item.dueAt) });
  if (!RUNNING.has(item.status)) return html`<td role="cell" class="deadline ${cls}" data-label=${label}><span class="muted">${until}</span></td>`;
  const left = timeLeft(v.locale, item.dueAt);
  const late = left.overdue || item.overdue;
  return html`<td role="cell" class="deadline ${cls}" data-label=${label}>
    <span class=${classMap({ late })}>${late ? '⚠ ' : ''}${left.text}</span>
    <span class="sub">${until}</span>
  </td>`;
}

function verdict(v: RowView, item: RequestSummary) {
  if (item.status === 'rejected') return html`<span class="verdict rejected">✕ ${v.t('queue.verdict.rejected')}</span>`;
  if (APPROVED.has(item.status)) return html`<span class="verdict approved">✓ ${v.t('queue.verdict.approved')}</span>`;
  return html`<span class="muted">${v.t('queue.verdict.pending')}</span>`;
}

function evaluation(v: RowView, item: RequestSummary) {
  if (item.evaluation) return v.t(item.evaluation.verdict === 'approved' ? 'queue.evaluation.approved' : 'queue.evaluation.rejected');
  if (item.status === 'concluded') return html`<strong>${v.t('queue.evaluation.waiting')}</strong>`;
  return html`<span class="muted">${v.t('common.none')}</span>`;
}
