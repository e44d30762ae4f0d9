// Routes are declared with @hono/zod-openapi: each one names its parameters,
// body and responses with the contract's zod schemas, which both validate the
// request in the route chain and make /api/openapi.json (generated from the
// routes themselves). Invalid input answers one way: a 400 problem+json with
// a Portuguese message per field.
import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { Problem } from '../contract/responses.js';
import type { AppEnv } from './env.js';
import { badRequest } from './errors.js';

/** Field errors keyed by JSON path (`formData.cpf`), the first message of each. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    // A record's bad key: the key schema's own message says what is wrong.
    const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    errors[issue.path.join('.') || '(corpo)'] ??= message;
  }
  return errors;
}

const invalidInput: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) throw badRequest('Alguns campos precisam de correção.', fieldErrors(result.error));
};

/** A feature's router: its routes validate with the contract's schemas and document themselves. */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: invalidInput });

/** A JSON response of `schema`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A JSON request body of `schema` (required). */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

/** The problem responses a route may give, by status. */
export const problems = {
  400: problem('Entrada inválida (com `errors` por campo)'),
  401: problem('Sem token ou token inválido'),
  403: problem('O perfil não permite'),
  404: problem('Não encontrado ou não é seu'),
  409: problem('A ação não cabe na situação atual'),
  412: problem('If-Match não confere com a versão atual'),
  413: problem('Grande demais'),
  415: problem('Tipo de conteúdo ou de arquivo não aceito'),
  422: problem('Idempotency-Key já usada para outra solicitação (outro serviço ou outros dados)'),
  429: problem('Limite de requisições por minuto atingido (Retry-After diz quando tentar de novo)'),
  503: problem('Ocupado com outros envios; tente de novo após Retry-After segundos'),
} as const;

/** The problems of a route, by status. */
export const problemsOf = <S extends keyof typeof problems>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, problems[s]])) as Pick<typeof problems, S>;

/** Routes that need a signed-in user. */
export const bearer = [{ bearer: [] }];

/** The document's frame; the paths come from the routes. */
export function documentConfig(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Atende API',
      version: '0.1.0',
      description:
        'Backend-for-frontend of Atende: citizens’ online service requests. Every route takes a user’s bearer token (OIDC), except the public ' +
        'reads and Jitsi’s reservation hook (/api/jitsi/*), which carries the shared JITSI_RESERVATION_TOKEN instead (security scheme jitsiReservation).',
    },
    servers: [{ url: serverUrl }],
  };
}
