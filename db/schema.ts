// Kysely table types. Timestamps are ISO 8601 UTC strings and JSON columns are
// text on both SQLite and PostgreSQL, so every row reads the same on both.
// Enumerated columns (status, role, kind) are text here: their values are
// declared once, in contract/types.ts, and the BFF checks them before writing.
import type { Generated, GeneratedAlways } from 'kysely';

export interface InstitutionTable {
  id: Generated<number>;
  acronym: string;
  name: string;
  units: string; // JSON string[]
}

export interface UserTable {
  id: Generated<number>;
  sub: string;
  name: string;
  email: string | null;
  created_at: string;
}

export interface MembershipTable {
  id: Generated<number>;
  user_id: number;
  institution_id: number;
  role: string; // contract ROLES
  unit: string | null;
  granted_by: number | null;
  granted_at: string;
  ordinance: string | null;
  revoked_at: string | null;
  /** An authorization's end (the instant after its `until` day); null: until revoked. */
  expires_at: string | null;
  revoked_by: number | null;
  revoke_reason: string | null;
  /** How it ended, once recorded: 'revoked' or 'expired' (the sweep). */
  end_kind: string | null;
  access_request_id: number | null;
}

export interface AccessRequestTable {
  id: Generated<number>;
  user_id: number;
  institution_id: number;
  unit: string;
  ordinance: string;
  status: Generated<string>; // contract ACCESS_REQUEST_STATUSES
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
  reason: string | null;
  membership_id: number | null;
}

