/** GET /staff/signals: the risk desk's quality signals by status, each with its cases and, while open, the decision form. */
import type { SignalView } from '../../server/signals/signals.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { nameOf, type StaffView } from './context.js';
import { formatTime } from './format.js';
import { StaffLayout } from './layout.js';
import { signalsMessages } from './messages-signals-en.js';
import type { SignalsMessages } from './messages-signals-zh.js';

export const STATUS_FILTERS = ['open', 'acknowledged', 'dismissed', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** A decision the page refused: shown at its signal's form, with what was typed. */
export interface SignalFailure {
  id: string;
  typed: string;
  /** Which message says why. */
  why: 'reasonMissing' | 'tooLong' | 'pick' | 'alreadyDecided' | 'gone';
}

const langQuery = (v: StaffView, sep: '?' | '&') => (v.lang === 'en' ? `${sep}lang=en` : '');

/** What a signal is about, in words: the credit code, the barcode or brand and model, the category in a city. */
export function keyPhrase(v: StaffView, m: SignalsMessages, s: Pick<SignalView, 'type' | 'key'>): string {
  if (s.type === 'business') return m.creditCode(s.key);
  if (s.type === 'product') {
    if (/^\d+$/.test(s.key)) return m.gtin(s.key);
    const [brand = '', model = ''] = s.key.split('|');
    return m.brandModel(brand, model);
  }
  const [category = '', city = ''] = s.key.split('@');
  return m.spikeKey(nameOf(v.lookups.categories, category, v.lang), nameOf(v.lookups.regions, city, v.lang));
}

function Filters({ v, m, current }: { v: StaffView; m: SignalsMessages; current: StatusFilter }) {
  return (
    <nav aria-label={m.filters} class="signal-filters">
      <ul>
        {STATUS_FILTERS.map((f) => (
          <li><a href={`/staff/signals?status=${f}${langQuery(v, '&')}`} aria-current={f === current ? 'page' : undefined}>{m.statuses[f]}</a></li>
        ))}
      </ul>
    </nav>
  );
}

function DecisionForm({ v, m, s, failure }: { v: StaffView; m: SignalsMessages; s: SignalView; failure?: SignalFailure | undefined }) {
  const id = `reason-${s.id}`;
  const described = [`${id}-hint`, failure ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form method="post" action={`/staff/signals/${s.id}${langQuery(v, '?')}`} class="signal-form">
      {csrfField(v.csrf)}
      <div class={failure ? 'field field-error' : 'field'}>
        <label class="label" for={id}>{m.reasonLabel}</label>
        <p class="hint" id={`${id}-hint`}>{m.reasonHint}</p>
        {failure && <p class="error-message" id={`${id}-error`} role="alert">{m[failure.why]}</p>}
        <textarea class="textarea" id={id} name="reason" rows={2} maxlength={1000}
          aria-invalid={failure ? 'true' : undefined} aria-describedby={described}>{failure?.typed ?? ''}</textarea>
      </div>
      <button type="submit" name="action" value="acknowledge" class="button">{m.acknowledge}</button>{' '}
      <button type="submit" name="action" value="dismiss" class="button button-secondary">{m.dismiss}</button>
    </form>
  );
}

function SignalCard({ v, m, s, failure }: { v: StaffView; m: SignalsMessages; s: SignalView; failure?: SignalFailure | undefined }) {
  const heading = `signal-${s.id}`;
  const window = s.type === 'spike' ? m.windowSpike(s.windowStart, s.windowEnd) : m.windowBusiness(s.windowDays, s.windowStart, s.windowEnd);
  return (
    <section class="panel signal" aria-labelledby={heading} data-signal={s.id}>
      <h2 id={heading}>{m.types[s.type] ?? s.type}<br /><span class="signal-key">{keyPhrase(v, m, s)}</span></h2>
      <dl class="summary-list">
        <dt>{m.count}</dt><dd>{m.cases(s.count)}</dd>
        <dt>{m.window}</dt><dd>{window}</dd>
        <dt>{m.raisedAt}</dt><dd><time datetime={s.raisedAt}>{formatTime(s.raisedAt)}</time></dd>
        <dt>{m.status}</dt><dd><span class={s.status === 'open' ? 'badge badge-soon' : 'badge badge-none'}>{m.statuses[s.status]}</span></dd>
        {s.decidedBy && <><dt>{m.decidedBy}</dt><dd>{m.decided(s.decidedBy, formatTime(s.decidedAt))}</dd></>}
        {s.reason && <><dt>{m.reason}</dt><dd>{s.reason}</dd></>}
      </dl>
      <details class="signal-cases" open={s.cases.length <= 10}>
        <summary>{m.showCases(s.cases.length)}</summary>
        <ul>
          {s.cases.map((n) => <li><a href={`/staff/cases/${n}${langQuery(v, '?')}`}>{n}</a></li>)}
        </ul>
      </details>
      {s.status === 'open' && <DecisionForm v={v} m={m} s={s} failure={failure?.id === s.id ? failure : undefined} />}
    </section>
  );
}

export function SignalsPage({ v, items, status, notice, failure }: {
  v: StaffView; items: SignalView[]; status: StatusFilter; notice?: string | undefined; failure?: SignalFailure | undefined;
}) {
  const m = signalsMessages(v.lang);
  return (
    <StaffLayout v={v} title={m.title} current="signals">
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {notice && <p class="notice notice-success" role="status">{notice}</p>}
      {failure && !items.some((s) => s.id === failure.id && s.status === 'open') && <p class="notice" role="alert">{m[failure.why]}</p>}
      <Filters v={v} m={m} current={status} />
      {items.length === 0 ? <p class="notice">{m.empty}</p> : items.map((s) => <SignalCard v={v} m={m} s={s} failure={failure} />)}
    </StaffLayout>
  );
}
