// The development identity provider's routes (only mounted when enabled).
import { Hono } from 'hono';
import type { DevIdp } from '../dev-idp.js';
import type { AppEnv } from '../env.js';
import {
  DevTokenBody,
} from '../../contract/schemas.js';
import { parse } from '../validate.js';
import { readJson } from './requests.js';
import { DEMO_USERS, demoUser } from '../../seed/demo-users.js';

export function devRoutes(idp: DevIdp) {
  return new Hono<AppEnv>()
    .get('/users', (c) => c.json({ items: DEMO_USERS }))
    .get('/jwks.json', (c) => c.json(idp.jwks))
    .post('/token', async (c) => {
      const { sub } = parse(DevTokenBody, await readJson(c));
      const demo = demoUser(sub);
      // Any other subject gets a token too: it is provisioned on first use
      // with no role, as an unknown SSO subject would be.
      const token = await idp.sign({ sub, name: demo?.name ?? sub, email: demo?.email ?? null });
      return c.json({ token, tokenType: 'Bearer', expiresIn: 8 * 60 * 60 });
    });
}
