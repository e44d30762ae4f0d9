// The manager's side, for one institution: tabs "Pendentes" (Autorizar /
// Recusar), "Decididas", "Atendentes" (Revogar acesso) and "Histórico", each
// with its loading, empty and error states and "Carregar mais" where the
// list is paged. Templates only; the element owns state, actions and focus.
import { html, nothing } from 'lit';
import type { AccessHistoryEntry, AccessRequest, InstitutionRef, StaffMembership } from '../../contract/types.js';
import { type Locale, formatDate, formatDay } from '../internal/i18n.js';
import { renderTabs } from '../internal/tabs.js';
import { type Key, type T, accessEnd, actorName, decision, lastDay, pair, roleName, statusBadge, untilText } from './describe.js';
import { type ListState, type Notice, errorBlock, loadingLine, notices } from './servant-view.js';

export const TABS = ['pending', 'decided', 'staff', 'history'] as const;
export type Tab = (typeof TABS)[number];

export interface PagedState<I> extends ListState<I> {
  hasMore: boolean;
  loadingMore: boolean;
  moreError?: string;
  more: () => void;
}

export interface ManagerView {
  t: T;
  locale: Locale;
  title: string;
  /** The institutions the user manages, when more than one: a select to switch. */
  managed: InstitutionRef[];
  institutionId?: number;
  choose: (id: number) => void;
  tab: Tab;
  selectTab: (tab: Tab, focus: boolean) => void;
  notice?: Notice;
  busy: boolean;
  pending: PagedState<AccessRequest>;
  decided: PagedState<AccessRequest>;
  staff: ListState<StaffMembership>;
  history: PagedState<AccessHistoryEntry>;
  authorize: (r: AccessRequest) => void;
  refuse: (r: AccessRequest) => void;
  revoke: (m: StaffMembership) => void;
}

const TAB_LABEL: Record<Tab, Key> = {
  pending: 'access.tab.pending',
  decided: 'access.tab.decided',
  staff: 'access.tab.staff',
  history: 'access.tab.history',
};

function tabLabel(v: ManagerView, tab: Tab): string {
  const label = v.t(TAB_LABEL[tab]);
  const list = tab === 'staff' ? { ...v.staff, hasMore: false } : tab === 'history' ? undefined : v[tab];
  if (!list?.items) return label;
  return v.t(list.hasMore ? 'access.tab.countMore' : 'access.tab.count', { label, n: list.items.length });
}

function tabs(v: ManagerView) {
  return renderTabs({
    tabs: TABS,
    selected: v.tab,
    label: v.t('access.sections'),
    panel: (tab) => `panel-${tab}`,
    text: (tab) => tabLabel(v, tab),
    select: (tab, focus) => v.selectTab(tab, focus),
  });
}

/** A list's body: the error (with retry), loading, empty, or its cards and "Carregar mais". */
function listBody<I>(v: ManagerView, list: ListState<I> | PagedState<I>, name: string, empty: Key, card: (item: I) => unknown, ordered = false) {
  if (list.error && !list.items) return errorBlock(v.t, v.t('access.listError'), list.error, list.retry);
  if (!list.items) return loadingLine(v.t('access.loading'));
  const paged = 'more' in list ? list : undefined;
  const cards = list.items.map(card);
  return html`${
    !list.items.length
      ? html`<p class="placeholder">${v.t(empty)}</p>`
      : ordered
        ? html`<ol class="cards history" aria-label=${v.t('access.history.list')}>
            ${cards}
          </ol>`
        : html`<ul class="cards">
            ${cards}
          </ul>`
  }
  ${paged?.moreError ? html`<p class="alert error" role="alert">${v.t('access.listError')} ${paged.moreError}</p>` : nothing}
  ${
    paged?.hasMore
      ? html`<p class="more">
          <button id="more-${name}" class="btn" type="button" aria-disabled=${paged.loadingMore ? 'true' : 'false'} @click=${paged.more}>
            ${paged.loadingMore ? html`<span class="spinner" aria-hidden="true"></span>${v.t('access.loadingMore')}` : v.t('access.more')}
          </button>
        </p>`
      : nothing
  }`;
}

function person(v: ManagerView, p: { name: string; email: string | null }) {
  return pair(v.t('access.field.email'), p.email ?? v.t('access.noEmail'));
}

function pendingCard(v: ManagerView, r: AccessRequest) {
  const busy = v.busy ? 'true' : 'false';
  return html`<li class="card">
    <h3 id="card-request-${r.id}" tabindex="-1">${r.requester.name}</h3>
    <dl>
      ${person(v, r.requester)} ${pair(v.t('access.field.unit'), r.unit)} ${pair(v.t('access.field.ordinance'), r.ordinance)}
      ${pair(v.t('access.field.askedAt'), formatDate(v.locale, r.createdAt, true))}
    </dl>
    <div class="card-actions">
      <button
        id="authorize-${r.id}"
        class="btn success small"
        type="button"
        aria-haspopup="dialog"
        aria-disabled=${busy}
        aria-label=${v.t('access.authorize.named', { name: r.requester.name })}
        @click=${() => v.authorize(r)}
      >
        ${v.t('access.authorize')}
      </button>
      <button
        id="refuse-${r.id}"
        class="btn danger small"
        type="button"
        aria-haspopup="dialog"
        aria-disabled=${busy}
        aria-label=${v.t('access.refuse.named', { name: r.requester.name })}
        @click=${() => v.refuse(r)}
      >
        ${v.t('access.refuse')}
      </button>
    </div>
  </li>`;
}

