// Zod schemas: the single source of what the API accepts. Routes validate
// with them and /api/openapi.json is generated from them.
import { z } from 'zod';
import { ACCESS_REQUEST_STATUSES, DATE_PATTERN } from './access.js';
import { CHANNELS, DOCUMENT_FORMATS } from './charter.js';
import { COMMENT_MAX, EVALUATION_STATUSES, MODERATION_DECISIONS, MODERATION_REASONS } from './evaluations.js';
import { AGENDA_FORMATS, MEETING_MAX_MINUTES, MEETING_MIN_MINUTES, MEETING_REASON_MAX, MEETING_SUBJECT_MAX } from './meetings.js';
import { REQUEST_STATUSES } from './types.js';

z.config(z.locales.ptBR());

/** The largest value of the database's integer columns (32-bit on PostgreSQL). */
export const INT32_MAX = 2_147_483_647;

/**
 * Every string the API accepts is built here: at most `max` characters and
 * without NUL (U+0000), which PostgreSQL text and JSON refuse. `label` names
 * the field in the Portuguese messages.
 */
export const str = (max: number, label: string, tooLong = `${label} pode ter no máximo ${max} caracteres.`) =>
  z
    .string({ error: `${label} é obrigatório.` })
    .max(max, tooLong)
    .refine((s) => !s.includes('\u0000'), `${label} não pode conter o caractere nulo (U+0000).`);

const text = (max: number, label: string) => str(max, label).refine((s) => s.trim().length > 0, `${label} não pode ficar em branco.`);

/** A path or query id (text, coerced): a positive 32-bit integer. */
const id = z.coerce
  .number({ error: 'Informe um número.' })
  .int('Informe um número inteiro.')
  .positive('Informe um número positivo.')
  .max(INT32_MAX, `No máximo ${INT32_MAX}.`);

/** An id in a JSON body: a JSON number, a positive 32-bit integer. */
const bodyId = (required: string) => z.number({ error: required }).int(required).positive(required).max(INT32_MAX, `${required} (número grande demais)`);

const MAX_DEPTH = 8;

/** Where a NUL hides in a JSON value (keys included), or a nesting too deep; null when none. */
function badJson(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? 'não pode conter o caractere nulo (U+0000).' : null;
  if (v === null || typeof v !== 'object') return null;
  if (depth >= MAX_DEPTH) return `aninhamento demais (máximo ${MAX_DEPTH} níveis).`;
  for (const [k, x] of Object.entries(v)) {
    const bad = (k.includes('\u0000') && 'não pode conter o caractere nulo (U+0000).') || badJson(x, depth + 1);
    if (bad) return bad;
  }
  return null;
}

/** A form value: any JSON (the service's fields check the rest), without NUL anywhere in it. */
const formValue = z.unknown().superRefine((v, ctx) => {
  const bad = badJson(v);
  if (bad) ctx.addIssue({ code: 'custom', message: `O valor ${bad}` });
});

export const IdParam = z.object({ id });
export const StepParam = z.object({ id, stepId: id });

