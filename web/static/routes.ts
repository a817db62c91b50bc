/** /static/*: the stylesheet, the optional scripts and the icon, held in code so Workers can serve them too; and /favicon.ico. */
import { Hono } from 'hono';
import { faviconIco, faviconSvg } from './favicon.js';
import { formJs, printJs } from './scripts.js';
import { appCss } from './styles.js';

// A Map, not an object literal: a name such as `__proto__` or `toString` must not find
// Object.prototype's members (seen: /static/__proto__ answered 500).
const assets = new Map<string, { type: string; body: string }>([
  ['app.css', { type: 'text/css; charset=utf-8', body: appCss }],
  ['print.js', { type: 'text/javascript; charset=utf-8', body: printJs }],
  ['form.js', { type: 'text/javascript; charset=utf-8', body: formJs }],
  ['favicon.svg', { type: 'image/svg+xml', body: faviconSvg }],
]);

// The icon never changes with a release of the pages: a day in every cache.
const ICON_CACHE = 'public, max-age=86400';

export function staticRoutes() {
  const app = new Hono();
  app.get('/static/:file', (c) => {
    const asset = assets.get(c.req.param('file'));
    if (!asset) return c.notFound();
    const cache = c.req.param('file') === 'favicon.svg' ? ICON_CACHE : 'public, max-age=3600';
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': cache });
  });
  app.get('/favicon.ico', (c) => c.body(faviconIco, 200, { 'Content-Type': 'image/x-icon', 'Cache-Control': ICON_CACHE }));
  return app;
}
