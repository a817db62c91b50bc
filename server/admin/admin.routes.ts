/**
 * /api/v1/admin: accounts and their pending grants, legal holds, departments, routing rules, categories, the route preview and the admin
 * change log. Admins only; every change is written with its audit entry in one batch.
 */
import { Hono, type Context } from 'hono';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { listLegalHolds, setLegalHold } from '../cases/legal-hold.service.js';
import {
  changeAccountRole, createAccount, listAccountViews, resetAccountPassword, setAccountDisabled, type AccountChange,
} from './accounts.service.js';
import {
  changeRoleSchema, changesQuerySchema, createUserSchema, editCategorySchema, editDepartmentSchema, editRuleSchema,
  legalHoldSchema, newRuleSchema, previewQuerySchema, resetPasswordSchema,
} from './admin.schema.js';
import { approveGrant, denyGrant, listGrantViews } from './grants.service.js';
import { listAdminChanges } from './changes.service.js';
import { editDepartment, listDepartmentViews } from './departments.service.js';
import { previewRoute } from './preview.service.js';
import { addRule, deactivateRule, editCategory, editRule, listCategoryViews, listRuleViews } from './rules.service.js';

export function adminRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  // '*' is safe here: this sub-app owns the whole /admin prefix, so the guard reaches nothing else.
  app.use('*', requireStaff(deps, 'admin'), requireCsrf, async (c, next) => {
    // Accounts and the change log are nobody's cache business.
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/users', async (c) => c.json({ items: await listAccountViews(deps) }));
  // A change that waits for a second admin answers 202 with the pending grant; the account is unchanged.
  const answer = (c: Context, { user, grant }: AccountChange, done: 200 | 201 = 200) =>
    c.json({ user, ...(grant ? { grant } : {}) }, grant && done === 200 ? 202 : done);
  app.post('/users', async (c) => {
    const input = createUserSchema.parse(await readJsonBody(c.req.raw));
    return answer(c, await createAccount(deps, c.get('actor'), input), 201);
  });
  app.post('/users/:username/disable', async (c) =>
    answer(c, await setAccountDisabled(deps, c.get('actor'), c.req.param('username'), true)));
  app.post('/users/:username/enable', async (c) =>
    answer(c, await setAccountDisabled(deps, c.get('actor'), c.req.param('username'), false)));
  app.post('/users/:username/password', async (c) => {
    const { password } = resetPasswordSchema.parse(await readJsonBody(c.req.raw));
    return answer(c, await resetAccountPassword(deps, c.get('actor'), c.req.param('username'), password));
  });
  app.post('/users/:username/role', async (c) => {
    const input = changeRoleSchema.parse(await readJsonBody(c.req.raw));
    return answer(c, await changeAccountRole(deps, c.get('actor'), c.req.param('username'), input));
  });

  app.get('/grants', async (c) => c.json({ items: await listGrantViews(deps) }));
  app.post('/grants/:id/approve', async (c) => c.json({ grant: await approveGrant(deps, c.get('actor'), c.req.param('id')) }));
  app.post('/grants/:id/deny', async (c) => c.json({ grant: await denyGrant(deps, c.get('actor'), c.req.param('id')) }));

  app.get('/holds', async (c) => c.json({ items: await listLegalHolds(deps) }));
  app.post('/cases/:caseNumber/hold', async (c) => {
    const { hold, reason } = legalHoldSchema.parse(await readJsonBody(c.req.raw));
    return c.json({ hold: await setLegalHold(deps, c.get('actor').username, c.req.param('caseNumber'), hold, reason) });
  });

  app.get('/departments', async (c) => c.json({ items: await listDepartmentViews(deps) }));
  app.patch('/departments/:code', async (c) => {
    const patch = editDepartmentSchema.parse(await readJsonBody(c.req.raw));
    return c.json({ department: await editDepartment(deps, c.get('actor'), c.req.param('code'), patch) });
  });

  app.get('/routing-rules', async (c) => c.json({ items: await listRuleViews(deps) }));
  app.post('/routing-rules', async (c) => {
    const input = newRuleSchema.parse(await readJsonBody(c.req.raw));
    return c.json({ rule: await addRule(deps, c.get('actor'), input) }, 201);
  });
  app.patch('/routing-rules/:id', async (c) => {
    const patch = editRuleSchema.parse(await readJsonBody(c.req.raw));
    return c.json({ rule: await editRule(deps, c.get('actor'), c.req.param('id'), patch) });
  });
  app.delete('/routing-rules/:id', async (c) => c.json({ rule: await deactivateRule(deps, c.get('actor'), c.req.param('id')) }));

  app.get('/categories', async (c) => c.json({ items: await listCategoryViews(deps) }));
  app.patch('/categories/:code', async (c) => {
    const patch = editCategorySchema.parse(await readJsonBody(c.req.raw));
    return c.json({ category: await editCategory(deps, c.get('actor'), c.req.param('code'), patch) });
  });

  app.get('/route-preview', async (c) => c.json(await previewRoute(deps, previewQuerySchema.parse(c.req.query()))));

  app.get('/changes', async (c) => {
    const q = changesQuerySchema.parse(c.req.query());
    return c.json(await listAdminChanges(deps, q.limit, q.before));
  });
  return app;
}
