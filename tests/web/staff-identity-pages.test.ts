import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { basePng } from '../helpers/files.js';
import { csrfOf, getPage, postForm as postFormAs, signIn as signInAs, type Session } from '../helpers/pages.js';
import { bearer, createStaff, type StaffOptions } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const REPORTER = { anonymous: false, name: '李四', phone: '13912345678', idNumber: '11010519491231002X' };

const signIn = (options: StaffOptions) => signInAs(t, options);

const page = (path: string, s?: Session) => getPage(t, path, s);

const postForm = (path: string, fields: Record<string, string>, s: Session) => postFormAs(t, path, fields, s);

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body as { caseNumber: string; receipt: string };
const caseIdOf = async (n: string) => (await t.store.db.selectFrom('cases').select('id').where('case_number', '=', n).executeTakeFirstOrThrow()).id;
const auditOf = async (n: string) =>
  t.store.db.selectFrom('audit_log').select(['action', 'actor']).where('case_id', '=', await caseIdOf(n)).orderBy('seq').execute();

describe('writing to the reporter', () => {
  it('sends the handler\'s message from the case page to the reporter\'s follow-up', async () => {
    const handler = await signIn({ role: 'handler' });
    const { caseNumber: n, receipt } = await submit(report());
    const form = await page(`/staff/cases/${n}`, handler);
    expect(form.html).toContain(`action="/staff/cases/${n}/messages"`);
    expect(form.html).toContain('给举报人、投诉人留言');

    const res = await postForm(`/staff/cases/${n}/messages`, { _csrf: csrfOf(form.html), body: '请问仓库的具体位置？' }, handler);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/cases/${n}?notice=message_sent`);
    const after = await page(res.headers.get('location')!, handler);
    expect(after.html).toContain('留言已发送');
    expect(after.html).toContain('请问仓库的具体位置？');

    const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt });
    expect(login.status).toBe(200);
    const followup = await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(login.body.token));
    expect(followup.body.messages).toEqual([expect.objectContaining({ from: 'department', body: '请问仓库的具体位置？' })]);
    expect(followup.text).not.toContain(handler.username);
  });

  it('re-shows an empty or over-long message with 400 and keeps what was typed', async () => {
    const handler = await signIn({ role: 'handler' });
    const { caseNumber: n } = await submit(report());
    const csrf = csrfOf((await page(`/staff/cases/${n}`, handler)).html);
    const empty = await postForm(`/staff/cases/${n}/messages`, { _csrf: csrf, body: '   ' }, handler);
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('请填写留言内容');
    const long = '长'.repeat(5001);
    const tooLong = await postForm(`/staff/cases/${n}/messages`, { _csrf: csrf, body: long }, handler);
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain('留言最多 5000 字，现在是 5001 字');
    expect(tooLong.html).toContain(`>${long}</textarea>`);
  });

  it('offers no message form to a co-handling department', async () => {
    const other = await signIn({ role: 'handler', department: 'samr-440100' });
    const { caseNumber: n } = await submit(report());
    const intake = await signIn({ role: 'intake', department: 'intake-440000' });
    await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'add_cohandler', department: 'samr-440100' }, bearer(intake.token));
    const res = await page(`/staff/cases/${n}`, other);
    expect(res.status).toBe(200);
    expect(res.html).not.toContain(`action="/staff/cases/${n}/messages"`);
    expect((await page(`/staff/cases/${n}`, intake)).html).toContain(`action="/staff/cases/${n}/messages"`);
  });
});

describe('attachments and documents', () => {
  it('lists a PNG sent with the case under its neutral name, with its download link, type, size and metadata label', async () => {
    const handler = await signIn({ role: 'handler' });
    const data = new FormData();
    data.set('case', JSON.stringify(report()));
    data.append('attachments', new File([basePng as Uint8Array<ArrayBuffer>], 'scan.png', { type: 'image/png' }));
    const filed = await t.app.request('/api/v1/cases', { method: 'POST', body: data });
    expect(filed.status).toBe(201);
    const n = ((await filed.json()) as { caseNumber: string }).caseNumber;

    const res = await page(`/staff/cases/${n}`, handler);
    // Staff never see the name the file was sent under (issue 14, item 7).
    const link = new RegExp(`href="(/api/v1/staff/cases/${n}/attachments/[A-Za-z0-9_-]+)"[^>]*>attachment-1.png</a>`).exec(res.html);
    expect(link).not.toBeNull();
    expect(res.html).not.toContain('scan.png');
    expect(res.html).toContain('PNG');
    expect(res.html).toContain(`${basePng.length} B`);
    expect(res.html).toContain('已去除元数据');
    expect(res.html).toContain(`href="/staff/cases/${n}/handover"`);

    const download = await t.app.request(link![1]!, { headers: { cookie: handler.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
  });
});

describe('opening a complainant\'s contact', () => {
  it('shows the full contact once, on the answer to the post, never cached, and audits the opening', async () => {
    const handler = await signIn({ role: 'handler' });
    const { caseNumber: n } = await submit(complaint());
    const casePage = await page(`/staff/cases/${n}`, handler);
    expect(casePage.html).toContain('138****8000');
    expect(casePage.html).not.toContain('13800138000');
    expect(casePage.html).toContain(`action="/staff/cases/${n}/identity/open"`);

    const opened = await postForm(`/staff/cases/${n}/identity/open`, { _csrf: csrfOf(casePage.html), reason: '联系投诉人安排调解' }, handler);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('location')).toBeNull();
    expect(opened.html.split('13800138000')).toHaveLength(2);
    expect(opened.html).toContain('张三');
    expect(opened.html).toContain('本次打开已记入审计日志');
    expect(opened.html).not.toMatch(/<title>[^<]*(13800138000|张三)/);
    expect(await auditOf(n)).toContainEqual({ action: 'identity.open', actor: handler.username });

    expect((await page(`/staff/cases/${n}`, handler)).html).not.toContain('13800138000');
  });

  it('re-shows the form without a reason with 400 and opens nothing', async () => {
    const handler = await signIn({ role: 'handler' });
    const { caseNumber: n } = await submit(complaint());
    const csrf = csrfOf((await page(`/staff/cases/${n}`, handler)).html);
    const res = await postForm(`/staff/cases/${n}/identity/open`, { _csrf: csrf, reason: '' }, handler);
    expect(res.status).toBe(400);
    expect(res.html).toContain('请填写打开原因');
    expect(res.html).not.toContain('13800138000');
    expect((await auditOf(n)).map((e) => e.action)).not.toContain('identity.open');
  });

  it('offers the intake centre neither the contact nor the form, and refuses its post with 403', async () => {
    const intake = await signIn({ role: 'intake', department: 'intake-440000' });
    const { caseNumber: n } = await submit(complaint());
    const res = await page(`/staff/cases/${n}`, intake);
    expect(res.html).not.toContain('138****8000');
    expect(res.html).not.toContain('/identity/open');
    const post = await postForm(`/staff/cases/${n}/identity/open`, { _csrf: csrfOf(res.html), reason: '联系投诉人安排调解' }, intake);
    expect(post.status).toBe(403);
    expect(post.html).not.toContain('13800138000');
  });
});

describe('disclosure through the pages', () => {
  it('runs request, custodian approval and a single view, and refuses the second view', async () => {
    const handler = await signIn({ role: 'handler' });
    const custodian = await signIn({ role: 'custodian' });
    const { caseNumber: n } = await submit(report({ reporter: REPORTER }));

    const casePage = await page(`/staff/cases/${n}`, handler);
    expect(casePage.html).toContain(`action="/staff/cases/${n}/disclosure-requests"`);
    const filed = await postForm(`/staff/cases/${n}/disclosure-requests`, {
      _csrf: csrfOf(casePage.html), legalReason: '依《行政处罚法》第五十五条，需核实举报人身份以取得证人证言',
    }, handler);
    expect(filed.status).toBe(303);
    expect(filed.headers.get('location')).toBe(`/staff/cases/${n}?notice=disclosure_requested`);
    const pendingPage = await page(filed.headers.get('location')!, handler);
    expect(pendingPage.html).toContain('披露申请已提交');
    expect(pendingPage.html).toContain('待审批');
    expect(pendingPage.html).not.toContain(`action="/staff/cases/${n}/disclosure-requests"`);

    const queue = await page('/staff/disclosures', custodian);
    expect(queue.status).toBe(200);
    expect(queue.headers.get('cache-control')).toBe('no-store');
    expect(queue.html).toContain('href="/staff/disclosures"');
    expect(queue.html).toContain(n);
    expect(queue.html).toContain(handler.username);
    expect(queue.html).toContain('第五十五条');
    for (const secret of ['李四', '13912345678', '11010519491231002X']) expect(queue.html).not.toContain(secret);
    const action = /action="(\/staff\/disclosures\/[A-Za-z0-9_-]+\/approve)"/.exec(queue.html)![1]!;

    const approved = await postForm(action, { _csrf: csrfOf(queue.html), note: '理由充分，依法决定' }, custodian);
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/staff/disclosures?done=approved&case=${n}`);
    const after = await page(approved.headers.get('location')!, custodian);
    expect(after.html).toContain(`案件 ${n} 的披露申请：已批准。`);
    expect(after.html).toContain('没有待审批的申请。');
    expect(after.html).toContain('理由充分，依法决定');
    for (const secret of ['李四', '13912345678']) expect(after.html).not.toContain(secret);

    const ready = await page(`/staff/cases/${n}`, handler);
    expect(ready.html).toContain('查看身份（仅一次）');
    expect(ready.html).not.toContain('13912345678');
    const view = /action="(\/staff\/disclosures\/[A-Za-z0-9_-]+\/view)"/.exec(ready.html)![1]!;
    const shown = await postForm(view, { _csrf: csrfOf(ready.html) }, handler);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.html).toContain('李四');
    expect(shown.html).toContain('13912345678');
    expect(shown.html).toContain('不会再次显示');

    const again = await postForm(view, { _csrf: csrfOf(ready.html) }, handler);
    expect(again.status).toBe(409);
    expect(again.html).toContain('already viewed once');
    expect(again.html).not.toContain('13912345678');
    const viewed = await page(`/staff/cases/${n}`, handler);
    expect(viewed.html).toContain('已查看');
    expect(viewed.html).not.toContain('查看身份（仅一次）');
    expect((await auditOf(n)).map((e) => e.action)).toEqual(expect.arrayContaining([
      'identity.disclosure.request', 'identity.disclosure.approve', 'identity.disclosure.view',
    ]));
  });

  it('needs a reason to deny and shows the denial to the requester', async () => {
    const handler = await signIn({ role: 'handler' });
    const custodian = await signIn({ role: 'custodian' });
    const { caseNumber: n } = await submit(report({ reporter: REPORTER }));
    const csrf = csrfOf((await page(`/staff/cases/${n}`, handler)).html);
    await postForm(`/staff/cases/${n}/disclosure-requests`, { _csrf: csrf, legalReason: '依法需要核实举报人身份' }, handler);
    const queue = await page('/staff/disclosures', custodian);
    const deny = /action="(\/staff\/disclosures\/[A-Za-z0-9_-]+\/deny)"/.exec(queue.html)![1]!;

    const bare = await postForm(deny, { _csrf: csrfOf(queue.html), note: '' }, custodian);
    expect(bare.status).toBe(400);
    expect(bare.html).toContain('拒绝时请写明理由');
    const denied = await postForm(deny, { _csrf: csrfOf(queue.html), note: '理由不足，不予披露' }, custodian);
    expect(denied.status).toBe(303);
    const casePage = await page(`/staff/cases/${n}`, handler);
    expect(casePage.html).toContain('已拒绝');
    expect(casePage.html).toContain('理由不足，不予披露');
    expect(casePage.html).not.toContain('查看身份（仅一次）');
  });

  it('refuses a custodian decision without the CSRF token with 403', async () => {
    const handler = await signIn({ role: 'handler' });
    const custodian = await signIn({ role: 'custodian' });
    const { caseNumber: n } = await submit(report({ reporter: REPORTER }));
    await postForm(`/staff/cases/${n}/disclosure-requests`, {
      _csrf: csrfOf((await page(`/staff/cases/${n}`, handler)).html), legalReason: '依法需要核实举报人身份',
    }, handler);
    const queue = await page('/staff/disclosures', custodian);
    const approve = /action="(\/staff\/disclosures\/[A-Za-z0-9_-]+\/approve)"/.exec(queue.html)![1]!;
    const res = await postForm(approve, { note: '理由充分' }, custodian);
    expect(res.status).toBe(403);
    expect(res.html).toContain('表单已过期');
    expect((await page('/staff/disclosures', custodian)).html).toContain(approve);
  });

  it('shows the custodian page to custodians only and offers no disclosure on an anonymous report', async () => {
    const handler = await signIn({ role: 'handler' });
    const res = await page('/staff/disclosures', handler);
    expect(res.status).toBe(403);
    expect(res.html).toContain('无权访问');
    expect(res.html).not.toContain('href="/staff/disclosures"');
    const { caseNumber: n } = await submit(report());
    expect((await page(`/staff/cases/${n}`, handler)).html).not.toContain('/disclosure-requests');
  });
});
