/** Public, cacheable reference data (API.md "Reference data"). */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { listCategories, listDepartments, listRegions } from './directory.repository.js';
import { categoryView, departmentView, regionView } from './directory.js';

export function directoryRoutes(deps: Deps) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=300');
  });
  app.get('/categories', async (c) => c.json({ items: (await listCategories(deps.db)).map(categoryView) }));
  app.get('/regions', async (c) => c.json({ items: (await listRegions(deps.db)).map(regionView) }));
  app.get('/departments', async (c) => c.json({ items: (await listDepartments(deps.db)).map(departmentView) }));
  return app;
}
