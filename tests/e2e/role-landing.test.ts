/**
 * Each role signs in from /staff/login in a browser, at phone width and on a desktop, and lands on
 * its own start page with its places in the header; the header fits the phone without sideways
 * scrolling, and every place in it opens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/vocabulary.js';
import { placePaths, rolePlaces, startPath } from '../../web/staff/places.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await call(t.app, 'POST', '/api/v1/cases', report());
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

async function signInFromLoginPage(page: Page, role: Role): Promise<void> {
  const staff = await createStaff(t, { role });
  await page.goto(`${server.url}/staff`);
  expect(new URL(page.url()).pathname).toBe('/staff/login');
  await page.fill('#username', staff.username);
  await page.fill('#password', staff.password);
  const code = await staff.code();
  if (code) await page.fill('#totp', code);
  await page.click('form.staff-login button[type="submit"]');
  await page.waitForURL(`${server.url}${startPath(role)}`);
}

const navHrefs = (page: Page) => page.$$eval('nav.staff-nav a', (links) => links.map((a) => a.getAttribute('href')));

describe('each role lands on its work', () => {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    for (const role of ROLES) {
      it(`${role} at ${width} width`, async () => {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        // The login page is in the site's frame: its name and header.
        await page.goto(`${server.url}/staff/login`);
        expect(await page.locator('.site-header .site-name').textContent()).toContain('广东省质量投诉举报平台');
        await signInFromLoginPage(page, role);
        await screenshot(page, `role-landing-${role}-${width}`);
        const expected = rolePlaces[role].map((p) => placePaths[p]);
        expect(await navHrefs(page)).toEqual(expected);
        expect(await page.locator('nav.staff-nav a[aria-current="page"]').getAttribute('href')).toBe(startPath(role));
        expect(await page.textContent('body')).not.toContain('您的角色没有案件队列');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
        // Every place in the header opens, and the site name leads back to the start page.
        for (const href of expected.slice(1)) {
          await page.click(`nav.staff-nav a[href="${href}"]`);
          await page.waitForURL(`${server.url}${href}`);
          expect(await page.locator('h1').count(), href).toBeGreaterThan(0);
          expect(await page.title()).not.toMatch(/找不到|无权|出错/);
        }
        await page.click('.site-header .site-name');
        await page.waitForURL(`${server.url}${startPath(role)}`);
        await context.close();
      }, 30_000);
    }
  }
});
