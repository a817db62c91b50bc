/** /staff/disclosures: the identity custodians' queue of disclosure requests, with approve and deny forms. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { caseNumberSchema } from '../../server/cases/cases.schema.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { decideDisclosure, listDecidedDisclosures, listPendingDisclosures } from '../../server/identity/disclosure.service.js';
import { decisionSchema, requestIdSchema } from '../../server/identity/identity.schema.js';
import { readFormBody } from '../../server/lib/body.js';
import { requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { catchRefusal } from '../refusal.js';
import { formText, REFUSALS, refusalStatus, refusalText } from './case-render.js';
import { renderStaff, staffView, type StaffView } from './context.js';
import { DisclosuresPage, type Decision, type DecisionFailure } from './custodian-page.js';

/** Denying needs a reason (as the API's decisionSchema); approving may add a note. */
const approveNoteSchema = z.object({ note: z.string().trim().max(2000) });
const noteSchemas = { approve: approveNoteSchema, deny: decisionSchema } satisfies Record<Decision, z.ZodType<{ note: string }>>;

function doneNotice(v: StaffView, done: string | undefined, caseNumber: string | undefined): string | undefined {
  const k = v.t.staff.reporter.custodian;
  if ((done !== 'approved' && done !== 'denied') || !caseNumberSchema.safeParse(caseNumber).success) return undefined;
  return k.done(k.decisions[done] ?? done, caseNumber!);
}

type Extra = { notice?: (v: StaffView) => string | undefined; failure?: (v: StaffView) => DecisionFailure };

export function disclosurePages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const custodian = requireStaffPage(deps, 'custodian');

  async function render(c: Context<StaffEnv>, extra: Extra, status: 200 | 400 | 403 | 409 = 200) {
    const [base, pending, decided] = await Promise.all([
      staffView(c, deps), listPendingDisclosures(deps, c.get('actor')), listDecidedDisclosures(deps),
    ]);
    const v = c.req.method === 'GET' ? base : { ...base, switchHref: `/staff/disclosures?lang=${base.t.switchLang}` };
    const page = <DisclosuresPage v={v} pending={pending.items} decided={decided} notice={extra.notice?.(v)} failure={extra.failure?.(v)} />;
    return renderStaff(c, page, status);
  }

  app.get('/disclosures', custodian, async (c) =>
    render(c, { notice: (v) => doneNotice(v, c.req.query('done'), c.req.query('case')) }));

  for (const decision of ['approve', 'deny'] as const satisfies readonly Decision[]) {
    app.post(`/disclosures/:id/${decision}`, custodian, requireCsrf, async (c) => {
      const id = requestIdSchema.safeParse(c.req.param('id'));
      if (!id.success) throw new AppError('not_found', 'No such disclosure request.');
      const typed = formText(await readFormBody(c.req), 'note');
      const parsed = noteSchemas[decision].safeParse({ note: typed });
      if (!parsed.success) {
        const k = (v: StaffView) => v.t.staff.reporter.custodian;
        const message = (v: StaffView) => (decision === 'deny' && typed.trim().length < 5 ? k(v).noteMissing : k(v).noteTooLong);
        return render(c, { failure: (v) => ({ id: id.data, decision, typed, message: message(v) }) }, 400);
      }
      const decided = await catchRefusal(REFUSALS, () => decideDisclosure(deps, c.get('actor'), id.data, decision, parsed.data.note));
      if (!decided.ok) {
        return render(c, { failure: (v) => ({ id: id.data, decision, typed, ...refusalText(v, decided.error) }) }, refusalStatus(decided.error));
      }
      return c.redirect(`/staff/disclosures?done=${decided.value.status}&case=${decided.value.caseNumber}`, 303);
    });
  }

  return app;
}
