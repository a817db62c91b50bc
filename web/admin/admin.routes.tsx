/**
 * /staff/admin: the administration pages (admins only). Mounted before /staff so these paths are
 * never taken by the workspace. Changes post a form with the CSRF token and redirect (303) on success.
 */
import { Hono } from 'hono';
import { changesQuerySchema, previewQuerySchema } from '../../server/admin/admin.schema.js';
import { listAdminChanges } from '../../server/admin/changes.service.js';
import { previewRoute } from '../../server/admin/preview.service.js';
import type { Deps } from '../../server/deps.js';
import { listCategoryEntries, listRegionEntries, type DirectoryEntry } from '../../server/directory/directory.service.js';
import { requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { ChangesPage } from './changes-page.js';
import { apiKeyPages } from './api-keys.routes.js';
import { adminView, renderAdmin, type AdminView } from './context.js';
import { directoryPages } from './directory.routes.js';
import { adminErrors } from './error-page.js';
import { attempt } from './form.js';
import { HomePage } from './home-page.js';
import { PreviewPage, type PreviewChoices } from './preview-page.js';
import { holdPages } from './holds.routes.js';
import { userPages } from './users.routes.js';

export function adminPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  // '*' is safe: this sub-app owns the whole /staff/admin prefix.
  app.use('*', requireStaffPage(deps, 'admin'), requireCsrf);

  const choices = async (v: AdminView): Promise<PreviewChoices> => {
    const name = (e: DirectoryEntry) => ({ code: e.code, name: e.name[v.lang] });
    return { categories: (await listCategoryEntries(deps)).map(name), regions: (await listRegionEntries(deps)).map(name) };
  };

  app.get('/', async (c) => {
    const v = adminView(c);
    const recent = (await listAdminChanges(deps, 10)).items;
    return renderAdmin(c, <HomePage v={v} choices={await choices(v)} recent={recent} />);
  });

  app.get('/preview', async (c) => {
    const v = adminView(c);
    const q = c.req.query();
    const values = { category: q.category ?? '', region: q.region ?? '', kind: q.kind ?? '', severity: q.severity ?? '' };
    const page = { v, choices: await choices(v), values };
    // The bare page is the empty form; anything asked is answered or explained.
    if (!values.category && !values.region) return renderAdmin(c, <PreviewPage {...page} />);
    const outcome = await attempt('preview', async () => previewRoute(deps, previewQuerySchema.parse({
      category: values.category, region: values.region, kind: values.kind || undefined, severity: values.severity || undefined,
    })));
    if (!outcome.ok) return renderAdmin(c, <PreviewPage {...page} failure={outcome.failure} />, 400);
    return renderAdmin(c, <PreviewPage {...page} result={outcome.value} />);
  });

  app.get('/changes', async (c) => {
    const q = changesQuerySchema.parse(c.req.query());
    const { items, nextBefore } = await listAdminChanges(deps, q.limit, q.before);
    return renderAdmin(c, <ChangesPage v={adminView(c)} items={items} nextBefore={nextBefore} />);
  });

  app.route('/users', userPages(deps));
  app.route('/holds', holdPages(deps));
  app.route('/api-keys', apiKeyPages(deps));
  app.route('/', directoryPages(deps));
  app.onError(adminErrors(deps));
  return app;
}