function decidedCard(v: ManagerView, r: AccessRequest) {
  const ended = accessEnd(v.t, v.locale, r);
  const approved = r.status === 'approved';
  return html`<li class="card">
    <h3 id="card-request-${r.id}" tabindex="-1">${r.requester.name}</h3>
    <p class="badges">
      ${statusBadge(v.t, r)}
      ${approved && !ended && r.access?.state === 'active' ? html`<span class="badge access-active">${v.t('access.state.active')}</span>` : nothing}
      ${ended ? html`<span class="badge access-ended">${ended}</span>` : nothing}
    </p>
    <dl>
      ${person(v, r.requester)} ${pair(v.t('access.field.unit'), r.unit)} ${pair(v.t('access.field.ordinance'), r.ordinance)}
      ${pair(v.t('access.field.askedAt'), formatDate(v.locale, r.createdAt, true))} ${pair(v.t('access.field.decision'), decision(v.t, v.locale, r))}
      ${approved ? pair(v.t('access.field.access'), untilText(v.t, v.locale, r.until)) : nothing}
      ${r.status === 'rejected' ? pair(v.t('access.field.reason'), r.reason) : nothing}
    </dl>
  </li>`;
}

function openText(v: ManagerView, n: number): string {
  if (n === 0) return v.t('access.staff.openNone');
  return n === 1 ? v.t('access.staff.openOne') : v.t('access.staff.openMany', { n });
}

function staffCard(v: ManagerView, m: StaffMembership) {
  const since = formatDate(v.locale, m.grantedAt);
  return html`<li class="card">
    <h3 id="card-membership-${m.id}" tabindex="-1">${m.user.name}</h3>
    <p class="badges"><span class="badge role-${m.role}">${roleName(v.t, m.role)}</span></p>
    <dl>
      ${person(v, m.user)} ${pair(v.t('access.field.unit'), m.unit ?? v.t('access.noUnit'))}
      ${pair(v.t('access.field.since'), m.grantedBy ? `${since}, ${v.t('access.staff.grantedBy', { name: m.grantedBy.name })}` : since)}
      ${pair(v.t('access.field.access'), m.expiresAt ? v.t('access.status.until', { date: lastDay(v.locale, m.expiresAt) }) : v.t('access.untilRevoked'))}
      ${pair(v.t('access.field.ordinance'), m.ordinance)} ${pair(v.t('access.field.open'), openText(v, m.openAssigned))}
    </dl>
    <div class="card-actions">
      ${
        m.role === 'attendant'
          ? html`<button
              id="revoke-${m.id}"
              class="btn danger small"
              type="button"
              aria-haspopup="dialog"
              aria-disabled=${v.busy ? 'true' : 'false'}
              aria-label=${v.t('access.revoke.named', { name: m.user.name })}
              @click=${() => v.revoke(m)}
            >
              ${v.t('access.revoke')}
            </button>`
          : m.role === 'manager'
            ? html`<p class="hint">${v.t('access.staff.managerNote')}</p>`
            : nothing
      }
    </div>
  </li>`;
}

function historyCard(v: ManagerView, e: AccessHistoryEntry) {
  return html`<li class="card">
    <h3 id="card-history-${e.id}" tabindex="-1">${v.t('access.history.of', { event: v.t(`access.event.${e.event}`), name: e.subject.name })}</h3>
    <dl>
      ${pair(v.t('access.field.when'), formatDate(v.locale, e.at, true))} ${pair(v.t('access.field.by'), actorName(v.t, e))}
      ${e.role !== 'attendant' ? pair(v.t('access.field.role'), roleName(v.t, e.role)) : nothing} ${pair(v.t('access.field.unit'), e.unit)}
      ${pair(v.t('access.field.ordinance'), e.ordinance)} ${e.until ? pair(v.t('access.field.until'), formatDay(v.locale, e.until)) : nothing}
      ${pair(v.t('access.field.reason'), e.reason)}
    </dl>
  </li>`;
}

function panel(v: ManagerView, tab: Tab) {
  let body: unknown = nothing;
  if (v.tab === tab) {
    if (tab === 'pending') body = listBody(v, v.pending, tab, 'access.pending.empty', (r) => pendingCard(v, r));
    else if (tab === 'decided') body = listBody(v, v.decided, tab, 'access.decided.empty', (r) => decidedCard(v, r));
    else if (tab === 'staff') body = listBody(v, v.staff, tab, 'access.staff.empty', (m) => staffCard(v, m));
    else body = listBody(v, v.history, tab, 'access.history.empty', (e) => historyCard(v, e), true);
  }
  const list = tab === 'history' ? v.history : v[tab];
  return html`<div
    id="panel-${tab}"
    class="panel"
    role="tabpanel"
    aria-labelledby="tab-${tab}"
    aria-busy=${v.tab === tab && list.pending ? 'true' : 'false'}
    tabindex="0"
    ?hidden=${v.tab !== tab}
  >
    ${body}
  </div>`;
}

export function renderManager(v: ManagerView) {
  return html`<section part="manage" class="manage" aria-labelledby="manage-h">
    <div class="manage-head">
      <h2 id="manage-h" tabindex="-1">${v.title}</h2>
      ${
        v.managed.length > 1
          ? html`<div class="field inline">
              <label for="manage-institution">${v.t('access.manage.choose')}</label>
              <select id="manage-institution" @change=${(e: Event) => v.choose(Number((e.target as HTMLSelectElement).value))}>
                ${v.managed.map((i) => html`<option value=${i.id} ?selected=${i.id === v.institutionId}>${i.acronym} — ${i.name}</option>`)}
              </select>
            </div>`
          : nothing
      }
    </div>
    ${notices(v.notice)} ${tabs(v)} ${TABS.map((tab) => panel(v, tab))}
  </section>`;
}
