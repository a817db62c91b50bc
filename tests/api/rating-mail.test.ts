/** The rating link by mail after closing: to a named reporter with e-mail only, single use, no login. */
import { afterEach, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp-server.js';

const PUBLIC_URL = 'https://intake.example';
const EMAIL = 'zhang.san@example.com';

let t: TestApp;
let smtp: TestSmtp;
let handler: Record<string, string>;
let supervisor: Record<string, string>;
afterEach(async () => {
  await smtp.close();
  await t.close();
});

async function start() {
  smtp = await startTestSmtp();
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00', env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), PUBLIC_URL } });
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  supervisor = bearer(await (await createStaff(t, { role: 'supervisor' })).login());
}

async function drainAll() {
  while ((await drainOutbox(t.deps)).sent > 0) { /* until nothing is left to send */ }
}

const act = (n: string, body: Record<string, unknown>, who = handler) => call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, who);
const invites = () => t.deps.db.selectFrom('outbox').selectAll().where('template', '=', 'rating_invite').execute();

async function closedComplaint(reporter: Record<string, unknown>) {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', complaint({ reporter }))).body;
  await act(filed.caseNumber, { action: 'accept' });
  expect((await act(filed.caseNumber, { action: 'close', reply: '商家已退款。' })).status).toBe(200);
  return filed.caseNumber as string;
}

describe('rating link by mail', () => {
  it('mails a named reporter only the case number and a link that rates once, without login', async () => {
    await start();
    const caseNumber = await closedComplaint({ ...complaint().reporter, email: EMAIL });
    const [row, ...more] = await invites();
    expect(more).toEqual([]);
    expect(row!.recipient_type).toBe('reporter');
    await drainAll();
    const mail = smtp.received.find((m) => m.messageId === row!.message_id)!;
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text).toBe(EMAIL);
    expect(mail.subject).toContain(caseNumber);
    const link = new RegExp(`${PUBLIC_URL}/rate/([A-Za-z0-9_-]{43})`).exec(mail.text ?? '');
    expect(link).not.toBeNull();
    const token = link![1]!;
    for (const secret of ['张三', '13800138000', '月饼', '某某食品', '天河区市场监督管理局', '商家已退款']) {
      expect(`${mail.subject}\n${mail.text}\n${String(mail.html)}`, secret).not.toContain(secret);
    }
    // Only the hash is stored.
    const stored = await t.deps.db.selectFrom('rating_tokens').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);

    expect((await call(t.app, 'GET', `/api/v1/rate/${token}`)).body).toEqual({ caseNumber, state: 'open' });
    const first = await call(t.app, 'POST', `/api/v1/rate/${token}`, { rating: 2, resolved: false, comment: '还没解决' });
    expect(first.status).toBe(201);
    expect(first.body.caseNumber).toBe(caseNumber);
    expect((await call(t.app, 'GET', `/api/v1/rate/${token}`)).body.state).toBe('rated');
    const second = await call(t.app, 'POST', `/api/v1/rate/${token}`, { rating: 5, resolved: true });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    const page = await t.app.request(`/rate/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('已评价');

    const c = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
    expect(c.satisfaction).toMatchObject({ score: 2, resolved: false, comment: '还没解决' });
  });

  it('rates through the page form, once', async () => {
    await start();
    await closedComplaint({ ...complaint().reporter, email: EMAIL });
    await drainAll();
    // The rating link's mail, wherever it came among the closing's mails (their order is not fixed).
    const link = /\/rate\/([A-Za-z0-9_-]{43})/;
    const token = link.exec(smtp.received.find((m) => link.test(m.text ?? ''))?.text ?? '')![1]!;
    const form = await t.app.request(`/rate/${token}`);
    expect(await form.text()).toContain('name="rating"');
    const post = (body: string) => t.app.request(`/rate/${token}`, {
      method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    });
    const bad = await post('rating=9&resolved=yes');
    expect(bad.status).toBe(400);
    const ok = await post('rating=4&resolved=yes&comment=%E5%BE%88%E5%A5%BD');
    expect([200, 303]).toContain(ok.status);
    expect((await t.app.request(`/rate/${token}`)).status).toBe(200);
    expect(await (await t.app.request(`/rate/${token}`)).text()).toContain('已评价');
    expect((await post('rating=1&resolved=no')).status).toBe(409);
  });

  it('sends nothing to an anonymous reporter or a named one without e-mail; an unknown link is a 404', async () => {
    await start();
    await closedComplaint(complaint().reporter);
    const anon = (await call(t.app, 'POST', '/api/v1/cases', report())).body;
    await act(anon.caseNumber, { action: 'start_verification' });
    await act(anon.caseNumber, { action: 'not_open', reason: '线索不足' });
    expect((await act(anon.caseNumber, { action: 'close', reply: '已核查。' }, supervisor)).status).toBe(200);
    expect(await invites()).toEqual([]);
    expect((await call(t.app, 'GET', `/api/v1/rate/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await call(t.app, 'POST', '/api/v1/rate/short', { rating: 3, resolved: true })).status).toBe(404);
    expect((await t.app.request(`/rate/${'x'.repeat(43)}`)).status).toBe(404);
  });
});
