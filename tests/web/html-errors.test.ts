/**
 * Browsers get pages, not JSON: unknown addresses, refusals and faults answer an HTML page in the
 * site's frame (public or staff) to a request that asks for HTML, JSON to the API and to every other
 * client; trailing-slash addresses lead to the address without the slash; the site has an icon.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signIn, type Session } from '../helpers/pages.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** accept '' sends no Accept header. */
async function get(path: string, accept = BROWSER, s?: Session, app = t.app) {
  const headers: Record<string, string> = {};
  if (accept) headers.accept = accept;
  if (s) headers.cookie = s.cookie;
  const res = await app.request(path, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: await res.text() };
}

/** A page, not a JSON body, and nothing of the server's insides. */
function expectPage(res: { type: string; body: string }) {
  expect(res.type).toContain('text/html');
  expect(res.body.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(res.body).not.toContain('"error"');
  expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('pages for browsers', () => {
  it('answers an unknown public address with the public 404 page, in the chosen language', async () => {
    for (const path of ['/nope', '/statistics', '/followup/nope', '/static/nope.css']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expectPage(res);
      expect(res.body).toContain('找不到这个页面');
      expect(res.body).toContain('<a class="site-name" href="/">');
      expect(res.body).toContain('class="site-footer"');
      expect(res.body).toContain('<a href="/">返回首页</a>');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const en = await get('/nope?lang=en');
    expect(en.body).toContain('Page not found');
    expect(en.body).toContain('<html lang="en">');
  });

  it('answers an unknown staff address in the staff frame, with the signed-in role\'s places', async () => {
    const out = await get('/staff/nope');
    expect(out.status).toBe(404);
    expectPage(out);
    expect(out.body).toContain('<body class="staff">');
    expect(out.body).toContain('找不到这个页面');
    expect(out.body).not.toContain('找不到该案件');

    const handler = await signIn(t, { role: 'handler' });
    const mine = await get('/staff/nope', BROWSER, handler);
    expect(mine.status).toBe(404);
    expect(mine.body).toContain(handler.username);
    expect(mine.body).toContain('<nav class="staff-nav"');

    const admin = await signIn(t, { role: 'admin' });
    const adminMissing = await get('/staff/admin/nope', BROWSER, admin);
    expect(adminMissing.status).toBe(404);
    expectPage(adminMissing);
    expect(adminMissing.body).toContain('href="/staff/admin/users"');
    expect(adminMissing.body).toContain('<a href="/staff/admin">');
  });

  it('answers a refusal (403) as a page in the frame of its area', async () => {
    const handler = await signIn(t, { role: 'handler' });
    const audit = await get('/staff/audit', BROWSER, handler);
    expect(audit.status).toBe(403);
    expectPage(audit);
    expect(audit.body).toContain('<body class="staff">');
    const admin = await get('/staff/admin/users', BROWSER, handler);
    expect(admin.status).toBe(403);
    expectPage(admin);
    // A form posted from another site: the public frame.
    const res = await t.app.request('/submit', {
      method: 'POST', body: 'kind=report', headers: { accept: BROWSER, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://elsewhere.example' },
    });
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toContain('<a class="site-name" href="/">');
    expect(body).not.toContain('"error"');
  });

  it('answers a fault (500) as a page that shows no stack, in each frame', async () => {
    const broken = await createTestApp();
    const handler = await signIn(broken, { role: 'handler' });
    await broken.close(); // every database read now fails
    for (const [path, s] of [['/submit', undefined], ['/staff/cases/GD2026112600001', handler]] as const) {
      const res = await get(path, BROWSER, s, broken.app);
      expect(res.status, path).toBe(500);
      expectPage(res);
      expect(res.body).not.toMatch(/database|sqlite|closed/i);
      expect(res.body).toContain('出错了');
    }
    // The staff frame cannot be drawn without the directory: the page falls back to the public frame.
    const missing = await get('/staff/nope', BROWSER, handler, broken.app);
    expect(missing.status).toBe(404);
    expectPage(missing);
    expect(missing.body).toContain('找不到这个页面');
    expect(broken.logs.join('\n')).not.toContain('GD2026112600001/');
  });

  it('answers an error of the app\'s own middleware (a body too large) as a page to a browser, JSON to others', async () => {
    const tooLarge = (accept: string) => t.app.request('/followup', {
      method: 'POST', body: 'receipt=1', headers: { accept, 'content-type': 'application/x-www-form-urlencoded', 'content-length': '99999999' },
    });
    const page = await tooLarge(BROWSER);
    expect(page.status).toBe(413);
    const html = await page.text();
    expect(html).toContain('内容过多');
    expect(html).toContain('<a class="site-name" href="/">');
    const json = await tooLarge('application/json');
    expect(json.status).toBe(413);
    expect((await json.json()).error.code).toBe('payload_too_large');
  });

  it('sends a trailing-slash address to the address without it, keeping the query', async () => {
    for (const [path, to] of [['/staff/', '/staff'], ['/submit/?lang=en', '/submit?lang=en'], ['/followup/', '/followup'], ['/nope/', '/nope']]) {
      const res = await get(path!);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('location'), path).toBe(to);
    }
    expect((await get('/staff/', '')).status).toBe(301);
    // Never to another host, and never for a post.
    for (const path of ['//evil.example/', '/\\evil.example/']) {
      const res = await get(path);
      expect(res.headers.get('location') ?? '', path).not.toMatch(/^(\/\/|\/\\)/);
    }
    const post = await t.app.request('/nope/', { method: 'POST', headers: { accept: BROWSER } });
    expect(post.status).toBe(404);
  });
});

describe('JSON for the API and for clients that do not ask for HTML', () => {
  it('keeps the JSON error under /api/, even for a browser', async () => {
    for (const path of ['/api/v1/nope', '/api/v1/cases/', '/api/nope']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.type).toContain('application/json');
      expect(JSON.parse(res.body).error.code).toBe('not_found');
    }
  });

  it('answers JSON outside /api/ to a client that does not ask for HTML', async () => {
    for (const accept of ['', 'application/json', '*/*']) {
      const res = await get('/nope', accept);
      expect(res.status).toBe(404);
      expect(res.type).toContain('application/json');
      expect(JSON.parse(res.body).error.code).toBe('not_found');
    }
  });
});

describe('the site icon', () => {
  it('serves /favicon.ico and the SVG icon from the app, cached', async () => {
    const ico = await t.app.request('/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    expect(ico.headers.get('cache-control')).toBe('public, max-age=86400');
    const bytes = new Uint8Array(await ico.arrayBuffer());
    expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect(bytes.length).toBe(6 + 16 + 40 + 32 * 32 * 4 + 32 * 4);
    const svg = await t.app.request('/static/favicon.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
  });

  it('names the icon on public and staff pages', async () => {
    for (const path of ['/', '/submit', '/followup', '/staff/login', '/nope']) {
      const res = await get(path);
      expect(res.body, path).toContain('<link rel="icon" href="/favicon.ico"');
    }
    const handler = await signIn(t, { role: 'handler' });
    expect((await get('/staff', BROWSER, handler)).body).toContain('<link rel="icon" href="/favicon.ico"');
  });
});
