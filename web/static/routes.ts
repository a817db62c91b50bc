/** /static/*: the stylesheet and the optional scripts, held in code so Workers can serve them too. */
import { Hono } from 'hono';
import { formJs, printJs } from './scripts.js';
import { appCss } from './styles.js';

const assets: Record<string, { type: string; body: string }> = {
  'app.css': { type: 'text/css; charset=utf-8', body: appCss },
  'print.js': { type: 'text/javascript; charset=utf-8', body: printJs },
  'form.js': { type: 'text/javascript; charset=utf-8', body: formJs },
};

export function staticRoutes() {
  const app = new Hono();
  app.get('/static/:file', (c) => {
    const asset = assets[c.req.param('file')];
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
  });
  return app;
}
