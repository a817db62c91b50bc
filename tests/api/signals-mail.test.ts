/** A new quality signal is mailed to the risk desk once, over real SMTP, with nothing of any case. */
import { afterEach, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp-server.js';

const PUBLIC_URL = 'https://intake.example';
const CODE = '91440101MA5CJQ4N59';

let t: TestApp;
let smtp: TestSmtp;
afterEach(async () => {
  await smtp.close();
  await t.close();
});

async function start(env: Record<string, string> = {}) {
  smtp = await startTestSmtp();
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00', env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL, ...env } });
}

async function file(body: unknown): Promise<string> {
  const res = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(res.status, res.text).toBe(201);
  return res.body.caseNumber as string;
}

const signalMail = () => t.deps.db.selectFrom('outbox').selectAll().where('template', '=', 'signal_raised').orderBy('recipient_ref').execute();
const whole = (m: TestSmtp['received'][number]) => `${m.subject}\n${m.text}\n${String(m.html)}`;
const to = (m: TestSmtp['received'][number]) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;

/** Sends everything queued; returns the signal mails among what arrived. */
async function delivered() {
  while ((await drainOutbox(t.deps)).sent > 0) { /* until nothing is left */ }
  const ids = new Set((await signalMail()).map((r) => r.message_id));
  return smtp.received.filter((m) => ids.has(m.messageId ?? ''));
}

describe('signal mail', () => {
  it('mails the intake centre and the provincial SAMR once: type, credit code, count and the signals page', async () => {
    await start();
    const filed: string[] = [];
    filed.push(await file(complaint({ subject: { name: '某某食品有限公司', creditCode: CODE, address: '广州市天河区体育西路1号' } })));
    for (let i = 0; i < 4; i++) filed.push(await file(report({ subject: { name: '某某食品有限公司', creditCode: CODE, address: '广州市天河区' } })));
    expect(await signalMail()).toEqual([]);

    await sweepClocks(t.deps);
    await sweepClocks(t.deps);
    const rows = await signalMail();
    expect(rows.map((r) => [r.recipient_type, r.recipient_ref, r.case_id])).toEqual([
      ['department', 'intake-440000', null], ['department', 'samr-440000', null],
    ]);
    expect((await t.deps.db.selectFrom('signals').select('mailed').executeTakeFirstOrThrow()).mailed).toBe(1);

    const mails = await delivered();
    expect(mails.map(to).sort()).toEqual(['intake-440000@departments.example', 'samr-440000@departments.example']);
    for (const mail of mails) {
      expect(mail.subject).toBe(`2026-11-02 质量安全风险信号：同一经营主体多次被反映，统一社会信用代码 ${CODE}`);
      expect(mail.text).toContain('案件数：5 件，30 日内');
      expect(mail.text).toContain(`${PUBLIC_URL}/staff/signals`);
      expect(String(mail.html)).toContain(`href="${PUBLIC_URL}/staff/signals"`);
      for (const secret of [...filed, '张三', '13800138000', '月饼', '过期原料', '某某食品有限公司', '体育西路']) {
        expect(whole(mail), secret).not.toContain(secret);
      }
    }
  });

  it('names a spike by category and city, in English when staff mail is English', async () => {
    await start({ INTAKE_STAFF_MAIL_LANG: 'en' });
    for (let i = 0; i < 10; i++) await file(report({ region: '440304' }));
    await sweepClocks(t.deps);
    const mails = await delivered();
    expect(mails).toHaveLength(2);
    const [mail] = mails;
    expect(mail!.subject).toMatch(/^2026-11-02 Quality signal: a surge in a category and city, .+ in Shenzhen.* \(product\.food@440300\)$/);
    expect(mail!.text).toContain('Cases: 10, in the week 2026-11-02 to 2026-11-08');
    expect(mail!.text).toContain(`${PUBLIC_URL}/staff/signals?lang=en`);
  });

  it('does not mail a signal raised from cases filed more than a week before the sweep, but marks it', async () => {
    await start();
    for (let i = 0; i < 5; i++) await file(report({ subject: { name: '某某食品有限公司', creditCode: CODE, address: '广州市天河区' } }));
    t.clock.set('2026-11-10T10:00:00+08:00');
    await sweepClocks(t.deps);
    expect(await signalMail()).toEqual([]);
    expect((await t.deps.db.selectFrom('signals').select('mailed').executeTakeFirstOrThrow()).mailed).toBe(1);
  });
});
