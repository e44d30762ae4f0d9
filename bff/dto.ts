// Rows of db/queries mapped to the contract's shapes, here and nowhere else.
import type {
  AccessHistoryEntry,
  AccessRequest,
  Evaluation,
  FileRef,
  HistoryEntry,
  InstitutionRef,
  ModerationItem,
  RequestAction,
  RequestDetail,
  RequestPage,
  RequestStatus,
  RequestSummary,
  Role,
  RequiredDocument,
  ServiceDetail,
  ServiceEntry,
  ServiceField,
  ServiceSummary,
  ServiceVersion,
  ServiceVersionSummary,
  StaffMembership,
  StepState,
} from '../contract/types.js';
import type { AccessEvent, AccessEventSource, AccessRequestStatus } from '../contract/access.js';
import type { ModerationReason } from '../contract/evaluations.js';
import { publicationOf, reopenUntil } from './domain/evaluations.js';
import { findPersonalData, maskSpans } from './domain/personal-data.js';
import type { ModerationRow } from '../db/queries/evaluations.js';
import { accessState, untilOf } from './domain/access.js';
import type { Channel } from '../contract/charter.js';
import { missingParts } from './domain/charter.js';
import { isOverdue } from './domain/deadlines.js';
import { isUnassigned } from './domain/request-machine.js';
import { type RequestFacts, STAFF_VIEW_DATA } from './domain/permissions.js';
import type { HistoryRow, QueuePageRows, QueueRow, RequestDetailRows, RequestFactsRow } from '../db/queries/requests.js';
import type { ServiceRow, VersionColumns, VersionRows } from '../db/queries/services.js';
import type { AccessHistoryRow, AccessRequestRow, institutionMemberships } from '../db/queries/access.js';
import type { MeetingRow } from '../db/queries/meetings.js';
import type { ShareRow } from '../db/queries/agenda.js';
import { shareState } from './domain/agenda.js';
import type { AgendaRow, AgendaShare, Meeting } from '../contract/types.js';
import type { MeetingStatus } from '../contract/meetings.js';
import { joinOpensAt, meetingPhase } from './domain/meetings.js';

/** The request as the pure rules see it (where an awaiting request resumes, when the row tells). */
export function requestFacts(
  f: Pick<RequestFactsRow, 'institution_id' | 'citizen_id' | 'assignee_id' | 'status'> & { resume_status?: string | null },
): RequestFacts {
  const facts: RequestFacts = { institutionId: f.institution_id, citizenId: f.citizen_id, assigneeId: f.assignee_id, status: f.status as RequestStatus };
  if (f.resume_status !== undefined) facts.resumeStatus = f.resume_status as RequestStatus | null;
  return facts;
}

/** "Sem atendente": from the row's status, where it resumes, and its assignee. */
const unassigned = (r: { status: string; resume_status: string | null; assignee_id: number | null }) =>
  isUnassigned(r.status as RequestStatus, r.resume_status as RequestStatus | null, r.assignee_id);

export const asRole = (role: string) => role as Role;

const institution = (r: { institution_id: number; acronym: string; institution_name: string }): InstitutionRef => ({
  id: r.institution_id,
  acronym: r.acronym,
  name: r.institution_name,
});

function toRequestSummary(r: QueueRow, nowIso: string): RequestSummary {
  return {
    id: r.id,
    protocol: r.protocol,
    status: r.status as RequestStatus,
    institution: institution(r),
    service: { id: r.service_id, name: r.service_name },
    citizen: { id: r.citizen_id, name: r.citizen_name },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    filedAt: r.filed_at,
    dueAt: r.due_at,
    overdue: isOverdue(r.status, r.due_at, nowIso),
    unassigned: unassigned(r),
    evaluation: r.verdict ? { verdict: r.verdict } : null,
    version: r.version,
  };
}

/** A service's charter summary, from a row of its published version joined with its institution. */
export function toServiceSummary(
  id: number,
  r: {
    institution_id: number;
    acronym: string;
    institution_name: string;
    name: string;
    description: string;
    status: ServiceSummary['status'];
    deadline_days: number;
    deadline_kind: 'business' | 'calendar';
  },
): ServiceSummary {
  return {
    id,
    institution: institution(r),
    name: r.name,
    description: r.description,
    status: r.status,
    deadline: { days: r.deadline_days, kind: r.deadline_kind },
  };
}

