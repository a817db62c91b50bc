/**
 * /followup: the reporter's pages behind the receipt (docs/protection.md). The receipt is posted once and
 * never echoed, stored or put in a URL; the session token lives only in the HttpOnly cookie.
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import type { Deps } from '../../server/deps.js';
import { readFormBody } from '../../server/lib/body.js';
import { followupView, postReporterMessage, rateCase } from '../../server/followup/followup.service.js';
import type { ReceiptThrottle } from '../../server/followup/receipt-throttle.js';
import { claimRewardAsReporter } from '../../server/followup/reward-claim.service.js';
import { createUploadGate } from '../../server/attachments/limits.js';
import { assertClaimable } from '../../server/rewards/claim.service.js';
import { resolveLang } from '../lang.js';
import { FollowupLoginPage } from '../pages/followup.js';
import { FollowupCasePage, type FollowupCaseProps } from '../pages/followup-case.js';
import { publicErrors } from '../pages/error.js';
import { renderPage } from '../render.js';
import { catchRefusal } from '../refusal.js';
import { enterReceipt, readMessage, readRating, readRewardClaim, sendEvidence } from './forms.js';
import { retryTime } from './format.js';
import { clearFollowupCookie, endFollowupSession, followupToken, sessionCase, setFollowupCookie } from './session.js';

type CaseExtras = Omit<FollowupCaseProps, 't' | 'lang' | 'view' | 'claimOpen'>;

function showLogin(c: Context, status: 200 | 400 | 401 | 429, props: { error?: string; notice?: string } = {}) {
  const { lang, t } = resolveLang(c);
  return renderPage(c, <FollowupLoginPage t={t} lang={lang} {...props} />, status);
}

/** The case page for this request's session, or the way back to the receipt form. */
async function withCase(c: Context, deps: Deps, show: (caseId: string) => Promise<Response>) {
  const session = await sessionCase(c, deps);
  if (session.caseId !== null) return show(session.caseId);
  if (!session.ended) return c.redirect('/followup', 303);
  clearFollowupCookie(c, deps.config);
  return c.redirect('/followup?ended=1', 303);
}

async function showCase(c: Context, deps: Deps, caseId: string, status: 200 | 400 | 409 | 413 | 415, extras: CaseExtras = {}) {
  const { lang, t } = resolveLang(c);
  const view = await followupView(deps, caseId);
  // The form is offered while the reward waits for a claim and its claim date has not passed.
  const claimBy = view.reward?.status === 'notified' ? view.reward.claimBy : undefined;
  const claimOpen = claimBy !== undefined && new Date(claimBy).getTime() >= deps.clock.now().getTime();
  return renderPage(c, <FollowupCasePage t={t} lang={lang} view={view} claimOpen={claimOpen} {...extras} />, status);
}

/** The reward claim form. The payee details are never echoed on success: the claimed state is shown after a redirect. */
async function claimReward(c: Context, deps: Deps, caseId: string) {
  const { t } = resolveLang(c);
  const refused = () => showCase(c, deps, caseId, 409, { refused: t.followup.reward.refused });
  if (!(await catchRefusal(['conflict'], () => assertClaimable(deps, caseId))).ok) return refused();
  const form = readRewardClaim(await readFormBody(c.req), t);
  if (!form.ok) return showCase(c, deps, caseId, 400, { claim: { values: form.values, errors: form.errors } });
  const claimed = await catchRefusal(['conflict'], () => claimRewardAsReporter(deps, caseId, form.input));
  if (!claimed.ok) return refused();
  return c.redirect('/followup/case?sent=claim#reward-title', 303);
}

/** Evidence from the form: shown again with the reason when refused; the upload gate bounds the memory of uploads at once. */
async function addEvidenceFromForm(c: Context, deps: Deps, caseId: string) {
  const { t } = resolveLang(c);
  const outcome = await sendEvidence(c.req.raw, deps, caseId, t);
  if (outcome.ok) return c.redirect('/followup/case?sent=evidence#evidence-title', 303);
  if ('refused' in outcome) return showCase(c, deps, caseId, 409, { refused: outcome.refused });
  return showCase(c, deps, caseId, outcome.status, { evidence: { error: outcome.error } });
}

