/** /static/*: the stylesheet and the optional scripts, held in code so Workers can serve them too. */
import { Hono } from 'hono';
import { formJs, printJs } from './scripts.js';
import { appCss } from './styles.js';

// A Map, not an object literal: a name such as `__proto__` or `toString` must not find
// Object.prototype's members (seen: /static/__proto__ answered 500).
const assets = new Map<string, { type: string; body: string }>([
  ['app.css', { type: 'text/css; charset=utf-8', body: appCss }],
  ['print.js', { type: 'text/javascript; charset=utf-8', body: printJs }],
  ['form.js', { type: 'text/javascript; charset=utf-8', body: formJs }],
]);

export function staticRoutes() {
  const app = new Hono();
  app.get('/static/:file', (c) => {
    const asset = assets.get(c.req.param('file'));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
  });
  return app;
}