/** A published service as the citizen reads it before filing: its current version. */
export function toServiceDetail(
  id: number,
  r: Parameters<typeof toServiceSummary>[1] & VersionColumns & { id: number; version: number },
  steps: ServiceDetail['steps'],
): ServiceDetail {
  return {
    ...toServiceSummary(id, r),
    versionId: r.id,
    version: r.version,
    audience: r.audience,
    requirements: r.requirements,
    legalBasis: r.legal_basis,
    lgpdBasis: r.lgpd_basis,
    cost: r.cost,
    delivery: JSON.parse(r.delivery),
    area: JSON.parse(r.area),
    address: r.address,
    hours: r.hours,
    fields: JSON.parse(r.fields),
    documents: JSON.parse(r.documents),
    steps,
  };
}

/** A version's columns as a charter entry (a draft's deadline 0: none yet). */
export function toServiceEntry(v: VersionColumns, steps: readonly string[]): ServiceEntry {
  return {
    name: v.name,
    description: v.description,
    audience: v.audience,
    requirements: v.requirements,
    documents: JSON.parse(v.documents) as RequiredDocument[],
    steps: [...steps],
    fields: JSON.parse(v.fields) as ServiceField[],
    cost: v.cost,
    deadline: v.deadline_days > 0 ? { days: v.deadline_days, kind: v.deadline_kind } : null,
    delivery: JSON.parse(v.delivery) as Channel[],
    area: JSON.parse(v.area) as string[],
    address: v.address,
    hours: v.hours,
    legalBasis: v.legal_basis,
    lgpdBasis: v.lgpd_basis,
  };
}

/** A charter entry as a version's columns (its steps are rows of their own). */
export function toVersionColumns(e: ServiceEntry): VersionColumns {
  return {
    name: e.name,
    description: e.description,
    audience: e.audience,
    requirements: e.requirements,
    legal_basis: e.legalBasis,
    lgpd_basis: e.lgpdBasis,
    cost: e.cost,
    delivery: JSON.stringify(e.delivery),
    area: JSON.stringify(e.area),
    address: e.address,
    hours: e.hours,
    deadline_days: e.deadline?.days ?? 0,
    deadline_kind: e.deadline?.kind ?? 'business',
    fields: JSON.stringify(e.fields),
    documents: JSON.stringify(e.documents),
  };
}

type VersionRow = VersionRows['version'];

/** Where a version stands in its service: being edited, the published one (the last, when withdrawn), or replaced. */
function versionState(service: Pick<ServiceRow, 'draft_version_id' | 'published_version_id'>, versionId: number): ServiceVersionSummary['state'] {
  if (versionId === service.draft_version_id) return 'draft';
  return versionId === service.published_version_id ? 'current' : 'previous';
}

export function toServiceVersionSummary(service: Pick<ServiceRow, 'draft_version_id' | 'published_version_id'>, v: VersionRow): ServiceVersionSummary {
  return {
    versionId: v.id,
    version: v.version,
    state: versionState(service, v.id),
    name: v.name,
    createdAt: v.created_at,
    createdBy: v.created_by ? { id: v.created_by, name: v.created_by_name ?? '' } : null,
    updatedAt: v.updated_at,
    publishedAt: v.published_at,
    publishedBy: v.published_by ? { id: v.published_by, name: v.published_by_name ?? '' } : null,
  };
}

/** A version as the editor shows it: its entry, what the law still asks of it, its revision. */
export function toServiceVersion(service: ServiceRow, { version: v, steps }: VersionRows): ServiceVersion {
  const entry = toServiceEntry(v, steps);
  return {
    ...toServiceVersionSummary(service, v),
    serviceId: service.id,
    institution: institution(service),
    serviceStatus: service.status,
    entry,
    revision: v.revision,
    missing: missingParts(entry),
  };
}

export function toRequestPage(p: QueuePageRows, now: Date): RequestPage {
  const nowIso = now.toISOString();
  return { items: p.rows.map((r) => toRequestSummary(r, nowIso)), nextCursor: p.nextCursor };
}

export function toFileRef(f: { id: number; label: string | null; file_name: string; content_type: string; size: number }): FileRef {
  return { id: f.id, label: f.label, fileName: f.file_name, contentType: f.content_type, size: f.size, href: `/api/attachments/${f.id}` };
}

/**
 * The request as one viewer reads it: `viewer.stepView` 'progress' (the citizen) gets
 * each step done or pending — never the staff's yes/no answer or note.
 */
