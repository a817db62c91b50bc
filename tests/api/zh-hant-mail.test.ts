/** A reporter who filed in 繁體中文 gets their mail in Traditional Chinese, over real SMTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp-server.js';

const PUBLIC_URL = 'https://intake.example';
const EMAIL = 'chan.taiman@example.hk';

let t: TestApp;
let smtp: TestSmtp;
beforeEach(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL } });
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

const toOf = (m: TestSmtp['received'][number]) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;

async function receiptMail() {
  while ((await drainOutbox(t.deps)).sent > 0) { /* until nothing is left */ }
  const mails = smtp.received.filter((m) => toOf(m) === EMAIL);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

function expectTraditionalReceipt(mail: TestSmtp['received'][number], caseNumber: string) {
  expect(mail.subject).toBe(`${caseNumber} 我們已收到您提交的事項`);
  expect(mail.text).toContain('請憑提交時顯示的 16 位數字查詢碼登入查看');
  expect(mail.text).toContain(`${PUBLIC_URL}/followup`);
  expect(String(mail.html)).toContain('<html lang="zh-Hant">');
  expect(`${mail.text}${String(mail.html)}`).not.toMatch(/[们请询码报诉]/);
}

describe('zh-Hant reporter mail', () => {
  it('sends the receipt mail in zh-Hant to a reporter who filed on the form in zh-Hant', async () => {
    const res = await t.app.request('/submit?lang=zh-Hant', {
      method: 'POST',
      body: new URLSearchParams({
        kind: 'report', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
        description: '該廠使用過期原料生產月餅，倉庫在後門。', 'reporter.name': '陳大文',
        'reporter.phone': '+852 9123 4567', 'reporter.email': EMAIL,
      }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    });
    expect([200, 303]).toContain(res.status);
    const { case_number: caseNumber, language } = await t.deps.db.selectFrom('cases').select(['case_number', 'language']).executeTakeFirstOrThrow();
    expect(language).toBe('zh-Hant');
    expectTraditionalReceipt(await receiptMail(), caseNumber);
  });

  it('sends it in zh-Hant for POST /api/v1/cases?lang=zh-Hant, and in zh-CN without', async () => {
    const reporter = { anonymous: false, name: '陳大文', phone: '+853 6612 3456', email: EMAIL };
    const filed = await call(t.app, 'POST', '/api/v1/cases?lang=zh-Hant', report({ reporter }));
    expect(filed.status).toBe(201);
    expectTraditionalReceipt(await receiptMail(), filed.body.caseNumber);

    smtp.received.length = 0;
    const simplified = await call(t.app, 'POST', '/api/v1/cases', report({ reporter }));
    const mail = await receiptMail();
    expect(mail.subject).toBe(`${simplified.body.caseNumber} 我们已收到您提交的事项`);
    expect(String(mail.html)).toContain('<html lang="zh-CN">');
  });
});
