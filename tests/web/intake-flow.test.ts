/** The intake form's flow: filed once per key, POST → 303 → the receipt shown once; refresh, language and kind keep the input. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const get = async (path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const post = async (fields: Record<string, string>, path = '/submit') => {
  const res = await t.app.request(path, {
    method: 'POST', body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const keyOf = (html: string) => /<input type="hidden" name="_key" value="([^"]+)"/.exec(html)?.[1] ?? '';
const countCases = async () => (await t.deps.db.selectFrom('cases').select('id').execute()).length;
const RECEIPT = /\d{4} \d{4} \d{4} \d{4}/;

const complaint = (over: Record<string, string> = {}) => ({
  kind: 'complaint', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
  description: '购买的月饼已经发霉，商家拒绝退款，要求处理。', claim: '退款并赔偿',
  'reporter.name': '张三', 'reporter.phone': '13800138000', 'reporter.address': '广州市天河区天河路2号', ...over,
});

async function fileWithKey(over: Record<string, string> = {}) {
  const key = keyOf((await get('/submit')).html);
  const res = await post({ ...complaint(over), _key: key });
  return { key, res, location: res.headers.get('location') ?? '' };
}

describe('filed once, receipt shown once', () => {
  it('gives every form its own key, and the form page is never kept by a shared cache', async () => {
    const a = await get('/submit');
    const b = await get('/submit');
    expect(keyOf(a.html)).toMatch(/^[\w-]{16,}$/);
    expect(keyOf(a.html)).not.toBe(keyOf(b.html));
    expect(a.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('answers a filed form with 303 to a confirmation address that holds no receipt', async () => {
    const { res, location } = await fileWithKey();
    expect(res.status).toBe(303);
    expect(location).toMatch(/^\/submit\/receipt\/[\w-]{16,}$/);
    expect(location).not.toMatch(/\d{16}/);
    expect(res.html).not.toMatch(RECEIPT);
    expect(await countCases()).toBe(1);
  });

  it('shows the receipt on the first opening only; a reload says it was shown and files nothing', async () => {
    const { location } = await fileWithKey();
    const first = await get(location);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.html).toContain('已收到您的投诉');
    expect(first.html.match(RECEIPT)).toHaveLength(1);
    const again = await get(location);
    expect(again.status).toBe(200);
    expect(again.html).toContain('查询码已经显示过');
    expect(again.html).toContain('href="/followup"');
    expect(again.html).not.toMatch(RECEIPT);
    expect(await countCases()).toBe(1);
  });

  it('answers the same post sent again with the same confirmation address, then with the "shown" page', async () => {
    const { key, location } = await fileWithKey();
    const resent = await post({ ...complaint(), _key: key });
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toBe(location);
    expect((await get(location)).html).toMatch(RECEIPT);
    const late = await post({ ...complaint(), _key: key });
    expect(late.status).toBe(303);
    expect(late.headers.get('location')).toBe('/submit/receipt');
    expect((await get('/submit/receipt')).html).toContain('查询码已经显示过');
    expect(await countCases()).toBe(1);
  });

  it('removes the answer once shown: the key row keeps no sealed receipt', async () => {
    const { location } = await fileWithKey();
    await get(location);
    const row = await t.deps.db.selectFrom('submission_keys').selectAll().executeTakeFirstOrThrow();
    expect([row.key_id, row.wrapped_key, row.iv, row.ciphertext]).toEqual([null, null, null, null]);
    expect(row.viewed_at).not.toBeNull();
  });

  it('lets the confirmation address lapse a quarter of an hour after filing', async () => {
    const { location } = await fileWithKey();
    t.clock.advance(16 * 60_000);
    const late = await get(location);
    expect(late.html).toContain('查询码已经显示过');
    expect(late.html).not.toMatch(RECEIPT);
  });

  it('shows the form again, as typed and with a new key, when its key filed another request', async () => {
    const { key } = await fileWithKey();
    const changed = await post({ ...complaint({ description: '另一件事：这家店的饮料过期了还在卖。' }), _key: key });
    expect(changed.status).toBe(400);
    expect(changed.html).toContain('这张表单已经提交过一次');
    expect(keyOf(changed.html)).not.toBe(key);
    expect(changed.html).toContain('另一件事：这家店的饮料过期了还在卖。');
    expect(await countCases()).toBe(1);
    // Pressing submit again on that form files the second matter, deliberately.
    const second = await post({ ...complaint({ description: '另一件事：这家店的饮料过期了还在卖。' }), _key: keyOf(changed.html) });
    expect(second.status).toBe(303);
    expect(await countCases()).toBe(2);
  });

  it('answers an unknown token with the "shown" page, not an error', async () => {
    for (const path of ['/submit/receipt/nope', '/submit/receipt/abcdefghijklmnopqrstuvwx', '/submit/receipt/%3Cscript%3E']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.html).toContain('查询码已经显示过');
    }
  });

  it('keeps the key over a re-shown form with errors, so fixing them files one case', async () => {
    const key = keyOf((await get('/submit')).html);
    const bad = await post({ ...complaint({ 'reporter.phone': '12' }), _key: key });
    expect(bad.status).toBe(400);
    expect(keyOf(bad.html)).toBe(key);
    expect((await post({ ...complaint(), _key: keyOf(bad.html) })).status).toBe(303);
    expect(await countCases()).toBe(1);
  });
});

describe('every problem at once, values kept', () => {
  it('shows a message for every wrong field in one answer, with what was typed', async () => {
    const res = await post({
      kind: 'complaint', category: 'product.counterfeit', region: '', 'subject.name': '', 'subject.creditCode': 'BAD',
      description: '太短', occurredOn: '2026-02-30', claim: '退款', 'reporter.name': '', 'reporter.phone': '12345',
      'reporter.idNumber': '123', 'reporter.email': 'not-mail', 'reporter.address': '', _key: 'k'.repeat(24),
    });
    expect(res.status).toBe(400);
    for (const field of ['category', 'region', 'subject-name', 'subject-creditCode', 'description', 'occurredOn',
      'reporter-name', 'reporter-phone', 'reporter-idNumber', 'reporter-email', 'reporter-address']) {
      expect(res.html, field).toContain(`id="f-${field}-error"`);
      expect(res.html, field).toContain(`href="#f-${field}"`);
    }
    expect(res.html).toContain('value="12345"');
    expect(res.html).toContain('value="BAD"');
    expect(res.html).toContain('value="not-mail"');
    expect(res.html).toContain('>太短</textarea>');
    expect(await countCases()).toBe(0);
  });
});

describe('kind and language follow without losing the input', () => {
  it('hides the fields of one kind until a kind is chosen, with a button to show them without JavaScript', async () => {
    const res = await get('/submit');
    for (const kinds of ['complaint', 'injury', 'report']) {
      expect(res.html).toMatch(new RegExp(`<fieldset class="kind-only" data-kinds="${kinds}" hidden="" disabled="">`));
    }
    expect(res.html).toMatch(/<input class="button button-secondary" type="submit" name="_action" value="按所选类型显示相应栏目" formnovalidate=""/);
    // The form's one submit button is the one that files.
    expect(res.html.match(/<button[^>]*type="submit"[^>]*>/g)?.filter((b) => !b.includes('form="intake-form"'))).toHaveLength(1);
  });

  it('shows only the chosen kind\'s fields after "show the fields", keeping every value and filing nothing', async () => {
    const key = 'r'.repeat(24);
    const res = await post({ ...complaint(), kind: 'report', _action: 'refresh', _key: key });
    expect(res.status).toBe(200);
    expect(res.html).toMatch(/<fieldset class="kind-only" data-kinds="report">/);
    expect(res.html).toMatch(/<fieldset class="kind-only" data-kinds="complaint" hidden="" disabled="">/);
    expect(res.html).toMatch(/<input[^>]*value="report"[^>]*checked/);
    expect(res.html).toContain('value="13800138000"');
    expect(res.html).not.toContain('class="error-summary"');
    expect(keyOf(res.html)).toBe(key);
    expect(await countCases()).toBe(0);
  });

  it('says so when the chosen category does not take the new kind, instead of clearing it', async () => {
    const res = await post({ ...complaint({ category: 'product.counterfeit' }), kind: 'complaint', _action: 'refresh' });
    expect(res.html).toContain('id="f-category-error">“制假售假、假冒伪劣”不受理投诉');
    expect(res.html).toMatch(/<option value="product\.counterfeit" selected=""/);
    // The categories that do not take a complaint cannot be chosen without JavaScript either.
    const disabled = [...res.html.matchAll(/<option value="([^"]+)" disabled="" data-kinds="([^"]+)"/g)];
    expect(disabled.length).toBeGreaterThan(0);
    expect(disabled.every(([, , kinds]) => !kinds!.split(' ').includes('complaint'))).toBe(true);
    expect(res.html).toMatch(/<option value="product\.food" data-kinds="complaint report injury"/);
  });

  it('switches the language with the form\'s own buttons: the page comes back in English as typed', async () => {
    const form = await get('/submit?kind=complaint');
    expect(form.html).toMatch(/<button class="link-button" type="submit" form="intake-form" formaction="\/submit\?kind=complaint&amp;lang=en" formnovalidate="" name="_action" value="refresh"/);
    const res = await post({ ...complaint(), _action: 'refresh', _key: keyOf(form.html) }, '/submit?kind=complaint&lang=en');
    expect(res.status).toBe(200);
    expect(res.html).toContain('<html lang="en">');
    expect(res.html).toContain('value="13800138000"');
    expect(res.html).toContain('购买的月饼已经发霉');
    expect(res.headers.get('set-cookie')).toContain('lang=en');
    expect(await countCases()).toBe(0);
  });

  it('offers the show-all of a filtered list as a button that keeps the input', async () => {
    const res = await get('/submit?kind=report');
    expect(res.html).toMatch(/<input class="link-button" type="submit" name="_action" value="显示全部类别" formnovalidate="" data-show-all="true" data-only-kind="report"\/>/);
  });
});