export interface ServiceTable {
  id: Generated<number>;
  institution_id: number;
  status: 'draft' | 'published' | 'unpublished';
  published_version_id: number | null;
  /** The version being edited, if any (migration charter). */
  draft_version_id: number | null;
  /** Why and when the service was withdrawn (status unpublished). */
  unpublished_reason: string | null;
  unpublished_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceVersionTable {
  id: Generated<number>;
  service_id: number;
  version: number;
  name: string;
  description: string;
  audience: string | null;
  requirements: string | null;
  legal_basis: string | null;
  lgpd_basis: string | null;
  cost: string | null;
  delivery: string; // JSON string[]
  area: string; // JSON string[]
  address: string | null;
  hours: string | null;
  /** 0 while a draft has no deadline yet. */
  deadline_days: number;
  deadline_kind: 'business' | 'calendar';
  fields: string; // JSON ServiceField[]
  documents: string; // JSON RequiredDocument[]
  created_at: string;
  created_by: number | null;
  /** The last edit (the creation, for a version never edited). */
  updated_at: string;
  published_at: string | null;
  published_by: number | null;
  /** Bumped by every edit of a draft: its ETag is "<id>.<revision>" (migration charter). */
  revision: Generated<number>;
}

export interface ServiceStepTable {
  id: Generated<number>;
  service_version_id: number;
  position: number;
  title: string;
}

export interface ProtocolCounterTable {
  year: number;
  last: number;
}

export interface RequestTable {
  id: Generated<number>;
  protocol: string;
  institution_id: number;
  service_id: number;
  service_version_id: number;
  citizen_id: number;
  citizen_name: string;
  search_text: string; // protocol + citizen name, lower case, no diacritics
  form_data: string; // JSON
  status: string; // contract REQUEST_STATUSES
  assignee_id: number | null;
  filed_at: string;
  due_at: string;
  /** Generated: due_at, behind a "9" once closed (the queue's deadline order; migration queue-due-key). */
  due_key: GeneratedAlways<string>;
  paused_at: string | null;
  decided_at: string | null;
  justification: string | null;
  concluded_at: string | null;
  conclusion: string | null;
  version: number;
  updated_at: string;
  resume_status: string | null;
  /** The citizen's Idempotency-Key of the filing; unique per citizen (migration charter). */
  idempotency_key: string | null;
  /** The current evaluation (migration evaluations): the last one, until the citizen reopens the request. */
  evaluation_id: Generated<number | null>;
}

export interface StepAnswerTable {
  request_id: number;
  step_id: number;
  answer: 'yes' | 'no';
  note: string | null;
  answered_by: number;
  answered_at: string;
}

export interface FileTable {
  id: Generated<number>;
  request_id: number;
  follow_up_id: number | null;
  label: string | null; // the required document it fulfils
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array; // empty when `stored` names the file in the file store
  stored: string | null; // db/file-store.ts key
  uploaded_by: number;
  created_at: string;
}

export interface RequestTermTable {
  institution_id: number;
  term: string;
  request_id: number;
}

export interface FollowUpTable {
  id: Generated<number>;
  request_id: number;
  author_id: number;
  kind: string; // contract STORED_FOLLOW_UP_KINDS
  body: string;
  created_at: string;
  /** The author's side when they wrote it (migration author-side); null in no row. */
  author_side: 'staff' | 'citizen' | null;
}

export interface EvaluationTable {
  id: Generated<number>;
  request_id: number;
  institution_id: number;
  /** The request's service (migration evaluations): the public panel reads evaluations alone. */
  service_id: number;
  verdict: 'approved' | 'rejected';
  rating: number | null;
  comment: string | null;
  status: 'pending' | 'approved' | 'rejected';
  moderated_by: number | null;
  moderated_at: string | null;
  /** contract MODERATION_REASONS, when not published. */
  moderation_reason: string | null;
  /** The moderator's explanation (reason "other"). */
  moderation_text: string | null;
  /** 1: published with the personal data found masked. */
  masked: Generated<number>;
  /** The comment as published (masked where chosen); null unless approved. */
  published_text: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  request_id: number | null;
  institution_id: number | null;
  actor_id: number | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  data: string | null; // JSON
  at: string;
  /** The actor's side when they acted (migration author-side); null without an actor. */
  actor_side: 'staff' | 'citizen' | null;
}

/** Who opened or downloaded what of a request, when (LGPD art. 37); append-only (migration access-log). */
export interface AccessLogTable {
  id: Generated<number>;
  at: string;
  user_id: number;
  institution_id: number;
  request_id: number;
  /** The file downloaded; null for the detail, history and thread. */
  file_id: number | null;
  action: 'detail' | 'history' | 'thread' | 'download';
}

/** Bumped by triggers whenever an institution's queue would read differently (migration queue-versions). */
export interface QueueVersionTable {
  institution_id: number;
  /** One of 16 rows per institution; a request bumps the one its id falls in. */
  slot: number;
  version: number;
}

export interface Database {
  institutions: InstitutionTable;
  users: UserTable;
  memberships: MembershipTable;
  access_requests: AccessRequestTable;
  services: ServiceTable;
  service_versions: ServiceVersionTable;
  service_steps: ServiceStepTable;
  protocol_counters: ProtocolCounterTable;
  requests: RequestTable;
  step_answers: StepAnswerTable;
  files: FileTable;
  follow_ups: FollowUpTable;
  request_terms: RequestTermTable;
  evaluations: EvaluationTable;
  audit_log: AuditLogTable;
  access_log: AccessLogTable;
  queue_versions: QueueVersionTable;
  meetings: MeetingTable;
  agenda_shares: AgendaShareTable;
}

export interface MeetingTable {
  id: Generated<number>;
  request_id: number;
  institution_id: number;
  host_id: number;
  /** The Jitsi room name: random, never derived from the protocol. */
  room: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  subject: string;
  status: Generated<string>; // contract MEETING_STATUSES
  cancel_reason: string | null;
  cancelled_by: number | null;
  cancelled_at: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AgendaShareTable {
  id: Generated<number>;
  institution_id: number;
  /** The shared day, YYYY-MM-DD in the state's time zone. */
  date: string;
  created_by: number;
  created_at: string;
  expires_at: string;
  revoked_by: number | null;
  revoked_at: string | null;
}
