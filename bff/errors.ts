// One error path: handlers throw a ProblemError (or return problem()), and
// app.onError answers RFC 9457 application/problem+json. Unknown errors are
// logged with a request id and answered with a generic 500 that leaks nothing.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../contract/types.js';

/** The Portuguese title of each problem status (tests check every 4xx carries one). */
export const TITLES: Record<number, string> = {
  400: 'Requisição inválida',
  401: 'Não autenticado',
  403: 'Acesso negado',
  404: 'Não encontrado',
  405: 'Método não permitido',
  409: 'Conflito de estado',
  412: 'Versão desatualizada',
  413: 'Conteúdo grande demais',
  415: 'Tipo de arquivo não permitido',
  422: 'Requisição não processável',
  429: 'Muitas requisições',
  500: 'Erro interno',
  503: 'Serviço ocupado',
};

export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly errors?: Record<string, string>,
    readonly code?: string,
    /** Seconds for Retry-After (a 503 when busy). */
    readonly retryAfter?: number,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: Record<string, string>) => new ProblemError(400, detail, errors, 'invalid');
export const unauthorized = (detail = 'Token ausente ou inválido.') => new ProblemError(401, detail, undefined, 'unauthorized');
export const forbidden = (detail = 'Seu perfil não permite esta ação.') => new ProblemError(403, detail, undefined, 'forbidden');
export const notFound = (detail = 'Recurso não encontrado.') => new ProblemError(404, detail, undefined, 'not-found');
export const conflict = (detail: string) => new ProblemError(409, detail, undefined, 'conflict');
export const preconditionFailed = (detail = 'A solicitação mudou desde que você a abriu; recarregue e tente de novo.') =>
  new ProblemError(412, detail, undefined, 'precondition-failed');

function problemBody(status: number, detail?: string, errors?: Record<string, string>, code?: string): Problem {
  const body: Problem = {
    type: code ? `urn:atende:problem:${code}` : 'about:blank',
    title: TITLES[status] ?? 'Erro',
    status,
  };
  if (detail) body.detail = detail;
  if (errors && Object.keys(errors).length) body.errors = errors;
  return body;
}

export function problem(c: Context, err: ProblemError): Response {
  const res = c.json(problemBody(err.status, err.detail, err.errors, err.code), err.status);
  res.headers.set('Content-Type', 'application/problem+json; charset=UTF-8');
  if (err.status === 401) res.headers.set('WWW-Authenticate', 'Bearer realm="atende"');
  if (err.retryAfter !== undefined) res.headers.set('Retry-After', String(err.retryAfter));
  return res;
}
