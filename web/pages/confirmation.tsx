/** The one and only showing of the receipt, with the case number, department and time limits. */
import type { SubmittedCase } from '../../server/intake/intake.schema.js';
import { formatDue } from '../format.js';
import type { Lang, Messages } from '../i18n.js';
import { Layout } from '../layout.js';
import { nameIn } from '../names.js';
import { flowText } from '../intake/flow-messages.js';

export function ConfirmationPage({ t, lang, submitted }: { t: Messages; lang: Lang; submitted: SubmittedCase }) {
  const c = t.confirm;
  return (
    <Layout t={t} title={c.title[submitted.kind]} scripts={['/static/print.js']}>
      <div class="panel-success">
        <h1>{c.title[submitted.kind]}</h1>
        <p>{c.caseNumber}</p>
        <p class="case-number">{submitted.caseNumber}</p>
      </div>

      <section class="receipt" aria-labelledby="receipt-title">
        <h2 id="receipt-title">{c.receiptHeading}</h2>
        <p class="receipt-code">{submitted.receipt}</p>
        <p class="receipt-warning"><strong>{c.receiptWarning}</strong></p>
        <p class="print-action"><a id="print-link" class="button button-secondary" href="#print">{c.print}</a></p>
        <p class="print-fallback">{c.printNoScript}</p>
      </section>

      <dl class="summary-list">
        <dt>{c.department}</dt>
        <dd>{submitted.department ? nameIn(submitted.department.name, lang) : c.triage}</dd>
        {submitted.cohandlers.length > 0 && (
          <>
            <dt>{c.cohandlers}</dt>
            <dd>{submitted.cohandlers.map((d) => nameIn(d.name, lang)).join(t.form.kindSeparator)}</dd>
          </>
        )}
      </dl>

      <h2>{c.dueHeading}</h2>
      <dl class="summary-list">
        {submitted.due.map((due) => (
          <>
            <dt>{c.clocks[due.clock] ?? due.clock}</dt>
            <dd>
              {formatDue(due.dueAt, lang, t)}
              {due.provisional && <p class="hint">{c.provisional}</p>}
            </dd>
          </>
        ))}
      </dl>
      <p>{c.next}</p>
      <p class="followup-link"><a href="/followup">{t.followup.confirmationLink}</a></p>
    </Layout>
  );
}

/** The confirmation address opened again (a reload, the back button): the receipt is not shown twice. */
export function ReceiptShownPage({ t, lang }: { t: Messages; lang: Lang }) {
  const text = flowText(lang);
  return (
    <Layout t={t} title={text.shownTitle}>
      <h1>{text.shownTitle}</h1>
      <p class="lead">{text.shownBody}</p>
      <p>{text.shownFollowup}</p>
      <p class="followup-link"><a href="/followup">{text.followupLink}</a></p>
      <p>{text.shownLost}</p>
      <p><a href="/">{text.homeLink}</a></p>
    </Layout>
  );
}
