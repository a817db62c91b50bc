/** What the case page's routes share: posted text, refusals, and rendering the page. */
import type { Context } from 'hono';
import { getCase, type CaseView } from '../../server/cases/case-page.service.js';
import { routeSuggestion } from '../../server/cases/route-suggestion.service.js';
import type { Deps } from '../../server/deps.js';
import { errorStatus } from '../../server/errors.js';
import { formText, type FormBody } from '../../server/lib/body.js';

export { formText };
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import type { Refusal } from '../refusal.js';
import { CasePage, type CasePageProps } from './case-page.js';
import { renderStaff, staffView, type StaffView } from './context.js';
import type { DepartmentChoices } from './department-options.js';
import { listOwnDisclosures } from '../../server/identity/disclosure.service.js';
import { isRewardRole } from '../../server/staff/roles.js';

/** The first value of a posted text field, '' when absent or a file. */

/** The refusals a form on the case page shows beside itself (for `catchRefusal`): not allowed, or not now. */
export const REFUSALS = ['forbidden', 'conflict'] as const;
export type Refused = Refusal<(typeof REFUSALS)[number]>;
export const refusalStatus = (refused: Refused) => errorStatus[refused.code];

/** The localised line for a refusal, with the service's words kept as detail. */
export function refusalText(v: StaffView, refused: Refused): { message: string; detail: string } {
  const r = v.t.staff.reporter.refused;
  return { message: refused.code === 'forbidden' ? r.forbidden : r.conflict, detail: refused.message };
}

type Extra = Omit<CasePageProps, 'v' | 'c' | 'disclosures'>;

/**
 * Renders the case page with the caller's disclosure requests. After a post the language switch
 * leads to the case page, not to the form's address.
 */
export async function renderCasePage(
  c: Context<StaffEnv>, deps: Deps, caseNumber: string, extra: (v: StaffView) => Extra = () => ({}), status: 200 | 400 | 403 | 409 = 200,
) {
  const actor = c.get('actor');
  const [base, view, disclosures] = await Promise.all([
    staffView(c, deps), getCase(deps, actor, caseNumber),
    // reward staff read a case for its reward only: no disclosure is offered to them
    isRewardRole(actor.role) ? null : listOwnDisclosures(deps, actor, caseNumber),
  ]);
  const v = c.req.method === 'GET' ? base : { ...base, switchHref: `/staff/cases/${caseNumber}?lang=${base.t.switchLang}` };
  const choices = await departmentChoices(c, deps, view);
  return renderStaff(c, <CasePage v={v} c={view} disclosures={disclosures} choices={choices} {...extra(v)} />, status);
}

/**
 * What the department lists start from: for a case in triage that the caller may dispatch, where the
 * routing rules would send it now; and on a GET, the filter typed into a list (`dept`, for the action `for`).
 */
async function departmentChoices(c: Context<StaffEnv>, deps: Deps, view: CaseView): Promise<DepartmentChoices> {
  const dispatching = view.department === null && view.allowedActions.includes('assign');
  const text = c.req.method === 'GET' ? (c.req.query('dept') ?? '').trim().slice(0, 40) : '';
  const action = c.req.query('for') === 'add_cohandler' ? 'add_cohandler' : 'assign';
  return {
    suggestion: dispatching ? await routeSuggestion(deps, view) : null,
    filter: text ? { text, action } : null,
  };
}
