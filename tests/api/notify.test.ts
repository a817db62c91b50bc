import { afterEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../server/deps.js';
import { startWorkerLoop } from '../../server/node/worker-loop.js';
import { backoffMs, drainOutbox } from '../../server/notify/outbox.service.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { freePort, startTestSmtp, type TestSmtp } from '../helpers/smtp-server.js';
import { bearer, createStaff } from '../helpers/staff.js';

const PUBLIC_URL = 'https://intake.example';
const MINUTE = 60_000;

let t: TestApp;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  await t.close();
});

/** An app whose mailer is nodemailer's SMTP transport pointed at `port` (server/node/mailer.ts). */
async function appWithSmtp(port: number, env: Record<string, string> = {}) {
  t = await createTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), PUBLIC_URL, ...env } });
  return t;
}

async function submit(body: unknown = complaint()): Promise<string> {
  const res = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
}

const outboxRows = () => t.deps.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('template').execute();
const rowOf = async (template: string) => (await outboxRows()).find((r) => r.template === template)!;
const textOf = (m: TestSmtp['received'][number]) => `${m.subject}\n${m.text}\n${String(m.html)}`;
const toOf = (m: TestSmtp['received'][number]) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text;

describe('outbox worker over SMTP', () => {
  it('delivers the new-case mail to the department with number, category, due date and link — nothing of the reporter', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    const n = await submit();

    expect(await drainOutbox(t.deps)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    const row = await rowOf('case_new_department');
    expect(toOf(mail)).toBe('samr-440106@departments.example');
    expect(mail.subject).toBe(`${n} 新案件待办理：食品安全`);
    expect(mail.messageId).toBe(row.message_id);
    expect(mail.text).toContain(`${PUBLIC_URL}/staff/cases/${n}`);
    expect(mail.text).toContain('办理时限：2026-12-07 23:59（北京时间）');
    expect(String(mail.html)).toContain(`href="${PUBLIC_URL}/staff/cases/${n}"`);

    const body = complaint();
    const secrets = [body.reporter.name, body.reporter.phone, body.reporter.address, body.claim,
      ...body.description.split(/[，。！？,.!?]/).map((s) => s.trim()).filter((s) => s.length > 0)];
    for (const secret of secrets) expect(textOf(mail), secret).not.toContain(secret);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row.sent_at).toBe('2026-11-26T10:00:00.000+08:00');
  });

  it('tells a reporter who gave an e-mail address the case number only, and audits reading the sealed address', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    const email = 'zhang.san@example.com';
    const n = await submit(complaint({ reporter: { ...complaint().reporter, email } }));
    const row = await rowOf('case_received_reporter');
    expect(JSON.stringify(row)).not.toContain(email);

    expect((await drainOutbox(t.deps)).sent).toBe(2);
    const mail = smtp.received.find((m) => toOf(m) === email)!;
    expect(mail.subject).toBe(`${n} 我们已收到您提交的事项`);
    expect(mail.text).toContain(`${PUBLIC_URL}/followup`);
    expect(mail.text).toContain('查询码');
    for (const secret of ['食品安全', '月饼', '张三', '13800138000', '某某食品']) expect(textOf(mail)).not.toContain(secret);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'identity.mail_address_used').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(email);
    expect(t.logs.join('\n')).not.toContain(email);
  });

  it('keeps a reporter address that the SMTP server echoes out of the stored error and the log', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    const email = 'zhang.san@example.com';
    await submit(complaint({ reporter: { ...complaint().reporter, email } }));
    smtp.refuseNext(2);
    expect((await drainOutbox(t.deps)).retried).toBe(2);
    const row = await rowOf('case_received_reporter');
    expect(row.last_error).toContain('<[address]>: Recipient address rejected');
    expect(JSON.stringify(await outboxRows())).not.toContain(email);
    expect(t.logs.join('\n')).toContain('→ reporter) will be retried');
    expect(t.logs.join('\n')).not.toContain(email);
  });

  it('runs on its own in the Node worker loop and stops between rounds', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    await submit();
    const loop = startWorkerLoop(t.deps, { drainEveryMs: 20, sweepEveryMs: 60_000 });
    for (let i = 0; i < 100 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await loop.stop();
    expect(smtp.received).toHaveLength(1);
    expect(t.logs).toContain('outbox: 1 sent, 0 to retry, 0 failed');
  });

  it('retries with backoff while SMTP is down, then refusing, and delivers once with every attempt recorded', async () => {
    const port = await freePort();
    await appWithSmtp(port);
    await submit();

    expect(await drainOutbox(t.deps)).toEqual({ sent: 0, retried: 1, failed: 0 });
    let row = await rowOf('case_new_department');
    expect(row).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: '2026-11-26T10:01:00.000+08:00' });
    expect(row.last_error).toMatch(/^attempt 1\/8: .*ECONNREFUSED/);
    expect(await drainOutbox(t.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });

    smtp = await startTestSmtp(port);
    smtp.refuseNext(1);
    t.clock.advance(MINUTE);
    expect((await drainOutbox(t.deps)).retried).toBe(1);
    row = await rowOf('case_new_department');
    expect(row).toMatchObject({ status: 'queued', attempts: 2, next_attempt_at: '2026-11-26T10:03:00.000+08:00' });
    expect(row.last_error).toMatch(/^attempt 2\/8: .*451/);

    t.clock.advance(2 * MINUTE);
    expect((await drainOutbox(t.deps)).sent).toBe(1);
    t.clock.advance(60 * MINUTE);
    await drainOutbox(t.deps);
    expect(smtp.received).toHaveLength(1);
    expect(await rowOf('case_new_department')).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect([1, 2, 3, 7, 8, 20].map((n) => backoffMs(n) / MINUTE)).toEqual([1, 2, 4, 60, 60, 60]);
  });

  it('gives up after the last attempt, keeps the row for admins, and sends it after an admin retry', async () => {
    const port = await freePort();
    await appWithSmtp(port, { INTAKE_MAIL_MAX_ATTEMPTS: '3' });
    await submit();
    for (let i = 0; i < 3; i++) {
      await drainOutbox(t.deps);
      t.clock.advance(60 * MINUTE);
    }
    const failed = await rowOf('case_new_department');
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.last_error).toMatch(/^attempt 3\/3: /);
    expect(await drainOutbox(t.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });

    const admin = await (await createStaff(t, { role: 'admin' })).login();
    const handler = await (await createStaff(t, { role: 'handler' })).login();
    const list = await call(t.app, 'GET', '/api/v1/admin/outbox?status=failed', undefined, bearer(admin));
    expect(list.status).toBe(200);
    expect(list.body.counts).toMatchObject({ failed: 1 });
    expect(list.body.items).toEqual([expect.objectContaining({
      id: failed.id, template: 'case_new_department', status: 'failed', attempts: 3,
      recipient: { type: 'department', department: 'samr-440106' }, lastError: failed.last_error,
    })]);
    expect((await call(t.app, 'GET', '/api/v1/admin/outbox', undefined, bearer(handler))).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/v1/admin/outbox')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/v1/admin/outbox?status=lost', undefined, bearer(admin))).status).toBe(400);

    smtp = await startTestSmtp(port);
    const retry = await call(t.app, 'POST', `/api/v1/admin/outbox/${failed.id}/retry`, {}, bearer(admin));
    expect(retry.status).toBe(200);
    expect((await call(t.app, 'POST', `/api/v1/admin/outbox/${failed.id}/retry`, {}, bearer(admin))).status).toBe(409);
    expect((await call(t.app, 'POST', '/api/v1/admin/outbox/nope/retry', {}, bearer(admin))).status).toBe(404);
    expect((await drainOutbox(t.deps)).sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'outbox.retry').execute();
    expect(audit).toHaveLength(1);
  });

  it('fails at once, with the reason, a mail to a department without an e-mail address', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    await t.deps.db.updateTable('departments').set({ email: null }).where('code', '=', 'samr-440106').execute();
    await submit();
    expect(await drainOutbox(t.deps)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await rowOf('case_new_department')).toMatchObject({
      status: 'failed', attempts: 1, last_error: 'PermanentMailError: department samr-440106 has no e-mail address; set one in the directory',
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('never lets two workers send the same row', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    for (let i = 0; i < 3; i++) await submit();
    const [a, b] = await Promise.all([drainOutbox(t.deps), drainOutbox(t.deps)]);
    expect(a.sent + b.sent).toBe(3);
    expect(smtp.received).toHaveLength(3);
    expect(smtp.duplicates()).toEqual([]);
  });

  it('sends again, with the same Message-ID, a mail whose worker died between sending and recording', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    const n = await submit();
    // The first worker hands the mail to SMTP and then never records it: it was killed.
    let handedOver!: () => void;
    const sentOnce = new Promise<void>((resolve) => { handedOver = resolve; });
    const dying: Deps = {
      ...t.deps,
      mailer: { send: async (m) => { await t.deps.mailer.send(m); handedOver(); await new Promise(() => {}); } },
    };
    void drainOutbox(dying);
    await sentOnce;
    const row = await rowOf('case_new_department');
    expect(row).toMatchObject({ status: 'sending', attempts: 1, claimed_at: '2026-11-26T10:00:00.000+08:00' });

    // A restarted worker leaves the row alone while the dead worker's lease (10 min) may still be live…
    t.clock.advance(9 * MINUTE);
    expect(await drainOutbox(t.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    // …then sends it again under the same Message-ID.
    t.clock.advance(2 * MINUTE);
    expect((await drainOutbox(t.deps)).sent).toBe(1);
    expect(await rowOf('case_new_department')).toMatchObject({ status: 'sent', attempts: 2 });

    // At least once: the server accepted it twice, and the receiver recognises the duplicate by Message-ID.
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.map((m) => m.messageId)).toEqual([row.message_id, row.message_id]);
    expect(smtp.duplicates()).toEqual([row.message_id]);
    expect(smtp.deduplicated()).toHaveLength(1);
    expect(smtp.deduplicated()[0]!.subject).toContain(n);
  });
});