export function toRequestDetail(
  { request: r, steps, files, analyst }: RequestDetailRows,
  now: Date,
  allowedActions: RequestAction[],
  viewer: { side: 'staff' | 'citizen'; stepView: 'answers' | 'progress' },
  zone: { reopenDays: number; timeZone: string },
): RequestDetail {
  const answers = viewer.stepView === 'answers';
  return {
    id: r.id,
    protocol: r.protocol,
    status: r.status as RequestStatus,
    institution: institution(r),
    service: {
      id: r.service_id,
      name: r.service_name,
      versionId: r.service_version_id,
      version: r.service_version,
      deadline: { days: r.deadline_days, kind: r.deadline_kind },
    },
    citizen: { id: r.citizen_id, name: r.citizen_name, email: r.citizen_email },
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    filedAt: r.filed_at,
    dueAt: r.due_at,
    overdue: isOverdue(r.status, r.due_at, now),
    unassigned: unassigned(r),
    fields: JSON.parse(r.fields) as ServiceField[],
    formData: JSON.parse(r.form_data),
    documents: files.map(toFileRef),
    steps: steps.map((s): StepState => ({
      id: s.id,
      position: s.position,
      title: s.title,
      answer: answers ? (s.answer ?? null) : null,
      note: answers ? (s.note ?? null) : null,
      answeredBy: s.answered_by ? { id: s.answered_by, name: s.answered_by_name ?? '' } : null,
      answeredAt: s.answered_at ?? null,
    })),
    decidedAt: r.decided_at,
    justification: r.justification,
    concludedAt: r.concluded_at,
    conclusion: r.conclusion,
    evaluation: r.e_id ? toEvaluation(r, zone) : null,
    analyst: analyst ? { id: analyst.id, name: analyst.name } : null,
    version: r.version,
    allowedActions,
    viewer: { side: viewer.side },
  };
}

/** The request's current evaluation, with what became of its comment and until when the request may be reopened. */
function toEvaluation(r: RequestDetailRows['request'], zone: { reopenDays: number; timeZone: string }): Evaluation {
  const e = {
    verdict: r.e_verdict!,
    createdAt: r.e_created_at!,
    comment: r.e_comment,
    status: r.e_status!,
  };
  return {
    id: r.e_id!,
    verdict: e.verdict,
    rating: r.e_rating,
    comment: e.comment,
    status: e.status,
    createdAt: e.createdAt,
    publication: publicationOf({
      comment: e.comment,
      status: e.status,
      masked: Boolean(r.e_masked),
      publishedText: r.e_published_text,
      reason: r.e_reason as ModerationReason | null,
      reasonText: r.e_reason_text,
    }),
    reopenUntil: reopenUntil(e, zone.reopenDays, zone.timeZone),
  };
}

/** An evaluation as its moderator reads it, with the personal data found in its comment (the citizen's name as stored). */
export function toModerationItem(r: ModerationRow): ModerationItem {
  const comment = r.comment ?? '';
  const spans = findPersonalData(comment, { citizenName: r.citizen_name });
  return {
    id: r.id,
    request: { id: r.request_id, protocol: r.protocol },
    service: { id: r.service_id, name: r.service_name },
    institution: institution(r),
    verdict: r.verdict,
    rating: r.rating,
    comment,
    createdAt: r.created_at,
    status: r.status,
    spans,
    masked: maskSpans(comment, spans),
    decision:
      r.moderated_at && r.moderated_by
        ? {
            by: { id: r.moderated_by, name: r.moderated_by_name ?? '' },
            at: r.moderated_at,
            masked: Boolean(r.masked),
            reason: r.moderation_reason as ModerationReason | null,
            text: r.moderation_text,
          }
        : null,
  };
}

export function toHistoryEntry(r: HistoryRow): HistoryEntry {
  return {
    id: r.id,
    action: r.action,
    from: r.from_status as RequestStatus | null,
    to: r.to_status as RequestStatus | null,
    actor: r.actor_id ? { id: r.actor_id, name: r.name ?? '' } : null,
    at: r.at,
    data: r.data ? JSON.parse(r.data) : null,
  };
}

/** A history entry as one viewer reads it: on the 'progress' view (the citizen's), without the data only staff read (STAFF_VIEW_DATA). */
export function historyForViewer(h: HistoryEntry, stepView: 'answers' | 'progress'): HistoryEntry {
  return { ...h, data: dataForViewer(h.action, h.data, stepView) };
}

/** An audit entry's data as one viewer reads it (the history and the thread's events). */
export function dataForViewer(action: string, data: Record<string, unknown> | null, stepView: 'answers' | 'progress'): Record<string, unknown> | null {
  const hidden = STAFF_VIEW_DATA[action];
  if (stepView === 'answers' || !hidden || !data) return data;
  return Object.fromEntries(Object.entries(data).filter(([k]) => !hidden.includes(k)));
}

