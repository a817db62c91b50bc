/** The legal holds page: which cases are held, and one form to set or clear a hold with its reason. */
import type { listLegalHolds } from '../../server/cases/legal-hold.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { href, shortTime, type AdminView } from './context.js';
import { ErrorSummary, TextInput } from './fields.js';
import { errorsFor, type Failure } from './form.js';
import { AdminLayout } from './layout.js';

type Hold = Awaited<ReturnType<typeof listLegalHolds>>[number];

export function HoldsPage({ v, holds, failure, values = {}, notice }: {
  v: AdminView; holds: Hold[]; failure?: Failure | undefined; values?: Record<string, string> | undefined; notice?: string | undefined;
}) {
  const h = v.a.holds;
  const errors = errorsFor(failure, 'hold');
  return (
    <AdminLayout v={v} title={h.title} current="holds" notice={notice}>
      <p class="hint">{h.intro}</p>
      <h2>{h.heading}</h2>
      {holds.length === 0 ? <p>{h.none}</p> : (
        <div class="table-scroll">
          <table class="table">
            <thead><tr><th>{h.caseNumber}</th><th>{h.status}</th><th>{h.closedAt}</th></tr></thead>
            <tbody>
              {holds.map((c) => <tr><td class="mono">{c.caseNumber}</td><td>{c.status}</td><td>{c.closedAt ? shortTime(c.closedAt) : ''}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="hold">{h.formHeading}</h2>
      {failure && <ErrorSummary v={v} issues={failure.issues} labels={{ caseNumber: h.caseNumber, reason: h.reason }} />}
      <form method="post" action={href(v, '/staff/admin/holds')}>
        {csrfField(v.csrf)}
        <TextInput form="hold" name="caseNumber" label={h.caseNumber} value={values.caseNumber} required autocomplete="off" errors={errors} />
        <TextInput form="hold" name="reason" label={h.reason} hint={h.reasonHint} value={values.reason} required autocomplete="off" errors={errors} />
        <button type="submit" name="action" value="set" class="button">{h.set}</button>
        <button type="submit" name="action" value="clear" class="button button-secondary">{h.clear}</button>
      </form>
    </AdminLayout>
  );
}