describe('clock sweeper and digests', () => {
  const subjects = () => smtp!.received.map((m) => m.subject ?? '');
  const count = (s: string) => subjects().filter((x) => x.includes(s)).length;

  /** Sweeps twice (the second must add nothing), then sends what was queued. */
  async function sweepAt(at: string) {
    t.clock.set(at);
    const first = await sweepClocks(t.deps);
    const second = await sweepClocks(t.deps);
    expect(second).toEqual({ dueSoon: 0, overdue: 0, escalated: 0, digests: 0 });
    await drainOutbox(t.deps);
    return first;
  }

  it('takes a complaint left unaccepted to due soon, overdue, then escalated — each mail exactly once', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    const n = await submit(); // accept_decision due 2026-12-07 23:59 (7 working days)
    const quiet = { dueSoon: 0, overdue: 0, escalated: 0 };

    expect(await sweepAt('2026-11-26T10:05:00+08:00')).toMatchObject(quiet);
    expect(await sweepAt('2026-12-02T10:00:00+08:00')).toMatchObject(quiet);
    expect(await sweepAt('2026-12-03T10:00:00+08:00')).toMatchObject({ ...quiet, dueSoon: 1 });
    expect(await sweepAt('2026-12-07T23:00:00+08:00')).toMatchObject(quiet);
    expect(await sweepAt('2026-12-08T10:00:00+08:00')).toMatchObject({ ...quiet, overdue: 1 });
    expect(await sweepAt('2026-12-08T23:59:00+08:00')).toMatchObject(quiet);
    expect(await sweepAt('2026-12-09T00:30:00+08:00')).toMatchObject({ ...quiet, escalated: 1 });
    expect(await sweepAt('2026-12-15T10:00:00+08:00')).toMatchObject(quiet);

    expect(count(`${n} 即将到期：决定是否受理`)).toBe(1);
    expect(count(`${n} 已逾期：决定是否受理`)).toBe(1);
    expect(count(`${n} 督办提醒：逾期未办理：决定是否受理`)).toBe(1);
    const escalation = smtp.received.find((m) => m.subject?.includes('督办提醒'))!;
    expect(toOf(escalation)).toBe('intake-440000@departments.example');
    expect(escalation.text).toContain('当前办理部门：广州市天河区市场监督管理局');
    const overdue = smtp.received.find((m) => m.subject?.includes('已逾期'))!;
    expect(toOf(overdue)).toBe('samr-440106@departments.example');
    expect(overdue.text).toContain('2026-12-07 23:59');

    const c = await t.deps.db.selectFrom('cases').selectAll().where('case_number', '=', n).executeTakeFirstOrThrow();
    expect(c.escalated).toBe(1);
    const events = await t.deps.db.selectFrom('case_events').selectAll().where('case_id', '=', c.id).where('event', '=', 'escalated').execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.public).toBe(0);
    const clock = await t.deps.db.selectFrom('clocks').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(clock).toMatchObject({
      due_soon_notified_at: '2026-12-03T10:00:00.000+08:00', overdue_notified_at: '2026-12-08T10:00:00.000+08:00',
      escalated_at: '2026-12-09T00:30:00.000+08:00',
    });
    expect(await t.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'case.escalated').execute()).toHaveLength(1);
  });

  it('says nothing about a clock that was stopped in time', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    await submit();
    await t.deps.db.updateTable('clocks').set({ status: 'stopped' }).execute();
    expect(await sweepAt('2026-12-10T10:00:00+08:00')).toMatchObject({ dueSoon: 0, overdue: 0, escalated: 0 });
    expect(subjects().filter((s) => /即将到期|已逾期|督办提醒/.test(s))).toEqual([]);
  });

  it('queues one digest per department per working day, from the digest hour, with the case numbers', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    const n = await submit();
    await drainOutbox(t.deps);

    expect((await sweepAt('2026-11-27T07:59:00+08:00')).digests).toBe(0);
    expect((await sweepAt('2026-11-27T08:00:00+08:00')).digests).toBe(1);
    expect((await sweepAt('2026-11-27T16:00:00+08:00')).digests).toBe(0);
    expect((await sweepAt('2026-11-28T09:00:00+08:00')).digests).toBe(0); // Saturday
    const digests = smtp.received.filter((m) => m.subject?.includes('每日案件摘要'));
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.subject).toBe('2026-11-27 每日案件摘要：广州市天河区市场监督管理局');
    expect(toOf(digest)).toBe('samr-440106@departments.example');
    expect(digest.text).toContain(`新收案件（1 件）：${n}`);
    expect(digest.text).toContain('已逾期（0 件）：—');
    expect(digest.text).toContain(`${PUBLIC_URL}/staff`);

    // Monday: nothing new since Friday's digest and nothing due yet, so no digest; Thursday the clock is due soon.
    expect((await sweepAt('2026-11-30T09:00:00+08:00')).digests).toBe(0);
    expect((await sweepAt('2026-12-03T09:00:00+08:00')).digests).toBe(1);
    const thursday = smtp.received.find((m) => m.subject === '2026-12-03 每日案件摘要：广州市天河区市场监督管理局')!;
    expect(thursday.text).toContain(`两个工作日内到期（1 件）：${n}`);
  });
});

