/**
 * The case page's forms about the reporter, mounted under /staff: writing to them, opening a
 * complainant's contact, filing a disclosure request and viewing an approved one once. An opened
 * identity is rendered on the response to the post only (no-store), never redirected to.
 */
import { Hono, type Context } from 'hono';
import { caseNumberParam, messageBodySchema } from '../../server/cases/cases.schema.js';
import { messageReporter } from '../../server/cases/messages.service.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { openContact } from '../../server/identity/contact.service.js';
import { requestDisclosure, viewDisclosure } from '../../server/identity/disclosure.service.js';
import { disclosureRequestSchema, openContactSchema, requestIdSchema } from '../../server/identity/identity.schema.js';
import { readFormBody } from '../../server/lib/body.js';
import { requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { catchRefusal } from '../refusal.js';
import { formText, REFUSALS, refusalStatus, refusalText, renderCasePage, type Refused } from './case-render.js';
import { renderStaff, staffView, type StaffView } from './context.js';
import { conflictDetail, StaffErrorPage } from './error-page.js';
import { ContactOpenedPage, DisclosureViewPage } from './identity-pages.js';
import type { ReporterForm } from './reporter-forms.js';

/** Notices after a redirect, by the `notice` query value. */
export function reporterNotice(v: StaffView, notice: string | undefined): string | undefined {
  const r = v.t.staff.reporter;
  if (notice === 'message_sent') return r.write.sent;
  if (notice === 'disclosure_requested') return r.disclosure.requested;
  return undefined;
}

const MESSAGE_MAX = 5000;

export function reporterPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const leadStaff = requireStaffPage(deps, 'handler', 'supervisor');

  /** The case page again, the refused form open with what was typed. */
  const reshow = (c: Context<StaffEnv>, caseNumber: string, form: ReporterForm, typed: string,
    why: (v: StaffView) => { message: string; detail?: string }, status: 400 | 403 | 409) =>
    renderCasePage(c, deps, caseNumber, (v) => ({ formFailure: { form, typed, ...why(v) } }), status);
  const refused = (refusal: Refused) => (v: StaffView) => refusalText(v, refusal);

  app.post('/cases/:caseNumber/messages', requireStaffPage(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const typed = formText(await readFormBody(c.req), 'body');
    const parsed = messageBodySchema.safeParse({ body: typed });
    if (!parsed.success) {
      const length = typed.trim().length;
      const w = (v: StaffView) => v.t.staff.reporter.write;
      return reshow(c, caseNumber, 'message', typed, (v) => ({ message: length > MESSAGE_MAX ? w(v).tooLong(length) : w(v).empty }), 400);
    }
    const sent = await catchRefusal(REFUSALS, () => messageReporter(deps, c.get('actor'), caseNumber, parsed.data.body));
    if (!sent.ok) return reshow(c, caseNumber, 'message', typed, refused(sent.error), refusalStatus(sent.error));
    return c.redirect(`/staff/cases/${caseNumber}?notice=message_sent`, 303);
  });

  app.post('/cases/:caseNumber/identity/open', leadStaff, requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const typed = formText(await readFormBody(c.req), 'reason');
    const parsed = openContactSchema.safeParse({ reason: typed });
    if (!parsed.success) return reshow(c, caseNumber, 'contact', typed, (v) => ({ message: v.t.staff.reporter.contact.reasonMissing }), 400);
    const opened = await catchRefusal(REFUSALS, () => openContact(deps, c.get('actor'), caseNumber, parsed.data.reason));
    if (!opened.ok) return reshow(c, caseNumber, 'contact', typed, refused(opened.error), refusalStatus(opened.error));
    const base = await staffView(c, deps);
    const v = { ...base, switchHref: `/staff/cases/${caseNumber}?lang=${base.t.switchLang}` };
    return renderStaff(c, <ContactOpenedPage v={v} caseNumber={opened.value.caseNumber} identity={opened.value.identity} />);
  });

  app.post('/cases/:caseNumber/disclosure-requests', leadStaff, requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const typed = formText(await readFormBody(c.req), 'legalReason');
    const parsed = disclosureRequestSchema.safeParse({ legalReason: typed });
    if (!parsed.success) return reshow(c, caseNumber, 'disclosure', typed, (v) => ({ message: v.t.staff.reporter.disclosure.reasonMissing }), 400);
    const filed = await catchRefusal(REFUSALS, () => requestDisclosure(deps, c.get('actor'), caseNumber, parsed.data.legalReason));
    if (!filed.ok) return reshow(c, caseNumber, 'disclosure', typed, refused(filed.error), refusalStatus(filed.error));
    return c.redirect(`/staff/cases/${caseNumber}?notice=disclosure_requested`, 303);
  });

  // A second view, a denied or a pending request is a 409 from the service: the error page says why.
  // Another member's request is a 403 from the handler, not the CSRF check.
  app.post('/disclosures/:id/view', leadStaff, requireCsrf, async (c) => {
    const id = requestIdSchema.safeParse(c.req.param('id'));
    if (!id.success) throw new AppError('not_found', 'No such disclosure request.');
    const viewed = await catchRefusal(REFUSALS, () => viewDisclosure(deps, c.get('actor'), id.data));
    const base = await staffView(c, deps);
    if (!viewed.ok) {
      const v = { ...base, switchHref: `/staff?lang=${base.t.switchLang}` };
      const status = refusalStatus(viewed.error);
      return renderStaff(c, <StaffErrorPage v={v} status={status} formRefused={false} detail={conflictDetail(viewed.error, status)} />, status);
    }
    const { caseNumber, identity } = viewed.value;
    const v = { ...base, switchHref: `/staff/cases/${caseNumber}?lang=${base.t.switchLang}` };
    return renderStaff(c, <DisclosureViewPage v={v} caseNumber={caseNumber} identity={identity} />);
  });

  return app;
}
