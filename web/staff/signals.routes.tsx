/**
 * The risk desk's signals page under /staff: GET /staff/signals?status=… and the decision form,
 * POST /staff/signals/{id} (acknowledge, or dismiss with a reason). A refused decision shows the page
 * again with the message at its form and what was typed; other staff get the 403 page.
 */
import { Hono, type Context } from 'hono';
import type { Deps } from '../../server/deps.js';
import { formText, readFormBody } from '../../server/lib/body.js';
import { signalDecisionSchema, signalIdParam } from '../../server/signals/signals.schema.js';
import { decideSignal, listSignals } from '../../server/signals/signals.service.js';
import { requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { catchRefusal } from '../refusal.js';
import { renderStaff, staffView } from './context.js';
import { signalsMessages } from './messages-signals-en.js';
import { SignalsPage, STATUS_FILTERS, type SignalFailure, type StatusFilter } from './signals-page.js';

const readStatus = (value: string | undefined): StatusFilter =>
  (STATUS_FILTERS as readonly string[]).includes(value ?? '') ? (value as StatusFilter) : 'open';

export function signalPages(deps: Deps) {
  const app = new Hono<StaffEnv>();

  async function render(c: Context<StaffEnv>, status: StatusFilter, shown: { done?: string | undefined; failure?: SignalFailure }, code: 200 | 400 | 404 | 409 = 200) {
    const [v, list] = await Promise.all([
      staffView(c, deps), listSignals(deps, c.get('actor'), status === 'all' ? undefined : status),
    ]);
    const notice = shown.done ? signalsMessages(v.lang).done[shown.done] : undefined;
    return renderStaff(c, <SignalsPage v={v} items={list.items} status={status} notice={notice} failure={shown.failure} />, code);
  }

  app.get('/signals', requireStaffPage(deps), (c) => render(c, readStatus(c.req.query('status')), { done: c.req.query('done') }));

  app.post('/signals/:id', requireStaffPage(deps), requireCsrf, async (c) => {
    const id = signalIdParam(c.req.param('id'));
    const form = await readFormBody(c.req);
    const [action, typed] = [formText(form, 'action'), formText(form, 'reason')];
    const parsed = signalDecisionSchema.safeParse({ action, ...(typed.trim() ? { reason: typed } : {}) });
    if (!parsed.success) {
      const why = typed.trim().length > 1000 ? 'tooLong' : action === 'dismiss' ? 'reasonMissing' : 'pick';
      return render(c, 'open', { failure: { id, typed, why } }, 400);
    }
    const decided = await catchRefusal(['conflict', 'not_found'], () => decideSignal(deps, c.get('actor'), id, parsed.data));
    if (!decided.ok) {
      const conflict = decided.error.code === 'conflict';
      return render(c, 'open', { failure: { id, typed, why: conflict ? 'alreadyDecided' : 'gone' } }, conflict ? 409 : 404);
    }
    return c.redirect(`/staff/signals?done=${parsed.data.action}${c.req.query('lang') === 'en' ? '&lang=en' : ''}`, 303);
  });

  return app;
}
