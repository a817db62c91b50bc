/** Public, cacheable reference data: categories, regions, departments. */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { listCategories, listDepartments, listRegions } from './directory.repository.js';
import { categoryView, departmentView, regionView } from './directory.js';

export function directoryRoutes(deps: Deps) {
  const app = new Hono();
  // Set per route: this sub-app is mounted at the API root, where a '*' middleware would reach other features.
  const cacheable = { 'Cache-Control': 'public, max-age=300' };
  app.get('/categories', async (c) => c.json({ items: (await listCategories(deps.db)).map(categoryView) }, 200, cacheable));
  app.get('/regions', async (c) => c.json({ items: (await listRegions(deps.db)).map(regionView) }, 200, cacheable));
  app.get('/departments', async (c) => c.json({ items: (await listDepartments(deps.db)).map(departmentView) }, 200, cacheable));
  return app;
}
