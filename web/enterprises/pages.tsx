/** The enterprise search (/enterprises?q=) and an enterprise's summary (/enterprises/{code}): counts only. */
import type { EnterpriseMatch } from '../../server/enterprises/enterprises.service.js';
import type { EnterpriseProduct, EnterpriseSummary } from '../../server/enterprises/summary.js';
import type { Messages } from '../i18n.js';
import { Layout } from '../layout.js';
import { YearChart } from './chart.js';
import type { EnterpriseMessages } from './messages.js';

interface Base { t: Messages; m: EnterpriseMessages; switchHref: string }

/** The search form; it GETs /enterprises, so a search is a link that can be shared and works without script. */
export function SearchForm({ m, q, error }: { m: EnterpriseMessages; q: string; error?: string | undefined }) {
  const described = ['enterprise-q-hint', error ? 'enterprise-q-error' : ''].filter(Boolean).join(' ');
  return (
    <form method="get" action="/enterprises" role="search" class="filter-form">
      <div class={error ? 'field field-error' : 'field'}>
        <label class="label" for="enterprise-q">{m.searchLabel}</label>
        <p class="hint" id="enterprise-q-hint">{m.searchHint}</p>
        {error && <p class="error-message" id="enterprise-q-error">{error}</p>}
        <input class="input" id="enterprise-q" name="q" type="search" value={q} maxlength={100} autocomplete="off"
          aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
      </div>
      <button class="button" type="submit">{m.searchButton}</button>
    </form>
  );
}

export function EnterpriseSearchPage({ t, m, switchHref, q, matches, limit, error }: Base & {
  q: string; matches: EnterpriseMatch[] | null; limit: number; error?: string | undefined;
}) {
  return (
    <Layout t={t} title={m.searchTitle} switchHref={switchHref}>
      <h1>{m.searchTitle}</h1>
      <p class="lead">{m.searchIntro}</p>
      <SearchForm m={m} q={q} error={error} />
      {matches && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{m.resultsHeading}</h2>
          {matches.length === 0 ? <p>{m.noResults}</p> : (
            <>
              <p>{m.resultsCount(matches.length)}{matches.length >= limit ? ` ${m.resultsCapped(limit)}` : ''}</p>
              <div class="table-scroll" role="region" tabindex={0} aria-label={m.resultsHeading}>
                <table class="table">
                  <thead><tr><th scope="col">{m.colName}</th><th scope="col">{m.colCode}</th></tr></thead>
                  <tbody>
                    {matches.map((e) => (
                      <tr>
                        <th scope="row"><a href={`/enterprises/${e.creditCode}`}>{e.name}</a></th>
                        <td class="mono">{e.creditCode}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}

function Totals({ m, s }: { m: EnterpriseMessages; s: EnterpriseSummary }) {
  const rows: [string, number][] = [
    [m.complaintsReceived, s.complaints.received], [m.complaintsAccepted, s.complaints.accepted],
    [m.complaintsMediated, s.complaints.mediated], [m.reportsReceived, s.reports.received],
    [m.reportsOpened, s.reports.opened], [m.penaltiesDecided, s.penaltiesDecided],
  ];
  return <dl class="summary-list">{rows.map(([label, n]) => <><dt>{label}</dt><dd>{n}</dd></>)}</dl>;
}

function YearTable({ m, s }: { m: EnterpriseMessages; s: EnterpriseSummary }) {
  return (
    // Focusable so that a keyboard can scroll it when its columns are wider than a phone.
    <div class="table-scroll" role="region" tabindex={0} aria-label={m.byYearHeading}>
      <table class="table">
        <caption>{m.byYearCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.year}</th><th scope="col">{m.colComplaints}</th><th scope="col">{m.colAccepted}</th>
            <th scope="col">{m.colMediated}</th><th scope="col">{m.colReports}</th><th scope="col">{m.colOpened}</th>
            <th scope="col">{m.colPenalties}</th>
          </tr>
        </thead>
        <tbody>
          {[...s.byYear].reverse().map((y) => (
            <tr>
              <th scope="row">{y.year}</th><td>{y.complaints}</td><td>{y.complaintsAccepted}</td><td>{y.complaintsMediated}</td>
              <td>{y.reports}</td><td>{y.reportsOpened}</td><td>{y.penaltiesDecided}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Products({ m, products }: { m: EnterpriseMessages; products: EnterpriseProduct[] }) {
  if (products.length === 0) return <p>{m.noProducts}</p>;
  return (
    <div class="table-scroll" role="region" tabindex={0} aria-label={m.productsHeading}>
      <table class="table">
        <caption>{m.productsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.productName}</th><th scope="col">{m.brand}</th><th scope="col">{m.model}</th>
            <th scope="col">{m.gtin}</th><th scope="col">{m.cases}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr><td>{p.name ?? ''}</td><td>{p.brand ?? ''}</td><td>{p.model ?? ''}</td><td class="mono">{p.gtin ?? ''}</td><td>{p.cases}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EnterpriseSummaryPage({ t, m, switchHref, s }: Base & { s: EnterpriseSummary }) {
  return (
    <Layout t={t} title={`${s.name} – ${m.summaryLead}`} switchHref={switchHref}>
      <p class="breadcrumb"><a href="/enterprises">{m.backToSearch}</a></p>
      <h1>{s.name}<span class="subtitle">{m.summaryLead}</span></h1>
      <dl class="summary-list">
        <dt>{m.creditCode}</dt><dd class="mono">{s.creditCode}</dd>
      </dl>
      <p class="hint">{m.nameNote}</p>
      {!s.creditCodeCheckOk && <div class="notice"><p>{m.checkWarning}</p></div>}
      <h2>{m.totalsHeading}</h2>
      <Totals m={m} s={s} />
      <h2>{m.byYearHeading}</h2>
      <p class="hint">{m.byYearNote}</p>
      {s.byYear.length > 0 && <div class="chart-box"><YearChart m={m} years={s.byYear} /></div>}
      <YearTable m={m} s={s} />
      <h2>{m.productsHeading}</h2>
      <Products m={m} products={s.products} />
      <h2>{m.notesHeading}</h2>
      <ul class="list">{m.notes.map((line) => <li>{line}</li>)}</ul>
    </Layout>
  );
}

export function EnterpriseNotFoundPage({ t, m, switchHref, code, wellFormed }: Base & { code: string; wellFormed: boolean }) {
  return (
    <Layout t={t} title={m.notFoundTitle} switchHref={switchHref}>
      <h1>{m.notFoundTitle}</h1>
      <p>{wellFormed ? m.notFound(code) : m.notACode}</p>
      <h2>{m.searchAgain}</h2>
      <SearchForm m={m} q={wellFormed ? code : ''} />
    </Layout>
  );
}
