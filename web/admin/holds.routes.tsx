/** /staff/admin/holds: the cases under legal hold, and the form that sets or clears one. */
import { Hono, type Context } from 'hono';
import { legalHoldSchema } from '../../server/admin/admin.schema.js';
import { listLegalHolds, setLegalHold } from '../../server/cases/legal-hold.service.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { catchRefusal } from '../refusal.js';
import { adminView, href, renderAdmin } from './context.js';
import { formText, attempt, readForm, type Failure } from './form.js';
import { HoldsPage } from './holds-page.js';

type C = Context<StaffEnv>;

export function holdPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const show = async (c: C, extra: { failure?: Failure; values?: Record<string, string> } = {}, status: 200 | 400 | 409 = 200) => {
    const v = adminView(c);
    return renderAdmin(c, <HoldsPage v={v} holds={await listLegalHolds(deps)} notice={v.a.done[c.req.query('done') ?? '']} {...extra} />, status);
  };

  app.get('/', (c) => show(c));
  app.post('/', async (c) => {
    const form = await readForm(c);
    const values = { caseNumber: formText(form, 'caseNumber'), reason: formText(form, 'reason') };
    const hold = formText(form, 'action') === 'set';
    const outcome = await attempt('hold', async () => {
      const { reason } = legalHoldSchema.parse({ hold, reason: values.reason });
      // A mistyped number is the form's to fix, not a page of its own.
      const set = await catchRefusal(['not_found'], () => setLegalHold(deps, c.get('actor').username, values.caseNumber, hold, reason));
      if (set.ok) return set.value;
      throw new AppError('validation_failed', set.error.message, [{ path: 'caseNumber', message: set.error.message }]);
    });
    if (!outcome.ok) return show(c, { failure: outcome.failure, values }, outcome.failure.status);
    return c.redirect(href(adminView(c), `/staff/admin/holds?done=${hold ? 'holdSet' : 'holdCleared'}`), 303);
  });
  return app;
}
