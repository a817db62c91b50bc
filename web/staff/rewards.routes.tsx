/**
 * The reward pages under /staff: the reward queue (the landing page of reward staff), the reward
 * rules, and the reward form on the case page. Actions go through the reward service, as the API's do.
 */
import { Hono, type Context } from 'hono';
import { getCase } from '../../server/cases/case-page.service.js';
import { caseNumberParam } from '../../server/cases/cases.schema.js';
import type { Deps } from '../../server/deps.js';
import { errorStatus } from '../../server/errors.js';
import { formText, readFormBody } from '../../server/lib/body.js';
import { allowedRewardActions } from '../../server/rewards/reward-lifecycle.js';
import { requestPayeeDisclosure, viewPayee } from '../../server/rewards/payee.service.js';
import { payeeRequestSchema, rewardQueueSchema } from '../../server/rewards/rewards.schema.js';
import { listRewards } from '../../server/rewards/rewards.service.js';
import { REWARD_RULES } from '../../server/rewards/rules.js';
import { requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { adminView, renderAdmin } from '../admin/context.js';
import { AdminLayout } from '../admin/layout.js';
import { catchRefusal } from '../refusal.js';
import { renderCasePage } from './case-render.js';
import { renderStaff, staffView, type StaffView } from './context.js';
import { StaffLayout } from './layout.js';
import { attemptReward, previewAmount, readRewardForm, rewardFieldErrors, toRewardInput, type RewardAttempt } from './reward-form.js';
import type { RewardPanelState } from './reward-panel.js';
import { RewardQueuePage } from './reward-queue-page.js';
import { RewardRulesBody } from './reward-rules-page.js';

/** The notice after a reward action, by the `notice` query value (`reward_<action>`, or `payee_requested`). */
export function rewardNotice(v: StaffView, notice: string | undefined): string | undefined {
  if (notice === 'payee_requested') return v.t.staff.reward.payout.requested;
  const action = notice?.startsWith('reward_') ? notice.slice('reward_'.length) : undefined;
  const label = action !== undefined ? v.t.staff.reward.actions[action] : undefined;
  return label ? v.t.staff.reward.done(label) : undefined;
}

/**
 * The amount to show before a proposal is taken: on "compute", or when the confirmed amount is not the
 * one shown (the form changed since). null: take the action (not a proposal the caller may make now,
 * or confirmed at the amount shown). A form the schema refuses comes back as the refusal.
 */
async function proposalPreview(deps: Deps, c: Context<StaffEnv>, caseNumber: string, attempt: RewardAttempt) {
  if (attempt.action !== 'propose') return null;
  const view = await getCase(deps, c.get('actor'), caseNumber);
  if (!view.reward || !allowedRewardActions(c.get('actor').role, view.reward.status).includes('propose')) return null;
  const facts = { fineFen: view.fineFen, rewardFineFen: view.reward.fineFen, reporterRelation: view.reporterRelation };
  const amount = await catchRefusal(['validation_failed'], async () => previewAmount(toRewardInput(attempt), facts));
  const confirmed = attempt.step !== 'preview' && amount.ok && attempt.values.previewedFen === String(amount.value.amountFen);
  return confirmed ? null : amount;
}

export function rewardPages(deps: Deps) {
  const app = new Hono<StaffEnv>();

  app.get('/rewards', requireStaffPage(deps, 'reward_officer', 'reward_approver'), async (c) => {
    const query = rewardQueueSchema.parse(c.req.query());
    const [v, queue] = await Promise.all([staffView(c, deps), listRewards(deps, c.get('actor'), query)]);
    return renderStaff(c, <RewardQueuePage v={v} queue={queue} status={query.status} paged={Boolean(query.cursor)} />);
  });

  app.get('/rewards/rules', requireStaffPage(deps, 'admin', 'reward_officer', 'reward_approver'), async (c) => {
    if (c.get('actor').role === 'admin') {
      const v = adminView(c);
      return renderAdmin(c, <AdminLayout v={v} title={v.t.staff.reward.rules.title} current="rewardRules"><RewardRulesBody t={v.t} rules={REWARD_RULES} /></AdminLayout>);
    }
    const v = await staffView(c, deps);
    const title = v.t.staff.reward.rules.title;
    return renderStaff(c, (
      <StaffLayout v={v} title={title} current="rewardRules">
        <h1>{title}</h1>
        <RewardRulesBody t={v.t} rules={REWARD_RULES} />
      </StaffLayout>
    ));
  });

  app.post('/cases/:caseNumber/reward', requireStaffPage(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const attempt = readRewardForm(await readFormBody(c.req));
    const show = (state: (v: StaffView) => RewardPanelState, status: 200 | 400 | 403 | 409) =>
      renderCasePage(c, deps, caseNumber, (v) => ({ reward: state(v) }), status);
    const amount = await proposalPreview(deps, c, caseNumber, attempt);
    if (amount) {
      if (amount.ok) return show(() => ({ attempt, errors: new Map(), preview: amount.value }), 200);
      return show((v) => ({ attempt, error: amount.error, errors: rewardFieldErrors(amount.error, v.t) }), 400);
    }
    const outcome = await attemptReward(deps, c.get('actor'), caseNumber, attempt);
    if (outcome.ok) return c.redirect(`/staff/cases/${caseNumber}?notice=reward_${encodeURIComponent(attempt.action)}#reward`, 303);
    const status = errorStatus[outcome.error.code] as 400 | 403 | 409;
    return show((v) => ({ attempt, error: outcome.error, errors: rewardFieldErrors(outcome.error, v.t) }), status);
  });

  // Payee details at payout (the reward officer): the details appear only in this answer, never cached.
  app.post('/cases/:caseNumber/reward/payee', requireStaffPage(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const opened = await catchRefusal(['conflict', 'forbidden'], () => viewPayee(deps, c.get('actor'), caseNumber));
    c.header('Cache-Control', 'no-store');
    if (opened.ok) return renderCasePage(c, deps, caseNumber, () => ({ payout: { payee: opened.value.payee } }));
    return renderCasePage(c, deps, caseNumber, () => ({ payout: { error: opened.error } }), errorStatus[opened.error.code] as 403 | 409);
  });

  app.post('/cases/:caseNumber/reward/payee-request', requireStaffPage(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const reason = formText(await readFormBody(c.req), 'reason');
    const filed = await catchRefusal(['validation_failed', 'conflict', 'forbidden'], async () =>
      requestPayeeDisclosure(deps, c.get('actor'), caseNumber, payeeRequestSchema.parse({ reason }).reason));
    if (filed.ok) return c.redirect(`/staff/cases/${caseNumber}?notice=payee_requested#payout`, 303);
    return renderCasePage(c, deps, caseNumber, () => ({ payout: { error: filed.error, reason } }), errorStatus[filed.error.code] as 400 | 403 | 409);
  });

  return app;
}
