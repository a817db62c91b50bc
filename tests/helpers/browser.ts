/** Browser-test plumbing: the app on a real Node HTTP server, and Debian's chromium driven by playwright-core. */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestApp } from './app.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

/** Serves the app on 127.0.0.1 at a port the OS picks. */
export function startServer(app: TestApp['app']): Promise<RunningServer> {
  return new Promise((done, fail) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      done({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((closed) => {
          server.close(() => closed());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
      });
    });
    server.once('error', fail);
  });
}

const RESULTS = resolve('test-results');

/** Saves a full-page screenshot as test-results/<name>.png (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  await page.screenshot({ path: resolve(RESULTS, `${name}.png`), fullPage: true });
}

/** Fills the public form's fields of a complaint about mouldy mooncakes in 天河区 (kind chosen already). */
export async function fillComplaintForm(page: Page): Promise<void> {
  await page.selectOption('#f-category', 'product.food');
  await page.selectOption('#f-region', '440106');
  await page.fill('#f-description', '在超市购买的月饼已经发霉，商家拒绝退款。');
  await page.fill('#f-claim', '退款并赔偿');
  await page.fill('#f-subject-name', '某某食品有限公司');
  await page.fill('#f-reporter-name', '张三');
  await page.fill('#f-reporter-phone', '13800138000');
  await page.fill('#f-reporter-address', '广州市天河区天河路2号');
}
