// The HTTP contract shared by the BFF and the elements: the enums (as const
// arrays) and the types of every response. The response types are inferred
// from their zod schemas in contract/responses.ts (imported as types only, so
// the elements carry no zod); the schemas that validate input live in
// contract/schemas.ts.
import type { z } from 'zod';
import type * as R from './responses.js';

export const REQUEST_STATUSES = ['submitted', 'in_analysis', 'rejected', 'in_service', 'awaiting_citizen', 'concluded', 'evaluated'] as const;
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
  'reassign',
  'reopen',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const ROLES = ['admin', 'manager', 'attendant'] as const;
export type Role = (typeof ROLES)[number];
export type FieldDatatype = ServiceField['datatype'];
export type FieldFormat = NonNullable<ServiceField['format']>;

export type ServiceField = z.infer<typeof R.ServiceField>;
export type RequiredDocument = z.infer<typeof R.RequiredDocument>;
export type Deadline = z.infer<typeof R.Deadline>;
export type InstitutionRef = z.infer<typeof R.InstitutionRef>;
export type Institution = z.infer<typeof R.Institution>;
export type UserRef = z.infer<typeof R.UserRef>;
export type Membership = z.infer<typeof R.Membership>;
export type Me = z.infer<typeof R.Me>;
export type Attendant = z.infer<typeof R.Attendant>;
export type ServiceStep = z.infer<typeof R.ServiceStep>;
export type ServiceSummary = z.infer<typeof R.ServiceSummary>;
export type ServiceDetail = z.infer<typeof R.ServiceDetail>;
export type ServiceEntry = z.infer<typeof R.ServiceEntry>;
export type ServiceVersionSummary = z.infer<typeof R.ServiceVersionSummary>;
export type ServiceVersion = z.infer<typeof R.ServiceVersion>;
export type ServiceVersions = z.infer<typeof R.ServiceVersions>;
export type ServiceDiff = z.infer<typeof R.ServiceDiff>;
export type ServiceStatus = ServiceSummary['status'];
export type RequestSummary = z.infer<typeof R.RequestSummary>;
export type RequestPage = z.infer<typeof R.RequestPage>;
export type StepState = z.infer<typeof R.StepState>;
export type FileRef = z.infer<typeof R.FileRef>;
export type Evaluation = z.infer<typeof R.Evaluation>;
export type RequestDetail = z.infer<typeof R.RequestDetail>;
export type HistoryEntry = z.infer<typeof R.HistoryEntry>;
export type Problem = z.infer<typeof R.Problem>;
export type DevUser = z.infer<typeof R.DevUser>;
export type ThreadEntryType = z.infer<typeof R.ThreadEntryType>;
export type ThreadEntry = z.infer<typeof R.ThreadEntry>;
export type ThreadPage = z.infer<typeof R.ThreadPage>;
export type FollowUpCreated = z.infer<typeof R.FollowUpCreated>;
export type RequestCounts = z.infer<typeof R.RequestCounts>;
export type DevToken = z.infer<typeof R.DevToken>;
export type AccessRequest = z.infer<typeof R.AccessRequest>;
export type PersonalDataSpan = z.infer<typeof R.PersonalDataSpan>;
export type Publication = z.infer<typeof R.Publication>;
export type ModerationItem = z.infer<typeof R.ModerationItem>;
export type ModerationPage = z.infer<typeof R.ModerationPage>;
export type ModerationResult = z.infer<typeof R.ModerationResult>;
export type ServiceRatings = z.infer<typeof R.ServiceRatings>;
export type PublicRatings = z.infer<typeof R.PublicRatings>;
export type PublicComment = z.infer<typeof R.PublicComment>;
export type PublicCommentsPage = z.infer<typeof R.PublicCommentsPage>;
export type AccessRequestPage = z.infer<typeof R.AccessRequestPage>;
export type StaffMembership = z.infer<typeof R.StaffMembership>;
export type MembershipRevoked = z.infer<typeof R.MembershipRevoked>;
export type AccessHistoryEntry = z.infer<typeof R.AccessHistoryEntry>;
export type AccessHistoryPage = z.infer<typeof R.AccessHistoryPage>;
export type AppConfig = z.infer<typeof R.AppConfig>;
export type Meeting = z.infer<typeof R.Meeting>;
export type AgendaRow = z.infer<typeof R.AgendaRow>;
export type AgendaPage = z.infer<typeof R.AgendaPage>;
export type MeetingJoin = z.infer<typeof R.MeetingJoin>;
export type AgendaShare = z.infer<typeof R.AgendaShare>;

/** What a user may post in a thread; the stored kinds add the citizen's `reply`. */
export const FOLLOW_UP_KINDS = ['message', 'internal_note', 'info_request'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const STORED_FOLLOW_UP_KINDS = [...FOLLOW_UP_KINDS, 'reply'] as const;
export type StoredFollowUpKind = (typeof STORED_FOLLOW_UP_KINDS)[number];
