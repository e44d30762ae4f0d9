// /api/openapi.json, generated from the zod schemas that validate the routes.
import { z } from 'zod';
import {
  ApproveBody, ConcludeBody, FollowUpBody, FollowUpListQuery, RequestCountsQuery, CreateRequestBody, EvaluationBody, IdParam, RejectBody, RequestListQuery, ServiceListQuery, StepAnswerBody, StepParam,
} from '../contract/schemas.js';

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  who: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  auth?: boolean;
  multipart?: boolean;
}

export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Liveness', who: 'anyone', auth: false },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', who: 'anyone', auth: false },
  { method: 'get', path: '/api/me', summary: 'Identity, memberships and roles', who: 'any user' },
  { method: 'get', path: '/api/institutions', summary: 'Institutions', who: 'anyone', auth: false },
  { method: 'get', path: '/api/institutions/{id}/attendants', summary: 'Who can be assigned', who: 'attendant, manager', params: IdParam },
  { method: 'get', path: '/api/services', summary: 'Published charter', who: 'anyone', query: ServiceListQuery, auth: false },
  { method: 'get', path: '/api/services/{id}', summary: 'One service (published version)', who: 'anyone', params: IdParam, auth: false },
  { method: 'post', path: '/api/requests', summary: 'File a request', who: 'citizen', body: CreateRequestBody },
  { method: 'get', path: '/api/requests', summary: 'The queue (keyset pagination)', who: 'citizen, attendant, manager', query: RequestListQuery },
  { method: 'get', path: '/api/requests/counts', summary: 'Requests per status (the queue tabs)', who: 'citizen, attendant, manager', query: RequestCountsQuery },
  { method: 'get', path: '/api/requests/{id}', summary: 'Request detail with ETag', who: 'owner, attendant, manager', params: IdParam },
  { method: 'get', path: '/api/requests/{id}/history', summary: 'Audit trail', who: 'owner, attendant', params: IdParam },
  { method: 'post', path: '/api/requests/{id}/analysis', summary: 'Start analysis (+ Iniciar Análise)', who: 'attendant', params: IdParam },
  { method: 'put', path: '/api/requests/{id}/steps/{stepId}', summary: 'Answer a step yes/no', who: 'attendant', params: StepParam, body: StepAnswerBody },
  { method: 'post', path: '/api/requests/{id}/approve', summary: 'Approve naming the assignee (Sim, Aprovar!)', who: 'attendant', params: IdParam, body: ApproveBody },
  { method: 'post', path: '/api/requests/{id}/reject', summary: 'Reject with a justification (Reprovar)', who: 'attendant', params: IdParam, body: RejectBody },
  { method: 'post', path: '/api/requests/{id}/conclude', summary: 'Conclude (Concluir › Finalizar)', who: 'assignee', params: IdParam, body: ConcludeBody },
  { method: 'post', path: '/api/requests/{id}/evaluation', summary: "The citizen's verdict on the attendance", who: 'owner', params: IdParam, body: EvaluationBody },
  { method: 'get', path: '/api/requests/{id}/follow-ups', summary: 'The thread: follow-ups and life-cycle events, newest page first', who: 'owner, attendant', params: IdParam, query: FollowUpListQuery },
  {
    method: 'post', path: '/api/requests/{id}/follow-ups', summary: 'Criar Acompanhamento: a message with attachments (multipart: body, kind, files)',
    who: 'owner, attendant (internal_note, info_request: attendant)', params: IdParam, body: FollowUpBody, multipart: true,
  },
  { method: 'get', path: '/api/attachments/{id}', summary: 'Download a document or attachment', who: 'owner, attendant', params: IdParam },
];

const PROBLEM = {
  description: 'Problem (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const s = json(schema);
      for (const [name, prop] of Object.entries(s.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: prop });
      }
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      description: `Who: ${r.who}.`,
      parameters,
      responses: { '200': { description: 'OK' }, '4XX': PROBLEM },
    };
    if (r.body && r.multipart) {
      const schema = json(r.body);
      schema.properties.files = { type: 'array', items: { type: 'string', format: 'binary' }, description: 'PDF, PNG, JPEG, WebP, ODT or DOCX' };
      op.requestBody = { required: true, content: { 'multipart/form-data': { schema } } };
    } else if (r.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: json(r.body) } } };
    }
    if (r.auth !== false) op.security = [{ bearer: [] }];
    (paths[r.path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Atende API', version: '0.1.0', description: 'Backend-for-frontend of Atende: citizens’ online service requests.' },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
            errors: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
      },
    },
  };
}
