// The routes the elements call, as types: per method and path (relative to the
// API base, `:name` for a path parameter), the query, the body and the
// response. Request shapes come from the zod schemas (contract/schemas.ts),
// responses from contract/types.ts. Type-only: nothing here reaches the
// bundle; components/internal/api-client.ts types its calls by it, so
// `client.get('/requests/:id', { params: { id } })` is a Promise<RequestDetail>.
import type { z } from 'zod';
import type {
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
  StepAnswerBody,
} from './schemas.js';
import type {
  Attendant,
  FollowUpCreated,
  HistoryEntry,
  Me,
  RequestCounts,
  RequestDetail,
  RequestPage,
  ServiceDetail,
  ServiceSummary,
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
    /**
     * The queue page. The server may answer it from its page cache as
     * ready-made JSON text; it is this same shape.
     */
    '/requests': { query: Query<typeof RequestListQuery>; response: RequestPage };
    '/requests/counts': { query: Query<typeof RequestCountsQuery>; response: RequestCounts };
    '/requests/:id': { response: RequestDetail };
    '/requests/:id/history': { response: Items<HistoryEntry> };
    '/requests/:id/follow-ups': { query: Query<typeof FollowUpListQuery>; response: ThreadPage };
    '/institutions/:id/attendants': { query: Query<typeof AttendantsQuery>; response: Items<Attendant> };
    /** The file's bytes (request documents and follow-up attachments). */
    '/attachments/:id': { response: Blob };
  };
  POST: {
    '/requests': { body: Body<typeof CreateRequestBody>; response: RequestDetail };
    '/requests/:id/analysis': { response: RequestDetail };
    '/requests/:id/approve': { body: Body<typeof ApproveBody>; response: RequestDetail };
    '/requests/:id/reject': { body: Body<typeof RejectBody>; response: RequestDetail };
    '/requests/:id/conclude': { body: Body<typeof ConcludeBody>; response: RequestDetail };
    '/requests/:id/evaluation': { body: Body<typeof EvaluationBody>; response: RequestDetail };
    /** multipart/form-data: `body`, `kind` (FollowUpBody) and `files`. */
    '/requests/:id/follow-ups': { body: FormData; response: FollowUpCreated };
  };
  PUT: {
    '/requests/:id/steps/:stepId': { body: Body<typeof StepAnswerBody>; response: RequestDetail };
  };
}

export type ApiMethod = keyof ApiRoutes;

/** The names of a path's parameters: `'id' | 'stepId'` for `/requests/:id/steps/:stepId`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
