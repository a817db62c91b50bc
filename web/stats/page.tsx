/** The page /stats: the period form (GET, no script), the statistics, the business look-up and the reports. */
import type { Child } from 'hono/jsx';
import type { ErrorIssue } from '../../server/errors.js';
import { PERIOD_ISSUES, type StatsPeriod } from '../../server/stats/stats.schema.js';
import type { StatsAnswer, StatsNames } from '../../server/stats/stats.service.js';
import type { Lang, Messages } from '../i18n.js';
import { Layout } from '../layout.js';
import { statsText } from './messages.js';
import type { StatsText } from './messages-zh.js';
import { StatsBody } from './stats-body.js';

export interface StatsPageProps {
  t: Messages;
  lang: Lang;
  switchHref: string;
  /** What the form shows: the period read, or what was typed when it could not be read. */
  asked: { from: string; to: string };
  /** The statistics, or the problems with the period asked for. */
  shown: { stats: StatsAnswer; names: StatsNames } | { issues: ErrorIssue[] };
  /** The periodic reports' section, when there is one. */
  reports?: Child;
}

const FIELDS = ['from', 'to'] as const;
const fieldId = (name: string) => `stats-${name}`;

/** An issue of the period in the page language. */
function issueText(s: StatsText, issue: ErrorIssue): string {
  if (issue.message === PERIOD_ISSUES.order) return s.errors.order;
  if (issue.message === PERIOD_ISSUES.span) return s.errors.span;
  return s.errors.format;
}

export function StatsPage({ t, lang, switchHref, asked, shown, reports }: StatsPageProps) {
  const s = statsText(lang);
  const errors = new Map<string, string>();
  if ('issues' in shown) for (const issue of shown.issues) if (!errors.has(issue.path)) errors.set(issue.path, issueText(s, issue));
  return (
    <Layout t={t} title={s.title} switchHref={switchHref}>
      <h1>{s.title}</h1>
      <p class="lead">{s.intro}</p>
      {errors.size > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title" class="error-summary-title">{s.errors.summary}</h2>
          <ul class="error-summary-list">
            {[...errors].map(([path, message]) => <li><a href={`#${fieldId(FIELDS.includes(path as 'from') ? path : 'to')}`}>{message}</a></li>)}
          </ul>
        </div>
      )}
      <PeriodForm s={s} asked={asked} errors={errors} />
      {'stats' in shown && (
        <>
          <p class="stats-period"><strong>{s.period.shown(shown.stats.from, shown.stats.to)}</strong></p>
          <StatsBody stats={shown.stats} names={shown.names} lang={lang} />
        </>
      )}
      <section class="stats-search" aria-labelledby="stats-search-heading">
        <h2 id="stats-search-heading">{s.search.heading}</h2>
        <form method="get" action="/enterprises" role="search" aria-labelledby="stats-search-heading">
          <div class="field">
            <label class="label" for="stats-q">{s.search.label}</label>
            <p class="hint" id="stats-q-hint">{s.search.hint}</p>
            <input class="input" type="search" id="stats-q" name="q" maxlength={100} autocomplete="organization" aria-describedby="stats-q-hint" />
          </div>
          <button class="button" type="submit">{s.search.submit}</button>
        </form>
      </section>
      {reports}
    </Layout>
  );
}

function PeriodForm({ s, asked, errors }: { s: StatsText; asked: StatsPeriod; errors: Map<string, string> }) {
  return (
    <form method="get" action="/stats" novalidate>
      <fieldset class="stats-fieldset">
        <legend class="label">{s.period.legend}</legend>
        <p class="hint" id="stats-period-hint">{s.period.hint}</p>
        <div class="stats-form">
          {FIELDS.map((name) => {
            const id = fieldId(name);
            const error = errors.get(name);
            return (
              <div class={error ? 'field field-error' : 'field'}>
                <label class="label" for={id}>{name === 'from' ? s.period.from : s.period.to}</label>
                {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
                <input class="input" type="text" id={id} name={name} value={asked[name]} size={8} maxlength={7}
                  autocomplete="off" spellcheck={false}
                  aria-describedby={error ? `stats-period-hint ${id}-error` : 'stats-period-hint'} aria-invalid={error ? 'true' : undefined} />
              </div>
            );
          })}
          <div class="field"><button class="button" type="submit">{s.period.submit}</button></div>
        </div>
      </fieldset>
    </form>
  );
}
