/** /api/v1/followup: the reporter's side, authenticated by a receipt-derived token only. */
import { Hono, type Context } from 'hono';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { loginSchema, messageSchema, rewardClaimSchema, satisfactionSchema } from './followup.schema.js';
import { caseOfToken, followupView, loginWithReceipt, logoutFollowup, postReporterMessage, rateCase } from './followup.service.js';
import { guardReceipt, type ReceiptThrottle } from './receipt-throttle.js';
import { assertClaimable } from '../rewards/claim.service.js';
import { claimRewardAsReporter } from './reward-claim.service.js';
import { AppError } from '../errors.js';
import { uploadBodyLimit } from '../attachments/limits.js';
import { isMultipart, readUploadForm } from '../attachments/multipart.js';
import { addEvidence, assertEvidenceOpen } from './evidence.service.js';

function bearerToken(c: Context): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,100})$/.exec(c.req.header('authorization') ?? '');
  return match ? match[1]! : null;
}

export function followupRoutes(deps: Deps, throttle: ReceiptThrottle) {
  const app = new Hono();
  // Follow-up answers are personal: never cached, never logged with network metadata.
  const noStore = { 'Cache-Control': 'no-store' };
  const caseOf = (c: Context) => caseOfToken(deps, bearerToken(c));

  app.post('/login', async (c) => {
    const { receipt } = loginSchema.parse(await readJsonBody(c.req.raw));
    const session = await guardReceipt(c, throttle, deps.clock.now().getTime(), () => loginWithReceipt(deps, receipt));
    return c.json(session, 200, noStore);
  });
  app.get('/', async (c) => c.json(await followupView(deps, await caseOf(c)), 200, noStore));
  // Like the staff sign-out, only a live session can be ended (else 401); afterwards its token is a 401.
  // A bearer token, never a cookie, so no cross-site form can end someone's session.
  app.post('/logout', async (c) => {
    await caseOf(c);
    await logoutFollowup(deps, bearerToken(c)!);
    return c.body(null, 204, noStore);
  });
  app.post('/messages', async (c) => {
    const caseId = await caseOf(c);
    const { body } = messageSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await postReporterMessage(deps, caseId, body), 201, noStore);
  });
  // Evidence after filing: the case's state is checked before a byte of the body is read.
  app.post('/attachments', async (c) => {
    const caseId = await caseOf(c);
    await assertEvidenceOpen(deps, caseId);
    if (!isMultipart(c.req.header('content-type'))) {
      throw new AppError('unsupported_media_type', 'Send multipart/form-data with the files as parts "attachments".');
    }
    const form = await readUploadForm(c.req.raw, {
      textFields: new Set(), maxTextBytes: 0, maxBodyBytes: uploadBodyLimit(deps.config), onRefusal: 'stop',
    });
    return c.json(await addEvidence(deps, caseId, form.files), 201, noStore);
  });
  app.post('/satisfaction', async (c) => {
    const caseId = await caseOf(c);
    const input = satisfactionSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await rateCase(deps, caseId, input), 201, noStore);
  });
  // Refused (409) unless the reward is notified and its claim date has not passed.
  app.post('/reward-claim', async (c) => {
    const caseId = await caseOf(c);
    // Nothing to claim is said first: the payee details are only worth checking for a claimable reward.
    await assertClaimable(deps, caseId);
    const input = rewardClaimSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await claimRewardAsReporter(deps, caseId, input), 201, noStore);
  });
  return app;
}
