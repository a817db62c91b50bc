/** /staff/admin/departments and /staff/admin/routing: departments, routing rules and categories. */
import { Hono, type Context } from 'hono';
import { editCategorySchema, editDepartmentSchema, editRuleSchema, newRuleSchema } from '../../server/admin/admin.schema.js';
import { editDepartment, getDepartmentView, listDepartmentViews } from '../../server/admin/departments.service.js';
import {
  addRule, deactivateRule, editCategory, editRule, getCategory, getRule, listCategoryViews, listRuleViews, ruleView,
} from '../../server/admin/rules.service.js';
import type { Deps } from '../../server/deps.js';
import { categoryView } from '../../server/directory/directory.js';
import {
  listAgencyEntries, listCategoryEntries, listRegionEntries, type DirectoryEntry,
} from '../../server/directory/directory.service.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { CategoryPage, type CategoryValues } from './category-page.js';
import { adminView, href, renderAdmin, type AdminView } from './context.js';
import { DepartmentPage, DepartmentsPage, type DepartmentValues } from './departments-page.js';
import { formText, attempt, checked, orNull, readForm, texts, type Failure, type FormBody } from './form.js';
import { RoutingPage, RulePage, type RuleValues } from './rules-page.js';

type C = Context<StaffEnv>;
type Status = 200 | 400 | 409;
const named = (v: AdminView) => (e: DirectoryEntry) => ({ code: e.code, name: e.name[v.lang] });
// Only known keys become text: nothing from the query string is echoed into the page.
const done = (c: C, v: AdminView) => v.a.done[c.req.query('done') ?? ''];
const go = (c: C, path: string, key: string) => c.redirect(href(adminView(c), `${path}?done=${key}`), 303);

const ruleValues = (form: FormBody): RuleValues => ({
  category: formText(form, 'category'), kind: formText(form, 'kind'), agency: formText(form, 'agency'),
  priority: formText(form, 'priority'), note: formText(form, 'note'), active: checked(form, 'active'),
});
// An empty priority box means the default; anything else must be a number, or zod names the field.
const ruleInput = (r: RuleValues) => ({
  category: r.category, kind: r.kind || null, agency: r.agency, note: orNull(r.note),
  priority: r.priority.trim() === '' ? 0 : Number(r.priority),
});

export function directoryPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.route('/', departmentPages(deps));
  app.route('/', routingPages(deps));
  return app;
}

function departmentPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/departments', async (c) => {
    const v = adminView(c);
    const agencies = (await listAgencyEntries(deps)).map(named(v));
    const asked = c.req.query('agency');
    const agency = agencies.some((a) => a.code === asked) ? asked : undefined;
    return renderAdmin(c, <DepartmentsPage v={v} departments={await listDepartmentViews(deps)} agencies={agencies} agency={agency} notice={done(c, v)} />);
  });
  const departmentPage = async (c: C, extra: { failure?: Failure; values?: DepartmentValues } = {}, status: Status = 200) => {
    const v = adminView(c);
    const department = await getDepartmentView(deps, c.req.param('code') ?? '');
    const [regions, agencies] = await Promise.all([listRegionEntries(deps), listAgencyEntries(deps)]);
    const page = { v, department, regions: regions.map(named(v)), agencies: agencies.map(named(v)), notice: done(c, v) };
    return renderAdmin(c, <DepartmentPage {...page} {...extra} />, status);
  };
  app.get('/departments/:code', (c) => departmentPage(c));
  app.post('/departments/:code', async (c) => {
    const form = await readForm(c);
    const values = {
      nameZh: formText(form, 'nameZh'), nameEn: formText(form, 'nameEn'), email: formText(form, 'email'), active: checked(form, 'active'),
      jurisdiction: formText(form, 'jurisdiction'),
    };
    const outcome = await attempt('department', async () => editDepartment(deps, c.get('actor'), c.req.param('code'), editDepartmentSchema.parse({
      ...values, email: values.email.trim(), jurisdiction: values.jurisdiction.split(/[\s,，、;；]+/).filter(Boolean),
    })));
    if (!outcome.ok) return departmentPage(c, { failure: outcome.failure, values }, outcome.failure.status);
    return go(c, `/staff/admin/departments/${encodeURIComponent(outcome.value.code)}`, 'department');
  });
  return app;
}

function routingPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const choices = async (v: AdminView) => ({
    categories: (await listCategoryEntries(deps)).map(named(v)), agencies: (await listAgencyEntries(deps)).map(named(v)),
  });

  const routingPage = async (c: C, extra: { failure?: Failure; values?: RuleValues } = {}, status: Status = 200) => {
    const v = adminView(c);
    const page = <RoutingPage v={v} {...await choices(v)} rules={await listRuleViews(deps)} categoryRows={await listCategoryViews(deps)} notice={done(c, v)} {...extra} />;
    return renderAdmin(c, page, status);
  };
  app.get('/routing', (c) => routingPage(c));
  app.post('/routing/rules', async (c) => {
    const values = ruleValues(await readForm(c));
    const outcome = await attempt('rule', async () => addRule(deps, c.get('actor'), newRuleSchema.parse(ruleInput(values))));
    if (!outcome.ok) return routingPage(c, { failure: outcome.failure, values }, outcome.failure.status);
    return go(c, `/staff/admin/routing/rules/${encodeURIComponent(outcome.value.id)}`, 'ruleCreated');
  });

  const rulePage = async (c: C, extra: { failure?: Failure; values?: RuleValues } = {}, status: Status = 200) => {
    const v = adminView(c);
    const rule = ruleView(await getRule(deps, c.req.param('id') ?? ''));
    return renderAdmin(c, <RulePage v={v} {...await choices(v)} rule={rule} notice={done(c, v)} {...extra} />, status);
  };
  const rulePath = (id: string) => `/staff/admin/routing/rules/${encodeURIComponent(id)}`;
  app.get('/routing/rules/:id', (c) => rulePage(c));
  app.post('/routing/rules/:id', async (c) => {
    const values = ruleValues(await readForm(c));
    const outcome = await attempt('rule', async () => editRule(deps, c.get('actor'), c.req.param('id'),
      editRuleSchema.parse({ ...ruleInput(values), active: values.active })));
    if (!outcome.ok) return rulePage(c, { failure: outcome.failure, values }, outcome.failure.status);
    return go(c, rulePath(outcome.value.id), 'ruleSaved');
  });
  app.post('/routing/rules/:id/deactivate', async (c) => {
    const rule = await deactivateRule(deps, c.get('actor'), c.req.param('id'));
    return go(c, rulePath(rule.id), 'ruleDeactivated');
  });

  const categoryPage = async (c: C, extra: { failure?: Failure; values?: CategoryValues } = {}, status: Status = 200) => {
    const v = adminView(c);
    const category = categoryView(await getCategory(deps, c.req.param('code') ?? ''));
    return renderAdmin(c, <CategoryPage v={v} category={category} agencies={(await choices(v)).agencies} notice={done(c, v)} {...extra} />, status);
  };
  app.get('/routing/categories/:code', (c) => categoryPage(c));
  app.post('/routing/categories/:code', async (c) => {
    const form = await readForm(c);
    const values = { nameZh: formText(form, 'nameZh'), nameEn: formText(form, 'nameEn'), agency: formText(form, 'agency'), kinds: texts(form, 'kinds') };
    const outcome = await attempt('category', async () => editCategory(deps, c.get('actor'), c.req.param('code'),
      editCategorySchema.parse({ ...values, agency: orNull(values.agency) })));
    if (!outcome.ok) return categoryPage(c, { failure: outcome.failure, values }, outcome.failure.status);
    return go(c, `/staff/admin/routing/categories/${encodeURIComponent(outcome.value.code)}`, 'category');
  });
  return app;
}
