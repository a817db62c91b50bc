/** Routing rules and categories: both lists with the add-rule form, and one rule's edit and deactivate forms. */
import type { RuleView } from '../../server/admin/rules.service.js';
import type { categoryView } from '../../server/directory/directory.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { href, type AdminView } from './context.js';
import { CheckInput, ErrorSummary, namedOptions, SelectInput, TextInput } from './fields.js';
import { errorsFor, type Failure } from './form.js';
import { AdminLayout } from './layout.js';

export type CategoryRow = ReturnType<typeof categoryView>;
export interface Choice { code: string; name: string }
export interface RuleValues { category: string; kind: string; agency: string; priority: string; note: string; active: boolean }

export interface RuleFormProps {
  v: AdminView;
  categories: Choice[];
  agencies: Choice[];
  failure?: Failure | undefined;
  notice?: string | undefined;
}

const ruleLabels = (v: AdminView) => {
  const r = v.a.routing;
  return { category: r.category, kind: r.kind, agency: r.agency, priority: r.priority, note: r.note, active: r.active };
};

function RuleFields({ v, form, categories, agencies, values, errors, withActive }: RuleFormProps & {
  form: string; values: RuleValues; errors: Map<string, string>; withActive: boolean;
}) {
  const r = v.a.routing;
  const options = (list: Choice[]) => namedOptions(v.a.common.choose, list);
  const kinds: [string, string][] = [['', v.a.common.any], ...(['complaint', 'report', 'injury'] as const).map((k): [string, string] => [k, v.a.kinds[k] ?? k])];
  return (
    <>
      <SelectInput form={form} name="category" label={r.category} options={options(categories)} value={values.category} required errors={errors} />
      <SelectInput form={form} name="kind" label={r.kind} hint={r.kindHint} options={kinds} value={values.kind} errors={errors} />
      <SelectInput form={form} name="agency" label={r.agency} options={options(agencies)} value={values.agency} required errors={errors} />
      <TextInput form={form} name="priority" type="number" label={r.priority} hint={r.priorityHint} value={values.priority} errors={errors} />
      <TextInput form={form} name="note" label={r.note} value={values.note} errors={errors} />
      {withActive && <CheckInput form={form} name="active" label={r.activeLabel} checked={values.active} errors={errors} />}
    </>
  );
}

/** A directory code's name in the page language; the code itself if the directory no longer has it. */
const namer = (list: Choice[]) => {
  const names = new Map(list.map((x) => [x.code, x.name]));
  return (code: string | null) => (code === null ? '' : names.get(code) ?? code);
};

/** The seed's generated note ("category X is handled by Y") says what the row says: shown in the page language. */
function noteText(v: AdminView, rule: RuleView, category: string, agency: string): string {
  if (rule.note === `category ${rule.category} is handled by ${rule.agency}`) return v.a.routing.defaultNote(category, agency);
  return rule.note ?? '';
}

export function RoutingPage(p: RuleFormProps & { rules: RuleView[]; categoryRows: CategoryRow[]; values?: RuleValues | undefined }) {
  const { v, rules, categoryRows } = p;
  const r = v.a.routing;
  const category = namer(p.categories);
  const agency = namer(p.agencies);
  const values = p.values ?? { category: '', kind: '', agency: '', priority: '0', note: '', active: true };
  return (
    <AdminLayout v={v} title={r.title} current="routing" notice={p.notice}>
      <h2>{r.rulesHeading}</h2>
      <p>{r.rulesIntro}</p>
      <div class="table-scroll">
        <table class="table">
          <thead><tr><th>{r.id}</th><th>{r.category}</th><th>{r.kind}</th><th>{r.agency}</th><th>{r.priority}</th><th>{r.active}</th><th>{r.note}</th></tr></thead>
          <tbody>
            {rules.map((rule) => (
              <tr>
                <td class="mono"><a href={href(v, `/staff/admin/routing/rules/${encodeURIComponent(rule.id)}`)}>{rule.id}</a></td>
                <td>{category(rule.category)}</td>
                <td>{rule.kind ? v.a.kinds[rule.kind] : v.a.common.any}</td>
                <td>{agency(rule.agency)}</td>
                <td>{rule.priority}</td>
                <td>{rule.active ? v.a.common.active : v.a.common.inactive}</td>
                <td>{noteText(v, rule, category(rule.category), agency(rule.agency))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="add-rule">{r.addHeading}</h2>
      {p.failure?.form === 'rule' && <ErrorSummary v={v} issues={p.failure.issues} labels={ruleLabels(v)} />}
      <form method="post" action={href(v, '/staff/admin/routing/rules')}>
        {csrfField(v.csrf)}
        <RuleFields {...p} form="rule" values={values} errors={errorsFor(p.failure, 'rule')} withActive={false} />
        <button type="submit" class="button">{r.add}</button>
      </form>
      <h2>{r.categoriesHeading}</h2>
      <div class="table-scroll">
        <table class="table">
          <thead><tr><th>{r.code}</th><th>{r.nameZh}</th><th>{r.nameEn}</th><th>{r.domain}</th><th>{r.agency}</th><th>{r.kinds}</th></tr></thead>
          <tbody>
            {categoryRows.map((c) => (
              <tr>
                <td class="mono"><a href={href(v, `/staff/admin/routing/categories/${encodeURIComponent(c.code)}`)}>{c.code}</a></td>
                <td>{c.name.zh}</td>
                <td>{c.name.en}</td>
                <td>{r.domains[c.domain] ?? c.domain}</td>
                <td>{agency(c.agency)}</td>
                <td>{c.kinds.map((k) => v.a.kinds[k] ?? k).join(v.lang === 'en' ? ', ' : '、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}

export function RulePage(p: RuleFormProps & { rule: RuleView; values?: RuleValues | undefined }) {
  const { v, rule } = p;
  const r = v.a.routing;
  const base = `/staff/admin/routing/rules/${encodeURIComponent(rule.id)}`;
  const note = noteText(v, rule, namer(p.categories)(rule.category), namer(p.agencies)(rule.agency));
  const values = p.values ?? {
    category: rule.category, kind: rule.kind ?? '', agency: rule.agency, priority: String(rule.priority), note, active: rule.active,
  };
  return (
    <AdminLayout v={v} title={`${r.rulesHeading}: ${rule.id}`} current="routing" notice={p.notice}>
      {p.failure && <ErrorSummary v={v} issues={p.failure.issues} labels={ruleLabels(v)} />}
      <form method="post" action={href(v, base)}>
        {csrfField(v.csrf)}
        <RuleFields {...p} form="rule" values={values} errors={errorsFor(p.failure, 'rule')} withActive />
        <button type="submit" class="button">{r.save}</button>
      </form>
      {rule.active && (
        <>
          <h2>{r.deactivateHeading}</h2>
          <p class="hint">{r.deactivateHint}</p>
          <form method="post" action={href(v, `${base}/deactivate`)}>
            {csrfField(v.csrf)}
            <button type="submit" class="button button-secondary">{r.deactivate}</button>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
