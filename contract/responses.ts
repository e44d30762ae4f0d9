// Zod schemas of what the API answers: the one declaration of each response
// shape. contract/types.ts derives the TypeScript types from them (type-only,
// so the elements' bundle carries no zod), and the BFF documents its routes
// with them in /api/openapi.json.
import { z } from 'zod';
import { ACCESS_EVENTS, ACCESS_EVENT_SOURCES, ACCESS_REQUEST_STATUSES, ACCESS_STATES } from './access.js';
import { CHANNELS } from './charter.js';
import { EVALUATION_STATUSES, MODERATION_REASONS, PERSONAL_DATA_KINDS } from './evaluations.js';
import { AGENDA_SHARE_STATES, MEETING_PHASES, MEETING_STATUSES } from './meetings.js';
import { FOLLOW_UP_KINDS, REQUEST_ACTIONS, REQUEST_STATUSES, ROLES } from './types.js';

const id = z.number().int().positive();
const instant = z.string().describe('ISO 8601 instant (UTC)');
const status = z.enum(REQUEST_STATUSES);
const role = z.enum(ROLES);

export const ServiceField = z
  .object({
    code: z.string(),
    label: z.string(),
    datatype: z.enum(['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist']),
    format: z.enum(['cpf', 'email', 'phone', 'cep', 'date']).optional(),
    required: z.boolean(),
    values: z.array(z.string()).optional(),
    description: z.string().optional(),
  })
  .describe('One form field of a service (Open311 GeoReport v2 datatypes)');

export const RequiredDocument = z.object({ name: z.string(), required: z.boolean(), formats: z.array(z.string()) });
export const Deadline = z.object({ days: z.number().int(), kind: z.enum(['business', 'calendar']) });
export const InstitutionRef = z.object({ id, acronym: z.string(), name: z.string() });
export const Institution = InstitutionRef.extend({ units: z.array(z.string()) });
export const UserRef = z.object({ id, name: z.string() });

export const Membership = z.object({
  institution: InstitutionRef,
  role,
  unit: z.string().nullable(),
  grantedAt: instant,
  ordinance: z.string().nullable(),
  expiresAt: instant.nullable().describe('When the access ends by itself (the end of its `until` day); null: until revoked'),
});

export const Me = z.object({
  id,
  sub: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  memberships: z.array(Membership),
  roles: z.array(role).describe('Roles across institutions; a user with none is a citizen'),
});

export const Attendant = UserRef.extend({ email: z.string().nullable(), roles: z.array(role), unit: z.string().nullable() });

export const ServiceStep = z.object({ id, position: z.number().int(), title: z.string() });

export const SERVICE_STATUSES = ['draft', 'published', 'unpublished'] as const;

export const ServiceSummary = z.object({
  id,
  institution: InstitutionRef,
  name: z.string(),
  description: z.string(),
  status: z.enum(SERVICE_STATUSES).describe('draft: never published; published; unpublished: withdrawn (files no more)'),
  deadline: Deadline,
  hasDraft: z.boolean().optional().describe('Managers of the institution only: an unpublished draft version exists'),
});

export const ServiceDetail = ServiceSummary.extend({
  versionId: id,
  version: z.number().int(),
  audience: z.string().nullable(),
  requirements: z.string().nullable(),
  legalBasis: z.string().nullable(),
  lgpdBasis: z.string().nullable(),
  cost: z.string().nullable(),
  delivery: z.array(z.string()),
  area: z.array(z.string()),
  address: z.string().nullable(),
  hours: z.string().nullable(),
  fields: z.array(ServiceField),
  documents: z.array(RequiredDocument),
  steps: z.array(ServiceStep),
});

