// The development identity provider's routes (only mounted when enabled).
import { createRoute, z } from '@hono/zod-openapi';
import { DevTokenBody } from '../../contract/schemas.js';
import { DevToken, DevUser, Items } from '../../contract/responses.js';
import type { DevIdp } from '../dev-idp.js';
import { json, jsonBody, problemsOf, router } from '../openapi.js';
import { jsonOnly } from '../validate.js';

const users = createRoute({
  method: 'get',
  path: '/users',
  summary: 'Demo users (development identity provider only)',
  responses: { 200: json(Items(DevUser), 'Demo users with role and institution') },
});

const jwks = createRoute({
  method: 'get',
  path: '/jwks.json',
  summary: 'The development identity provider’s public keys',
  responses: { 200: json(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), 'JWKS') },
});

const token = createRoute({
  method: 'post',
  path: '/token',
  summary: 'Sign a token for a subject (development identity provider only)',
  middleware: [jsonOnly] as const,
  request: { body: jsonBody(DevTokenBody) },
  responses: { 200: json(DevToken, 'A bearer token'), ...problemsOf(400, 415, 429) },
});

export function devRoutes(idp: DevIdp) {
  return router()
    .openapi(users, (c) => c.json({ items: [...idp.users] }, 200))
    .openapi(jwks, (c) => c.json(idp.jwks, 200))
    .openapi(token, async (c) => {
      const { sub } = c.req.valid('json');
      const demo = idp.users.find((u) => u.sub === sub);
      // Any other subject gets a token too: it is provisioned on first use
      // with no role, as an unknown SSO subject would be.
      const signed = await idp.sign({ sub, name: demo?.name ?? sub, email: demo?.email ?? null });
      return c.json({ token: signed, tokenType: 'Bearer' as const, expiresIn: 8 * 60 * 60 }, 200);
    });
}
