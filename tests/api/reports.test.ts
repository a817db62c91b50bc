/**
 * Periodic reports: the period forms, the `report` command (real CLI process over a database file),
 * suppression in the CSV and HTML (4 cases: no number; 5: shown), the sweeper's monthly report once,
 * and the public and staff downloads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../../server/lib/encoding.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { csvField } from '../../server/stats/report-csv.js';
import { previousMonthPeriod, readReportPeriod } from '../../server/stats/report-period.js';
import { generateReport, listReports } from '../../server/stats/reports.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { csrfOf, getPage, postForm, signIn } from '../helpers/pages.js';
import { bearer } from '../helpers/staff.js';

const ROOT = join(import.meta.dirname, '../..');
const MASTER_KEY = toBase64(new Uint8Array(32).fill(7));

/** 5 food complaints (shown as 5) and 4 about children's products (suppressed) received in November 2026. */
async function fileCases(t: TestApp) {
  for (let i = 0; i < 5; i++) expect((await call(t.app, 'POST', '/api/v1/cases', complaint())).status).toBe(201);
  for (let i = 0; i < 4; i++) expect((await call(t.app, 'POST', '/api/v1/cases', complaint({ category: 'product.child' }))).status).toBe(201);
}

/** The CSV rows as cells (no quoted commas in these files). */
const rowsOf = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','));

describe('report periods', () => {
  it('reads a month, a quarter and a year as the months they cover', () => {
    expect(readReportPeriod('2026-11')).toMatchObject({ kind: 'month', from: '2026-11', to: '2026-11' });
    expect(readReportPeriod('2026-Q3')).toMatchObject({ kind: 'quarter', from: '2026-07', to: '2026-09' });
    expect(readReportPeriod('2026-Q1')).toMatchObject({ from: '2026-01', to: '2026-03' });
    expect(readReportPeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01', to: '2026-12' });
  });

  it('refuses anything else', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-q3', '2026-1', '26', '2026/11', '1999', 'now', '', '2026-11-01']) {
      expect(readReportPeriod(bad), bad).toBeNull();
    }
  });

  it('names the month that has ended in Beijing time', () => {
    expect(previousMonthPeriod(new Date('2026-11-30T15:59:00Z')).period).toBe('2026-10');
    expect(previousMonthPeriod(new Date('2026-11-30T16:00:30Z')).period).toBe('2026-11');
    expect(previousMonthPeriod(new Date('2027-01-01T00:00:00+08:00')).period).toBe('2026-12');
  });

  it('guards CSV cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-3')).toBe('-3');
    expect(csvField('a,b')).toBe('"a,b"');
  });
});

describe('npm run intake -- report', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'intake-report-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: ROOT, encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: MASTER_KEY },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('writes the HTML and CSV files, prints their paths, and suppresses 4 cases but shows 5', async () => {
    const t = await createTestApp({ filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });
    try {
      await fileCases(t);
    } finally {
      t.close();
    }
    const r = cli(['report', '--period', '2026-11']);
    expect(r.status, r.stderr).toBe(0);
    const paths = r.stdout.trim().split('\n');
    expect(paths.length).toBeGreaterThanOrEqual(11);
    for (const p of paths) {
      expect(isAbsolute(p), p).toBe(true);
      expect(p.startsWith(join(dir, 'reports', '2026-11')), p).toBe(true);
      expect(existsSync(p), p).toBe(true);
    }
    const html = readFileSync(paths.find((p) => p.endsWith('/report.html'))!, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(html).toContain('<style>');
    expect(html).not.toContain('.csv?lang=');
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html).toContain('按类别的受理量');
    expect(html).toMatch(/<th scope="row">食品安全<\/th><td class="num">5<\/td>/);
    expect(html).toMatch(/<th scope="row">儿童用品<\/th><td class="num">&lt;5<\/td>/);
    expect(html).not.toMatch(/儿童用品<\/th><td class="num">4/);
    const en = readFileSync(paths.find((p) => p.endsWith('/report.en.html'))!, 'utf8');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Cases received by category');

    const byCategory = readFileSync(paths.find((p) => p.endsWith('report-2026-11-by-category.csv'))!, 'utf8');
    expect(byCategory.startsWith('\uFEFF')).toBe(true);
    const rows = rowsOf(byCategory);
    expect(rows[0]).toEqual(['代码', '类别', '件数']);
    expect(rows).toContainEqual(['product.food', '食品安全', '5']);
    expect(rows).toContainEqual(['product.child', '儿童用品', '<5']);
    expect(byCategory).not.toMatch(/,4\r\n/);
    const all = readFileSync(paths.find((p) => p.endsWith('report-2026-11-all.csv'))!, 'utf8');
    expect(all).toContain('product.child,儿童用品,<5');
    expect(all).toContain('product.food,食品安全,5');
    expect(all).not.toMatch(/,4\r\n/);
    for (const name of ['by-month', 'by-city', 'timeliness', 'satisfaction', 'rewards', 'kpis', 'summary']) {
      expect(paths.some((p) => p.endsWith(`report-2026-11-${name}.csv`)), name).toBe(true);
    }

    // Stored, so the site lists it.
    const t2 = await createTestApp({ filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });
    try {
      expect(await listReports(t2.deps)).toEqual([expect.objectContaining({ period: '2026-11', htmlUrl: '/stats/reports/2026-11/report.html' })]);
    } finally {
      t2.close();
    }
  }, 120_000);

  it('refuses a bad period with a message (exit 1) and a missing one with usage (exit 2)', () => {
    const bad = cli(['report', '--period', '2026-13']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('2026-13');
    expect(bad.stderr).toContain('2026-Q3');
    expect(bad.stdout).toBe('');
    expect(cli(['report']).status).toBe(2);
  }, 60_000);
});

