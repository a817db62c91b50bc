/**
 * GET /staff/audit: the auditors' page — the last verification of the audit log (and a button to run
 * one), a GET filter form, and the log newest first, a page at a time.
 */
import type { AuditLogPage, VerificationView } from '../../server/audit/auditor.service.js';
import type { AuditLogQuery } from '../../server/audit/auditor.schema.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { auditMessages } from './audit-messages.js';
import type { StaffView } from './context.js';
import { formatTime } from './format.js';
import { StaffLayout } from './layout.js';

export type AuditFilters = Partial<Record<'action' | 'actor' | 'case' | 'from' | 'to', string>>;

/** The page's address with these filters (and a cursor), the language kept. */
export function auditHref(v: StaffView, filters: AuditFilters, before?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (before) params.set('before', before);
  if (v.lang === 'en') params.set('lang', 'en');
  const text = params.toString();
  return text ? `/staff/audit?${text}` : '/staff/audit';
}

function Verification({ v, last, running, started }: { v: StaffView; last: VerificationView | null; running: boolean; started: boolean }) {
  const m = auditMessages(v.lang);
  return (
    <section aria-labelledby="verification" class="panel">
      <h2 id="verification">{m.verification}</h2>
      {started && <p role="status">{m.started}</p>}
      {!last && <p>{m.never}</p>}
      {last && (
        <div class={last.ok ? 'notice' : 'error-summary'} role={last.ok ? undefined : 'alert'}>
          <p><strong>{last.ok || !last.broken ? m.ok(last.checked) : m.broken(last.broken.seq, last.broken.reason)}</strong></p>
          <p>{m.ranBy(formatTime(last.at), last.by)}</p>
          <p>{last.lastAnchor ? m.anchor(last.lastAnchor.count, formatTime(last.lastAnchor.at), last.anchorsChecked) : m.noAnchor}</p>
        </div>
      )}
      {running ? <p role="status">{m.running}</p> : (
        <form method="post" action={v.lang === 'en' ? '/staff/audit/verify?lang=en' : '/staff/audit/verify'}>
          {csrfField(v.csrf)}
          <button type="submit" class="button">{m.run}</button>
        </form>
      )}
    </section>
  );
}

function Filters({ v, filters, invalid }: { v: StaffView; filters: AuditFilters; invalid: string | undefined }) {
  const m = auditMessages(v.lang);
  const field = (name: keyof AuditFilters, label: string, type = 'text') => (
    <label class="label" for={`a-${name}`}>{label}
      <input class="input" id={`a-${name}`} name={name} type={type} value={filters[name] ?? ''} />
    </label>
  );
  return (
    <form method="get" action="/staff/audit" class="filter-form">
      {v.lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <fieldset class="fieldset">
        <legend class="legend">{m.filters}</legend>
        {invalid && <p class="error-message" role="alert">{m.invalid}{invalid}</p>}
        <div class="filter-grid">
          {field('action', m.action)}{field('actor', m.actor)}{field('case', m.caseNumber)}
          {field('from', m.from, 'date')}{field('to', m.to, 'date')}
        </div>
        <button type="submit" class="button">{m.apply}</button>
        {Object.values(filters).some(Boolean) && <> <a href={auditHref(v, {})}>{m.reset}</a></>}
      </fieldset>
    </form>
  );
}

function LogTable({ v, page, filters, paged }: { v: StaffView; page: AuditLogPage; filters: AuditFilters; paged: boolean }) {
  const m = auditMessages(v.lang);
  if (page.lines.length === 0) return <p>{m.none}</p>;
  return (
    <>
      {/* A table wider than a phone scrolls: the keyboard must reach it too. */}
      <div class="table-scroll" tabindex={0} role="region" aria-label={m.title}>
        <table class="table audit-log">
          <thead><tr><th>{m.entry}</th><th>{m.time}</th><th>{m.actor}</th><th>{m.action}</th><th>{m.caseNumber}</th><th>{m.detail}</th></tr></thead>
          <tbody>
            {page.lines.map((l) => (
              <tr>
                <td>{l.seq}{!l.keyed && <small> {m.unkeyed}</small>}</td>
                <td>{formatTime(l.at)}</td>
                <td>{l.actor}</td>
                <td><code>{l.action}</code></td>
                <td>{l.caseNumber ?? '—'}</td>
                <td><code class="audit-detail">{l.detail ?? ''}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {page.next && <a href={auditHref(v, filters, page.next)} rel="next">{m.older}</a>}
        {paged && <> <a href={auditHref(v, filters)}>{m.newest}</a></>}
      </p>
    </>
  );
}

export interface AuditPageProps {
  v: StaffView;
  filters: AuditFilters;
  query: AuditLogQuery | null;
  invalid?: string | undefined;
  page: AuditLogPage;
  last: VerificationView | null;
  running: boolean;
  started: boolean;
}

export function AuditPage({ v, filters, query, invalid, page, last, running, started }: AuditPageProps) {
  const m = auditMessages(v.lang);
  return (
    <StaffLayout v={v} title={m.title} current="audit">
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <Verification v={v} last={last} running={running} started={started} />
      <Filters v={v} filters={filters} invalid={invalid} />
      <LogTable v={v} page={page} filters={filters} paged={Boolean(query?.before)} />
    </StaffLayout>
  );
}