export const RequestListQuery = z.object({
  status: str(200, 'A situação')
    .optional()
    .describe('One status or a comma-separated list: ' + REQUEST_STATUSES.join(', '))
    .refine(
      (s) => !s || s.split(',').every((x) => (REQUEST_STATUSES as readonly string[]).includes(x)),
      `Situação desconhecida. Use: ${REQUEST_STATUSES.join(', ')}.`,
    ),
  serviceId: id.optional(),
  institutionId: id.optional(),
  assigneeId: z.union([z.literal('me'), id]).optional(),
  mine: z
    .enum(['true', 'false'], { error: 'Use mine=true ou mine=false.' })
    .optional()
    .describe('true: the signed-in attendant’s own — assigned to them, or in the analysis they started (the queue’s "Minhas")'),
  month: str(7, 'O mês', 'Use o mês no formato AAAA-MM.')
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use o mês no formato AAAA-MM.')
    .optional()
    .describe('Filed in this month (YYYY-MM)'),
  q: str(100, 'A busca').optional().describe('A protocol or any part of it as typed ("2026/000010", "000010", "10/2026", "10"), or words of the citizen name'),
  sort: z
    .enum(['filed', 'due'])
    .default('filed')
    .describe('filed: FIFO by filed date (the manual’s order); due: nearest deadline first, closed requests (no running deadline) last'),
  cursor: str(200, 'O cursor').optional(),
  limit: z.coerce.number({ error: 'Informe um número.' }).int('Informe um número inteiro.').min(1, 'De 1 a 100.').max(100, 'De 1 a 100.').default(25),
  as: z.enum(['citizen', 'staff']).optional().describe('Whose view: own requests (citizen) or the institution’s queue (staff)'),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;
export const RequestCountsQuery = RequestListQuery.pick({ institutionId: true, as: true });

export const UploadedDocument = z.object({
  label: text(200, 'O nome do documento'),
  fileName: text(255, 'O nome do arquivo'),
  contentBase64: str(64 * 1024 * 1024, 'O conteúdo').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Conteúdo não está em base64.'),
});

export const CreateRequestBody = z.object({
  serviceId: bodyId('Escolha o serviço.'),
  formData: z.record(str(100, 'O código do campo'), formValue).default({}),
  documents: z.array(UploadedDocument).max(20, 'No máximo 20 documentos.').default([]),
});

export const StepAnswerBody = z.object({
  answer: z.enum(['yes', 'no'], { error: 'Responda "yes" (Sim) ou "no" (Não).' }),
  note: str(2000, 'A observação').optional(),
});

export const ApproveBody = z.object({
  assigneeId: bodyId('Escolha o atendente que vai atender.'),
  confirmSteps: z
    .array(bodyId('Informe as etapas pelo número (id).'), { error: 'Informe as etapas confirmadas numa lista de ids.' })
    .max(100, 'No máximo 100 etapas.')
    .default([])
    .describe(
      'Ids of the steps answered "Não" or not answered that the approver confirms approving despite them; required to name every such step (400 naming them otherwise)',
    ),
});
export const RejectBody = z.object({ justification: text(5000, 'A justificativa') });
export const ConcludeBody = z.object({ text: text(10_000, 'O texto de conclusão') });

export const EvaluationBody = z.object({
  verdict: z.enum(['approved', 'rejected'], { error: 'Diga se o atendimento resolveu sua solicitação: aprovado ("approved") ou não ("rejected").' }),
  rating: z.number({ error: 'Dê uma nota de 1 a 5.' }).int('A nota vai de 1 a 5.').min(1, 'A nota vai de 1 a 5.').max(5, 'A nota vai de 1 a 5.'),
  comment: str(COMMENT_MAX, 'O comentário').optional(),
});

/** Reopen a request the citizen did not approve, within REOPEN_DAYS of the evaluation. */
export const ReopenBody = z.object({ reason: text(2000, 'O motivo da reabertura') });

/** Reassign a request in attendance (same rules as approve's assignee). */
export const ReassignBody = z.object({ assigneeId: bodyId('Escolha quem vai atender.') });

/** Who can be assigned: `forRequest` leaves out whoever may not attend that request (who filed it). */
export const AttendantsQuery = z.object({
  forRequest: id.optional(),
});

export const ServiceListQuery = z.object({
  institutionId: id.optional(),
  q: str(100, 'A busca').optional().describe('Words of the name or description, accents and case aside'),
  drafts: z
    .enum(['true', 'false'], { error: 'Use drafts=true ou drafts=false.' })
    .optional()
    .describe('true (a manager, with institutionId of their institution): also services never published or withdrawn, with hasDraft'),
});

/**
 * The `Idempotency-Key` header of a filing: the same key from the same citizen
 * answers the request it filed first, never a second one.
 */
export const IdempotencyKey = str(200, 'O cabeçalho Idempotency-Key').regex(
  /^[\x21-\x7e]{8,200}$/,
  'Idempotency-Key: de 8 a 200 caracteres visíveis (ASCII), como um UUID.',
);

const nullableText = (max: number, label: string) => str(max, label).nullable();

export const ServiceFieldInput = z.object({
  code: str(40, 'O código do campo').regex(/^[a-z][a-z0-9_]*$/, 'O código do campo usa letras minúsculas sem acento, números e _, começando por letra.'),
  label: text(200, 'O rótulo do campo'),
  datatype: z.enum(['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'], { error: 'Tipo de campo desconhecido.' }),
  format: z.enum(['cpf', 'email', 'phone', 'cep', 'date'], { error: 'Formato de campo desconhecido.' }).optional(),
  required: z.boolean({ error: 'Diga se o campo é obrigatório (true/false).' }).default(false),
  values: z.array(text(200, 'A opção')).max(50, 'No máximo 50 opções.').optional(),
  description: str(500, 'O texto de ajuda').optional(),
});

export const RequiredDocumentInput = z.object({
  name: text(200, 'O nome do documento'),
  required: z.boolean({ error: 'Diga se o documento é obrigatório (true/false).' }).default(true),
  formats: z
    .array(z.enum(DOCUMENT_FORMATS, { error: `Formatos aceitos: ${DOCUMENT_FORMATS.join(', ')}.` }))
    .max(10)
    .default([]),
});

/** Every part of a charter entry as the editor sends it (see contract/charter.ts for their names). */
export const ServiceEntryInput = z.object({
  name: text(200, 'O nome do serviço'),
  description: str(5000, 'A descrição'),
  audience: nullableText(2000, 'Quem pode utilizar'),
  requirements: nullableText(5000, 'Os requisitos'),
  documents: z.array(RequiredDocumentInput).max(20, 'No máximo 20 documentos.'),
  steps: z.array(text(300, 'A etapa')).max(50, 'No máximo 50 etapas.'),
  fields: z.array(ServiceFieldInput).max(50, 'No máximo 50 campos.'),
  cost: nullableText(500, 'O custo'),
  deadline: z
    .object({
      days: z
        .number({ error: 'O prazo é um número de dias.' })
        .int('O prazo é um número inteiro de dias.')
        .min(1, 'O prazo vai de 1 a 365 dias.')
        .max(365, 'O prazo vai de 1 a 365 dias.'),
      kind: z.enum(['business', 'calendar'], { error: 'Dias úteis ("business") ou corridos ("calendar").' }),
    })
    .nullable(),
  delivery: z.array(z.enum(CHANNELS, { error: `Canais: ${CHANNELS.join(', ')}.` })).max(CHANNELS.length),
  area: z.array(text(200, 'A área responsável')).max(10, 'No máximo 10 áreas.'),
  address: nullableText(1000, 'O local de atendimento'),
  hours: nullableText(500, 'O horário de atendimento'),
  legalBasis: nullableText(2000, 'A base legal'),
  lgpdBasis: nullableText(1000, 'A base legal LGPD'),
});

/** A new service: its institution and at least a name; the rest may come later (a draft). */
export const CreateServiceBody = ServiceEntryInput.partial().extend({
  institutionId: bodyId('Escolha a instituição.'),
  name: text(200, 'O nome do serviço'),
});

/** An edit: the parts sent replace the draft's; parts left out stay. */
export const PatchServiceBody = ServiceEntryInput.partial();

export const UnpublishBody = z.object({ reason: text(2000, 'O motivo da retirada') });

export const VersionParam = z.object({ id, version: id });
export const VersionDiffParam = z.object({ id, a: id, b: id });

export const FollowUpListQuery = z.object({
  before: id.optional().describe('Entries older than this entry id (the previous page’s nextBefore)'),
  limit: z.coerce.number({ error: 'Informe um número.' }).int('Informe um número inteiro.').min(1, 'De 1 a 100.').max(100, 'De 1 a 100.').default(20),
});

export const FollowUpBody = z.object({
  body: text(10_000, 'A mensagem'),
  kind: z
    .enum(['message', 'internal_note', 'info_request'], { error: 'Tipo de acompanhamento desconhecido.' })
    .default('message')
    .describe('message: to the citizen (or the attendant); internal_note: staff only; info_request: asks the citizen and pauses the deadline'),
});

export const DevTokenBody = z.object({ sub: text(100, 'O usuário (sub)') });

/** The record of access to personal data (LGPD art. 37), filtered; newest first. */
export const AccessLogQuery = z.object({
  requestId: id.optional(),
  userId: id.optional().describe('Accesses by this person'),
  from: z.iso.datetime({ error: 'Use um instante ISO 8601 em UTC, como 2026-12-01T00:00:00Z.' }).optional().describe('From this instant (inclusive)'),
  to: z.iso.datetime({ error: 'Use um instante ISO 8601 em UTC, como 2026-12-01T00:00:00Z.' }).optional().describe('Until this instant (exclusive)'),
  before: id.optional().describe('Entries older than this entry id (the previous page’s nextBefore)'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** A servant asks for the attendant profile of an institution, with the act that backs it. */
export const CreateAccessRequestBody = z.object({
  institutionId: bodyId('Escolha a instituição.'),
  unit: text(200, 'A unidade (lotação)').describe('One of the institution’s units'),
  ordinance: text(200, 'A portaria ou o processo SEI').describe('The portaria or SEI process number that backs the request'),
});

const pageLimit = z.coerce.number({ error: 'Informe um número.' }).int('Informe um número inteiro.').min(1, 'De 1 a 100.').max(100, 'De 1 a 100.').default(50);

/** Newest first. A manager gets their institutions' requests (or one's); anyone else, or `mine=true`, their own. */
export const AccessRequestListQuery = z.object({
  institutionId: id.optional().describe('One institution the caller manages (404 for another)'),
  status: z.enum(ACCESS_REQUEST_STATUSES, { error: 'Situação desconhecida: use pending, approved ou rejected.' }).optional(),
  mine: z.enum(['true', 'false'], { error: 'Use mine=true ou mine=false.' }).optional().describe('true: only the caller’s own requests'),
  before: id.optional().describe('Requests older than this id (the previous page’s nextBefore)'),
  limit: pageLimit,
});

/** A calendar date, YYYY-MM-DD, that exists. */
const calendarDate = (label: string) =>
  str(10, label)
    .regex(DATE_PATTERN, `${label}: use o formato AAAA-MM-DD.`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label} não existe no calendário.`);

export const ApproveAccessBody = z.object({
  until: calendarDate('A data final')
    .optional()
    .describe('The last day of the access (in the state’s time zone); it ends by itself at the end of that day. Today or later.'),
});

export const RejectAccessBody = z.object({ reason: text(2000, 'O motivo da recusa') });
export const RevokeMembershipBody = z.object({ reason: text(2000, 'O motivo da revogação') });

export const AccessHistoryQuery = z.object({
  before: id.optional().describe('Entries older than this id (the previous page’s nextBefore)'),
  limit: pageLimit,
});

/** The moderation queue of the institutions the caller attends (or one), newest first. */
export const EvaluationListQuery = z.object({
  status: z.enum(EVALUATION_STATUSES, { error: 'Situação desconhecida: use pending, approved ou rejected.' }).default('pending'),
  institutionId: id.optional().describe('One institution the caller attends (404 for another)'),
  before: id.optional().describe('Evaluations older than this id (the previous page’s nextBefore)'),
  limit: pageLimit,
});

export const ApproveEvaluationBody = z.object({
  mask: z
    .boolean({ error: 'mask: use true ou false.' })
    .default(false)
    .describe('true: publish with the personal data found masked ("Aprovar ocultando dados")'),
});

const rejection = {
  reason: z.enum(MODERATION_REASONS, { error: 'Escolha o motivo: sensitive_data, offensive, off_topic ou other.' }),
  text: str(500, 'A explicação').optional().describe('Required with reason "other"'),
};
const otherNeedsText = (b: { reason?: string; text?: string }) => b.reason !== 'other' || (b.text?.trim().length ?? 0) > 0;

export const RejectEvaluationBody = z.object(rejection).refine(otherNeedsText, { message: 'Explique o motivo quando escolher "outro".', path: ['text'] });

/** One decision for several evaluations at once: all are moderated, or none (the first refusal answers). */
export const ModerateEvaluationsBody = z
  .object({
    ids: z
      .array(bodyId('Informe as avaliações pelo número (id).'), { error: 'Informe as avaliações numa lista de ids.' })
      .min(1, 'Escolha ao menos uma avaliação.')
      .max(100, 'No máximo 100 avaliações de uma vez.'),
    decision: z.enum(MODERATION_DECISIONS, { error: 'Decisão desconhecida: use approve, approve_masked ou reject.' }),
    reason: rejection.reason.optional().describe('Required with decision "reject"'),
    text: rejection.text,
  })
  .refine((b) => b.decision !== 'reject' || b.reason !== undefined, { message: 'Escolha o motivo da reprovação.', path: ['reason'] })
  .refine(otherNeedsText, { message: 'Explique o motivo quando escolher "outro".', path: ['text'] });

/** The public panel: every published service's ratings, or one institution's, or one service's. */
export const PublicRatingsQuery = z.object({ institutionId: id.optional(), serviceId: id.optional() });

export const PublicCommentsQuery = z.object({
  before: id.optional().describe('Comments older than this id (the previous page’s nextBefore)'),
  limit: z.coerce.number({ error: 'Informe um número.' }).int('Informe um número inteiro.').min(1, 'De 1 a 50.').max(50, 'De 1 a 50.').default(20),
});

// Videoconferência and the day agenda (issue #12).

/** An instant with its offset: "2026-12-03T10:00:00-04:00" or "…Z". */
const instantWithOffset = (label: string) =>
  str(40, label)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, `${label}: use data e hora com fuso, como 2026-12-03T10:00:00-04:00.`)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${label} não existe no calendário.`);

const durationMinutes = z
  .number({ error: 'Informe a duração em minutos.' })
  .int('Informe a duração em minutos inteiros.')
  .min(MEETING_MIN_MINUTES, `A duração vai de ${MEETING_MIN_MINUTES} a ${MEETING_MAX_MINUTES} minutos.`)
  .max(MEETING_MAX_MINUTES, `A duração vai de ${MEETING_MIN_MINUTES} a ${MEETING_MAX_MINUTES} minutos.`);

/** "Videoconferência": book a meeting on a request in attendance. */
export const CreateMeetingBody = z.object({
  startsAt: instantWithOffset('O início').describe('When it starts: an ISO 8601 instant with offset; in the future'),
  durationMinutes: durationMinutes.describe(`${MEETING_MIN_MINUTES}–${MEETING_MAX_MINUTES} minutes`),
  subject: text(MEETING_SUBJECT_MAX, 'O assunto'),
});

/** Reschedule: a new start (and, optionally, a new length or subject). */
export const RescheduleMeetingBody = z.object({
  startsAt: instantWithOffset('O novo início'),
  durationMinutes: durationMinutes.optional(),
  subject: text(MEETING_SUBJECT_MAX, 'O assunto').optional(),
});

export const CancelMeetingBody = z.object({ reason: text(MEETING_REASON_MAX, 'O motivo do cancelamento') });

/** The day agenda: the institution's (or only my) meetings of one local day. */
export const AgendaQuery = z.object({
  date: calendarDate('O dia').describe('The day (YYYY-MM-DD) in the state’s time zone'),
  mine: z.enum(['true', 'false'], { error: 'Use mine=true ou mine=false.' }).optional().describe('true: only the meetings I host'),
  institutionId: id.optional().describe('One institution the caller attends (404 for another); default: all of them'),
  format: z.enum(AGENDA_FORMATS, { error: 'Formato desconhecido: use json, csv ou ics.' }).default('json'),
});

/** "Compartilhar": a signed, read-only link to an institution's day list. */
export const CreateAgendaShareBody = z.object({
  date: calendarDate('O dia'),
  institutionId: bodyId('Informe a instituição pelo número (id).').optional().describe('Required when the caller attends more than one institution'),
  expiresAt: instantWithOffset('A validade').optional().describe('Default: the end of that day in the state’s time zone; at most 7 days after it'),
});

export const AgendaShareListQuery = z.object({ date: calendarDate('O dia').optional() });
