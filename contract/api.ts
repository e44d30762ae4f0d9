// The routes the elements call, as types: per method and path (relative to the
// API base, `:name` for a path parameter), the query, the body and the
// response. Request shapes come from the zod schemas (contract/schemas.ts),
// responses from contract/types.ts. Type-only: nothing here reaches the
// bundle; components/internal/api-client.ts types its calls by it, so
// `client.get('/requests/:id', { params: { id } })` is a Promise<RequestDetail>.
import type { z } from 'zod';
import type {
  AgendaQuery,
  AgendaShareListQuery,
  CancelMeetingBody,
  CreateAgendaShareBody,
  CreateMeetingBody,
  RescheduleMeetingBody,
  ApproveEvaluationBody,
  EvaluationListQuery,
  ModerateEvaluationsBody,
  PublicCommentsQuery,
  PublicRatingsQuery,
  RejectEvaluationBody,
  ReopenBody,
  AccessHistoryQuery,
  AccessRequestListQuery,
  ApproveAccessBody,
  CreateAccessRequestBody,
  ReassignBody,
  RejectAccessBody,
  RevokeMembershipBody,
  ApproveBody,
  ConcludeBody,
  CreateRequestBody,
  EvaluationBody,
  FollowUpListQuery,
  RejectBody,
  RequestCountsQuery,
  RequestListQuery,
  ServiceListQuery,
  AttendantsQuery,
  CreateServiceBody,
  PatchServiceBody,
  UnpublishBody,
  StepAnswerBody,
} from './schemas.js';
import type {
  AgendaPage,
  AgendaShare,
  AppConfig,
  Meeting,
  MeetingJoin,
  ModerationItem,
  ModerationPage,
  ModerationResult,
  PublicCommentsPage,
  PublicRatings,
  AccessHistoryPage,
  AccessRequest,
  AccessRequestPage,
  MembershipRevoked,
  StaffMembership,
  Attendant,
  FollowUpCreated,
  Institution,
  HistoryEntry,
  Me,
  RequestCounts,
  RequestDetail,
  RequestPage,
  ServiceDetail,
  ServiceDiff,
  ServiceSummary,
  ServiceVersion,
  ServiceVersions,
  ThreadPage,
} from './types.js';

/** A query as the client sends it: every field optional (the server fills its defaults). */
type Query<S extends z.ZodType> = Partial<z.output<S>>;

/** A JSON body as the client sends it. */
type Body<S extends z.ZodType> = z.input<S>;

export interface Items<T> {
  items: T[];
}

/** One route: what goes in besides the path parameters, and what comes back. */
export interface Route {
  query?: object;
  body?: unknown;
  response: unknown;
}

