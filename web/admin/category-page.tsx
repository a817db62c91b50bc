/** One category's edit form: names, the agency it names, the kinds it takes. */
import { csrfField } from '../../server/staff/auth.middleware.js';
import { href, type AdminView } from './context.js';
import { CheckInput, ErrorSummary, namedOptions, SelectInput, TextInput } from './fields.js';
import { errorsFor, type Failure } from './form.js';
import { AdminLayout } from './layout.js';
import type { CategoryRow, Choice } from './rules-page.js';

export interface CategoryValues { nameZh: string; nameEn: string; agency: string; kinds: string[] }

export function CategoryPage({ v, category, agencies, failure, values, notice }: {
  v: AdminView; category: CategoryRow; agencies: Choice[]; failure?: Failure | undefined;
  values?: CategoryValues | undefined; notice?: string | undefined;
}) {
  const r = v.a.routing;
  const errors = errorsFor(failure, 'category');
  const shown = values ?? { nameZh: category.name.zh, nameEn: category.name.en, agency: category.agency ?? '', kinds: category.kinds };
  const agencyOptions = namedOptions(v.a.common.none, agencies);
  const labels = { nameZh: r.nameZh, nameEn: r.nameEn, agency: r.agency, kinds: r.kinds };
  return (
    <AdminLayout v={v} title={`${r.categoriesHeading}: ${category.name[v.lang]}`} current="routing" notice={notice}>
      <dl class="summary-list">
        <dt>{r.code}</dt><dd class="mono">{category.code}</dd>
        <dt>{r.domain}</dt><dd>{r.domains[category.domain] ?? category.domain}</dd>
      </dl>
      {failure && <ErrorSummary v={v} issues={failure.issues} labels={labels} />}
      <form method="post" action={href(v, `/staff/admin/routing/categories/${encodeURIComponent(category.code)}`)}>
        {csrfField(v.csrf)}
        <TextInput form="category" name="nameZh" label={r.nameZh} value={shown.nameZh} required errors={errors} />
        <TextInput form="category" name="nameEn" label={r.nameEn} value={shown.nameEn} required errors={errors} />
        <SelectInput form="category" name="agency" label={r.agency} hint={r.categoryAgencyHint} options={agencyOptions} value={shown.agency} errors={errors} />
        <fieldset class="fieldset">
          <legend class="legend">{r.kinds}</legend>
          {(['complaint', 'report', 'injury'] as const).map((k) => (
            <CheckInput form="category" name="kinds" value={k} label={v.a.kinds[k] ?? k} checked={shown.kinds.includes(k)} errors={errors} />
          ))}
        </fieldset>
        <button type="submit" class="button">{r.saveCategory}</button>
      </form>
    </AdminLayout>
  );
}
