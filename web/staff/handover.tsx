/**
 * The printable hand-over form (移送单). It leaves the system, so it carries the reporter's
 * pseudonym only — leaked transfer forms are how reported companies learned who reported them —
 * and the redacted description; never a contact, not even masked.
 */
import type { CaseView } from '../../server/cases/case-page.service.js';
import type { StaffLang as Lang } from '../i18n.js';
import { nameOf, type StaffView } from './context.js';
import { StaffHead } from './document.js';
import { formatSize, formatTime } from './format.js';

const text = {
  zh: {
    title: '移送单', caseNumber: '案件编号', pseudonym: '举报人/投诉人代号', pseudonymNote: '身份信息依法保密，本单不载明',
    timeline: '办理经过', printed: '制单时间', printedBy: '制单人', back: '返回案件', printHint: '请使用浏览器的打印功能打印本单。',
    signature: '移送部门（盖章）', receiver: '接收部门签收',
    attachments: '附件', file: '文件', size: '大小', digest: 'SHA-256 校验值', noAttachments: '无附件。',
  },
  en: {
    title: 'Hand-over form', caseNumber: 'Case number', pseudonym: 'Reporter (pseudonym)', pseudonymNote: 'identity withheld by law',
    timeline: 'Handling so far', printed: 'Printed at', printedBy: 'Printed by', back: 'Back to the case', printHint: "Use the browser's print command to print this form.",
    signature: 'Handing-over department (seal)', receiver: 'Received by',
    attachments: 'Attachments', file: 'File', size: 'Size', digest: 'SHA-256', noAttachments: 'No attachments.',
  },
} satisfies Record<Lang, Record<string, string>>;

function eventLabel(v: StaffView, event: string): string {
  const s = v.t.staff;
  return s.actions[event] ?? s.events[event] ?? event;
}

function Facts({ v, c }: { v: StaffView; c: CaseView }) {
  const { t, lang } = v;
  const s = t.staff.case;
  const h = text[lang];
  return (
    <dl class="handover-facts">
      <dt>{h.caseNumber}</dt><dd class="mono">{c.caseNumber}</dd>
      <dt>{s.kind}</dt><dd>{t.staff.kinds[c.kind] ?? c.kind}</dd>
      <dt>{s.category}</dt><dd>{nameOf(v.lookups.categories, c.category, lang)}</dd>
      <dt>{s.region}</dt><dd>{nameOf(v.lookups.regions, c.region, lang)} ({c.region})</dd>
      <dt>{s.status}</dt><dd>{t.staff.statuses[c.status] ?? c.status}</dd>
      <dt>{s.department}</dt><dd>{c.department ? c.department.name[lang] : s.triage}</dd>
      <dt>{s.received}</dt><dd>{formatTime(c.receivedAt)}</dd>
      <dt>{s.subject}</dt>
      <dd>
        {c.subject.name}
        {c.subject.creditCode && <><br /><span class="mono">{c.subject.creditCode}</span></>}
        {c.subject.address && <><br />{c.subject.address}</>}
      </dd>
      {c.subject.product && (
        <>
          <dt>{s.product}</dt>
          <dd>
            {[c.subject.product.name, c.subject.product.brand, c.subject.product.model].filter(Boolean).join(' · ')}
            {c.subject.product.batch && <><br />{s.batch}: {c.subject.product.batch}</>}
            {c.subject.product.gtin && <><br />{s.gtin}: <span class="mono">{c.subject.product.gtin}</span>
              {c.flags.gtinCheckFailed && <> ({t.staff.flags.gtin})</>}</>}
          </dd>
        </>
      )}
      <dt>{h.pseudonym}</dt><dd><strong>{c.reporter}</strong> ({h.pseudonymNote})</dd>
    </dl>
  );
}

function Timeline({ v, c }: { v: StaffView; c: CaseView }) {
  const s = v.t.staff.case;
  return (
    <table class="handover-table">
      <thead><tr><th scope="col">{s.at}</th><th scope="col">{s.event}</th></tr></thead>
      <tbody>
        {c.timeline.map((e) => <tr><td>{formatTime(e.at)}</td><td>{eventLabel(v, e.event)}</td></tr>)}
      </tbody>
    </table>
  );
}

/** The files by their neutral names (never the names they were sent under), with digests to match the copies handed over. */
function Attachments({ v, c }: { v: StaffView; c: CaseView }) {
  const h = text[v.lang];
  if (c.attachments.length === 0) return <p>{h.noAttachments}</p>;
  return (
    <table class="handover-table handover-attachments">
      <thead><tr><th scope="col">{h.file}</th><th scope="col">{h.size}</th><th scope="col">{h.digest}</th></tr></thead>
      <tbody>
        {c.attachments.map((a) => <tr><td>{a.name}</td><td>{formatSize(a.size)}</td><td class="mono">{a.sha256}</td></tr>)}
      </tbody>
    </table>
  );
}

/** Event notes are left out: staff write them for colleagues, not for a document that leaves the system. */
export function HandoverPage({ v, c, printedAt }: { v: StaffView; c: CaseView; printedAt: string }) {
  const { t, lang } = v;
  const h = text[lang];
  return (
    <html lang={t.htmlLang}>
      <StaffHead title={`${h.title} ${c.caseNumber} – ${t.siteName}`} stylesheets={['/staff/handover.css']} />
      <body class="handover">
        <nav class="handover-tools">
          <a href={`/staff/cases/${c.caseNumber}${lang === 'en' ? '?lang=en' : ''}`}>{h.back}</a>
          <span>{h.printHint}</span>
        </nav>
        <main id="main" class="handover-sheet">
          <p class="handover-issuer">{t.siteName}</p>
          <h1>{h.title}</h1>
          <Facts v={v} c={c} />
          <h2>{t.staff.case.description}</h2>
          <p class="case-text">{c.description}</p>
          <h2>{h.attachments}</h2>
          <Attachments v={v} c={c} />
          <h2>{h.timeline}</h2>
          <Timeline v={v} c={c} />
          <dl class="handover-footer">
            <dt>{h.printed}</dt><dd>{formatTime(printedAt)}</dd>
            <dt>{h.printedBy}</dt><dd>{v.actor?.displayName ?? ''}</dd>
          </dl>
          <div class="handover-signatures">
            <p>{h.signature}</p>
            <p>{h.receiver}</p>
          </div>
        </main>
      </body>
    </html>
  );
}