export interface ApiRoutes {
  GET: {
    '/me': { response: Me };
    '/services': { query: Query<typeof ServiceListQuery>; response: Items<ServiceSummary> };
    '/services/:id': { response: ServiceDetail };
    /** Managers of the service's institution: its versions, newest first. */
    '/services/:id/versions': { response: ServiceVersions };
    /** One version as the editor shows it (ETag "<versionId>.<revision>"). */
    '/services/:id/versions/:version': { response: ServiceVersion };
    '/services/:id/versions/:a/diff/:b': { response: ServiceDiff };
    /**
     * The queue page. The server may answer it from its page cache as
     * ready-made JSON text; it is this same shape.
     */
    '/requests': { query: Query<typeof RequestListQuery>; response: RequestPage };
    '/requests/counts': { query: Query<typeof RequestCountsQuery>; response: RequestCounts };
    '/requests/:id': { response: RequestDetail };
    '/requests/:id/history': { response: Items<HistoryEntry> };
    '/requests/:id/follow-ups': { query: Query<typeof FollowUpListQuery>; response: ThreadPage };
    /** Anyone: every institution, with its units. */
    '/institutions': { response: Items<Institution> };
    '/institutions/:id/attendants': { query: Query<typeof AttendantsQuery>; response: Items<Attendant> };
    /** A manager: the access requests of the institutions they manage; anyone else (or mine=true): their own. */
    '/access-requests': { query: Query<typeof AccessRequestListQuery>; response: AccessRequestPage };
    /** Managers of the institution: the roles in force, with their membership ids. */
    '/institutions/:id/memberships': { response: Items<StaffMembership> };
    /** Managers of the institution: every request, grant, refusal, expiry and revocation, newest first. */
    '/institutions/:id/access-history': { query: Query<typeof AccessHistoryQuery>; response: AccessHistoryPage };
    /** Staff: the moderation queue (with the personal data found in each comment). */
    '/evaluations': { query: Query<typeof EvaluationListQuery>; response: ModerationPage };
    /** Anyone (no token, cacheable): ratings per service and month. */
    '/public/ratings': { query: Query<typeof PublicRatingsQuery>; response: PublicRatings };
    /** Anyone: the service's published comments, newest first. */
    '/public/services/:id/comments': { query: Query<typeof PublicCommentsQuery>; response: PublicCommentsPage };
    /** The file's bytes (request documents and follow-up attachments). */
    '/attachments/:id': { response: Blob };
    /** Anyone: the time zone, the join lead time, whether video is configured. */
    '/config': { response: AppConfig };
    /** The request's citizen and the institution's staff: its meetings, soonest first. */
    '/requests/:id/meetings': { response: Items<Meeting> };
    /** Staff: a day's meetings (format=json); format=csv|ics answers a file (Blob). */
    '/meetings': { query: Query<typeof AgendaQuery>; response: AgendaPage };
    /** The request's citizen and staff: one meeting as an iCalendar file (Blob), "Adicionar à agenda". */
    '/meetings/:id/ics': { response: Blob };
    /** Staff: the share links I made (of a day, or all), newest first. */
    '/agenda/shares': { query: Query<typeof AgendaShareListQuery>; response: Items<AgendaShare> };
  };
  POST: {
    /** JSON, or multipart/form-data (a `request` JSON field and one file part per document); `Idempotency-Key` header. */
    '/requests': { body: Body<typeof CreateRequestBody> | FormData; response: RequestDetail };
    /** A new service with its first draft version. */
    '/services': { body: Body<typeof CreateServiceBody>; response: ServiceVersion };
    '/services/:id/publish': { response: ServiceVersion };
    '/services/:id/unpublish': { body: Body<typeof UnpublishBody>; response: ServiceVersion };
    '/requests/:id/analysis': { response: RequestDetail };
    '/requests/:id/approve': { body: Body<typeof ApproveBody>; response: RequestDetail };
    '/requests/:id/reject': { body: Body<typeof RejectBody>; response: RequestDetail };
    '/requests/:id/conclude': { body: Body<typeof ConcludeBody>; response: RequestDetail };
    '/requests/:id/evaluation': { body: Body<typeof EvaluationBody>; response: RequestDetail };
    '/requests/:id/reopen': { body: Body<typeof ReopenBody>; response: RequestDetail };
    '/evaluations/:id/approve': { body: Body<typeof ApproveEvaluationBody>; response: ModerationItem };
    '/evaluations/:id/reject': { body: Body<typeof RejectEvaluationBody>; response: ModerationItem };
    /** Several at once, one decision: all or nothing. */
    '/evaluations/moderate': { body: Body<typeof ModerateEvaluationsBody>; response: ModerationResult };
    '/requests/:id/reassign': { body: Body<typeof ReassignBody>; response: RequestDetail };
    '/access-requests': { body: Body<typeof CreateAccessRequestBody>; response: AccessRequest };
    '/access-requests/:id/approve': { body: Body<typeof ApproveAccessBody>; response: AccessRequest };
    '/access-requests/:id/reject': { body: Body<typeof RejectAccessBody>; response: AccessRequest };
    '/memberships/:id/revoke': { body: Body<typeof RevokeMembershipBody>; response: MembershipRevoked };
    /** multipart/form-data: `body`, `kind` (FollowUpBody) and `files`. */
    '/requests/:id/follow-ups': { body: FormData; response: FollowUpCreated };
    '/requests/:id/meetings': { body: Body<typeof CreateMeetingBody>; response: Meeting };
    '/meetings/:id/cancel': { body: Body<typeof CancelMeetingBody>; response: Meeting };
    /** Inside the window (joinOpensAt to endsAt), for the request's citizen and staff; 409 outside it or with no Jitsi configured. */
    '/meetings/:id/join': { response: MeetingJoin };
    '/agenda/share': { body: Body<typeof CreateAgendaShareBody>; response: AgendaShare };
  };
  PATCH: {
    /** Edits the draft (a published service gets a new draft version); send If-Match with the ETag. */
    '/services/:id': { body: Body<typeof PatchServiceBody>; response: ServiceVersion };
    /** Reschedule; send If-Match with the meeting's version as an ETag ("W/\"3\"") to refuse a stale change (412). */
    '/meetings/:id': { body: Body<typeof RescheduleMeetingBody>; response: Meeting };
  };
  PUT: {
    '/requests/:id/steps/:stepId': { body: Body<typeof StepAnswerBody>; response: RequestDetail };
  };
  DELETE: {
    /** Revoke a share link: it answers a page that says so from then on. */
    '/agenda/share/:id': { response: AgendaShare };
  };
}

export type ApiMethod = keyof ApiRoutes;

/** The names of a path's parameters: `'id' | 'stepId'` for `/requests/:id/steps/:stepId`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
