/**
 * Every role finds its way: sign-in lands each role on its start page, /staff leads a role without
 * a case queue there too, and the header links exactly the role's places, each of which the route
 * guards let that role open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/vocabulary.js';
import { placePaths, rolePlaces, startPath } from '../../web/staff/places.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { getPage, type Session } from '../helpers/pages.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  await call(t.app, 'POST', '/api/v1/cases', report());
});
afterAll(async () => { await t?.close(); });

/** Signs in through the login form, as a person would; returns the session and where it led. */
async function formSignIn(role: Role, lang: 'zh' | 'en' = 'zh'): Promise<Session & { landing: string }> {
  const staff = await createStaff(t, { role });
  const fields = { username: staff.username, password: staff.password, totp: await staff.code() };
  const res = await t.app.request(lang === 'en' ? '/staff/login?lang=en' : '/staff/login', {
    method: 'POST', body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
  });
  expect(res.status, role).toBe(303);
  const cookie = /intake_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { cookie, token: '', username: staff.username, landing: res.headers.get('location') ?? '' };
}

/** The links of the header navigation (the role's places). */
function navLinks(html: string): string[] {
  const nav = /<nav class="staff-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

describe('each role finds its way', () => {
  for (const role of ROLES) {
    it(`${role}: lands on its start page, and every place in its header opens`, async () => {
      const s = await formSignIn(role);
      expect(s.landing).toBe(startPath(role));
      const landing = await getPage(t, s.landing, s);
      expect(landing.status).toBe(200);
      const expected = rolePlaces[role].map((p) => placePaths[p]);
      expect(navLinks(landing.html)).toEqual(expected);
      expect(landing.html).not.toContain('您的角色没有案件队列');
      for (const href of expected) {
        const res = await getPage(t, href, s);
        expect(res.status, `${role} ${href}`).toBe(200);
        expect(navLinks(res.html), `${role} ${href}`).toEqual(expected);
        expect(res.html).toMatch(new RegExp(`<a href="${href.replace(/[/?]/g, '\\$&')}" aria-current="page">`));
      }
      // /staff leads there too: the queue for case roles, the start page for the others.
      const home = await getPage(t, '/staff', s);
      if (rolePlaces[role].includes('queue')) expect(home.status).toBe(200);
      else {
        expect(home.status).toBe(303);
        expect(home.headers.get('location')).toBe(startPath(role));
      }
    });
  }

  it('keeps English through sign-in and in the header links of admin pages', async () => {
    const officer = await formSignIn('reward_officer', 'en');
    expect(officer.landing).toBe('/staff/rewards?lang=en');
    const admin = await formSignIn('admin', 'en');
    expect(admin.landing).toBe('/staff/admin?lang=en');
    const page = await getPage(t, admin.landing, admin);
    expect(navLinks(page.html)).toContain('/staff/admin/users?lang=en');
    expect(page.html).toContain('>Accounts<');
    const auditor = await formSignIn('auditor');
    expect((await getPage(t, '/staff?lang=en', auditor)).headers.get('location')).toBe('/staff/audit?lang=en');
  });

  it('shows no place a role may not open, even on an error page', async () => {
    const handler = await formSignIn('handler');
    const refused = await getPage(t, '/staff/admin/users', handler);
    expect(refused.status).toBe(403);
    expect(navLinks(refused.html)).toEqual(['/staff']);
    const custodian = await formSignIn('custodian');
    const missing = await getPage(t, '/staff/audit', custodian);
    expect(missing.status).toBe(403);
    expect(navLinks(missing.html)).toEqual(['/staff/disclosures']);
  });

  it('shows an admin the outbox case numbers without a link: admins do not read cases', async () => {
    const admin = await formSignIn('admin');
    const outbox = await getPage(t, '/staff/admin/outbox', admin);
    expect(outbox.status).toBe(200);
    expect(outbox.html).toMatch(/GD\d{13}/);
    expect(outbox.html).not.toContain('href="/staff/cases/');
    expect(outbox.html).not.toContain('case_new_department');
  });
});

describe('the Chinese admin pages speak Chinese', () => {
  it('names categories, agencies, departments and mail by their names, without English notes', async () => {
    const admin = await formSignIn('admin');
    const routing = await getPage(t, '/staff/admin/routing', admin);
    expect(routing.html).not.toContain('is handled by');
    expect(routing.html).toMatch(/<td>[^<]+由[^<]+办理<\/td>/);
    expect(routing.html).not.toMatch(/<option value="product\.food"[^>]*>product\.food/);
    const rule = await getPage(t, '/staff/admin/routing/rules/rule-product.food', admin);
    expect(rule.html).not.toContain('is handled by');
    const users = await getPage(t, '/staff/admin/users', admin);
    expect(users.html).not.toMatch(/<option value="samr-440106"[^>]*>samr-440106/);
    const preview = await getPage(t, '/staff/admin/preview?category=product.food&region=440106', admin);
    expect(preview.html).not.toContain('most specific jurisdiction');
    expect(preview.html).toContain('按分派规则');
    const holds = await getPage(t, '/staff/admin/holds', admin);
    expect(holds.html).not.toContain('purge');
    const outbox = await getPage(t, '/staff/admin/outbox', admin);
    expect(outbox.html).toContain('新案件通知');
  });
});
