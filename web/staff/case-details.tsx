/** The case page's facts: the business, the matter, the redacted text and every clock. */
import type { CaseView } from '../../server/cases/case-page.service.js';
import { formatDue } from '../format.js';
import { DueBadge, Flags } from './badges.js';
import { nameOf, type StaffView } from './context.js';
import { formatTime, formatYuan } from './format.js';

export function SubjectSection({ v, c }: { v: StaffView; c: CaseView }) {
  const s = v.t.staff.case;
  return (
    <section aria-labelledby="subject-title" class="panel">
      <h2 id="subject-title">{s.subject}</h2>
      <dl class="summary-list">
        <dt>{s.name}</dt>
        <dd>{c.subject.name}</dd>
        {c.subject.creditCode && (
          <>
            <dt>{s.creditCode}</dt>
            <dd>
              <span class="mono">{c.subject.creditCode}</span>
              {c.flags.creditCodeCheckFailed && <> <span class="flag flag-warning">{v.t.staff.flags.creditCode}</span></>}
            </dd>
          </>
        )}
        {c.subject.address && (<><dt>{s.address}</dt><dd>{c.subject.address}</dd></>)}
      </dl>
      <ProductList v={v} c={c} />
    </section>
  );
}

/** The product the case names (产品), with the barcode flagged when its check digit is wrong. */
export function ProductList({ v, c }: { v: StaffView; c: CaseView }) {
  const p = c.subject.product;
  if (!p) return null;
  const s = v.t.staff.case;
  const row = (label: string, value: string | null) => value && (<><dt>{label}</dt><dd>{value}</dd></>);
  return (
    <>
      <h3 id="product-title">{s.product}</h3>
      <dl class="summary-list" aria-labelledby="product-title">
        {row(s.productName, p.name)}
        {row(s.brand, p.brand)}
        {row(s.model, p.model)}
        {row(s.batch, p.batch)}
        {p.gtin && (
          <>
            <dt>{s.gtin}</dt>
            <dd>
              <span class="mono">{p.gtin}</span>
              {c.flags.gtinCheckFailed && <> <span class="flag flag-warning">{v.t.staff.flags.gtin}</span></>}
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

export function MatterSection({ v, c }: { v: StaffView; c: CaseView }) {
  const { t, lang } = v;
  const s = t.staff.case;
  return (
    <section aria-labelledby="matter-title" class="panel">
      <h2 id="matter-title">{s.details}</h2>
      <dl class="summary-list">
        <dt>{s.kind}</dt><dd>{t.staff.kinds[c.kind] ?? c.kind}</dd>
        <dt>{s.category}</dt><dd>{nameOf(v.lookups.categories, c.category, lang)}</dd>
        <dt>{s.region}</dt><dd>{nameOf(v.lookups.regions, c.region, lang)} <span class="hint">({c.region})</span></dd>
        <dt>{s.status}</dt><dd><strong>{t.staff.statuses[c.status] ?? c.status}</strong></dd>
        <dt>{s.department}</dt><dd>{c.department ? c.department.name[lang] : s.triage}</dd>
        {c.cohandlers.length > 0 && (
          <><dt>{s.cohandlers}</dt><dd>{c.cohandlers.flatMap((d) => (d ? [d.name[lang]] : [])).join(t.form.kindSeparator)}</dd></>
        )}
        <dt>{s.received}</dt><dd>{formatTime(c.receivedAt)}</dd>
        {c.occurredOn && (<><dt>{s.occurredOn}</dt><dd>{c.occurredOn}</dd></>)}
        {c.severity && (<><dt>{s.severity}</dt><dd>{s.severities[c.severity] ?? c.severity}</dd></>)}
        <AccidentRows v={v} c={c} />
        <dt>{s.reporter}</dt><dd>{c.reporter} ({c.anonymous ? s.anonymous : s.realName})</dd>
        {c.reporterRelation && (<><dt>{s.relation}</dt><dd>{s.relations[c.reporterRelation] ?? c.reporterRelation}</dd></>)}
        {c.reporterContact && (<><dt>{s.contact}</dt><dd>{c.reporterContact.name} {c.reporterContact.phone}</dd></>)}
        {c.reward && (<><dt>{s.reward}</dt><dd>{c.reward.requested ? s.yes : s.no}</dd></>)}
        {c.fineFen !== null && (<><dt>{s.fine}</dt><dd>{formatYuan(c.fineFen)} {lang === 'zh' ? '元' : 'CNY'}</dd></>)}
        {Object.values(c.flags).some(Boolean) && (<><dt>{t.staff.flags.label}</dt><dd><Flags t={t} flags={c.flags} /></dd></>)}
      </dl>
      <h3>{s.description}</h3>
      <p class="case-text">{c.description}</p>
      {c.claim && (<><h3>{s.claim}</h3><p class="case-text">{c.claim}</p></>)}
    </section>
  );
}

function ClockState({ v, clock }: { v: StaffView; clock: CaseView['due'][number] }) {
  const d = v.t.staff.due;
  if (clock.status === 'running') return <DueBadge t={v.t} due={clock} />;
  if (clock.status === 'stopped') {
    return <span class={clock.late ? 'badge badge-overdue' : 'badge badge-none'}>{clock.late ? d.late : d.onTime}</span>;
  }
  return <span class="badge badge-none">{v.t.staff.clockStatus[clock.status] ?? clock.status}</span>;
}

export function ClocksSection({ v, c }: { v: StaffView; c: CaseView }) {
  const { t, lang } = v;
  const s = t.staff.case;
  return (
    <section aria-labelledby="clocks-title">
      <h2 id="clocks-title">{s.clocks}</h2>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr><th scope="col">{s.clock}</th><th scope="col">{s.dueAt}</th><th scope="col">{s.clockStatus}</th><th scope="col">{s.timeLeft}</th></tr>
          </thead>
          <tbody>
            {c.due.map((clock) => (
              <tr>
                <th scope="row">{t.staff.clocks[clock.clock] ?? clock.clock}</th>
                <td>
                  {formatDue(clock.dueAt, lang, t)}
                  {clock.provisional && <> <span class="tag">{t.staff.due.provisional}</span></>}
                  {clock.extended && <> <span class="tag">{t.staff.due.extended}</span></>}
                </td>
                <td>{t.staff.clockStatus[clock.status] ?? clock.status}</td>
                <td><ClockState v={v} clock={clock} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The accident figures' labels: staff pages come in zh-CN and English (a zh-Hant visitor reads zh-CN). */
const accidentText = {
  zh: {
    filedBy: '报告方', enterprise: '事故责任企业自行报告（联系人身份已加密）', deaths: '死亡人数', seriouslyInjured: '重伤人数',
    injured: '轻伤人数', loss: '直接经济损失', notAssessed: '尚未核定', yuan: '元',
  },
  en: {
    filedBy: 'Filed by', enterprise: 'the responsible enterprise itself (its contact person sealed)', deaths: 'Deaths',
    seriouslyInjured: 'Seriously injured', injured: 'Slightly injured', loss: 'Direct economic loss', notAssessed: 'not yet assessed', yuan: 'CNY',
  },
};

/** An injury's accident figures (they set its severity) and whether the responsible enterprise filed it. */
export function AccidentRows({ v, c }: { v: StaffView; c: CaseView }) {
  const a = accidentText[v.lang === 'en' ? 'en' : 'zh'];
  const figures = c.accident;
  return (
    <>
      {c.filedBy === 'enterprise' && (<><dt>{a.filedBy}</dt><dd>{a.enterprise}</dd></>)}
      {figures && (
        <>
          <dt>{a.deaths}</dt><dd>{figures.deaths}</dd>
          <dt>{a.seriouslyInjured}</dt><dd>{figures.seriouslyInjured}</dd>
          <dt>{a.injured}</dt><dd>{figures.injured}</dd>
          <dt>{a.loss}</dt>
          <dd>{figures.directLossFen === null ? a.notAssessed : `${formatYuan(figures.directLossFen)} ${a.yuan}`}</dd>
        </>
      )}
    </>
  );
}
