// How an access request, a role and an access history entry read: the shared
// words of both views (status badges, "até dd/mm/aaaa", "Acesso revogado em …:
// motivo"), with the core date helpers. Pure templates and text.
import { html, nothing } from 'lit';
import type { AccessHistoryEntry, AccessRequest, Role } from '../../contract/types.js';
import { type CoreMessageKey, type Locale, formatDate, formatDay } from '../internal/i18n.js';
import type { AccessMessageKey } from './messages.js';

export type Key = AccessMessageKey | CoreMessageKey;
export type T = (key: Key, params?: Record<string, string | number>) => string;

/** The day an access ending at `expiresAt` (the instant after its last day) lasts until, as the user reads it. */
export function lastDay(locale: Locale, expiresAt: string): string {
  return formatDate(locale, new Date(Date.parse(expiresAt) - 1).toISOString());
}

/** "Pendente" / "Autorizada" / "Recusada", as a badge (text, never colour alone). */
export function statusBadge(t: T, r: AccessRequest) {
  return html`<span class="badge access-${r.status}">${t(`access.status.${r.status}`)}</span>`;
}

/** Where the access an authorization granted stands, when it has ended: "Acesso encerrado em …", "Acesso revogado em …: motivo". */
export function accessEnd(t: T, locale: Locale, r: AccessRequest): string | undefined {
  const a = r.access;
  if (!a || a.state === 'active') return undefined;
  if (a.state === 'expired') {
    const date = a.endedAt ? lastDay(locale, a.endedAt) : r.until ? formatDay(locale, r.until) : '';
    return t('access.state.expired', { date });
  }
  const date = a.endedAt ? formatDate(locale, a.endedAt) : '';
  return a.reason ? t('access.state.revoked', { date, reason: a.reason }) : t('access.state.revokedBare', { date });
}

/** The decision in one line: "Autorizada por Ana em 01/12/2026", "Recusada em …". */
export function decision(t: T, locale: Locale, r: AccessRequest): string {
  if (r.status === 'pending' || !r.decidedAt) return t('access.status.pending');
  const date = formatDate(locale, r.decidedAt);
  const approved = r.status === 'approved';
  if (r.decidedBy) return t(approved ? 'access.decided.approved' : 'access.decided.rejected', { name: r.decidedBy.name, date });
  return t(approved ? 'access.decided.approvedBare' : 'access.decided.rejectedBare', { date });
}

/** "até 15/12/2026" or "até ser revogado", for an authorization. */
export function untilText(t: T, locale: Locale, until: string | null): string {
  return until ? t('access.status.until', { date: formatDay(locale, until) }) : t('access.untilRevoked');
}

export function roleName(t: T, role: Role): string {
  return t(`access.role.${role}`);
}

/** Who caused a history entry: the person, "Administrador" (command line) or "Expirou automaticamente" (the clock). */
export function actorName(t: T, e: AccessHistoryEntry): string {
  if (e.source === 'clock') return t('access.history.clock');
  if (e.source === 'cli') return t('access.history.admin');
  return e.actor?.name ?? t('common.none');
}

/** A `<dt>`/`<dd>` pair, left out when there is nothing to say. */
export function pair(term: string, value: unknown) {
  if (value === undefined || value === null || value === '') return nothing;
  return html`<div class="pair">
    <dt>${term}</dt>
    <dd>${value}</dd>
  </div>`;
}
