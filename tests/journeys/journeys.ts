/**
 * The core journeys over HTTP, one definition for both runtimes (node.test.ts, worker.test.ts): what
 * a reporter, a hotline app and a department do, so Node and Workers keep one behaviour. Tests in a
 * file run in order and share the cases the first ones file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTsv } from '../../db/seed/directory.js';
import { readDirectoryFiles } from '../../db/seed/files.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoStaff } from '../../server/staff/demo.js';
import { totpCode } from '../../server/staff/totp.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { bearer, client } from './http.js';
import type { RunningRuntime } from './runtimes.js';

/** A 1×1 PNG without metadata chunks: stored as sent. */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/**
 * Declares the journeys for one runtime; `more` adds tests of that runtime alone, run while it is
 * still up (after the journeys).
 */
export function describeJourneys(
  label: string, start: () => Promise<RunningRuntime>, startTimeoutMs: number, more?: (runtime: () => RunningRuntime) => void,
): void {
  let rt: RunningRuntime;
  let api: ReturnType<typeof client>;
  const filed: Record<string, { caseNumber: string; receipt: string; department: { code: string } | null }> = {};
  let handler: Record<string, string>;

  describe(`${label}: core journeys over HTTP`, () => {
    beforeAll(async () => {
      rt = await start();
      api = client(rt.url);
      console.log(`${label}: healthy after ${rt.startSeconds.toFixed(1)} s`);
    }, startTimeoutMs);
    afterAll(async () => { await rt?.stop(); }, 30_000);

    it('serves the whole directory from the seed files', async () => {
      const files = readDirectoryFiles();
      const categories = await api.call('GET', '/api/v1/categories');
      const departments = await api.call('GET', '/api/v1/departments');
      expect(categories.status).toBe(200);
      expect(categories.body.items).toHaveLength(parseTsv(files.categories).length);
      expect(departments.body.items).toHaveLength(parseTsv(files.departments).length);
      expect(departments.body.items).toContainEqual(expect.objectContaining({ code: 'samr-440106', agency: 'samr', region: '440106' }));
    });

    it.each([
      ['complaint', complaint()],
      ['report', report()],
      ['injury', injury()],
    ])('files a %s: 201 with a case number, a receipt shown once, a department and clocks', async (kind, body) => {
      const res = await api.call('POST', '/api/v1/cases', body);
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ kind, status: 'received' });
      expect(res.body.caseNumber).toMatch(/^GD\d{8}\d{5}$/);
      expect(res.body.receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      expect(res.body.department?.code).toMatch(/^samr-44\d{4}$/);
      expect(res.body.due.length).toBeGreaterThan(0);
      filed[kind] = res.body;
    });

    it('lets the reporter come back with the receipt, read the status and write to the department', async () => {
      const { caseNumber, receipt } = filed.report!;
      const login = await api.call('POST', '/api/v1/followup/login', { receipt: receipt.replaceAll(' ', '') });
      expect(login.status, login.text).toBe(200);
      const reporter = bearer(login.body.token);
      const view = await api.call('GET', '/api/v1/followup', undefined, reporter);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ caseNumber, kind: 'report', status: 'received', identityDisclosed: false });
      expect(view.body.timeline.length).toBeGreaterThan(0);
      const sent = await api.call('POST', '/api/v1/followup/messages', { body: '仓库在厂区后门，晚上十点后出货。' }, reporter);
      expect(sent.status, sent.text).toBe(201);
      const wrong = await api.call('POST', '/api/v1/followup/login', { receipt: '0000000000000000' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('unauthenticated');
    });

    it('signs a department handler in', async () => {
      const login = await api.call('POST', '/api/v1/staff/login', { username: 'tianhe.handler', password: DEMO_PASSWORD });
      expect(login.status, login.text).toBe(200);
      handler = bearer(login.body.token);
      const me = await api.call('GET', '/api/v1/staff/me', undefined, handler);
      expect(me.status).toBe(200);
      expect(JSON.stringify(me.body)).toContain('tianhe.handler');
      const wrong = await api.call('POST', '/api/v1/staff/login', { username: 'tianhe.handler', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
    });

    it('shows the handler the queue and moves a complaint from received to accepted', async () => {
      const { caseNumber } = filed.complaint!;
      const queue = await api.call('GET', '/api/v1/staff/cases', undefined, handler);
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(expect.arrayContaining([caseNumber, filed.report!.caseNumber]));
      const illegal = await api.call('POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'close' }, handler);
      expect(illegal.status).toBe(409);
      expect(illegal.body.error.code).toBe('conflict');
      const accepted = await api.call('POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'accept' }, handler);
      expect(accepted.status, accepted.text).toBe(200);
      expect(accepted.body.status).toBe('accepted');
      const view = await api.call('GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler);
      expect(view.body.status).toBe('accepted');
      expect(view.body.allowedActions).toContain('start_mediation');
    });

    it('carries messages between the department and the reporter, who stays a pseudonym', async () => {
      const { caseNumber, receipt } = filed.report!;
      const sent = await api.call('POST', `/api/v1/staff/cases/${caseNumber}/messages`, { body: '请问货车车牌号是多少？' }, handler);
      expect(sent.status, sent.text).toBeLessThan(300);
      const staffView = await api.call('GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler);
      expect(staffView.body.messages).toEqual(expect.arrayContaining([
        expect.objectContaining({ from: 'reporter', body: '仓库在厂区后门，晚上十点后出货。' }),
        expect.objectContaining({ from: 'department', body: '请问货车车牌号是多少？' }),
      ]));
      const login = await api.call('POST', '/api/v1/followup/login', { receipt });
      const view = await api.call('GET', '/api/v1/followup', undefined, bearer(login.body.token));
      expect(view.body.messages).toContainEqual(expect.objectContaining({ from: 'department', body: '请问货车车牌号是多少？' }));
    });

    it('stores an attachment with the case and lets the department download the same bytes', async () => {
      const form = new FormData();
      form.append('case', JSON.stringify(report({ description: '仓库照片见附件，过期原料堆在门口。' })));
      form.append('attachments', new Blob([PNG], { type: 'image/png' }), 'warehouse.png');
      const filedWith = await api.call('POST', '/api/v1/cases', form);
      expect(filedWith.status, filedWith.text).toBe(201);
      const view = await api.call('GET', `/api/v1/staff/cases/${filedWith.body.caseNumber}`, undefined, handler);
      expect(view.body.attachments).toHaveLength(1);
      const [attachment] = view.body.attachments;
      expect(attachment).toMatchObject({ type: 'image/png', size: PNG.length });
      const download = await api.bytes(attachment.url, handler);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(download.bytes).toEqual(PNG);
      const anonymous = await api.bytes(attachment.url);
      expect(anonymous.status).toBe(401);
    });

    it('takes evidence from the follow-up after filing and lets the department download it under a neutral name', async () => {
      const { caseNumber, receipt } = filed.report!;
      const login = await api.call('POST', '/api/v1/followup/login', { receipt });
      const form = new FormData();
      form.append('attachments', new Blob([PNG], { type: 'image/png' }), '张三工牌.png');
      const added = await api.call('POST', '/api/v1/followup/attachments', form, bearer(login.body.token));
      expect(added.status, added.text).toBe(201);
      const view = await api.call('GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler);
      expect(view.body.timeline.map((e: { event: string }) => e.event)).toContain('evidence_added');
      const [attachment] = view.body.attachments;
      expect(attachment).toMatchObject({ name: 'attachment-1.png', type: 'image/png', addedAfterFiling: true });
      const download = await api.bytes(attachment.url, handler);
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="attachment-1.png"');
      expect(download.bytes).toEqual(PNG);
      const reporterView = await api.call('GET', '/api/v1/followup', undefined, bearer(login.body.token));
      expect(reporterView.body.attachments).toEqual([expect.objectContaining({ name: 'attachment-1.png', sentAs: '张三工牌.png' })]);
    });

    it('answers errors in the shape API.md promises', async () => {
      const missing = await api.call('GET', '/api/v1/no-such-thing');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
      const invalid = await api.call('POST', '/api/v1/cases', { kind: 'complaint' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error).toMatchObject({ code: 'validation_failed' });
      expect(invalid.body.error.issues.length).toBeGreaterThan(0);
      const unauthenticated = await api.call('GET', '/api/v1/staff/cases');
      expect(unauthenticated.status).toBe(401);
      // The injury happened in Shenzhen: a Tianhe handler learns nothing, not even that it exists.
      const otherDepartment = await api.call('GET', `/api/v1/staff/cases/${filed.injury!.caseNumber}`, undefined, handler);
      expect(otherDepartment.status).toBe(404);
    });

    it('takes a reward from the report to the payment: department, officer, approver, reporter, custodian', async () => {
      const staffLogin = async (username: string) => {
        let login = await api.call('POST', '/api/v1/staff/login', { username, password: DEMO_PASSWORD });
        if (login.status === 401) {
          // A one-time code: from the secret offered at a first sign-in, else the demo accounts' secret.
          const secret: string = login.body.enrolment?.secret ?? DEMO_TOTP_SECRET;
          login = await api.call('POST', '/api/v1/staff/login', { username, password: DEMO_PASSWORD, totp: await totpCode(secret, new Date()) });
        }
        expect(login.status, `${username}: ${login.text}`).toBe(200);
        return bearer(login.body.token);
      };
      const filedReward = await api.call('POST', '/api/v1/cases', report({ reward: true, description: '该厂用工业盐腌制咸菜，夜间从后门出货。' }));
      expect(filedReward.status, filedReward.text).toBe(201);
      const { caseNumber: n, receipt } = filedReward.body;
      const department = demoStaff.find((s) => s.role === 'handler' && s.department === filedReward.body.department?.code);
      expect(department, `no demo handler for ${filedReward.body.department?.code}`).toBeDefined();
      const [dept, officer, approver] = [await staffLogin(department!.username), await staffLogin('reward.officer'), await staffLogin('reward.approver')];

      for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 0 }]) {
        const res = await api.call('POST', `/api/v1/staff/cases/${n}/actions`, body, dept);
        expect(res.status, `${body.action}: ${res.text}`).toBe(200);
      }
      const reward = (headers: Record<string, string>, body: Record<string, unknown>) => api.call('POST', `/api/v1/staff/cases/${n}/reward`, body, headers);
      const steps: [Record<string, string>, Record<string, unknown>, string][] = [
        [officer, { action: 'assess', eligible: true }, 'eligible'],
        [officer, { action: 'propose', level: 3, note: '线索具体，协助查处' }, 'proposed'],
        [approver, { action: 'approve' }, 'notified'],
      ];
      for (const [headers, body, status] of steps) {
        const res = await reward(headers, body);
        expect(res.status, `${body.action}: ${res.text}`).toBe(200);
        expect(res.body.status).toBe(status);
      }

      const login = await api.call('POST', '/api/v1/followup/login', { receipt: receipt.replaceAll(' ', '') });
      expect(login.status, login.text).toBe(200);
      const reporter = bearer(login.body.token);
      const view = await api.call('GET', '/api/v1/followup', undefined, reporter);
      expect(view.body.reward).toEqual({ status: 'notified', amountFen: expect.any(Number), claimBy: expect.any(String) });
      const { amountFen, claimBy } = view.body.reward;
      expect(amountFen).toBeGreaterThan(0);
      const payee = { name: '陈小明', idNumber: '11010519491231002X', bankAccount: '6222 0212 3456 7890 123', bankName: '工商银行广州天河支行' };
      const claimed = await api.call('POST', '/api/v1/followup/reward-claim', { payee }, reporter);
      expect(claimed.status, claimed.text).toBe(201);
      expect(claimed.body).toEqual({ status: 'claimed', amountFen, claimBy });

      // Payout: the anonymous reporter's payee details through the custodian, once.
      const asked = await api.call('POST', `/api/v1/staff/cases/${n}/reward/payee-requests`, { reason: '发放奖励须核对收款人' }, officer);
      expect(asked.status, asked.text).toBe(201);
      const custodian = await staffLogin('custodian');
      const approved = await api.call('POST', `/api/v1/staff/disclosure-requests/${asked.body.id}/approve`, { note: '同意，按程序发放' }, custodian);
      expect(approved.status, approved.text).toBe(200);
      const opened = await api.call('POST', `/api/v1/staff/cases/${n}/reward/payee`, {}, officer);
      expect(opened.status, opened.text).toBe(200);
      expect(opened.body.payee).toMatchObject({ name: payee.name, idNumber: payee.idNumber });
      expect((await api.call('POST', `/api/v1/staff/cases/${n}/reward/payee`, {}, officer)).status).toBe(409);

      const paid = await reward(officer, { action: 'record_payment', paymentRef: 'BANK-2026-0001' });
      expect(paid.status, paid.text).toBe(200);
      expect(paid.body).toMatchObject({ status: 'paid', paymentRef: 'BANK-2026-0001', paidAt: expect.any(String) });
      expect((await api.call('GET', '/api/v1/followup', undefined, reporter)).body.reward).toMatchObject({ status: 'paid' });
    }, 60_000);

    // Last: it blocks this client's receipt logins for 15 minutes. On Workers the counters live in
    // the isolate, so this also shows that one isolate keeps one app between requests.
    it('answers 429 with Retry-After once one client has tried 10 wrong receipts', async () => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 11 && !statuses.includes(429); i++) {
        const res = await api.call('POST', '/api/v1/followup/login', { receipt: `99999999999999${String(i).padStart(2, '0')}` });
        statuses.push(res.status);
        retryAfter = res.headers.get('retry-after');
      }
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    }, 30_000);

    more?.(() => rt);
  });
}