/** A charter entry as the manager edits it: every part, steps as their titles in order. */
export const ServiceEntry = z.object({
  name: z.string(),
  description: z.string(),
  audience: z.string().nullable(),
  requirements: z.string().nullable(),
  documents: z.array(RequiredDocument),
  steps: z.array(z.string()).describe('Step titles, in order (what the attendant answers Sim/Não)'),
  fields: z.array(ServiceField).describe('The citizen’s form, in order'),
  cost: z.string().nullable(),
  deadline: Deadline.nullable().describe('null while a draft has none'),
  delivery: z.array(z.enum(CHANNELS)),
  area: z.array(z.string()).describe('Responsible area(s)'),
  address: z.string().nullable().describe('Where and how to get the service'),
  hours: z.string().nullable(),
  legalBasis: z.string().nullable(),
  lgpdBasis: z.string().nullable().describe('LGPD legal basis for the personal data collected'),
});

const versionState = z
  .enum(['draft', 'current', 'previous'])
  .describe('draft: being edited; current: the published one (or the last one, when withdrawn); previous: replaced by a later one');

export const ServiceVersionSummary = z.object({
  versionId: id,
  version: z.number().int(),
  state: versionState,
  name: z.string(),
  createdAt: instant,
  createdBy: UserRef.nullable(),
  updatedAt: instant,
  publishedAt: instant.nullable(),
  publishedBy: UserRef.nullable(),
});

export const ServiceVersion = ServiceVersionSummary.extend({
  serviceId: id,
  institution: InstitutionRef,
  serviceStatus: z.enum(SERVICE_STATUSES),
  entry: ServiceEntry,
  revision: z.number().int().describe('Bumped by every edit of a draft; the ETag is "<versionId>.<revision>"'),
  missing: z
    .array(z.object({ part: z.string(), label: z.string() }))
    .describe('What the law (Lei 13.460/2017 art. 7) requires that this version lacks: publishing refuses it while any is missing'),
});

export const ServiceVersions = z.object({
  service: z.object({
    id,
    institution: InstitutionRef,
    status: z.enum(SERVICE_STATUSES),
    unpublishedReason: z.string().nullable(),
    unpublishedAt: instant.nullable(),
  }),
  items: z.array(ServiceVersionSummary).describe('Newest first'),
});

export const ServiceDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z
    .array(
      z.object({
        path: z.string().describe('The part, or a part of it: "name", "steps.2", "fields.cpf.label", "documents.RG.required"'),
        label: z.string().describe('The part’s name in Portuguese ("Etapas › 2")'),
        before: z.unknown(),
        after: z.unknown(),
      }),
    )
    .describe('Field by field, in the entry’s order; empty when the versions are alike'),
});

const verdict = z.enum(['approved', 'rejected']);

export const RequestSummary = z.object({
  id,
  protocol: z.string(),
  status,
  institution: InstitutionRef,
  service: z.object({ id, name: z.string() }),
  citizen: UserRef,
  assignee: UserRef.nullable(),
  filedAt: instant,
  dueAt: instant,
  overdue: z.boolean(),
  unassigned: z.boolean().describe('"Sem atendente": in attendance (approved) with nobody attending it, because its assignee lost access; reassign it'),
  evaluation: z.object({ verdict }).nullable().describe('Whether the citizen has evaluated the attendance, and how'),
  version: z.number().int(),
});

export const RequestPage = z.object({ items: z.array(RequestSummary), nextCursor: z.string().nullable() });

const side = z.enum(['citizen', 'staff']);

export const StepState = ServiceStep.extend({
  answer: z.enum(['yes', 'no']).nullable().describe('The staff’s Sim/Não; always null for the citizen, who sees a step done (answeredAt) or pending'),
  note: z.string().nullable().describe('The staff’s note; always null for the citizen'),
  answeredBy: UserRef.nullable(),
  answeredAt: instant.nullable(),
});

export const FileRef = z.object({
  id,
  label: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  href: z.string().describe('GET this (with the bearer token) to download'),
});

export const Publication = z
  .object({
    state: z.enum(['pending', 'published', 'published_masked', 'not_published']),
    reason: z.enum(MODERATION_REASONS).nullable().describe('Why it was not published'),
    text: z.string().nullable().describe('The moderator’s explanation, with reason "other"'),
    publishedText: z.string().nullable().describe('The comment as published (masked where chosen)'),
  })
  .describe('What became of the comment: whether it was published, with parts hidden, or not and why');

