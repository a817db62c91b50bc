/** Admin error pages: not an admin, a refused form, not found, or an internal error. */
import type { Deps } from '../../server/deps.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { keepStatuses, pageErrorHandler } from '../page-errors.js';
import { adminView, href, renderAdmin, type AdminView } from './context.js';
import { AdminLayout } from './layout.js';

export type AdminErrorStatus = 400 | 403 | 404 | 500;

export function AdminErrorPage({ v, status }: { v: AdminView; status: AdminErrorStatus }) {
  const e = v.a.errors;
  // A 403 for a signed-in admin can only be the CSRF check: the role check let them through.
  const text = status === 404 ? [e.notFoundTitle, e.notFound]
    : status === 403 ? (v.actor?.role === 'admin' ? [e.csrfTitle, e.csrf] : [e.forbiddenTitle, e.forbidden])
      : [e.genericTitle, e.generic];
  const [title = '', body = ''] = text;
  return (
    <AdminLayout v={v} title={title}>
      <p>{body}</p>
      {v.actor?.role === 'admin'
        ? <p><a href={href(v, '/staff/admin')}>{e.back}</a></p>
        : <p><a href={href(v, '/staff')}>{v.a.workspace}</a></p>}
    </AdminLayout>
  );
}

/** Errors answer as admin pages; `status` maps what the API would answer to a page this file has words for. */
export function adminErrors(deps: Deps, status: (apiStatus: number) => AdminErrorStatus = keepStatuses(400, 403, 404)) {
  return pageErrorHandler<StaffEnv, AdminErrorStatus>(deps, {
    status,
    render: (c, _err, s) => renderAdmin(c, <AdminErrorPage v={adminView(c)} status={s} />, s),
  });
}