export function followupPages(deps: Deps, throttle: ReceiptThrottle, uploadGate = createUploadGate(deps.config.INTAKE_MAX_UPLOADS_IN_FLIGHT)) {
  const app = new Hono();
  // Same-origin form posts only (Origin or Sec-Fetch-Site); PUBLIC_URL covers a reverse proxy.
  const sameOrigin = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL(deps.config.publicUrl).origin });

  // Every answer here is one reporter's own: never kept by a browser or a shared cache.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.get('/', (c) => {
    const { t } = resolveLang(c);
    const notice = c.req.query('ended') ? t.followup.login.expired : c.req.query('out') ? t.followup.login.signedOut : undefined;
    return showLogin(c, 200, notice ? { notice } : {});
  });

  app.post('/', sameOrigin, async (c) => {
    const { lang, t } = resolveLang(c);
    const outcome = await enterReceipt(c, deps, throttle, await readFormBody(c.req));
    const l = t.followup.login;
    if (outcome.ok) {
      setFollowupCookie(c, deps.config, outcome.token);
      return c.redirect('/followup/case', 303);
    }
    if (outcome.status === 400) return showLogin(c, 400, { error: outcome.problem === 'missing' ? l.missing : l.format });
    if (outcome.status === 401) return showLogin(c, 401, { error: l.wrong });
    c.header('Retry-After', String(outcome.retryAfter));
    const when = retryTime(deps.clock.now(), outcome.retryAfter, lang);
    return showLogin(c, 429, { error: l.blocked(when.at, when.minutes) });
  });

  app.get('/case', (c) => withCase(c, deps, (caseId) => {
    const { t } = resolveLang(c);
    const sent = c.req.query('sent');
    const notices: Record<string, string> = {
      message: t.followup.case.sent, rating: t.followup.satisfaction.thanks, claim: t.followup.reward.claimed, evidence: t.followup.evidence.sent,
    };
    const notice = sent ? notices[sent] : undefined;
    return showCase(c, deps, caseId, 200, { notice });
  }));

  app.post('/case/messages', sameOrigin, (c) => withCase(c, deps, async (caseId) => {
    const { t } = resolveLang(c);
    const form = readMessage(await readFormBody(c.req), t);
    if (!form.ok) return showCase(c, deps, caseId, 400, { message: { body: form.body, error: form.error } });
    const sent = await catchRefusal(['conflict'], () => postReporterMessage(deps, caseId, form.body));
    if (!sent.ok) return showCase(c, deps, caseId, 409, { refused: t.followup.case.messageMerged });
    return c.redirect('/followup/case?sent=message#messages-title', 303);
  }));

  app.post('/case/satisfaction', sameOrigin, (c) => withCase(c, deps, async (caseId) => {
    const { t } = resolveLang(c);
    const form = readRating(await readFormBody(c.req), t);
    if (!form.ok) return showCase(c, deps, caseId, 400, { rating: { values: form.values, errors: form.errors } });
    const rating = await catchRefusal(['conflict'], () => rateCase(deps, caseId, form.input));
    if (!rating.ok) {
      const s = t.followup.satisfaction;
      const rated = (await followupView(deps, caseId)).satisfaction !== null;
      return showCase(c, deps, caseId, 409, { refused: rated ? s.already : s.notClosed });
    }
    return c.redirect('/followup/case?sent=rating#satisfaction-title', 303);
  }));

  app.post('/case/attachments', sameOrigin, (c) => withCase(c, deps, (caseId) => uploadGate(() => addEvidenceFromForm(c, deps, caseId))));

  app.post('/case/reward-claim', sameOrigin, (c) => withCase(c, deps, (caseId) => claimReward(c, deps, caseId)));

  app.post('/logout', sameOrigin, async (c) => {
    await endFollowupSession(deps, followupToken(c));
    clearFollowupCookie(c, deps.config);
    return c.redirect('/followup?out=1', 303);
  });

  app.onError(publicErrors(deps, (t) => ({ href: '/followup', label: t.followup.backToLogin })));
  return app;
}
