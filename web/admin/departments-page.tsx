/** The departments list (filtered by agency) and one department's edit form. */
import type { DepartmentAdminView } from '../../server/admin/departments.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { href, type AdminView } from './context.js';
import { CheckInput, ErrorSummary, TextInput } from './fields.js';
import { errorsFor, type Failure } from './form.js';
import { AdminLayout } from './layout.js';

export interface Choice { code: string; name: string }
export interface DepartmentValues { nameZh: string; nameEn: string; email: string; active: boolean; jurisdiction: string }

export function DepartmentsPage({ v, departments, agencies, agency, notice }: {
  v: AdminView; departments: DepartmentAdminView[]; agencies: Choice[]; agency: string | undefined; notice?: string | undefined;
}) {
  const d = v.a.departments;
  const shown = agency ? departments.filter((x) => x.agency === agency) : departments;
  const link = (code?: string) => href(v, code ? `/staff/admin/departments?agency=${encodeURIComponent(code)}` : '/staff/admin/departments');
  return (
    <AdminLayout v={v} title={d.title} current="departments" notice={notice}>
      {/* Links, not a form: a filter changes nothing, and a GET form would have to carry no CSRF token anyway. */}
      <nav class="filters" aria-label={d.filter}>
        <ul class="filter-list">
          <li><a class={agency ? 'filter-link' : 'filter-link filter-active'} href={link()}>{d.allAgencies}</a></li>
          {agencies.map((a) => (
            <li><a class={agency === a.code ? 'filter-link filter-active' : 'filter-link'} href={link(a.code)}
              aria-current={agency === a.code ? 'true' : undefined}>{a.name}</a></li>
          ))}
        </ul>
      </nav>
      <p>{d.count(shown.length)}</p>
      <div class="table-scroll">
        <table class="table">
          <thead><tr><th>{d.code}</th><th>{d.name}</th><th>{d.email}</th><th>{d.jurisdiction}</th><th>{d.active}</th></tr></thead>
          <tbody>
            {shown.map((x) => (
              <tr>
                <td class="nowrap"><a href={href(v, `/staff/admin/departments/${encodeURIComponent(x.code)}`)}>{x.code}</a></td>
                <td>{x.name[v.lang]}</td>
                <td>{x.email ?? ''}</td>
                <td class="mono">{x.jurisdiction.join(' ')}</td>
                <td>{x.active ? v.a.common.active : v.a.common.inactive}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function DepartmentPage({ v, department, regions, agencies, failure, values, notice }: {
  v: AdminView; department: DepartmentAdminView; regions: Choice[]; agencies: Choice[]; failure?: Failure | undefined;
  values?: DepartmentValues | undefined; notice?: string | undefined;
}) {
  const d = v.a.departments;
  const errors = errorsFor(failure, 'department');
  const shown = values ?? {
    nameZh: department.name.zh, nameEn: department.name.en, email: department.email ?? '', active: department.active,
    jurisdiction: department.jurisdiction.join(' '),
  };
  const labels = { nameZh: d.nameZh, nameEn: d.nameEn, email: d.email, active: d.active, jurisdiction: d.jurisdiction };
  return (
    <AdminLayout v={v} title={`${d.title}: ${department.name[v.lang]}`} current="departments" notice={notice}>
      <dl class="summary-list">
        <dt>{d.code}</dt><dd class="mono">{department.code}</dd>
        <dt>{d.agency}</dt><dd>{agencies.find((a) => a.code === department.agency)?.name ?? department.agency}</dd>
        <dt>{d.region}</dt><dd>{regions.find((r) => r.code === department.region)?.name ?? department.region}</dd>
      </dl>
      {failure && <ErrorSummary v={v} issues={failure.issues} labels={labels} />}
      <form method="post" action={href(v, `/staff/admin/departments/${encodeURIComponent(department.code)}`)}>
        {csrfField(v.csrf)}
        <TextInput form="department" name="nameZh" label={d.nameZh} value={shown.nameZh} required errors={errors} />
        <TextInput form="department" name="nameEn" label={d.nameEn} value={shown.nameEn} required errors={errors} />
        <TextInput form="department" name="email" type="email" label={d.email} hint={d.emailHint} value={shown.email} errors={errors} />
        <CheckInput form="department" name="active" label={d.activeLabel} hint={d.activeHint} checked={shown.active} errors={errors} />
        <TextInput form="department" name="jurisdiction" label={d.jurisdiction} hint={d.jurisdictionHint} value={shown.jurisdiction} required errors={errors} />
        <button type="submit" class="button">{d.save}</button>
      </form>
      <details>
        <summary>{d.regions}</summary>
        <ul class="list">{regions.map((r) => <li><span class="mono">{r.code}</span> {r.name}</li>)}</ul>
      </details>
    </AdminLayout>
  );
}