export const Evaluation = z.object({
  id,
  verdict,
  rating: z.number().int().nullable(),
  comment: z.string().nullable(),
  status: z.enum(EVALUATION_STATUSES),
  createdAt: instant,
  publication: Publication.nullable().describe('Null without a comment'),
  reopenUntil: instant.nullable().describe('Not approved: until when the citizen may reopen the request (REOPEN_DAYS after the evaluation); null otherwise'),
});

export const RequestDetail = RequestSummary.extend({
  citizen: UserRef.extend({ email: z.string().nullable() }),
  service: z.object({ id, name: z.string(), versionId: id, version: z.number().int(), deadline: Deadline }),
  fields: z.array(ServiceField),
  formData: z.record(z.string(), z.unknown()),
  documents: z.array(FileRef),
  steps: z.array(StepState),
  decidedAt: instant.nullable(),
  justification: z.string().nullable(),
  concludedAt: instant.nullable(),
  conclusion: z.string().nullable(),
  evaluation: Evaluation.nullable(),
  analyst: UserRef.nullable().describe('While the request is in analysis (or awaits the citizen from it): who started the analysis'),
  allowedActions: z.array(z.enum(REQUEST_ACTIONS)).describe('What the current user may do now; the server enforces the same rules'),
  viewer: z.object({ side }).describe('Which side the current user reads the request from: the citizen’s on a request they filed'),
});

export const HistoryEntry = z.object({
  id,
  action: z.string(),
  from: status.nullable(),
  to: status.nullable(),
  actor: UserRef.nullable(),
  at: instant,
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional().describe('Field errors: JSON path (e.g. `formData.cpf`) → message'),
  })
  .describe('RFC 9457 problem details');

export const DevUser = z.object({
  sub: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum([...ROLES, 'citizen']),
  institution: z.string().nullable(),
  description: z.string(),
});

export const ThreadEntryType = z.enum(['event', 'message', 'internal_note', 'info_request', 'reply']);

export const ThreadEntry = z
  .object({
    id: id.describe('Position in the thread (the audit entry id); page back with `before`'),
    type: ThreadEntryType,
    at: instant,
    author: UserRef.extend({ side }),
    action: z.string().nullable().describe('For events: the life-cycle action'),
    from: status.nullable(),
    to: status.nullable(),
    body: z.string().nullable().describe('For follow-ups: the text'),
    attachments: z.array(FileRef),
    data: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('For events: what the history entry records (as the reader may see it), e.g. a meeting’s startsAt and subject'),
  })
  .describe("One entry of a request's thread: a follow-up or a life-cycle event, in time order");

export const ThreadPage = z.object({
  items: z.array(ThreadEntry),
  nextBefore: z.number().int().nullable().describe('Pass as `before` to load older entries; null at the beginning'),
  status,
  awaitingCitizen: z.boolean().describe('True when the citizen has to answer a request for information'),
  viewer: z.object({ side, kinds: z.array(z.enum(FOLLOW_UP_KINDS)) }).describe('Who is reading, and which kinds of follow-up they may post now'),
});

export const FollowUpCreated = z.object({ id, side });
export const RequestCounts = z.object({
  counts: z.partialRecord(status, z.number().int()).describe('Requests per status in the viewer’s scope; statuses with none are left out'),
});
export const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const DevToken = z.object({ token: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int() });
export const Health = z.object({ status: z.literal('ok') });

export const AccessLogEntry = z
  .object({
    id,
    at: instant,
    action: z.enum(['detail', 'history', 'thread', 'download']).describe('What was opened: the detail, history or thread of a request, or a file downloaded'),
    user: UserRef,
    request: z.object({ id, protocol: z.string() }),
    fileId: id.nullable().describe('The file downloaded (download only)'),
  })
  .describe('One access to a request’s personal data (LGPD art. 37)');