/** An access request as the servant and the managers read it, with where the access it granted stands at `now`. */
export function toAccessRequest(r: AccessRequestRow, now: Date, timeZone: string): AccessRequest {
  const m = r.membership_id === null ? null : { revoked_at: r.revoked_at, expires_at: r.expires_at, end_kind: r.end_kind };
  const state = m ? accessState(m, now) : null;
  return {
    id: r.id,
    institution: institution(r),
    requester: { id: r.user_id, name: r.user_name, email: r.user_email },
    unit: r.unit,
    ordinance: r.ordinance,
    status: r.status as AccessRequestStatus,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    reason: r.reason,
    until: m ? untilOf(m.expires_at, timeZone) : null,
    access:
      m && state
        ? {
            membershipId: r.membership_id!,
            state,
            // Expired by its clock before the sweep recorded it: it ended at its end all the same.
            endedAt: m.revoked_at ?? (state === 'expired' ? m.expires_at : null),
            reason: r.revoke_reason,
          }
        : null,
  };
}

/** A role in force at an institution, as its managers list it. */
export function toStaffMembership(r: Awaited<ReturnType<typeof institutionMemberships>>[number]): StaffMembership {
  return {
    id: r.id,
    user: { id: r.user_id, name: r.user_name, email: r.user_email },
    role: asRole(r.role),
    unit: r.unit,
    grantedAt: r.granted_at,
    grantedBy: r.granted_by ? { id: r.granted_by, name: r.granted_by_name ?? '' } : null,
    ordinance: r.ordinance,
    expiresAt: r.expires_at,
    openAssigned: r.open_assigned,
  };
}

/** An entry of an institution's access history: what bff/access-service.ts recordAccessEvent wrote in its data. */
export function toAccessHistoryEntry(r: AccessHistoryRow): AccessHistoryEntry {
  const d = JSON.parse(r.data ?? '{}') as Partial<{
    subject: { id: number; name: string };
    role: string;
    unit: string | null;
    ordinance: string | null;
    until: string | null;
    reason: string | null;
    source: AccessEventSource;
  }>;
  return {
    id: r.id,
    at: r.at,
    event: r.action as AccessEvent,
    source: d.source ?? (r.actor_id === null ? 'cli' : 'api'),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    subject: d.subject ?? { id: 0, name: '' },
    role: asRole(d.role ?? 'attendant'),
    unit: d.unit ?? null,
    ordinance: d.ordinance ?? null,
    until: d.until ?? null,
    reason: d.reason ?? null,
  };
}

/** A meeting as its request's citizen and staff read it, with its phase at `now`. */
export function toMeeting(r: MeetingRow, now: Date, leadMinutes: number): Meeting {
  const status = r.status as MeetingStatus;
  return {
    id: r.id,
    requestId: r.request_id,
    protocol: r.protocol,
    service: { id: r.service_id, name: r.service_name },
    institution: { id: r.institution_id, acronym: r.acronym, name: r.institution_name },
    host: { id: r.host_id, name: r.host_name },
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    durationMinutes: r.duration_minutes,
    subject: r.subject,
    status,
    phase: meetingPhase({ status, startsAt: r.starts_at, endsAt: r.ends_at }, now, leadMinutes),
    joinOpensAt: joinOpensAt(r.starts_at, leadMinutes),
    cancelReason: r.cancel_reason,
    cancelledAt: r.cancelled_at,
    cancelledBy: r.cancelled_by === null ? null : { id: r.cancelled_by, name: r.cancelled_by_name ?? '' },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** A meeting in the staff's day agenda: with who filed the request. */
export function toAgendaRow(r: MeetingRow, now: Date, leadMinutes: number): AgendaRow {
  return { ...toMeeting(r, now, leadMinutes), citizen: { id: r.citizen_id, name: r.citizen_name } };
}

/** A share link of the day agenda, with its state at `now`; `url` only when it was just made (the token is not kept). */
export function toAgendaShare(r: ShareRow, now: Date, url: string | null = null): AgendaShare {
  return {
    id: r.id,
    date: r.date,
    institution: { id: r.institution_id, acronym: r.acronym, name: r.institution_name },
    url,
    state: shareState({ expiresAt: r.expires_at, revokedAt: r.revoked_at }, now),
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    createdAt: r.created_at,
    createdBy: { id: r.created_by, name: r.created_by_name },
  };
}
