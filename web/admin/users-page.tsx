/**
 * The accounts list with the grants waiting for a second admin and the new-account form, and one
 * account's page with its status, password and role forms. No one-time-code secret is ever shown
 * here: its owner enrols it at first sign-in.
 */
import type { AccountView } from '../../server/admin/accounts.service.js';
import type { GrantView } from '../../server/admin/grants.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { roles } from '../../server/staff/roles.js';
import { href, shortTime, type AdminView } from './context.js';
import { ErrorSummary, namedOptions, SelectInput, TextInput } from './fields.js';
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
  namedOptions(v.a.common.noDepartment, departments);

/** A department's name in the page language; a code no longer in the list shows as itself. */
const departmentLabel = (departments: DepartmentChoice[], code: string) => departments.find((d) => d.code === code)?.name ?? code;

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

const totpText = (v: AdminView, user: AccountView) =>
  user.totpEnrolment === 'enrolled' ? v.a.users.totpOn : user.totpEnrolment === 'pending' ? v.a.users.totpPending : v.a.users.totpOff;

const grantText = (v: AdminView, g: GrantView, departments: DepartmentChoice[]) =>
  `${v.a.users.kinds[g.kind] ?? g.kind}: ${v.a.roles[g.role]}${g.department ? ` (${departmentLabel(departments, g.department)})` : ''}`;

/** The pending grants, each with approve and deny; whoever asked sees only deny (withdraw). */
function Grants({ v, grants, departments, failure }: { v: AdminView; grants: GrantView[]; departments: DepartmentChoice[]; failure?: Failure | undefined }) {
  const u = v.a.users;
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading">{u.grantsHeading}</h2>
      <p class="hint">{u.grantsIntro}</p>
      {failure?.form === 'grants' && <ErrorSummary v={v} issues={failure.issues} labels={{}} />}
      {grants.length === 0 ? <p>{u.grantsNone}</p> : (
        <div class="table-scroll">
          <table class="table">
            <thead><tr><th>{u.username}</th><th>{u.grantKind}</th><th>{u.requestedBy}</th><th>{u.requestedAt}</th><th></th></tr></thead>
            <tbody>
              {grants.map((g) => (
                <tr>
                  <td><a href={href(v, `/staff/admin/users/${encodeURIComponent(g.username)}`)}>{g.username}</a></td>
                  <td>{grantText(v, g, departments)}</td>
                  <td>{g.requestedBy}</td>
                  <td>{shortTime(g.requestedAt)}</td>
                  <td>
                    {g.requestedBy === v.actor?.username || g.username === v.actor?.username ? <p class="hint">{u.grantOwn}</p> : (
                      <form method="post" action={href(v, `/staff/admin/users/grants/${encodeURIComponent(g.id)}/approve`)}>
                        {csrfField(v.csrf)}
                        <button type="submit" class="button">{u.approve}</button>
                      </form>
                    )}
                    <form method="post" action={href(v, `/staff/admin/users/grants/${encodeURIComponent(g.id)}/deny`)}>
                      {csrfField(v.csrf)}
                      <button type="submit" class="button button-secondary">{u.deny}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function UsersPage({ v, users, grants, departments, failure, values = {}, notice }: Common & { users: AccountView[]; grants: GrantView[] }) {
  const u = v.a.users;
  const errors = errorsFor(failure, 'create');
  return (
    <AdminLayout v={v} title={u.title} current="users" notice={notice}>
      <Grants v={v} grants={grants} departments={departments} failure={failure} />
      <div class="table-scroll">
        <table class="table">
          <thead><tr><th>{u.username}</th><th>{u.displayName}</th><th>{u.role}</th><th>{u.department}</th><th>{u.status}</th><th>{u.totp}</th></tr></thead>
          <tbody>
            {users.map((user) => (
              <tr>
                <td><a href={href(v, `/staff/admin/users/${encodeURIComponent(user.username)}`)}>{user.username}</a></td>
                <td>{user.displayName}</td>
                <td>{v.a.roles[user.role]}</td>
                <td>{user.department ? departmentLabel(departments, user.department) : ''}</td>
                <td>{user.disabled ? u.disabled : u.enabled}{user.pendingGrant ? ` (${u.pendingGrant})` : ''}</td>
                <td>{totpText(v, user)}</td>
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

export function UserPage({ v, user, departments, failure, values = {}, notice }: Common & { user: AccountView }) {
  const u = v.a.users;
  const base = `/staff/admin/users/${encodeURIComponent(user.username)}`;
  const self = v.actor?.username === user.username;
  return (
    <AdminLayout v={v} title={`${u.title}: ${user.username}`} current="users" notice={notice}>
      <dl class="summary-list">
        <dt>{u.displayName}</dt><dd>{user.displayName}</dd>
        <dt>{u.role}</dt><dd>{v.a.roles[user.role]}</dd>
        <dt>{u.department}</dt><dd>{user.department ? departmentLabel(departments, user.department) : v.a.common.noDepartment}</dd>
        <dt>{u.status}</dt><dd>{user.disabled ? u.disabled : u.enabled}</dd>
        <dt>{u.totp}</dt><dd>{totpText(v, user)}</dd>
        {user.pendingGrant && <><dt>{u.pendingGrant}</dt><dd>{grantText(v, user.pendingGrant, departments)} – {user.pendingGrant.requestedBy}, {shortTime(user.pendingGrant.requestedAt)}</dd></>}
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
