// The HTTP contract shared by the BFF and the elements: enums and response
// shapes. Type-only for the browser (no runtime weight); the zod schemas that
// validate input live in contract/schemas.ts and are typed against these.

export const REQUEST_STATUSES = [
  'submitted',
  'in_analysis',
  'rejected',
  'in_service',
  'awaiting_citizen',
  'concluded',
  'evaluated',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * Statuses whose deadline clock runs: it stops while the request awaits the
 * citizen and once it is decided. The domain (bff/domain/deadlines.ts) and the
 * elements both read this one list.
 */
export const CLOCK_STATUSES = ['submitted', 'in_analysis', 'in_service'] as const satisfies readonly RequestStatus[];

export const REQUEST_ACTIONS = [
  'start_analysis',
  'answer_step',
  'approve',
  'reject',
  'conclude',
  'evaluate',
  'ask_citizen',
  'citizen_reply',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const ROLES = ['admin', 'manager', 'attendant'] as const;
export type Role = (typeof ROLES)[number];
export type FieldDatatype = 'string' | 'text' | 'number' | 'datetime' | 'singlevaluelist' | 'multivaluelist';
export type FieldFormat = 'cpf' | 'email' | 'phone' | 'cep' | 'date';

/** One form field of a service (Open311 GeoReport v2 datatypes). */
export interface ServiceField {
  code: string;
  label: string;
  datatype: FieldDatatype;
  format?: FieldFormat;
  required: boolean;
  values?: string[];
  description?: string;
}

export interface RequiredDocument {
  name: string;
  required: boolean;
  formats: string[];
}

export interface Deadline {
  days: number;
  kind: 'business' | 'calendar';
}

export interface InstitutionRef {
  id: number;
  acronym: string;
  name: string;
}

export interface UserRef {
  id: number;
  name: string;
}

export interface Membership {
  institution: InstitutionRef;
  role: Role;
  unit: string | null;
  grantedAt: string;
  ordinance: string | null;
}

export interface Me {
  id: number;
  sub: string;
  name: string;
  email: string | null;
  memberships: Membership[];
  /** Roles across institutions; a user with none is a citizen. */
  roles: Role[];
}

export interface ServiceStep {
  id: number;
  position: number;
  title: string;
}

export interface ServiceSummary {
  id: number;
  institution: InstitutionRef;
  name: string;
  description: string;
  status: 'draft' | 'published' | 'unpublished';
  deadline: Deadline;
}

export interface ServiceDetail extends ServiceSummary {
  versionId: number;
  version: number;
  audience: string | null;
  legalBasis: string | null;
  lgpdBasis: string | null;
  cost: string | null;
  delivery: string[];
  area: string[];
  fields: ServiceField[];
  documents: RequiredDocument[];
  steps: ServiceStep[];
}

export interface RequestSummary {
  id: number;
  protocol: string;
  status: RequestStatus;
  institution: InstitutionRef;
  service: { id: number; name: string };
  citizen: UserRef;
  assignee: UserRef | null;
  filedAt: string;
  dueAt: string;
  overdue: boolean;
  /** Whether the citizen has evaluated the attendance, and how. */
  evaluation: { verdict: 'approved' | 'rejected' } | null;
  version: number;
}

export interface RequestPage {
  items: RequestSummary[];
  nextCursor: string | null;
}

export interface StepState extends ServiceStep {
  answer: 'yes' | 'no' | null;
  note: string | null;
  answeredBy: UserRef | null;
  answeredAt: string | null;
}

export interface FileRef {
  id: number;
  label: string | null;
  fileName: string;
  contentType: string;
  size: number;
  /** GET this (with the bearer token) to download. */
  href: string;
}

export interface Evaluation {
  verdict: 'approved' | 'rejected';
  rating: number | null;
  comment: string | null;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
}

export interface RequestDetail extends RequestSummary {
  citizen: UserRef & { email: string | null };
  service: { id: number; name: string; versionId: number; version: number; deadline: Deadline };
  fields: ServiceField[];
  formData: Record<string, unknown>;
  documents: FileRef[];
  steps: StepState[];
  decidedAt: string | null;
  justification: string | null;
  concludedAt: string | null;
  conclusion: string | null;
  evaluation: Evaluation | null;
  /** What the current user may do now; the server enforces the same rules. */
  allowedActions: RequestAction[];
}

export interface HistoryEntry {
  id: number;
  action: string;
  from: RequestStatus | null;
  to: RequestStatus | null;
  actor: UserRef | null;
  at: string;
  data: Record<string, unknown> | null;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Field errors: JSON path (e.g. `formData.cpf`) → message. */
  errors?: Record<string, string>;
}

export interface DevUser {
  sub: string;
  name: string;
  email: string;
  role: Role | 'citizen';
  institution: string | null;
  description: string;
}

export type ThreadEntryType = 'event' | 'message' | 'internal_note' | 'info_request' | 'reply';

/** One entry of a request's thread: a follow-up or a life-cycle event, in time order. */
export interface ThreadEntry {
  /** Position in the thread (the audit entry id); page back with `before`. */
  id: number;
  type: ThreadEntryType;
  at: string;
  author: UserRef & { side: 'citizen' | 'staff' };
  /** For events: the life-cycle action and the status change. */
  action: string | null;
  from: RequestStatus | null;
  to: RequestStatus | null;
  /** For follow-ups: the text and its attachments. */
  body: string | null;
  attachments: FileRef[];
}

export interface ThreadPage {
  items: ThreadEntry[];
  /** Pass as `before` to load older entries; null at the beginning. */
  nextBefore: number | null;
  status: RequestStatus;
  /** True when the citizen has to answer a request for information. */
  awaitingCitizen: boolean;
  /** Who is reading, and which kinds of follow-up they may post now. */
  viewer: { side: 'citizen' | 'staff'; kinds: FollowUpKind[] };
}

/** What a user may post in a thread; the stored kinds add the citizen's `reply`. */
export const FOLLOW_UP_KINDS = ['message', 'internal_note', 'info_request'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const STORED_FOLLOW_UP_KINDS = [...FOLLOW_UP_KINDS, 'reply'] as const;
export type StoredFollowUpKind = (typeof STORED_FOLLOW_UP_KINDS)[number];
