/** GET /staff/reports: the generated statistics reports with their downloads, and (intake, supervisor) the form to generate one. */
import type { ReportListing } from '../../server/stats/reports.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import type { StaffLang } from '../i18n.js';
import { reportMessages, staffReportMessages } from '../stats/report-messages.js';
import { inLang, periodName } from '../stats/reports-section.js';

export interface ReportsForm {
  period: string;
  error?: string | undefined;
}

export interface ReportsBodyProps {
  lang: StaffLang;
  csrf: string;
  reports: (ReportListing & { generatedBy: string })[];
  canGenerate: boolean;
  form?: ReportsForm | undefined;
}

export function ReportsBody({ lang, csrf, reports, canGenerate, form }: ReportsBodyProps) {
  const s = staffReportMessages(lang);
  const m = reportMessages(lang);
  const by = (who: string) => (who === 'system' ? s.bySystem : who === 'cli' ? s.byCli : who);
  const action = lang === 'en' ? '/staff/reports?lang=en' : '/staff/reports';
  return (
    <div class="staff-reports">
      <p>{s.intro}</p>
      {form?.error && (
        <div class="error-summary" role="alert" aria-labelledby="report-failure-title" tabindex={-1}>
          <h2 id="report-failure-title" class="error-summary-title">{s.errorSummary}</h2>
          <ul class="error-summary-list"><li><a href="#report-period">{form.error}</a></li></ul>
        </div>
      )}
      {canGenerate && (
        <form method="post" action={action} class="report-form">
          {csrfField(csrf)}
          <h2>{s.generateHeading}</h2>
          <div class={form?.error ? 'field field-error' : 'field'}>
            <label class="label" for="report-period">{s.periodField}</label>
            <p class="hint" id="report-period-hint">{s.periodHint}</p>
            {form?.error && <p class="error-message" id="report-period-error">{form.error}</p>}
            <input class="input" id="report-period" name="period" type="text" inputmode="text" autocomplete="off" required
              maxlength={10} value={form?.period ?? ''} aria-invalid={form?.error ? 'true' : undefined}
              aria-describedby={form?.error ? 'report-period-hint report-period-error' : 'report-period-hint'} />
          </div>
          <button type="submit" class="button">{s.generate}</button>
        </form>
      )}
      <h2 id="staff-reports-heading">{m.reportsHeading}</h2>
      {reports.length === 0 ? <p>{m.noReports}</p> : (
        <div class="table-scroll" tabindex={0} role="region" aria-labelledby="staff-reports-heading">
          <table class="table">
            <thead>
              <tr><th scope="col">{m.periodCol}</th><th scope="col">{m.generatedCol}</th><th scope="col">{s.byCol}</th><th scope="col">{m.downloadCol}</th></tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr data-period={r.period}>
                  <th scope="row">{periodName(m, r.period)}</th>
                  <td><time datetime={r.generatedAt}>{r.generatedAt.slice(0, 16).replace('T', ' ')}</time></td>
                  <td>{by(r.generatedBy)}</td>
                  <td>
                    <a href={inLang(r.htmlUrl, lang)}>{m.html}</a>{' · '}
                    <a href={inLang(r.csvUrl, lang)} download>{m.csv}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
