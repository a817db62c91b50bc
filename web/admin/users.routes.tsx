/** /staff/admin/users: list and create accounts; disable, enable, reset a password, change a role. */
import { Hono, type Context } from 'hono';
import {
  changeAccountRole, createAccount, getAccount, accountView, listAccountViews, resetAccountPassword, setAccountDisabled,
} from '../../server/admin/accounts.service.js';
import { changeRoleSchema, createUserSchema, resetPasswordSchema } from '../../server/admin/admin.schema.js';
import type { Deps } from '../../server/deps.js';
import { listDepartments } from '../../server/directory/directory.repository.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { adminView, href, renderAdmin, type AdminView } from './context.js';
import { attempt, orNull, readForm, text, type Failure } from './form.js';
import { UserPage, UsersPage, type DepartmentChoice } from './users-page.js';

type C = Context<StaffEnv>;
interface Extra { failure?: Failure; values?: Record<string, string>; notice?: string | undefined; secret?: string | null }

export function userPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const departments = async (v: AdminView): Promise<DepartmentChoice[]> =>
    (await listDepartments(deps.db)).map((d) => ({ code: d.code, name: v.lang === 'en' ? d.name_en : d.name_zh }));
  // Only known keys become text: nothing from the query string is echoed into the page.
  const done = (c: C, v: AdminView) => v.a.done[c.req.query('done') ?? ''];
  const userPath = (username: string) => `/staff/admin/users/${encodeURIComponent(username)}`;

  const showList = async (c: C, extra: Extra = {}, status: 200 | 400 | 409 = 200) => {
    const v = adminView(c);
    const page = <UsersPage v={v} users={await listAccountViews(deps)} departments={await departments(v)} notice={done(c, v)} {...extra} />;
    return renderAdmin(c, page, status);
  };
  const showUser = async (c: C, extra: Extra = {}, status: 200 | 400 | 409 = 200) => {
    const v = adminView(c);
    const user = accountView(await getAccount(deps, c.req.param('username') ?? ''));
    return renderAdmin(c, <UserPage v={v} user={user} departments={await departments(v)} notice={done(c, v)} {...extra} />, status);
  };
  const redirectTo = (c: C, username: string, key: string) => c.redirect(href(adminView(c), `${userPath(username)}?done=${key}`), 303);

  app.get('/', (c) => showList(c));
  app.post('/', async (c) => {
    const form = await readForm(c);
    const values = { username: text(form, 'username'), displayName: text(form, 'displayName'), role: text(form, 'role'), department: text(form, 'department') };
    const outcome = await attempt('create', async () => createAccount(deps, c.get('actor'), createUserSchema.parse({
      ...values, department: orNull(values.department), displayName: orNull(values.displayName) ?? undefined, password: text(form, 'password'),
    })));
    if (!outcome.ok) return showList(c, { failure: outcome.failure, values }, outcome.failure.status);
    const { user, totpSecret } = outcome.value;
    // A TOTP secret is shown on this response only, so this one success is not a redirect.
    if (totpSecret) {
      const v = adminView(c);
      return renderAdmin(c, <UserPage v={v} user={user} departments={await departments(v)} notice={v.a.done.created} secret={totpSecret} />);
    }
    return redirectTo(c, user.username, 'created');
  });

  app.get('/:username', (c) => showUser(c));
  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post(`/:username/${action}`, async (c) => {
      const outcome = await attempt('status', () => setAccountDisabled(deps, c.get('actor'), c.req.param('username'), disabled));
      if (!outcome.ok) return showUser(c, { failure: outcome.failure }, outcome.failure.status);
      return redirectTo(c, outcome.value.username, action === 'disable' ? 'disabled' : 'enabled');
    });
  }
  app.post('/:username/password', async (c) => {
    const form = await readForm(c);
    const outcome = await attempt('password', async () => {
      const { password } = resetPasswordSchema.parse({ password: text(form, 'password') });
      return resetAccountPassword(deps, c.get('actor'), c.req.param('username'), password);
    });
    if (!outcome.ok) return showUser(c, { failure: outcome.failure }, outcome.failure.status);
    return redirectTo(c, outcome.value.username, 'password');
  });
  app.post('/:username/role', async (c) => {
    const form = await readForm(c);
    const values = { role: text(form, 'role'), department: text(form, 'department') };
    const outcome = await attempt('role', async () => changeAccountRole(deps, c.get('actor'), c.req.param('username'),
      changeRoleSchema.parse({ role: values.role, department: orNull(values.department) })));
    if (!outcome.ok) return showUser(c, { failure: outcome.failure, values }, outcome.failure.status);
    const { user, totpSecret } = outcome.value;
    if (totpSecret) {
      const v = adminView(c);
      return renderAdmin(c, <UserPage v={v} user={user} departments={await departments(v)} notice={v.a.done.role} secret={totpSecret} />);
    }
    return redirectTo(c, user.username, 'role');
  });
  return app;
}
