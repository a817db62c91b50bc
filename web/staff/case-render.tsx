/** What the case page's routes share: the case number parameter, posted text, refusals, and rendering the page. */
import type { Context } from 'hono';
import { caseNumberSchema } from '../../server/cases/cases.schema.js';
import { getCase } from '../../server/cases/case-page.service.js';
import type { Deps } from '../../server/deps.js';
import { AppError, errorStatus } from '../../server/errors.js';
import type { FormBody } from '../../server/lib/body.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { CasePage, type CasePageProps } from './case-page.js';
import { renderStaff, staffView, type StaffView } from './context.js';
import { listOwnDisclosures } from '../../server/identity/disclosure.service.js';

export function caseNumberParam(value: string): string {
  const parsed = caseNumberSchema.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', `No case ${value.slice(0, 40)}.`);
  return parsed.data;
}

/** The first value of a posted text field, '' when absent or a file. */
export function formText(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export type Refusal = { error: AppError; status: 403 | 409 };
export type Attempt<T> = { ok: true; value: T } | ({ ok: false } & Refusal);

/** Runs a service call; a refusal the user should read (403, 409) comes back, anything else is thrown. */
export async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof AppError && (err.code === 'forbidden' || err.code === 'conflict')) {
      return { ok: false, error: err, status: errorStatus[err.code] as 403 | 409 };
    }
    throw err;
  }
}

/** The localised line for a refusal, with the service's words kept as detail. */
export function refusalText(v: StaffView, refusal: Refusal): { message: string; detail: string } {
  const r = v.t.staff.reporter.refused;
  return { message: refusal.error.code === 'forbidden' ? r.forbidden : r.conflict, detail: refusal.error.message };
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
    staffView(c, deps), getCase(deps, actor, caseNumber), listOwnDisclosures(deps, actor, caseNumber),
  ]);
  const v = c.req.method === 'GET' ? base : { ...base, switchHref: `/staff/cases/${caseNumber}?lang=${base.t.switchLang}` };
  return renderStaff(c, <CasePage v={v} c={view} disclosures={disclosures} {...extra(v)} />, status);
}
