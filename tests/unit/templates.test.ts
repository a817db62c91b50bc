import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFile, readTemplateFiles, templatesModule } from '../../scripts/build-templates.js';
import { amountPhrase, deadlinePhrase, MAIL_LANGS, TEMPLATES, type TemplateName } from '../../server/notify/catalog.js';
import { TEMPLATE_FILES } from '../../server/notify/templates.generated.js';
import { escapeHtml, fill, placeholdersOf, renderMail, TemplateError } from '../../server/notify/templates.js';

const names = Object.keys(TEMPLATES) as TemplateName[];

const sample: Record<string, string | number> = {
  caseNumber: 'GD2026112600042', category: '食品安全', kind: '投诉', dueAt: '2026-12-07 23:59', clock: '决定是否受理',
  link: 'https://intake.example/staff/cases/GD2026112600042', followupUrl: 'https://intake.example/followup',
  reason: '逾期未办理', department: '天河区市场监督管理局', day: '2026-11-26', newCount: 1, newCases: 'GD2026112600042',
  dueSoonCount: 0, dueSoonCases: '—', overdueCount: 0, overdueCases: '—', queueUrl: 'https://intake.example/staff',
  count: 1234, head: 'ab'.repeat(32), at: '2026-11-26T00:01:00.000+08:00',
  verifyCommand: `npm run intake -- audit verify --anchor 1234:${'ab'.repeat(32)}`, auditUrl: 'https://intake.example/staff/audit',
  amount: '5,000.00 元', claimBy: '2026年12月14日当日结束前（北京时间）',
  signalType: '同一经营主体多次被反映', signalKey: '统一社会信用代码 91440101MA5CJQ4N59', period: '30 日内',
  signalsUrl: 'https://intake.example/staff/signals',
};
/** Mails about a day rather than a case: the digest and the auditors' anchor. */
const DAY_MAILS = new Set<string>(['department_digest', 'audit_anchor', 'signal_raised']);
const paramsOf = (name: TemplateName) => Object.fromEntries(TEMPLATES[name].params.map((p) => [p, sample[p]!]));

