/**
 * GET /api/v1/staff/rehandle-suggestions (intake centre only) and the rating link's API,
 * GET/POST /api/v1/rate/{token} (no login: the single-use token is the credential).
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { ratingLinkView, rateWithLink } from './rating-link.service.js';
import { rehandleSuggestions } from './rehandle.service.js';
import { ratingSchema } from './satisfaction.schema.js';

const noStore = { 'Cache-Control': 'no-store' };

export function rehandleRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/rehandle-suggestions', requireStaff(deps), async (c) => c.json(await rehandleSuggestions(deps, c.get('actor')), 200, noStore));
  return app;
}

export function ratingLinkRoutes(deps: Deps) {
  const app = new Hono();
  app.get('/:token', async (c) => {
    const { caseNumber, state } = await ratingLinkView(deps, c.req.param('token'));
    return c.json({ caseNumber, state }, 200, noStore);
  });
  app.post('/:token', async (c) => {
    const input = ratingSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await rateWithLink(deps, c.req.param('token'), input), 201, noStore);
  });
  return app;
}
