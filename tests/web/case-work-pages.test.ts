/** The handler's queue and case page: search, merge offers, and a triage case that offers dispatch first. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { csrfOf, getPage, postForm, signIn } from '../helpers/pages.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
const mergeForms = (html: string) => [...html.matchAll(/name="into" value="([^"]+)"/g)].map((m) => m[1]);
const selected = (html: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]+)" selected/g)].map((m) => m[1]);
};
const optionsOf = (html: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
};

describe('merge suggestions', () => {
  it('offer only the earlier case as the merge target', async () => {
    const earlier = await submit(complaint());
    t.clock.set('2026-11-02T11:00:00+08:00');
    const later = await submit(complaint());
    const handler = await signIn(t, { role: 'handler' });

    const laterPage = await getPage(t, `/staff/cases/${later}`, handler);
    expect(laterPage.html).toContain(`href="/staff/cases/${earlier}"`);
    expect(mergeForms(laterPage.html)).toEqual([earlier]);
    expect(laterPage.html).toContain(`并入 ${earlier}`);
    expect(laterPage.html).toContain('把本案并入较早收到的同一事项');

    const earlierPage = await getPage(t, `/staff/cases/${earlier}`, handler);
    expect(earlierPage.html).toContain(`href="/staff/cases/${later}"`);
    expect(mergeForms(earlierPage.html)).toEqual([]);
    expect(earlierPage.html).not.toContain(`并入 ${later}`);
    expect(earlierPage.html).toContain('较晚收到：应把该案并入本案');

    const merged = await postForm(t, `/staff/cases/${later}/actions`, { _csrf: csrfOf(laterPage.html), action: 'merge', into: earlier }, handler);
    expect(merged.status).toBe(303);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${later}`, undefined, bearer(handler.token))).body.status).toBe('merged');
  });
});

describe('a triage case', () => {
  it('offers dispatch first with the routing suggestion chosen, and no urge', async () => {
    const n = await submit(report({ category: 'other' }));
    const intake = await signIn(t, { role: 'intake', department: 'intake-440000' });
    let page = await getPage(t, `/staff/cases/${n}`, intake);
    expect(page.status).toBe(200);
    expect(page.html).toContain('分派规则没有为本案找到承办部门');
    expect(page.html).toContain('<a href="#dispatch">本案还没有承办部门：去派单</a>');
    expect(page.html).not.toContain('data-action="urge"');

    // The admin adds a rule for the category: the page now suggests where the rules would send it.
    const admin = await createStaff(t, { role: 'admin' });
    const rule = await call(t.app, 'POST', '/api/v1/admin/routing-rules', { category: 'other', agency: 'samr' }, bearer(await admin.login()));
    expect(rule.status).toBe(201);
    page = await getPage(t, `/staff/cases/${n}`, intake);
    const actions = page.html.slice(page.html.indexOf('id="actions-title"'));
    // Dispatch comes first among the actions, open, before the other forms.
    expect(actions.indexOf('data-action="assign"')).toBeGreaterThan(0);
    expect(actions.indexOf('data-action="assign"')).toBeLessThan(actions.indexOf('<details'));
    expect(page.html).toContain('按分派规则，本案应派给：广州市天河区市场监督管理局');
    expect(selected(page.html, 'department')).toEqual(['samr-440106']);
    expect(page.html).toMatch(/<optgroup label="分派规则建议"><option value="samr-440106" selected/);
    // The rest is grouped by city, the case's own city (广州市) first.
    expect(page.html).toMatch(/<optgroup label="广州市">/);
    expect(page.html).not.toContain('data-action="urge"');

    // The filter narrows the list on the server: no JavaScript needed.
    const filtered = await getPage(t, `/staff/cases/${n}?for=assign&dept=${encodeURIComponent('深圳')}`, intake);
    const offered = optionsOf(filtered.html, 'department');
    expect(offered[0]).toBe('samr-440106');
    expect(offered.length).toBeGreaterThan(1);
    expect(offered.length).toBeLessThan(optionsOf(page.html, 'department').length);
    expect(filtered.html).toMatch(/名称含“深圳”的部门：\d+ 个/);
    const none = await getPage(t, `/staff/cases/${n}?for=assign&dept=${encodeURIComponent('无此部门zzz')}`, intake);
    expect(none.html).toContain('没有匹配的部门');

    const done = await postForm(t, `/staff/cases/${n}/actions`, { _csrf: csrfOf(page.html), action: 'assign', department: 'samr-440106' }, intake);
    expect(done.status).toBe(303);
    const after = await getPage(t, `/staff/cases/${n}`, intake);
    expect(after.html).not.toContain('class="dispatch"');
    expect(after.html).toContain('data-action="urge"');
  });

  it('refuses urging a case not yet dispatched with a 409 that names assign', async () => {
    const n = await submit(report({ category: 'other' }));
    const intake = await createStaff(t, { role: 'intake', department: 'intake-440000' });
    const res = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'urge' }, bearer(await intake.login()));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('assign');
  });

  it('names the department that returned the case instead of choosing it again', async () => {
    const n = await submit(complaint());
    const handler = await createStaff(t, { role: 'handler' });
    const back = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'request_transfer', reason: '不属本局管辖' }, bearer(await handler.login()));
    expect(back.status).toBe(200);
    const intake = await signIn(t, { role: 'intake', department: 'intake-440000' });
    const page = await getPage(t, `/staff/cases/${n}`, intake);
    expect(page.html).toContain('但该部门已退回本案');
    expect(selected(page.html, 'department')).toEqual([]);
    expect(page.html).not.toContain('分派规则建议');
  });
});

describe('queue search on the page', () => {
  it('finds a case by number or business name and keeps the search in the filters', async () => {
    const a = await submit(complaint({ subject: { name: '甲乙食品有限公司' } }));
    const b = await submit(complaint({ subject: { name: '丙丁商贸有限公司' } }));
    const handler = await signIn(t, { role: 'handler' });
    const all = await getPage(t, '/staff', handler);
    expect(all.html).toContain('role="search"');
    expect(all.html).toContain('已办结、已并案的排在最后');

    const byNumber = await getPage(t, `/staff?q=${b.toLowerCase()}`, handler);
    expect(byNumber.html).toContain(`href="/staff/cases/${b}"`);
    expect(byNumber.html).not.toContain(`href="/staff/cases/${a}"`);
    expect(byNumber.html).toContain(`value="${b.toLowerCase()}"`);

    const byName = await getPage(t, `/staff?q=${encodeURIComponent('甲乙')}`, handler);
    expect(byName.html).toContain(`href="/staff/cases/${a}"`);
    expect(byName.html).not.toContain(`href="/staff/cases/${b}"`);
    expect(byName.html).toContain('查找“甲乙”的结果');
    expect(byName.html).toContain('<input type="hidden" name="q" value="甲乙"/>');

    const none = await getPage(t, `/staff?q=${encodeURIComponent('没有这家')}`, handler);
    expect(none.html).toContain('没有符合条件的案件');
  });
});
