// Validation of request input against the contract's zod schemas, for what
// the route chain does not validate itself (a multipart message's fields).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { ProblemError, badRequest } from './errors.js';
import { fieldErrors } from './openapi.js';

/** Parses `data` with `schema`, or throws a 400 problem with field errors keyed by path. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw badRequest('Alguns campos precisam de correção.', fieldErrors(result.error));
}

/**
 * Before a JSON body's validator: 415 for another content type, 400 in
 * Portuguese for malformed JSON (the parsed body is kept for the validator).
 */
export const jsonOnly = createMiddleware(async (c, next) => {
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('Content-Type') ?? '')) {
    throw new ProblemError(415, 'Envie o corpo como application/json.', undefined, 'unsupported-media-type');
  }
  await readJson(c);
  await next();
});

/**
 * The JSON body, or a 400 in Portuguese (a 413 from the body limit passes
 * through). `cache: false` reads it from the raw request, so its text is not
 * kept for the rest of the request (hono's c.req.json() keeps it).
 */
export async function readJson(c: Context, opts: { cache?: boolean } = {}): Promise<unknown> {
  try {
    return await (opts.cache === false ? c.req.raw.json() : c.req.json());
  } catch (err) {
    if (err instanceof ProblemError) throw err;
    if (err instanceof Error && err.cause instanceof ProblemError) throw err.cause;
    throw badRequest('O corpo não é um JSON válido.');
  }
}

/** The version an If-Match header names ("3", W/"3"), none without the header, or a 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw badRequest('Cabeçalho If-Match inválido: use a ETag recebida, como "3".');
  return Number(m[1]);
}