describe('e-mail templates', () => {
  it('keeps server/notify/templates.generated.ts in step with templates/ (run npx tsx scripts/build-templates.ts)', () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(templatesModule(readTemplateFiles()));
  });

  it('has a text and an HTML file in zh-CN and en for every message, and no stray file', () => {
    const expected = MAIL_LANGS.flatMap((lang) => names.flatMap((n) => [`${lang}/${n}.html`, `${lang}/${n}.txt`])).sort();
    expect(Object.keys(TEMPLATE_FILES).sort()).toEqual(expected);
  });

  it('uses only the placeholders the catalog allows each message', () => {
    for (const [key, source] of Object.entries(TEMPLATE_FILES)) {
      const name = key.split('/')[1]!.replace(/\.(txt|html)$/, '') as TemplateName;
      const allowed: readonly string[] = TEMPLATES[name].params;
      expect(placeholdersOf(source).filter((p) => !allowed.includes(p)), key).toEqual([]);
    }
  });

  it('lets reporter mail carry nothing but the case number and the follow-up address', () => {
    for (const name of names.filter((n) => TEMPLATES[n].to === 'reporter' && n !== 'reward_notified')) {
      expect([...TEMPLATES[name].params].sort(), name).toEqual(['caseNumber', 'followupUrl']);
    }
  });

  // The one exception: the reward notice also says how much and by when (stored as amountFen and
  // claimBy with the approval), and still nothing of the case: no narrative, category, business or department.
  it('lets the reward notice add only the amount and the claim deadline', () => {
    expect([...TEMPLATES.reward_notified.params].sort()).toEqual(['amount', 'caseNumber', 'claimBy', 'followupUrl']);
    const narrative = {
      description: '该厂使用过期原料生产月饼', subjectName: '某某食品有限公司', category: '食品安全', kind: '产品伤害或质量事故报告',
      department: '天河区市场监督管理局', reason: '逾期未办理', link: 'https://intake.example/staff/cases/GD2026112600042',
    };
    for (const lang of MAIL_LANGS) {
      for (const format of ['txt', 'html']) {
        expect(placeholdersOf(TEMPLATE_FILES[`${lang}/reward_notified.${format}`]!).filter((p) => Object.hasOwn(narrative, p))).toEqual([]);
      }
      const mail = renderMail('reward_notified', lang, { ...paramsOf('reward_notified'), ...narrative });
      for (const value of Object.values(narrative)) expect(`${mail.subject}\n${mail.text}\n${mail.html}`, `${lang}: ${value}`).not.toContain(value);
      expect(mail.text).toContain('5,000.00 元');
      expect(mail.text).toContain('2026年12月14日当日结束前（北京时间）');
      expect(mail.text).toContain('https://intake.example/followup');
    }
  });

  it('says the reward amount and deadline in the reporter\'s language, in Beijing time', () => {
    expect(amountPhrase('zh-CN', 500_000)).toBe('5,000.00 元');
    expect(amountPhrase('en', 500_000)).toBe('CNY 5,000.00');
    expect(amountPhrase('en', 100_000_005)).toBe('CNY 1,000,000.05');
    expect(amountPhrase('zh-Hant', 500_000)).toBe('人民幣 5,000.00 元');
    expect(deadlinePhrase('zh-Hant', '2026-12-14T23:59:59.999+08:00')).toBe('2026年12月14日當日結束前（北京時間）');
    expect(deadlinePhrase('zh-CN', '2026-12-14T23:59:59.999+08:00')).toBe('2026年12月14日当日结束前（北京时间）');
    expect(deadlinePhrase('en', '2026-12-14T23:59:59.999+08:00')).toBe('14 Dec 2026, end of day (Beijing time)');
    expect(deadlinePhrase('en', '2027-01-05T10:30:00.000+08:00')).toBe('5 Jan 2027, 10:30 (Beijing time)');
    expect(deadlinePhrase('zh-CN', '2027-01-05T10:30:00.000+08:00')).toBe('2027年1月5日 10:30 前（北京时间）');
    expect(deadlinePhrase('en', 'soon')).toBe('—');
  });

  it('renders every message in both languages, subjects led by the case number (the day for digests)', () => {
    for (const lang of MAIL_LANGS) {
      for (const name of names) {
        const mail = renderMail(name, lang, paramsOf(name));
        expect(mail.subject.startsWith(DAY_MAILS.has(name) ? '2026-11-26 ' : 'GD2026112600042 '), `${lang}/${name}`).toBe(true);
        expect(mail.text).not.toMatch(/\{\{|\}\}/);
        expect(mail.html).toContain(`<html lang="${lang}">`);
        expect(mail.html).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(renderMail('case_new_department', 'en', paramsOf('case_new_department')).subject)
      .toBe('GD2026112600042 New case for your department: 食品安全');
    expect(renderMail('case_new_department', 'zh-CN', paramsOf('case_new_department')).text).toContain('办理时限：2026-12-07 23:59');
  });

  it('escapes values in HTML and leaves them as written in text', () => {
    const params = { ...paramsOf('case_new_department'), category: '<script>alert("x")</script> & Co' };
    const mail = renderMail('case_new_department', 'en', params);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.text).toContain('<script>alert("x")</script> & Co');
    expect(mail.subject).toContain('<script>');
    expect(mail.html).toContain('<title>GD2026112600042 New case for your department: &lt;script&gt;');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('refuses a placeholder without a value instead of leaving a gap', () => {
    expect(() => fill('Case {{caseNumber}} of {{nobody}}', { caseNumber: 'GD1' }, 'text')).toThrow(TemplateError);
    expect(() => renderMail('case_new_department', 'zh-CN', { caseNumber: 'GD1' })).toThrow(/no value for \{\{category\}\}/);
    expect(() => renderMail('no_such_mail', 'en', {})).toThrow(TemplateError);
  });

  it('keeps a subject on one line whatever a value holds', () => {
    const mail = renderMail('urge', 'en', { ...paramsOf('urge'), category: 'Food\r\nBcc: someone@example.com' });
    expect(mail.subject).toBe('GD2026112600042 Urged: Food Bcc: someone@example.com');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