describe('admin outbox page', () => {
  async function signInAdmin() {
    const admin = await createStaff(t, { role: 'admin' });
    // Admins sign in with a one-time code too.
    const res = await call(t.app, 'POST', '/api/v1/staff/login', { username: admin.username, password: admin.password, totp: await admin.code() });
    return /intake_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  }

  it('lists failed mail with a retry button, shows a reporter only as "reporter", and retries with the CSRF token', async () => {
    const port = await freePort();
    await appWithSmtp(port, { INTAKE_MAIL_MAX_ATTEMPTS: '1' });
    const email = 'zhang.san@example.com';
    const n = await submit(complaint({ reporter: { ...complaint().reporter, email } }));
    expect((await drainOutbox(t.deps)).failed).toBe(2);
    const cookie = await signInAdmin();

    const res = await t.app.request('/staff/admin/outbox?status=failed', { headers: { cookie } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('邮件发送队列');
    // Mail types and departments by name; the case number without a link: an admin reads no case.
    expect(html).toContain('收件确认（举报人）');
    expect(html).toContain('<td>举报人</td>');
    expect(html).toContain('广州市天河区市场监督管理局');
    expect(html).toContain(`>${n}<`);
    expect(html).not.toContain(`href="/staff/cases/${n}"`);
    expect(html).not.toContain(email);
    expect(html).not.toContain('zhang.san');
    const api = await call(t.app, 'GET', '/api/v1/admin/outbox', undefined, { cookie });
    expect(api.text).not.toContain(email);
    expect(api.body.items).toContainEqual(expect.objectContaining({ template: 'case_received_reporter', recipient: { type: 'reporter' } }));

    const row = await rowOf('case_received_reporter');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const form = (fields: Record<string, string>) => t.app.request(`/staff/admin/outbox/${row.id}/retry`, {
      method: 'POST', body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect((await form({})).status).toBe(403);
    const done = await form({ _csrf: csrf });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/staff/admin/outbox?status=queued&done=retry');
    expect(await rowOf('case_received_reporter')).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await form({ _csrf: csrf })).status).toBe(400);

    const en = await t.app.request('/staff/admin/outbox?lang=en', { headers: { cookie } });
    expect(await en.text()).toContain('Mail queue');
  });

  it('sends a signed-out visitor to the login page and refuses a handler', async () => {
    smtp = await startTestSmtp();
    await appWithSmtp(smtp.port);
    expect((await t.app.request('/staff/admin/outbox')).headers.get('location')).toBe('/staff/login');
    const handler = await createStaff(t, { role: 'handler' });
    const res = await t.app.request('/staff/admin/outbox', { headers: bearer(await handler.login()) });
    expect(res.status).toBe(403);
  });
});
