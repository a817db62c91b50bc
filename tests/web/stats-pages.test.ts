/**
 * The page /stats in zh-CN, zh-Hant and English: suppression in the HTML (a category with 4 cases shows
 * no number in its chart or table, 5 shows 5), every chart a labelled SVG with its table, the period form
 * re-shown with its problem, and the links to the page from the home page and the header.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

async function file(count: number, category: string, region: string) {
  for (let i = 0; i < count; i++) expect((await call(t.app, 'POST', '/api/v1/cases', report({ category, region }))).status).toBe(201);
}

const page = async (query: string) => {
  const res = await call(t.app, 'GET', `/stats${query}`);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  return res;
};

/** The element with this id, up to its closing tag (figures do not nest). */
const figure = (html: string, id: string) => {
  const match = new RegExp(`<figure[^>]* id="${id}"[\\s\\S]*?</figure>`).exec(html);
  expect(match, id).not.toBeNull();
  return match![0];
};
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/\s+/g, ' ');
/** The cells of the table row headed by `header`. */
const row = (html: string, header: string) => {
  const match = new RegExp(`<tr><th scope="row">${header}</th>([\\s\\S]*?)</tr>`).exec(html);
  expect(match, header).not.toBeNull();
  return [...match![1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.replace(/&lt;/g, '<'));
};

const LANGS = [
  { lang: 'zh', food: '食品安全', retail: '商品零售服务', guangzhou: '广州市', shenzhen: '深圳市', month: '2026年11月', product: '产品', service: '服务', legend: '少于 5 件的数字不公布' },
  { lang: 'zh-Hant', food: '食品安全', retail: '商品零售服務', guangzhou: '廣州市', shenzhen: '深圳市', month: '2026年11月', product: '產品', service: '服務', legend: '少於 5 件的數字不公布' },
  { lang: 'en', food: 'Food safety', retail: 'Retail', guangzhou: 'Guangzhou', shenzhen: 'Shenzhen', month: 'Nov 2026', product: 'Products', service: 'Services', legend: 'counts under 5 are not published' },
] as const;

describe('/stats', () => {
  for (const l of LANGS) {
    it(`shows no number for a category with 4 cases and 5 once it has 5 (${l.lang})`, async () => {
      await file(4, 'product.food', '440106');
      await file(5, 'service.retail', '440304');
      let res = await page(`?lang=${l.lang}`);
      expect(res.status).toBe(200);
      let html = res.text;
      expect(html).toContain(l.legend);

      const categories = figure(html, 'stats-by-category');
      expect(row(categories, l.food)).toEqual(['<5']);
      expect(row(categories, l.retail)).toEqual(['5']);
      // Nothing in the chart or its table reads 4: only 5 and '<5' are published.
      expect(textOf(categories)).not.toMatch(/4/);
      // The suppressed category is drawn as text only, no bar of some length.
      const svg = /<svg[\s\S]*<\/svg>/.exec(categories)![0];
      expect(svg.match(/<rect /g)).toHaveLength(1);

      const cities = figure(html, 'stats-by-city');
      expect(row(cities, l.guangzhou)).toEqual(['<5']);
      expect(row(cities, l.shenzhen)).toEqual(['5']);
      expect(textOf(cities)).not.toMatch(/4/);

      const months = figure(html, 'stats-by-month');
      const november = row(months, l.month);
      expect(november[0]).toBe('<5');
      expect(november).toContain('5');
      // No figure or table of the page reads 4 (month names aside; the notes explain ratings of 4 or 5).
      const published = [...html.matchAll(/<figure[\s\S]*?<\/figure>|<dl class="stats-summary">[\s\S]*?<\/dl>/g)]
        .map((m) => m[0].replace(/<p class="stats-note">[^<]*<\/p>/, '')).join(' ');
      expect(textOf(published)).not.toMatch(/\b4\b(?! ?(月|Apr))/);
      expect(textOf(/<dl class="stats-summary">[\s\S]*?<\/dl>/.exec(html)![0])).toMatch(/ 9 /);

      await file(1, 'product.food', '440106');
      html = (await page(`?lang=${l.lang}`)).text;
      expect(row(figure(html, 'stats-by-category'), l.food)).toEqual(['5']);
      expect(row(figure(html, 'stats-by-city'), l.guangzhou)).toEqual(['5']);
    });
  }

  it('draws every chart as a labelled image with a captioned table beside it', async () => {
    const html = (await page('?lang=en')).text;
    const figures = [...html.matchAll(/<figure[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(figures.map((f) => /id="([^"]+)"/.exec(f)![1])).toEqual(['stats-by-month', 'stats-by-category', 'stats-by-city', 'stats-timeliness', 'stats-satisfaction']);
    for (const f of figures) {
      expect(f).toMatch(/<figcaption id="[^"]+">[^<]+<\/figcaption>/);
      const svg = /<svg[^>]*>/.exec(f)![0];
      expect(svg).toContain('role="img"');
      const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ');
      expect(f).toMatch(new RegExp(`<title id="${titleId}">[^<]+</title>`));
      expect(f).toMatch(new RegExp(`<desc id="${descId}">[^<]+</desc>`));
      expect(f).toMatch(/<table[^>]*><caption id="[^"]+">[^<]+<\/caption>/);
      expect(f).toContain('<th scope="col"');
    }
    // Satisfaction: the provincial targets as lines and in the table.
    const satisfaction = figure(html, 'stats-satisfaction');
    expect(row(satisfaction, 'Producer services')).toEqual(['<5', '—', '85%']);
    expect(row(satisfaction, 'Consumer services')).toEqual(['<5', '—', '80%']);
    expect(satisfaction.match(/stroke-dasharray/g)!.length).toBe(3);
    // The business look-up and the periodic reports are on the page.
    expect(html).toMatch(/<form method="get" action="\/enterprises"[^>]*>[\s\S]*name="q"/);
    expect(html).toContain('id="reports-heading"');
    expect(html).toContain('<link rel="stylesheet" href="/stats/charts.css"/>');
    const css = await call(t.app, 'GET', '/stats/charts.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('re-shows the form with the problem for a bad period (400), the typed value kept', async () => {
    const res = await page('?lang=en&from=2026-13&to=2026-05');
    expect(res.status).toBe(400);
    expect(res.text).toContain('There is a problem with the period');
    expect(res.text).toContain('<a href="#stats-from">Enter the month as year-month, e.g. 2026-05.</a>');
    expect(res.text).toMatch(/id="stats-from" name="from" value="2026-13"[^>]*aria-invalid="true"/);
    expect(res.text).not.toContain('stats-by-category');
    const reversed = await page('?lang=zh&from=2026-06&to=2026-05');
    expect(reversed.status).toBe(400);
    expect(reversed.text).toContain('结束月份不能早于起始月份。');
    const zhHant = await page('?lang=zh-Hant&from=2020-01&to=2026-05');
    expect(zhHant.text).toContain('統計期間最長 36 個月，請縮短。');
  });

  it('shows the period asked for, and is linked from the home page and the header', async () => {
    const html = (await page('?lang=en&from=2026-03&to=2026-05')).text;
    expect(html).toContain('Period: Mar 2026 to May 2026');
    expect(html).toMatch(/id="stats-from" name="from" value="2026-03"/);
    for (const lang of ['zh', 'zh-Hant', 'en']) {
      const home = (await call(t.app, 'GET', `/?lang=${lang}`)).text;
      expect(home.match(/href="\/stats"/g)?.length, lang).toBe(2);
    }
  });
});
