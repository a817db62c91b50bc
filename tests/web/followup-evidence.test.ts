/** The evidence form of the follow-up page, as a browser without JavaScript posts it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { baseJpeg, pdf, zip } from '../helpers/files.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '5' } });
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
});
afterEach(async () => { await t.close(); });

const ORIGIN = { Origin: 'http://localhost' };

/** Files a case, enters its receipt on the form, returns the session cookie. */
async function fileAndEnter(body: unknown = report()) {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', body)).body;
  const entered = await t.app.request('/followup', {
    method: 'POST', body: new URLSearchParams({ receipt: filed.receipt }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...ORIGIN },
  });
  const cookie = /intake_followup=[^;]*/.exec(entered.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { caseNumber: filed.caseNumber as string, cookie: { Cookie: cookie } };
}

/** Posts the form's file input; a file named '' with no bytes is an input left untouched. */
async function postFiles(cookie: Record<string, string>, files: [string, Uint8Array][], lang = 'zh', headers = ORIGIN) {
  const form = new FormData();
  for (const [name, bytes] of files) form.append('attachments', new File([bytes as Uint8Array<ArrayBuffer>], name));
  const res = await t.app.request(`/followup/case/attachments?lang=${lang}`, { method: 'POST', body: form, headers: { ...cookie, ...headers } });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

const page = async (cookie: Record<string, string>, path = '/followup/case') => (await t.app.request(path, { headers: cookie })).text();

describe('evidence on the follow-up page', () => {
  it('offers a multipart form that works without JavaScript, then lists the file with its sent name', async () => {
    const { caseNumber, cookie } = await fileAndEnter();
    const before = await page(cookie);
    expect(before).toContain('补充材料');
    expect(before).toMatch(/<form[^>]+action="\/followup\/case\/attachments\?lang=zh"[^>]+enctype="multipart\/form-data"/);
    expect(before).toContain('还可以上传 10 个文件');
    expect(before).toContain('还没有附件');
    t.clock.advance(60_000);
    const sent = await postFiles(cookie, [['现场照片.jpg', baseJpeg], ['发票.pdf', pdf]]);
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/followup/case?sent=evidence#evidence-title');
    const after = await page(cookie, '/followup/case?sent=evidence');
    expect(after).toContain('材料已上传，已通知承办部门。');
    expect(after).toContain('attachment-1.jpg');
    expect(after).toContain('上传时的文件名：现场照片.jpg');
    expect(after).toContain('上传时的文件名：发票.pdf');
    expect(after).toContain('提交后补充');
    expect(after).toContain('您补充了材料');
    const staff = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
    expect(staff.attachments.map((a: { name: string }) => a.name)).toEqual(['attachment-1.jpg', 'attachment-2.pdf']);
  });

  it('shows the form again with the reason for a file of another type, and for no file at all', async () => {
    const { cookie } = await fileAndEnter();
    const wrong = await postFiles(cookie, [['evidence.jpg', zip]], 'en');
    expect(wrong.status).toBe(415);
    expect(wrong.html).toContain('There is a problem');
    expect(wrong.html).toContain('Only JPEG, PNG or WebP photos');
    expect(wrong.html).toContain('href="#evidence-files"');
    expect(wrong.html).toContain('aria-invalid="true"');
    const none = await postFiles(cookie, [['', new Uint8Array(0)]]);
    expect(none.status).toBe(400);
    expect(none.html).toContain('请选择要上传的文件');
    const view = (await page(cookie));
    expect(view).toContain('还没有附件');
  });

  it('refuses a closed case with 409 and offers no form, and refuses another site\'s post', async () => {
    const { caseNumber, cookie } = await fileAndEnter(complaint());
    expect((await postFiles(cookie, [['a.jpg', baseJpeg]], 'zh', { Origin: 'https://evil.example' })).status).toBe(403);
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'accept' }, handler);
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'close', reply: '商家已退款。' }, handler);
    const closed = await page(cookie);
    expect(closed).toContain('本案已办结，不能再补充材料。');
    expect(closed).not.toContain('action="/followup/case/attachments');
    const refused = await postFiles(cookie, [['late.jpg', baseJpeg]]);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('本案已办结，不能再补充材料。');
  });

  it('sends a visitor without a session back to the receipt form', async () => {
    const res = await postFiles({}, [['a.jpg', baseJpeg]]);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/followup');
  });
});
