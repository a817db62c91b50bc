/** The "where would this go?" box and its answer: the department and the rule that decided. */
import type { RoutePreview } from '../../server/admin/preview.service.js';
import { href, type AdminView } from './context.js';
import { ErrorSummary, namedOptions, SelectInput } from './fields.js';
import { errorsFor, type Failure } from './form.js';
import { AdminLayout } from './layout.js';

export interface Choice { code: string; name: string }
export interface PreviewValues { category: string; region: string; kind: string; severity: string }
export interface PreviewChoices { categories: Choice[]; regions: Choice[] }

export const emptyPreview: PreviewValues = { category: '', region: '', kind: '', severity: '' };

/**
 * A GET form: asking where a case would go changes nothing, so it carries no CSRF token (a token in
 * a URL would leak into history and logs) and its answer can be bookmarked.
 */
export function PreviewForm({ v, choices, values, failure }: {
  v: AdminView; choices: PreviewChoices; values: PreviewValues; failure?: Failure | undefined;
}) {
  const p = v.a.preview;
  const errors = errorsFor(failure, 'preview');
  const options = (list: Choice[]) => namedOptions(v.a.common.choose, list);
  const kinds: [string, string][] = [['', v.a.common.any], ...(['complaint', 'report', 'injury'] as const).map((k): [string, string] => [k, v.a.kinds[k] ?? k])];
  const severities: [string, string][] = [['', v.a.common.none], ...(['minor', 'serious', 'fatal'] as const).map((s): [string, string] => [s, v.a.severities[s] ?? s])];
  return (
    <form method="get" action="/staff/admin/preview" class="filter-form">
      {/* A GET form replaces the action's query string, so the language rides along as a field. */}
      {v.lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <div class="filter-grid">
        <SelectInput form="preview" name="category" label={p.category} options={options(choices.categories)} value={values.category} required errors={errors} />
        <SelectInput form="preview" name="region" label={p.region} options={options(choices.regions)} value={values.region} required errors={errors} />
        <SelectInput form="preview" name="kind" label={p.kind} hint={p.kindHint} options={kinds} value={values.kind} errors={errors} />
        <SelectInput form="preview" name="severity" label={p.severity} hint={p.severityHint} options={severities} value={values.severity} errors={errors} />
      </div>
      <button type="submit" class="button">{p.submit}</button>
    </form>
  );
}

/** Why it goes there, in the page language (the stored reason is a technical English line). */
function reasonText(v: AdminView, choices: PreviewChoices, result: RoutePreview): string {
  const p = v.a.preview;
  const name = (list: Choice[], code: string) => list.find((x) => x.code === code)?.name ?? code;
  const region = name(choices.regions, result.input.region);
  if (result.department) return p.routed(name(choices.categories, result.input.category), region, result.department.name[v.lang]);
  return result.rule ? p.noDepartmentReason(region) : p.noRuleReason(name(choices.categories, result.input.category));
}

export function PreviewResult({ v, choices, result }: { v: AdminView; choices: PreviewChoices; result: RoutePreview }) {
  const p = v.a.preview;
  const severity = result.input.severity ? v.a.severities[result.input.severity] ?? result.input.severity : '';
  return (
    <section class="notice" aria-labelledby="preview-result" role="status">
      <h2 id="preview-result">{p.result}</h2>
      <dl class="summary-list">
        <dt>{p.department}</dt>
        {/* The code stays beside the name: it is how the department is found on the departments page. */}
        <dd>{result.department ? <>{result.department.name[v.lang]} <span class="mono">({result.department.code})</span></> : p.triage}</dd>
        <dt>{p.rule}</dt>
        <dd>{result.rule ? <a class="mono" href={href(v, `/staff/admin/routing/rules/${encodeURIComponent(result.rule)}`)}>{result.rule}</a> : p.noRule}</dd>
        <dt>{p.kind}</dt><dd>{v.a.kinds[result.input.kind] ?? result.input.kind}</dd>
        <dt>{p.reason}</dt><dd>{reasonText(v, choices, result)}</dd>
        <dt>{p.urgent}</dt><dd>{result.urgent ? v.a.common.yes : v.a.common.no}</dd>
        {result.cohandlers.length > 0 && (
          <>
            <dt>{p.cohandlers}</dt>
            <dd>{result.cohandlers.map((h) => <p>{h.name[v.lang]} ({p.cohandlerReason(severity)})</p>)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

export function PreviewPage({ v, choices, values, result, failure }: {
  v: AdminView; choices: PreviewChoices; values: PreviewValues; result?: RoutePreview | undefined; failure?: Failure | undefined;
}) {
  const p = v.a.preview;
  return (
    <AdminLayout v={v} title={p.title} current="preview">
      <p>{p.intro}</p>
      {failure && <ErrorSummary v={v} issues={failure.issues} labels={{ category: p.category, region: p.region, kind: p.kind, severity: p.severity }} />}
      <PreviewForm v={v} choices={choices} values={values} failure={failure} />
      {result && <PreviewResult v={v} choices={choices} result={result} />}
    </AdminLayout>
  );
}
