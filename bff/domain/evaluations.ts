// Avaliações (issue #13) as pure rules: when a citizen may reopen a request
// they did not approve, what became of a comment (its publication), who
// moderates, and what a moderator's decision stores.
import type { EvaluationStatus, ModerationDecision, ModerationReason } from '../../contract/evaluations.js';
import type { Publication } from '../../contract/types.js';
import { addDays, brDate, endOfLocalDay, localDate, startOfLocalDay } from '../../contract/time.js';
import { type Actor, isStaffOf } from './permissions.js';

/**
 * Until when the citizen may reopen a request after this evaluation: a
 * "not approved" one, `days` after it, to the end of that local day; null for
 * an approved one (nothing to reopen).
 */
export function reopenUntil(e: { verdict: 'approved' | 'rejected'; createdAt: string }, days: number, timeZone: string): string | null {
  if (e.verdict !== 'rejected') return null;
  const last = addDays(localDate(new Date(e.createdAt), timeZone), days);
  return endOfLocalDay(last, timeZone).toISOString();
}

/** A local day as people read it: "08/12/2026" (the day of an instant in the state's time zone). */
export function formatLocalDay(at: string, timeZone: string): string {
  return brDate(localDate(new Date(at), timeZone));
}

/** Why the request's current evaluation does not let its citizen reopen it now, or null when it does. */
export function reopenRefusal(
  e: { verdict: 'approved' | 'rejected'; createdAt: string } | null,
  now: Date,
  days: number,
  timeZone: string,
): { why: 'approved' } | { why: 'none' } | { why: 'expired'; until: string } | null {
  if (!e) return { why: 'none' };
  const until = reopenUntil(e, days, timeZone);
  if (until === null) return { why: 'approved' };
  return now.toISOString() > until ? { why: 'expired', until } : null;
}

/** The stored moderation of an evaluation. */
export interface ModerationState {
  comment: string | null;
  status: EvaluationStatus;
  masked: boolean;
  publishedText: string | null;
  reason: ModerationReason | null;
  reasonText: string | null;
}

/** What became of the comment, as its citizen reads it; null without a comment (nothing to publish). */
export function publicationOf(m: ModerationState): Publication | null {
  if (m.comment === null) return null;
  switch (m.status) {
    case 'pending':
      return { state: 'pending', reason: null, text: null, publishedText: null };
    case 'approved':
      return { state: m.masked ? 'published_masked' : 'published', reason: null, text: null, publishedText: m.publishedText };
    case 'rejected':
      return { state: 'not_published', reason: m.reason, text: m.reasonText, publishedText: null };
  }
}

/**
 * May the actor moderate the evaluations of this institution? Its staff
 * (attendants and managers); for anyone else they do not exist (404). A
 * citizen moderates nothing (no institution of theirs).
 */
export function mayModerate(actor: Actor, institutionId: number): boolean {
  return isStaffOf(actor, institutionId);
}

/** The text of the moderation routes' "Who:", from mayModerate (and no one moderates the comment on a request they filed). */
export const MODERATION_WHO =
  'Who: attendants and managers of the evaluation’s institution (an evaluation of another institution, or of a request they filed, answers 404; anyone attending no institution: 403).';

/** The institutions whose evaluations the actor moderates. */
export function moderatedInstitutions(actor: Actor): number[] {
  return [...actor.roles.keys()].filter((id) => mayModerate(actor, id));
}

/** The columns a decision writes: the status, whether masked, the published text (masked by `mask`), the reason. */
export function decisionOutcome(
  comment: string,
  d: { decision: ModerationDecision; reason?: ModerationReason; text?: string },
  mask: (comment: string) => string,
): Pick<ModerationState, 'status' | 'masked' | 'publishedText' | 'reason' | 'reasonText'> {
  if (d.decision === 'reject') {
    return { status: 'rejected', masked: false, publishedText: null, reason: d.reason ?? 'other', reasonText: d.text?.trim() || null };
  }
  const masked = d.decision === 'approve_masked';
  return { status: 'approved', masked, publishedText: masked ? mask(comment) : comment, reason: null, reasonText: null };
}

/** The audit data of a decision (staff-only in the citizen's history but for the outcome). */
export function moderationAudit(d: { decision: ModerationDecision; reason?: ModerationReason; text?: string }, previous: EvaluationStatus) {
  return {
    decision: d.decision,
    masked: d.decision === 'approve_masked',
    reason: d.decision === 'reject' ? (d.reason ?? null) : null,
    text: d.decision === 'reject' ? d.text?.trim() || null : null,
    previous,
  };
}

/** The twelve months (YYYY-MM, local) ending with `now`'s, oldest first, and the instants that bound them (13: each month's first local instant, then the next month's). */
export function lastTwelveMonths(now: Date, timeZone: string): { months: string[]; bounds: string[] } {
  const [y, m] = localDate(now, timeZone).split('-').map(Number);
  const months: string[] = [];
  const bounds: string[] = [];
  for (let k = 11; k >= -1; k--) {
    const total = y * 12 + (m - 1) - k;
    const month = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
    const first = startOfLocalDay(`${month}-01`, timeZone).toISOString();
    bounds.push(first);
    if (k >= 0) months.push(month);
  }
  return { months, bounds };
}

/** Evaluations counted by rating and verdict; bucket -1: all time, k: the k-th of the twelve months. */
export interface RatingCount {
  rating: number | null;
  verdict: 'approved' | 'rejected';
  bucket: number;
  n: number;
}

interface Tally {
  count: number;
  average: number | null;
  distribution: number[];
  approvedShare: number | null;
}

function tally(counts: readonly RatingCount[]): Tally {
  const distribution = [0, 0, 0, 0, 0];
  let count = 0;
  let approved = 0;
  let rated = 0;
  let sum = 0;
  for (const c of counts) {
    count += c.n;
    if (c.verdict === 'approved') approved += c.n;
    if (c.rating !== null && c.rating >= 1 && c.rating <= 5) {
      distribution[c.rating - 1] += c.n;
      rated += c.n;
      sum += c.rating * c.n;
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count,
    average: rated ? round(sum / rated) : null,
    distribution,
    approvedShare: count ? round(approved / count) : null,
  };
}

/**
 * A service's panel: count, average rating, distribution 1–5 and share of
 * approved attendances over all its evaluations, and the same by month for
 * the twelve `months` (those without evaluations included, with nulls).
 */
export function ratingSummary(counts: readonly RatingCount[], months: readonly string[]) {
  const all = tally(counts.filter((c) => c.bucket === -1));
  return {
    count: all.count,
    average: all.average,
    distribution: all.distribution,
    approvedShare: all.approvedShare,
    months: months.map((month, k) => {
      const m = tally(counts.filter((c) => c.bucket === k));
      return { month, count: m.count, average: m.average, approvedShare: m.approvedShare };
    }),
  };
}
