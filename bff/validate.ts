// Validation of request input against the contract's zod schemas.
import type { z } from 'zod';
import { badRequest } from './errors.js';

/** Parses `data` with `schema`, or throws a 400 problem with field errors keyed by path. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '(corpo)';
    errors[path] ??= issue.message;
  }
  throw badRequest('Alguns campos precisam de correção.', errors);
}