export const AccessLogPage = z.object({
  items: z.array(AccessLogEntry),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for older entries; null at the end'),
});

const person = UserRef.extend({ email: z.string().nullable() });
const day = z.string().describe('A calendar date, YYYY-MM-DD, in the state’s time zone');

export const AccessRequest = z
  .object({
    id,
    institution: InstitutionRef,
    requester: person,
    unit: z.string(),
    ordinance: z.string().describe('The portaria or SEI process number that backs it'),
    status: z.enum(ACCESS_REQUEST_STATUSES),
    createdAt: instant,
    decidedAt: instant.nullable(),
    decidedBy: UserRef.nullable(),
    reason: z.string().nullable().describe('Why it was refused'),
    until: day.nullable().describe('Authorized until the end of this day; null: until revoked'),
    access: z
      .object({
        membershipId: id,
        state: z.enum(ACCESS_STATES),
        endedAt: instant.nullable().describe('When it expired or was revoked'),
        reason: z.string().nullable().describe('Why it was revoked'),
      })
      .nullable()
      .describe('The access an authorization granted, and where it stands now'),
  })
  .describe('A servant’s request for the attendant profile of an institution');

export const AccessRequestPage = z.object({
  items: z.array(AccessRequest),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for older requests; null at the end'),
});

export const StaffMembership = z
  .object({
    id: id.describe('The membership: revoke it with POST /api/memberships/{id}/revoke'),
    user: person,
    role,
    unit: z.string().nullable(),
    grantedAt: instant,
    grantedBy: UserRef.nullable().describe('The manager who authorized it; null when designated by the administrator or seeded'),
    ordinance: z.string().nullable(),
    expiresAt: instant.nullable(),
    openAssigned: z.number().int().describe('Requests in attendance assigned to this person: they become "sem atendente" if the access ends'),
  })
  .describe('A role in force at an institution');

export const MembershipRevoked = z.object({
  id,
  endedAt: instant,
  unassigned: z.array(z.object({ id, protocol: z.string() })).describe('The requests in attendance that are now "sem atendente"'),
});

export const AccessHistoryEntry = z
  .object({
    id,
    at: instant,
    event: z.enum(ACCESS_EVENTS),
    source: z.enum(ACCESS_EVENT_SOURCES),
    actor: UserRef.nullable().describe('Who acted; null for the clock and the command line'),
    subject: UserRef.describe('Whose access it is'),
    role,
    unit: z.string().nullable(),
    ordinance: z.string().nullable(),
    until: day.nullable(),
    reason: z.string().nullable(),
  })
  .describe('One grant, refusal, expiry or revocation (or request) of access to an institution');

export const AccessHistoryPage = z.object({
  items: z.array(AccessHistoryEntry),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for older entries; null at the end'),
});

export const PersonalDataSpan = z
  .object({
    start: z.number().int().describe('UTF-16 offset in the comment'),
    end: z.number().int().describe('Exclusive'),
    kind: z.enum(PERSONAL_DATA_KINDS),
  })
  .describe('Personal data found in a comment, to highlight for the moderator and to mask');

export const ModerationItem = z.object({
  id,
  request: z.object({ id, protocol: z.string() }),
  service: z.object({ id, name: z.string() }),
  institution: InstitutionRef,
  verdict,
  rating: z.number().int().nullable(),
  comment: z.string(),
  createdAt: instant,
  status: z.enum(EVALUATION_STATUSES),
  spans: z.array(PersonalDataSpan).describe('Found before anyone reads it, in order'),
  masked: z.string().describe('The comment with every span masked: the preview of "Aprovar ocultando dados"'),
  decision: z
    .object({
      by: UserRef,
      at: instant,
      masked: z.boolean(),
      reason: z.enum(MODERATION_REASONS).nullable(),
      text: z.string().nullable(),
    })
    .nullable()
    .describe('The last decision; it may be changed (each one is audited)'),
});

