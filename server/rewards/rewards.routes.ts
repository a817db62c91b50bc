/** Staff reward endpoints: the reward queue, the actions on a case's reward and the payee details at payout. */
import { Hono } from 'hono';
import { caseNumberParam } from '../cases/cases.schema.js';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { payeeRequestSchema, rewardActionSchema, rewardQueueSchema } from './rewards.schema.js';
import { requestPayeeDisclosure, viewPayee } from './payee.service.js';
import { actOnReward, listRewards } from './rewards.service.js';
import { REWARD_RULES } from './rules.js';

export function rewardRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/rewards', requireStaff(deps), async (c) => {
    const query = rewardQueueSchema.parse(c.req.query());
    return c.json(await listRewards(deps, c.get('actor'), query), 200, { 'Cache-Control': 'no-store' });
  });
  // The rules in force (reward-rules.json), for the admin page and the reward staff.
  app.get('/rewards/rules', requireStaff(deps, 'admin', 'reward_officer', 'reward_approver'), (c) =>
    c.json(REWARD_RULES, 200, { 'Cache-Control': 'no-store' }));
  app.post('/cases/:caseNumber/reward', requireStaff(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const input = rewardActionSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await actOnReward(deps, c.get('actor'), caseNumber, input), 200, { 'Cache-Control': 'no-store' });
  });
  // Payee details at payout: never cached anywhere.
  app.post('/cases/:caseNumber/reward/payee-requests', requireStaff(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const { reason } = payeeRequestSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await requestPayeeDisclosure(deps, c.get('actor'), caseNumber, reason), 201, { 'Cache-Control': 'no-store' });
  });
  app.post('/cases/:caseNumber/reward/payee', requireStaff(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    return c.json(await viewPayee(deps, c.get('actor'), caseNumber), 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}