describe('reports in the app', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' }); });
  afterEach(async () => { await t.close(); });

  it('serves the listed report: HTML and CSV, 4 cases as <5 and 5 as 5, in the asked language', async () => {
    await fileCases(t);
    await generateReport(t.deps, '2026-11', 'cli');
    const [listed] = await listReports(t.deps);
    const html = await t.app.request(listed!.htmlUrl);
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('<link rel="stylesheet" href="/stats/reports/report.css"');
    expect(text).toContain('href="by-category.csv?lang=zh"');
    expect(text).toContain('href="report.csv?lang=zh"');
    expect(text).toMatch(/食品安全<\/th><td class="num">5</);
    expect(text).toMatch(/儿童用品<\/th><td class="num">&lt;5</);
    const csv = await t.app.request(`${listed!.csvUrl}?lang=en`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="report-2026-11-all.csv"');
    const body = await csv.text();
    expect(body).toContain("product.child,Children's products,<5");
    expect(body).toContain('product.food,Food safety,5');
    const table = await t.app.request('/stats/reports/2026-11/by-category.csv');
    expect(rowsOf(await table.text())).toContainEqual(['product.child', '儿童用品', '<5']);
    expect((await t.app.request('/stats/reports/report.css')).headers.get('content-type')).toContain('text/css');
  });

  it('answers 404 for a period never generated, a malformed one and an unknown file', async () => {
    for (const path of ['/stats/reports/2026-10/report.html', '/stats/reports/2026-13/report.html', '/stats/reports/2026-10/report.csv']) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
    await generateReport(t.deps, '2026-11', 'cli');
    expect((await t.app.request('/stats/reports/2026-11/secrets.csv')).status).toBe(404);
    expect((await t.app.request('/stats/reports/2026-11/by-category.csv')).status).toBe(200);
  });

  it('refuses a period that has not begun', async () => {
    await expect(generateReport(t.deps, '2026-12', 'cli')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(generateReport(t.deps, '2026-Q5', 'cli')).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('the sweeper generates the month that ended once, after it ended (Beijing time)', async () => {
    await fileCases(t);
    t.clock.set('2026-11-30T23:59:00+08:00');
    await sweepClocks(t.deps);
    const periods = async () => (await t.deps.db.selectFrom('stat_reports').select(['period', 'generated_by', 'generated_at']).orderBy('period').execute());
    expect((await periods()).map((r) => r.period)).toEqual(['2026-10']);

    t.clock.set('2026-12-01T00:00:30+08:00');
    await Promise.all([sweepClocks(t.deps), sweepClocks(t.deps)]);
    t.clock.set('2026-12-01T00:01:30+08:00');
    await sweepClocks(t.deps);
    const rows = await periods();
    expect(rows.map((r) => r.period)).toEqual(['2026-10', '2026-11']);
    expect(rows[1]).toMatchObject({ generated_by: 'system', generated_at: '2026-12-01T00:00:30.000+08:00' });
    const csv = await (await t.app.request('/stats/reports/2026-11/by-category.csv')).text();
    expect(rowsOf(csv)).toContainEqual(['product.food', '食品安全', '5']);
    expect(rowsOf(csv)).toContainEqual(['product.child', '儿童用品', '<5']);
  });

  it('staff pages: login needed, any role lists, intake and supervisors generate with the form token', async () => {
    const out = await getPage(t, '/staff/reports');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/staff/login');

    await fileCases(t);
    await generateReport(t.deps, '2026-11', 'cli');
    const handler = await signIn(t, { role: 'handler' });
    const seen = await getPage(t, '/staff/reports', handler);
    expect(seen.status).toBe(200);
    expect(seen.html).toContain('href="/stats/reports/2026-11/report.html?lang=zh"');
    expect(seen.html).not.toContain('name="period"');
    expect((await postForm(t, '/staff/reports', { period: '2026-10', _csrf: csrfOf(seen.html) }, handler)).status).toBe(403);

    const intake = await signIn(t, { role: 'intake', department: 'intake-440000' });
    const page = await getPage(t, '/staff/reports', intake);
    expect(page.html).toContain('name="period"');
    expect((await postForm(t, '/staff/reports', { period: '2026-10' }, intake)).status).toBe(403);
    const bad = await postForm(t, '/staff/reports', { period: '2026-13', _csrf: csrfOf(page.html) }, intake);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('期间格式不对');
    expect(bad.html).toContain('value="2026-13"');
    const made = await postForm(t, '/staff/reports', { period: '2026-Q4', _csrf: csrfOf(page.html) }, intake);
    expect(made.status).toBe(303);
    expect(made.headers.get('location')).toBe('/staff/reports?done=2026-Q4');
    const after = await getPage(t, '/staff/reports?done=2026-Q4', intake);
    expect(after.html).toContain('已生成 2026年第四季度 的报告');
    expect(after.html).toContain(intake.username);
    expect(after.html).toContain('href="/staff/reports"');
    for (const role of ['reward_officer', 'custodian', 'auditor', 'admin'] as const) {
      const other = await getPage(t, '/staff/reports', await signIn(t, { role }));
      expect(other.status, role).toBe(200);
      expect(other.html, role).toContain('2026年第四季度');
      expect(other.html, role).not.toContain('name="period"');
    }
    // The public list never names who generated a report.
    const pub = await getPage(t, '/stats/reports');
    expect(pub.status).toBe(200);
    expect(pub.html).toContain('2026年第四季度');
    expect(pub.html).not.toContain(intake.username);
  });

  it('API: lists reports publicly; intake and supervisors generate one, a bad period is a 400', async () => {
    await fileCases(t);
    expect((await call(t.app, 'GET', '/api/v1/stats/reports')).body).toEqual({ reports: [] });
    const intake = await signIn(t, { role: 'intake', department: 'intake-440000' });
    const handler = await signIn(t, { role: 'handler' });
    expect((await call(t.app, 'POST', '/api/v1/staff/reports', { period: '2026-11' })).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/v1/staff/reports', { period: '2026-11' }, bearer(handler.token))).status).toBe(403);
    for (const period of ['2026-13', 'Q3-2026', '2026-11-01', '2027']) {
      const bad = await call(t.app, 'POST', '/api/v1/staff/reports', { period }, bearer(intake.token));
      expect(bad.status, period).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    for (const body of ['not json', { period: 202611 }, { period: '2026-11', extra: 1 }, {}, [] as unknown[]]) {
      const bad = await call(t.app, 'POST', '/api/v1/staff/reports', body, bearer(intake.token));
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    for (const path of ['/stats/reports/%00/report.html', '/stats/reports/2026-11/..%2Freport.csv', '/stats/reports/2026-11/report.csv.csv']) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
    const made = await call(t.app, 'POST', '/api/v1/staff/reports', { period: '2026-11' }, bearer(intake.token));
    expect(made.status, made.text).toBe(201);
    expect(made.body).toEqual({
      period: '2026-11', kind: 'month', generatedAt: '2026-11-26T10:00:00.000+08:00',
      htmlUrl: '/stats/reports/2026-11/report.html', csvUrl: '/stats/reports/2026-11/report.csv',
    });
    const listed = await call(t.app, 'GET', '/api/v1/stats/reports');
    expect(listed.body.reports).toEqual([made.body]);
    expect(listed.text).not.toContain(intake.username);
  });
});
