/** /api/docs: the API reference as one server-rendered page, every operation on it, nothing loaded from elsewhere. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const unescape = (html: string) => html.replace(/<wbr\s*\/?>/g, '').replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function page(query = '', headers: Record<string, string> = {}) {
  const res = await t.app.request(`/api/docs${query}`, { headers: { accept: 'text/html', ...headers } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', html: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
}

describe('/api/docs', () => {
  it('renders every operation of the OpenAPI document, each with its anchor, method, path and summary', async () => {
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, any>> };
    const { status, type, html } = await page('?lang=en');
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const text = unescape(html);
    let count = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const op = item[method];
        expect(html, op.operationId).toContain(`id="${op.operationId}"`);
        expect(html, op.operationId).toContain(`href="#${op.operationId}"`);
        expect(text).toContain(`${method.toUpperCase()} ${path}`);
        expect(text).toContain(op.summary);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  it('shows parameters, request bodies and answers as nested lists of fields with their rules, and the error shape', async () => {
    const { html } = await page('?lang=en');
    const text = unescape(html);
    const filing = text.slice(text.indexOf('id="post-cases"'), text.indexOf('id="post-followup-login"'));
    // The submission's fields, nested ones too, with their rules; the multipart part; the Idempotency-Key header.
    for (const piece of ['<strong>kind</strong>', '"complaint" | "report" | "injury"', '<strong>subject</strong>', '<strong>creditCode</strong>',
      'at most 5000 characters', 'multipart/form-data', 'case: application/json', '<strong>Idempotency-Key</strong>', '<code>201</code>',
      '<strong>receipt</strong>', '<code>400</code>']) {
      expect(filing).toContain(piece);
    }
    expect(filing).toContain('One of:'); // anonymous or named reporter
    const queue = text.slice(text.indexOf('id="get-staff-cases"'), text.indexOf('id="get-staff-cases-by-caseNumber"'));
    expect(queue).toContain('<strong>limit</strong>');
    expect(queue).toContain('default 50');
    expect(text).toContain('id="schema-Error"');
    expect(text).toContain('href="/api/v1/openapi.json"');
  });

  it('needs no script and loads nothing from outside the server', async () => {
    const { html, csp } = await page();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href|action)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(csp).toContain("default-src 'self'");
  });

  it('is in the site\'s frame in each page language', async () => {
    const zh = await page();
    expect(zh.html).toContain('lang="zh-CN"');
    expect(zh.html).toContain('<h1>接口说明</h1>');
    expect(zh.html).toContain('class="site-header"');
    const hant = await page('', { 'accept-language': 'zh-TW' });
    expect(hant.html).toContain('lang="zh-Hant"');
    expect(hant.html).toContain('<h1>介面說明</h1>');
    const en = await page('?lang=en');
    expect(en.html).toContain('lang="en"');
    expect(en.html).toContain('<h1>API reference</h1>');
    expect(en.html).toContain('href="/api/docs?lang=zh"');
  });
});
