// Zod schemas: the single source of what the API accepts. Routes validate
// with them and /api/openapi.json is generated from them.
import { z } from 'zod';
import { REQUEST_STATUSES } from './types.js';

z.config(z.locales.ptBR());

const id = z.coerce.number().int().positive().max(2_147_483_647);
const text = (max: number, label: string) =>
  z
    .string({ error: `${label} é obrigatório.` })
    .max(max, `${label} pode ter no máximo ${max} caracteres.`)
    .refine((s) => s.trim().length > 0, `${label} não pode ficar em branco.`);

export const IdParam = z.object({ id });
export const StepParam = z.object({ id, stepId: id });

export const RequestListQuery = z.object({
  status: z
    .string()
    .max(200)
    .optional()
    .describe('One status or a comma-separated list: ' + REQUEST_STATUSES.join(', '))
    .refine(
      (s) => !s || s.split(',').every((x) => (REQUEST_STATUSES as readonly string[]).includes(x)),
      `Situação desconhecida. Use: ${REQUEST_STATUSES.join(', ')}.`,
    ),
  serviceId: id.optional(),
  institutionId: id.optional(),
  assigneeId: z.union([z.literal('me'), id]).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use o mês no formato AAAA-MM.')
    .optional()
    .describe('Filed in this month (YYYY-MM)'),
  q: z.string().max(100, 'A busca pode ter no máximo 100 caracteres.').optional().describe('Protocol or citizen name'),
  sort: z.enum(['filed', 'due']).default('filed').describe('filed: FIFO by filed date (the manual’s order); due: by deadline'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  as: z.enum(['citizen', 'staff']).optional().describe('Whose view: own requests (citizen) or the institution’s queue (staff)'),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;
export const RequestCountsQuery = RequestListQuery.pick({ institutionId: true, as: true });

export const UploadedDocument = z.object({
  label: text(200, 'O nome do documento'),
  fileName: text(255, 'O nome do arquivo'),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Conteúdo não está em base64.'),
});

export const CreateRequestBody = z.object({
  serviceId: id,
  formData: z.record(z.string().max(100), z.unknown()).default({}),
  documents: z.array(UploadedDocument).max(20, 'No máximo 20 documentos.').default([]),
});

export const StepAnswerBody = z.object({
  answer: z.enum(['yes', 'no'], { error: 'Responda "yes" (Sim) ou "no" (Não).' }),
  note: z.string().max(2000, 'A observação pode ter no máximo 2000 caracteres.').optional(),
});

export const ApproveBody = z.object({ assigneeId: z.number({ error: 'Escolha o atendente que vai atender.' }).int().positive() });
export const RejectBody = z.object({ justification: text(5000, 'A justificativa') });
export const ConcludeBody = z.object({ text: text(10_000, 'O texto de conclusão') });

export const EvaluationBody = z.object({
  verdict: z.enum(['approved', 'rejected'], { error: 'Diga se o atendimento foi aprovado ("approved") ou não ("rejected").' }),
  rating: z.number().int().min(1, 'A nota vai de 1 a 5.').max(5, 'A nota vai de 1 a 5.').optional(),
  comment: z.string().max(2000, 'O comentário pode ter no máximo 2000 caracteres.').optional(),
});

export const ServiceListQuery = z.object({
  institutionId: id.optional(),
  q: z.string().max(100).optional(),
});

export const FollowUpListQuery = z.object({
  before: id.optional().describe('Entries older than this entry id (the previous page’s nextBefore)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
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