export const ModerationPage = z.object({
  items: z.array(ModerationItem),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for older evaluations; null at the end'),
});

export const ModerationResult = z.object({ items: z.array(ModerationItem) });

const monthRatings = z.object({
  month: z.string().describe('YYYY-MM, in the state’s time zone'),
  count: z.number().int(),
  average: z.number().nullable(),
  approvedShare: z.number().nullable().describe('0–1: the attendances the citizens approved'),
});

export const ServiceRatings = z.object({
  service: z.object({ id, name: z.string() }),
  institution: InstitutionRef,
  count: z.number().int(),
  average: z.number().nullable(),
  distribution: z.array(z.number().int()).length(5).describe('How many gave 1, 2, 3, 4 and 5'),
  approvedShare: z.number().nullable(),
  months: z.array(monthRatings).describe('The last 12 months, oldest first, months without evaluations included'),
});

export const PublicRatings = z.object({ items: z.array(ServiceRatings), generatedAt: instant });

export const PublicComment = z
  .object({
    id,
    service: z.object({ id, name: z.string() }),
    rating: z.number().int().nullable(),
    verdict,
    text: z.string().describe('As published: masked where the moderator chose'),
    publishedAt: instant,
  })
  .describe('A published comment: never the citizen’s name, id or request');

export const PublicCommentsPage = z.object({
  items: z.array(PublicComment),
  nextBefore: z.number().int().nullable(),
});

// Videoconferência and the day agenda (issue #12).

export const AppConfig = z
  .object({
    timeZone: z.string().describe('The state’s time zone (IANA), in which every date is shown'),
    joinLeadMinutes: z.number().int().describe('"Acessar" opens this long before a meeting starts'),
    video: z.object({
      configured: z.boolean().describe('False: meetings are booked but not joined here (no Jitsi)'),
      domain: z.string().nullable().describe('The Jitsi Meet domain; external_api.js comes from it'),
    }),
    reopenDays: z.number().int(),
  })
  .describe('What the elements need from the server');

export const Meeting = z
  .object({
    id,
    requestId: id,
    protocol: z.string(),
    service: z.object({ id, name: z.string() }),
    institution: InstitutionRef,
    host: UserRef.describe('The attendant who attends the meeting (who booked it)'),
    startsAt: instant,
    endsAt: instant,
    durationMinutes: z.number().int(),
    subject: z.string(),
    status: z.enum(MEETING_STATUSES),
    phase: z.enum(MEETING_PHASES).describe('At the server’s clock when answered; the elements recompute it from joinOpensAt/endsAt'),
    joinOpensAt: instant.describe('"Acessar" opens (JOIN_LEAD_MINUTES before the start)'),
    cancelReason: z.string().nullable(),
    cancelledAt: instant.nullable(),
    cancelledBy: UserRef.nullable(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .describe('A video meeting booked on a request');

export const AgendaRow = Meeting.extend({
  citizen: UserRef.describe('Who filed the request (staff only; a shared link shows initials)'),
});

export const AgendaPage = z.object({
  date: day,
  timeZone: z.string(),
  items: z.array(AgendaRow).describe('The day’s meetings by start time, cancelled ones included'),
});

export const MeetingJoin = z
  .object({
    domain: z.string().describe('The Jitsi Meet domain'),
    room: z.string().describe('The room name to join (with the JaaS tenant prefix for 8x8)'),
    displayName: z.string(),
    jwt: z.string().nullable().describe('The room token (null for a Jitsi without token authentication)'),
    moderator: z.boolean(),
    startsAt: instant,
    endsAt: instant,
  })
  .describe('What the element needs to open the call');

export const AgendaShare = z.object({
  id,
  date: day,
  institution: InstitutionRef,
  url: z.string().describe('The read-only link (GET /agenda/:token); shown once at creation, null in lists').nullable(),
  state: z.enum(AGENDA_SHARE_STATES),
  expiresAt: instant,
  revokedAt: instant.nullable(),
  createdAt: instant,
  createdBy: UserRef,
});
