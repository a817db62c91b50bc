/**
 * /staff/admin/users: list and create accounts; disable, enable, reset a password, change a role;
 * approve or deny the grants that wait for a second admin.
 */
import { Hono, type Context } from 'hono';
import {
  changeAccountRole, createAccount, listAccountViews, readAccountView, resetAccountPassword, setAccountDisabled, type AccountChange,
} from '../../server/admin/accounts.service.js';
import { changeRoleSchema, createUserSchema, resetPasswordSchema } from '../../server/admin/admin.schema.js';
import { approveGrant, denyGrant, listGrantViews } from '../../server/admin/grants.service.js';
import type { Deps } from '../../server/deps.js';
import { listActiveDepartments } from '../../server/directory/directory.service.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { adminView, href, renderAdmin, type AdminView } from './context.js';
import { formText, attempt, orNull, readForm, type Failure } from './form.js';
import { UserPage, UsersPage, type DepartmentChoice } from './users-page.js';

type C = Context<StaffEnv>;
interface Extra { failure?: Failure; values?: Record<string, string>; notice?: string | undefined }

export function userPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const departments = async (v: AdminView): Promise<DepartmentChoice[]> =>
    (await listActiveDepartments(deps)).map((d) => ({ code: d.code, name: d.name[v.lang] }));
  // Only known keys become text: nothing from the query string is echoed into the page.
  const done = (c: C, v: AdminView) => v.a.done[c.req.query('done') ?? ''];
  const userPath = (username: string) => `/staff/admin/users/${encodeURIComponent(username)}`;

  const showList = async (c: C, extra: Extra = {}, status: 200 | 400 | 409 = 200) => {
    const v = adminView(c);
    const page = <UsersPage v={v} users={await listAccountViews(deps)} grants={await listGrantViews(deps)}
      departments={await departments(v)} notice={done(c, v)} {...extra} />;
    return renderAdmin(c, page, status);
  };
  const showUser = async (c: C, extra: Extra = {}, status: 200 | 400 | 409 = 200) => {
    const v = adminView(c);
    const user = await readAccountView(deps, c.req.param('username') ?? '');
    return renderAdmin(c, <UserPage v={v} user={user} departments={await departments(v)} notice={done(c, v)} {...extra} />, status);
  };
  // A change that waits for a second admin says so instead of claiming it was made.
  const redirectTo = (c: C, { user, grant }: AccountChange, key: string) =>
    c.redirect(href(adminView(c), `${userPath(user.username)}?done=${grant ? 'grantRequested' : key}`), 303);

  app.get('/', (c) => showList(c));
  app.post('/', async (c) => {
    const form = await readForm(c);
    const values = { username: formText(form, 'username'), displayName: formText(form, 'displayName'), role: formText(form, 'role'), department: formText(form, 'department') };
    const outcome = await attempt('create', async () => createAccount(deps, c.get('actor'), createUserSchema.parse({
      ...values, department: orNull(values.department), displayName: orNull(values.displayName) ?? undefined, password: formText(form, 'password'),
    })));
    if (!outcome.ok) return showList(c, { failure: outcome.failure, values }, outcome.failure.status);
    return redirectTo(c, outcome.value, 'created');
  });

  for (const decision of ['approve', 'deny'] as const) {
    app.post(`/grants/:id/${decision}`, async (c) => {
      const decide = decision === 'approve' ? approveGrant : denyGrant;
      const outcome = await attempt('grants', () => decide(deps, c.get('actor'), c.req.param('id')));
      if (!outcome.ok) return showList(c, { failure: outcome.failure }, outcome.failure.status);
      return c.redirect(href(adminView(c), `/staff/admin/users?done=${decision === 'approve' ? 'grantApproved' : 'grantDenied'}`), 303);
    });
  }

  app.get('/:username', (c) => showUser(c));
  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/:username/${action}`, async (c) => {
      const outcome = await attempt('status', () => setAccountDisabled(deps, c.get('actor'), c.req.param('username'), disabled));
      if (!outcome.ok) return showUser(c, { failure: outcome.failure }, outcome.failure.status);
      return redirectTo(c, outcome.value, action === 'disable' ? 'disabled' : 'enabled');
    });
  }
  app.post('/:username/password', async (c) => {
    const form = await readForm(c);
    const outcome = await attempt('password', async () => {
      const { password } = resetPasswordSchema.parse({ password: formText(form, 'password') });
      return resetAccountPassword(deps, c.get('actor'), c.req.param('username'), password);
    });
    if (!outcome.ok) return showUser(c, { failure: outcome.failure }, outcome.failure.status);
    return redirectTo(c, outcome.value, 'password');
  });
  app.post('/:username/role', async (c) => {
    const form = await readForm(c);
    const values = { role: formText(form, 'role'), department: formText(form, 'department') };
    const outcome = await attempt('role', async () => changeAccountRole(deps, c.get('actor'), c.req.param('username'),
      changeRoleSchema.parse({ role: values.role, department: orNull(values.department) })));
    if (!outcome.ok) return showUser(c, { failure: outcome.failure, values }, outcome.failure.status);
    return redirectTo(c, outcome.value, 'role');
  });
  return app;
}
