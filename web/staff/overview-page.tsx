/** GET /staff/overview: per-department hotline KPIs for a period, and what is overdue or due soon now. */
import type { departmentOverview } from '../../server/cases/kpi.service.js';
import type { StaffView } from './context.js';
import { StaffLayout } from './layout.js';
import { satisfactionMessages } from './messages-satisfaction.js';

type Overview = Awaited<ReturnType<typeof departmentOverview>>;
type Counts = Overview['totals'];

function Rate({ rate, part, whole }: { rate: number | null; part: number; whole: number }) {
  if (rate === null) return <>—</>;
  return <>{`${(rate * 100).toFixed(1)}%`} <span class="hint">({part}/{whole})</span></>;
}

/** A department's row, or the totals row (counts added up, rates from the sums). */
function OverviewRow({ label, row }: { label: string; row: Counts }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{row.dispatched}</td>
      <td><Rate rate={row.kpi.signRate} part={row.signedOnTime} whole={row.signDue} /></td>
      <td><Rate rate={row.kpi.onTimeRate} part={row.onTime} whole={row.due} /></td>
      <td><Rate rate={row.kpi.returnRate} part={row.returned} whole={row.dispatched} /></td>
      <td><Rate rate={row.kpi.rehandleRate} part={row.rehandled} whole={row.closed} /></td>
      <td>{row.rehandleSuggested}</td>
      <td>{row.overdue > 0 ? <span class="badge badge-overdue">{row.overdue}</span> : 0}</td>
      <td>{row.dueSoon > 0 ? <span class="badge badge-soon">{row.dueSoon}</span> : 0}</td>
    </tr>
  );
}

export function OverviewPage({ v, overview, invalid }: { v: StaffView; overview: Overview; invalid: boolean }) {
  const o = v.t.staff.overview;
  // The counters are kept per month: the form asks for months, the period shown is the months counted.
  const from = overview.months.from;
  const to = overview.months.to;
  return (
    <StaffLayout v={v} title={o.title} current="overview">
      <h1>{o.title}</h1>
      {invalid && <p class="error-summary" role="alert">{o.invalid}</p>}
      <form method="get" action="/staff/overview" class="filter-form period-form">
        <label class="label" for="p-from">{o.from}
          <input class="input" type="month" id="p-from" name="from" value={from} pattern="[0-9]{4}-[0-9]{2}" placeholder="YYYY-MM" required />
        </label>
        <label class="label" for="p-to">{o.to}
          <input class="input" type="month" id="p-to" name="to" value={to} pattern="[0-9]{4}-[0-9]{2}" placeholder="YYYY-MM" required />
        </label>
        <button type="submit" class="button">{o.apply}</button>
      </form>
      <p>{o.period(overview.period.from, overview.period.to)}</p>
      {overview.departments.length === 0 ? <p class="notice">{o.empty}</p> : (
        // A table wider than a phone scrolls: the keyboard must reach it too.
        <div class="table-scroll" tabindex={0} role="region" aria-label={o.title}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{o.department}</th><th scope="col">{o.dispatched}</th><th scope="col">{o.signRate}</th>
                <th scope="col">{o.onTimeRate}</th><th scope="col">{o.returnRate}</th><th scope="col">{o.rehandleRate}</th><th scope="col">{satisfactionMessages(v.lang).nav}</th>
                <th scope="col">{o.overdue}</th><th scope="col">{o.dueSoon}</th>
              </tr>
            </thead>
            <tbody>{overview.departments.map((row) => <OverviewRow label={row.department.name[v.lang]} row={row} />)}</tbody>
            {overview.departments.length > 1 && <tfoot class="totals"><OverviewRow label={v.t.staff.work.overview.total} row={overview.totals} /></tfoot>}
          </table>
        </div>
      )}
      <p class="hint">{o.note}</p>
      <p class="hint">{v.t.staff.work.overview.windows}</p>
    </StaffLayout>
  );
}
