/** The reward notice by mail: amount and claim deadline to a named reporter with e-mail, nothing of the case. */
import { afterEach, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { notifiedReward } from '../helpers/rewards.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp-server.js';

const PUBLIC_URL = 'https://intake.example';
const EMAIL = 'li.si@example.com';
const NAMED = { anonymous: false, name: '李四', phone: '13900139000', email: EMAIL };

let t: TestApp;
let smtp: TestSmtp;
afterEach(async () => {
  await smtp.close();
  await t.close();
});

async function start() {
  smtp = await startTestSmtp();
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00', env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL } });
}

async function drainAll() {
  while ((await drainOutbox(t.deps)).sent > 0) { /* until nothing is left to send */ }
}

const textOf = (m: TestSmtp['received'][number]) => `${m.subject}\n${m.text}\n${String(m.html)}`;
const toOf = (m: TestSmtp['received'][number]) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;
const noticeRows = () => t.deps.db.selectFrom('outbox').selectAll().where('template', '=', 'reward_notified').execute();

/** What the case holds that a reporter's mailbox must never: the narrative, business, category, department, identity. */
const body = report();
const NARRATIVE = [
  body.description, ...body.description.split(/[，。]/).filter((s) => s.length > 0), body.subject.name, body.subject.address,
  '食品安全', 'Food safety', '天河区市场监督管理局', 'samr-440106', NAMED.name, NAMED.phone,
];

describe('reward notice mail', () => {
  it('tells a named reporter with e-mail the amount and the claim deadline once, in Chinese, and nothing of the case', async () => {
    await start();
    const { caseNumber } = await notifiedReward(t, { level: 1, reporter: NAMED });
    const [row, ...more] = await noticeRows();
    expect(more).toEqual([]);
    expect(JSON.parse(row!.params)).toEqual({ language: 'zh', amountFen: 500_000, claimBy: '2026-12-14T23:59:59.999+08:00' });
    expect(row!.params).not.toContain(EMAIL);

    await drainAll();
    const notices = smtp.received.filter((m) => m.messageId === row!.message_id);
    expect(notices).toHaveLength(1);
    const mail = notices[0]!;
    expect(toOf(mail)).toBe(EMAIL);
    expect(mail.subject).toBe(`${caseNumber} 您的举报奖励已获批准`);
    expect(mail.text).toContain('奖励金额：5,000.00 元');
    expect(mail.text).toContain('申领截止：2026年12月14日当日结束前（北京时间）');
    expect(mail.text).toContain(`${PUBLIC_URL}/followup`);
    expect(mail.text).toContain('查询码');
    expect(String(mail.html)).toContain('<strong>5,000.00 元</strong>');
    for (const secret of NARRATIVE) expect(textOf(mail), secret).not.toContain(secret);
    // The reporter's mail: the receipt of filing and this notice, nothing more.
    expect(smtp.received.filter((m) => toOf(m) === EMAIL)).toHaveLength(2);
    expect(await noticeRows()).toMatchObject([{ status: 'sent', attempts: 1, last_error: null }]);
  });

  it('writes in English to a reporter who filed in English', async () => {
    await start();
    const { caseNumber } = await notifiedReward(t, { fineFen: 100_000_000, level: 2, reporter: NAMED, lang: 'en' });
    await drainAll();
    const [mail, ...more] = smtp.received.filter((m) => toOf(m) === EMAIL && m.subject?.includes('reward'));
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`${caseNumber} Your reward has been approved`);
    expect(mail!.text).toContain('Amount: CNY 30,000.00');
    expect(mail!.text).toContain('Claim by: 14 Dec 2026, end of day (Beijing time)');
    expect(mail!.text).toContain(`${PUBLIC_URL}/followup`);
    for (const secret of NARRATIVE) expect(textOf(mail!), secret).not.toContain(secret);
  });

  it('writes in Traditional Chinese to a reporter who filed in zh-Hant', async () => {
    await start();
    const { caseNumber } = await notifiedReward(t, { level: 1, reporter: NAMED, lang: 'zh-Hant' });
    await drainAll();
    const [mail, ...more] = smtp.received.filter((m) => toOf(m) === EMAIL && m.subject?.includes('獎勵'));
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`${caseNumber} 您的舉報獎勵已獲批准`);
    expect(mail!.text).toContain('獎勵金額：人民幣 5,000.00 元');
    expect(mail!.text).toContain('申領截止：2026年12月14日當日結束前（北京時間）');
    expect(mail!.text).toContain('查詢碼');
    for (const secret of NARRATIVE) expect(textOf(mail!), secret).not.toContain(secret);
  });

  it('reads the amount and deadline from the reward for a notice queued without them', async () => {
    await start();
    await notifiedReward(t, { level: 3, reporter: NAMED });
    await t.deps.db.updateTable('outbox').set({ params: JSON.stringify({ language: 'zh' }) }).where('template', '=', 'reward_notified').execute();
    await drainAll();
    const [mail, ...more] = smtp.received.filter((m) => m.subject?.includes('奖励'));
    expect(more).toEqual([]);
    expect(mail!.text).toContain('奖励金额：1,000.00 元');
    expect(mail!.text).toContain('申领截止：2026年12月14日当日结束前（北京时间）');
  });

  it('sends nothing to an anonymous reporter, nor to a named one without e-mail', async () => {
    await start();
    await notifiedReward(t);
    const { anonymous: _, email: __, ...withoutEmail } = NAMED;
    await notifiedReward(t, { reporter: { anonymous: false, ...withoutEmail } });
    expect(await noticeRows()).toEqual([]);
    await drainAll();
    expect(smtp.received.filter((m) => /奖励|reward/i.test(m.subject ?? ''))).toEqual([]);
    expect(await t.deps.db.selectFrom('rewards').select('status').execute()).toEqual([{ status: 'notified' }, { status: 'notified' }]);
  });
});
