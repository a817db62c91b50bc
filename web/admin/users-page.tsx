/** The accounts list with the new-account form, and one account's page with its status, password and role forms. */
import type { AccountView } from '../../server/admin/accounts.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { roles } from '../../server/staff/roles.js';
import { totpUri } from '../../server/staff/totp.js';
import { href, shortTime, type AdminView } from './context.js';
import { ErrorSummary, SelectInput, TextInput } from './fields.js';
import { errorsFor, type Failure } from './form.js';
import { AdminLayout } from './layout.js';

export interface DepartmentChoice { code: string; name: string }

interface Common {
  v: AdminView;
  departments: DepartmentChoice[];
  failure?: Failure | undefined;
  /** What was typed into the failed form (never a password). */
  values?: Record<string, string> | undefined;
  notice?: string | undefined;
}

const labels = (v: AdminView) => ({
  username: v.a.users.username, displayName: v.a.users.displayName, role: v.a.users.role,
  department: v.a.users.department, password: v.a.users.password,
});

const roleOptions = (v: AdminView): [string, string][] => roles.map((r) => [r, v.a.roles[r]]);
const departmentOptions = (v: AdminView, departments: DepartmentChoice[]): [string, string][] =>
  [['', v.a.common.noDepartment], ...departments.map((d): [string, string] => [d.code, `${d.code} ${d.name}`])];

function RoleFields({ v, form, departments, role, department, errors }: {
  v: AdminView; form: string; departments: DepartmentChoice[]; role: string; department: string; errors: Map<string, string>;
}) {
  return (
    <>
      <SelectInput form={form} name="role" label={v.a.users.role} options={roleOptions(v)} value={role} required errors={errors} />
      <SelectInput form={form} name="department" label={v.a.users.department} hint={v.a.users.departmentHint}
        options={departmentOptions(v, departments)} value={department} errors={errors} />
    </>
  );
}

export function UsersPage({ v, users, departments, failure, values = {}, notice }: Common & { users: AccountView[] }) {
  const u = v.a.users;
  const errors = errorsFor(failure, 'create');
  return (
    <AdminLayout v={v} title={u.title} current="users" notice={notice}>
      <div class="table-scroll">
        <table class="table">
          <thead><tr><th>{u.username}</th><th>{u.displayName}</th><th>{u.role}</th><th>{u.department}</th><th>{u.status}</th><th>{u.totp}</th></tr></thead>
          <tbody>
            {users.map((user) => (
              <tr>
                <td><a href={href(v, `/staff/admin/users/${encodeURIComponent(user.username)}`)}>{user.username}</a></td>
                <td>{user.displayName}</td>
                <td>{v.a.roles[user.role]}</td>
                <td>{user.department ?? ''}</td>
                <td>{user.disabled ? u.disabled : u.enabled}</td>
                <td>{user.totp ? u.totpOn : u.totpOff}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="create">{u.createHeading}</h2>
      {failure?.form === 'create' && <ErrorSummary v={v} issues={failure.issues} labels={labels(v)} />}
      <form method="post" action={href(v, '/staff/admin/users')}>
        {csrfField(v.csrf)}
        <TextInput form="create" name="username" label={u.username} hint={u.usernameHint} value={values.username} required autocomplete="off" errors={errors} />
        <TextInput form="create" name="displayName" label={u.displayName} value={values.displayName} errors={errors} />
        <RoleFields v={v} form="create" departments={departments} role={values.role ?? 'handler'} department={values.department ?? ''} errors={errors} />
        <TextInput form="create" name="password" type="password" label={u.password} hint={u.passwordHint} required autocomplete="new-password" errors={errors} />
        <button type="submit" class="button">{u.create}</button>
      </form>
    </AdminLayout>
  );
}

/** The TOTP secret of an account just set up: on this response only, never stored in a page again. */
function Secret({ v, username, secret }: { v: AdminView; username: string; secret: string }) {
  return (
    <section class="receipt" aria-labelledby="secret-heading">
      <h2 id="secret-heading">{v.a.users.secretHeading}</h2>
      <p class="receipt-code mono">{secret}</p>
      <p class="receipt-warning">{v.a.users.secretText}</p>
      <p>{v.a.users.secretUri}: <span class="mono">{totpUri(secret, username)}</span></p>
    </section>
  );
}

export function UserPage({ v, user, departments, failure, values = {}, notice, secret }: Common & {
  user: AccountView; secret?: string | null | undefined;
}) {
  const u = v.a.users;
  const base = `/staff/admin/users/${encodeURIComponent(user.username)}`;
  const self = v.actor?.username === user.username;
  return (
    <AdminLayout v={v} title={`${u.title}: ${user.username}`} current="users" notice={notice}>
      {secret && <Secret v={v} username={user.username} secret={secret} />}
      <dl class="summary-list">
        <dt>{u.displayName}</dt><dd>{user.displayName}</dd>
        <dt>{u.role}</dt><dd>{v.a.roles[user.role]}</dd>
        <dt>{u.department}</dt><dd>{user.department ?? v.a.common.noDepartment}</dd>
        <dt>{u.status}</dt><dd>{user.disabled ? u.disabled : u.enabled}</dd>
        <dt>{u.totp}</dt><dd>{user.totp ? u.totpOn : u.totpOff}</dd>
        <dt>{u.createdAt}</dt><dd>{shortTime(user.createdAt)}</dd>
        <dt>{u.passwordChangedAt}</dt><dd>{shortTime(user.passwordChangedAt)}</dd>
      </dl>
      {failure && <ErrorSummary v={v} issues={failure.issues} labels={{ ...labels(v), password: u.newPassword }} />}
      {self ? <p class="notice">{u.self}</p> : (
        <>
          <h2>{u.statusHeading}</h2>
          <form method="post" action={href(v, `${base}/${user.disabled ? 'enable' : 'disable'}`)}>
            {csrfField(v.csrf)}
            {!user.disabled && <p class="hint">{u.disableHint}</p>}
            <button type="submit" class={user.disabled ? 'button' : 'button button-secondary'}>{user.disabled ? u.enable : u.disable}</button>
          </form>
        </>
      )}
      <h2>{u.resetHeading}</h2>
      <form method="post" action={href(v, `${base}/password`)}>
        {csrfField(v.csrf)}
        <TextInput form="password" name="password" type="password" label={u.newPassword} hint={`${u.passwordHint} ${u.resetHint}`}
          required autocomplete="new-password" errors={errorsFor(failure, 'password')} />
        <button type="submit" class="button">{u.reset}</button>
      </form>
      {!self && (
        <>
          <h2>{u.roleHeading}</h2>
          <p class="hint">{u.roleHint}</p>
          <form method="post" action={href(v, `${base}/role`)}>
            {csrfField(v.csrf)}
            <RoleFields v={v} form="role" departments={departments} role={values.role ?? user.role}
              department={values.department ?? user.department ?? ''} errors={errorsFor(failure, 'role')} />
            <button type="submit" class="button">{u.changeRole}</button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
