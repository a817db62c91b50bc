/**
 * Routing rules and categories edited by an admin. Rules are never deleted, only deactivated: every
 * case records the rule that routed it, and that id must keep meaning something.
 */
import { customAlphabet } from 'nanoid';
import type { Category, RoutingRule } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { findCategory, listCategories } from '../directory/directory.repository.js';
import { categoryView } from '../directory/directory.js';
import { AppError, type ErrorIssue } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import type { EditCategory, EditRule, NewRule } from './admin.schema.js';
import { changedFields } from './diff.js';
import { findAgency, findRule, insertRuleQuery, listAllRules, updateCategoryQuery, updateRuleQuery } from './rules.repository.js';

export const ruleView = (r: RoutingRule) => ({
  id: r.id, category: r.category, kind: r.kind, agency: r.agency, priority: r.priority, active: r.active === 1, note: r.note,
});

export type RuleView = ReturnType<typeof ruleView>;

const ruleSuffix = customAlphabet('23456789abcdefghjkmnpqrstuvwxyz', 6);
const invalid = (issues: ErrorIssue[]) => new AppError('validation_failed', 'The request is not valid.', issues);
const kindsOf = (c: Category) => c.kinds.split(',').map((k) => k.trim()).filter(Boolean);

export async function listRuleViews(deps: Deps): Promise<RuleView[]> {
  return (await listAllRules(deps.db)).map(ruleView);
}

export async function getRule(deps: Deps, id: string): Promise<RoutingRule> {
  const rule = await findRule(deps.db, id);
  if (!rule) throw new AppError('not_found', `No routing rule ${id.slice(0, 80)}.`);
  return rule;
}

/** Category, agency and kind must exist and fit together, or the rule could never apply. */
async function checkRule(deps: Deps, r: { category: string; agency: string; kind: string | null }): Promise<void> {
  const issues: ErrorIssue[] = [];
  const category = await findCategory(deps.db, r.category);
  if (!category) issues.push({ path: 'category', message: `unknown category ${r.category}` });
  if (!(await findAgency(deps.db, r.agency))) issues.push({ path: 'agency', message: `unknown agency ${r.agency}` });
  if (category && r.kind && !kindsOf(category).includes(r.kind)) {
    issues.push({ path: 'kind', message: `category ${r.category} does not take a ${r.kind} (it takes ${category.kinds})` });
  }
  if (issues.length > 0) throw invalid(issues);
}

export async function addRule(deps: Deps, actor: Actor, input: NewRule): Promise<RuleView> {
  await checkRule(deps, input);
  const id = `rule-${input.category}${input.kind ? `.${input.kind}` : ''}-${ruleSuffix()}`;
  const row = { id, category: input.category, kind: input.kind, agency: input.agency, priority: input.priority, note: input.note, active: 1 };
  await commitWithAudit(deps, [insertRuleQuery(deps.db, row)], [{ actor: actor.username, action: 'admin.rule.create', detail: ruleView(row) }]);
  return ruleView(await getRule(deps, id));
}

export async function editRule(deps: Deps, actor: Actor, id: string, patch: EditRule): Promise<RuleView> {
  const before = ruleView(await getRule(deps, id));
  const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as RuleView;
  await checkRule(deps, after);
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) return before;
  const { category, kind, agency, priority, note, active } = after;
  await commitWithAudit(deps, [updateRuleQuery(deps.db, id, { category, kind, agency, priority, note, active: active ? 1 : 0 })], [{
    actor: actor.username, action: 'admin.rule.update', detail: { id, changes },
  }]);
  return ruleView(await getRule(deps, id));
}

/** DELETE deactivates: routing stops using the rule, while cases it routed still name it. */
export async function deactivateRule(deps: Deps, actor: Actor, id: string): Promise<RuleView> {
  const rule = await getRule(deps, id);
  if (rule.active !== 1) return ruleView(rule);
  await commitWithAudit(deps, [updateRuleQuery(deps.db, id, { active: 0 })], [{
    actor: actor.username, action: 'admin.rule.deactivate', detail: { id, category: rule.category, agency: rule.agency },
  }]);
  return ruleView(await getRule(deps, id));
}

export async function listCategoryViews(deps: Deps) {
  return (await listCategories(deps.db)).map(categoryView);
}

export async function getCategory(deps: Deps, code: string): Promise<Category> {
  const category = await findCategory(deps.db, code);
  if (!category) throw new AppError('not_found', `No category ${code.slice(0, 64)}.`);
  return category;
}

/** Edits names, the named agency and the kinds a category takes (routing itself follows the rules). */
export async function editCategory(deps: Deps, actor: Actor, code: string, patch: EditCategory) {
  const category = await getCategory(deps, code);
  if (patch.agency && !(await findAgency(deps.db, patch.agency))) throw invalid([{ path: 'agency', message: `unknown agency ${patch.agency}` }]);
  const kinds = patch.kinds ? (['complaint', 'report', 'injury'] as const).filter((k) => patch.kinds!.includes(k)) : undefined;
  const changes = changedFields(
    { nameZh: category.name_zh, nameEn: category.name_en, agency: category.agency, kinds: kindsOf(category) },
    { nameZh: patch.nameZh, nameEn: patch.nameEn, agency: patch.agency, kinds },
  );
  if (Object.keys(changes).length === 0) return categoryView(category);
  const set = {
    ...(changes.nameZh ? { name_zh: patch.nameZh } : {}),
    ...(changes.nameEn ? { name_en: patch.nameEn } : {}),
    ...(changes.agency ? { agency: patch.agency ?? null } : {}),
    ...(changes.kinds && kinds ? { kinds: kinds.join(',') } : {}),
  };
  await commitWithAudit(deps, [updateCategoryQuery(deps.db, code, set)], [{
    actor: actor.username, action: 'admin.category.update', detail: { code, changes },
  }]);
  return categoryView(await getCategory(deps, code));
}
