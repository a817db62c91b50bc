/**
 * The two responses that show a reporter's identity: a complainant's contact opened for mediation,
 * and a sealed identity viewed once under an approved disclosure. Each is the answer to a POST,
 * rendered with Cache-Control: no-store, never reachable again by URL (no redirect, nothing in a
 * query string), and never in the page title.
 */
import type { Child } from 'hono/jsx';
import type { ReporterIdentity } from '../../server/identity/mask.js';
import type { StaffView } from './context.js';
import { StaffLayout } from './layout.js';

function IdentityList({ v, identity }: { v: StaffView; identity: ReporterIdentity }) {
  const i = v.t.staff.reporter.identity;
  const rows: [string, string | undefined][] = [
    [i.name, identity.name], [i.phone, identity.phone], [i.address, identity.address],
    [i.email, identity.email], [i.idNumber, identity.idNumber],
  ];
  return (
    <dl class="summary-list identity-list">
      {rows.filter(([, value]) => value).map(([label, value]) => (<><dt>{label}</dt><dd class="identity-value">{value}</dd></>))}
    </dl>
  );
}

function Frame({ v, caseNumber, title, children }: { v: StaffView; caseNumber: string; title: string; children?: Child }) {
  return (
    <StaffLayout v={v} title={`${title} – ${caseNumber}`}>
      <p class="breadcrumb"><a href={`/staff/cases/${caseNumber}`}>{caseNumber}</a></p>
      <h1>{title}<span class="subtitle mono">{caseNumber}</span></h1>
      {children}
      <p><a href={`/staff/cases/${caseNumber}`}>{v.t.staff.reporter.contact.back}</a></p>
    </StaffLayout>
  );
}

export function ContactOpenedPage({ v, caseNumber, identity }: { v: StaffView; caseNumber: string; identity: ReporterIdentity }) {
  const k = v.t.staff.reporter.contact;
  return (
    <Frame v={v} caseNumber={caseNumber} title={k.pageTitle}>
      <p class="notice" role="status">{k.logged}</p>
      <IdentityList v={v} identity={identity} />
      <p class="receipt-warning">{k.once}</p>
    </Frame>
  );
}

export function DisclosureViewPage({ v, caseNumber, identity }: { v: StaffView; caseNumber: string; identity: ReporterIdentity }) {
  const d = v.t.staff.reporter.disclosure;
  return (
    <Frame v={v} caseNumber={caseNumber} title={d.pageTitle}>
      <p class="receipt-warning" role="alert"><strong>{d.warning}</strong></p>
      <IdentityList v={v} identity={identity} />
      <p class="notice">{d.logged}</p>
    </Frame>
  );
}
