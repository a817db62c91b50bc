/** Staff error pages: a case the caller may not see is "not found", like the API. */
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { CsrfError } from '../../server/staff/csrf.js';
import { keepStatuses, pageErrorHandler } from '../page-errors.js';
import { renderStaff, staffView, type StaffView } from './context.js';
import { StaffLayout } from './layout.js';
import { startPath } from './places.js';

export type ErrorStatus = 400 | 403 | 404 | 409 | 500;

function errorText(v: StaffView, status: ErrorStatus, formRefused: boolean, missingPage: boolean) {
  const e = v.t.staff.errorPages;
  switch (status) {
    case 404: return missingPage ? { title: e.pageNotFoundTitle, body: e.pageNotFound } : { title: e.notFoundTitle, body: e.notFound };
    case 403: return { title: e.forbiddenTitle, body: formRefused ? e.csrf : e.forbidden };
    case 400: return { title: e.invalidTitle, body: e.invalid };
    case 409: return { title: e.conflictTitle, body: e.conflict };
    default: return { title: e.genericTitle, body: e.generic };
  }
}

/** The service's own words for a 409 (e.g. "already viewed once"): written for people, no internals. */
export function conflictDetail(err: Error, status: ErrorStatus): string | undefined {
  return status === 409 && err instanceof AppError ? err.message : undefined;
}

/**
 * formRefused: a post turned away before its handler ran, i.e. by the CSRF check. missingPage: no
 * page at this address at all (rather than a case the caller may not see).
 */
export function StaffErrorPage({ v, status, formRefused, detail, missingPage = false }: {
  v: StaffView; status: ErrorStatus; formRefused: boolean; detail?: string | undefined; missingPage?: boolean;
}) {
  const { title, body } = errorText(v, status, formRefused, missingPage);
  return (
    <StaffLayout v={v} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      {detail && <p class="hint">{v.t.staff.failure.detail}<span lang="en">{detail}</span></p>}
      <p><a href={v.actor ? startPath(v.actor.role) : '/staff'}>{v.t.staff.errorPages.back}</a></p>
    </StaffLayout>
  );
}

/** Errors answer as staff pages. After a post the language switch leads to the queue, not to the form's address. */
export function staffErrors(deps: Deps) {
  return pageErrorHandler<StaffEnv, ErrorStatus>(deps, {
    status: keepStatuses(400, 403, 404, 409),
    render: async (c, err, status) => {
      const base = await staffView(c, deps);
      const v = c.req.method === 'GET' ? base : { ...base, switchHref: `/staff?lang=${base.t.switchLang}` };
      const page = <StaffErrorPage v={v} status={status} formRefused={err instanceof CsrfError} detail={conflictDetail(err, status)} />;
      return renderStaff(c, page, status);
    },
  });
}
