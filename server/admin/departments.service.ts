/** Departments edited by an admin: names, e-mail, active flag and jurisdiction, each change audited. */
import type { CompiledQuery } from 'kysely';
import type { Department } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { findDepartment } from '../directory/directory.repository.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import type { EditDepartment } from './admin.schema.js';
import {
  findUnknownRegions, listAllDepartments, listAllJurisdictions, listJurisdiction, replaceJurisdictionQueries,
  updateDepartmentQuery,
} from './departments.repository.js';
import { changedFields } from './diff.js';

export const departmentAdminView = (d: Department, jurisdiction: string[]) => ({
  code: d.code,
  name: { zh: d.name_zh, en: d.name_en },
  agency: d.agency,
  region: d.region,
  email: d.email,
  active: d.active === 1,
  jurisdiction,
});

export type DepartmentAdminView = ReturnType<typeof departmentAdminView>;

export async function listDepartmentViews(deps: Deps): Promise<DepartmentAdminView[]> {
  const [departments, jurisdictions] = await Promise.all([listAllDepartments(deps.db), listAllJurisdictions(deps.db)]);
  const byDepartment = new Map<string, string[]>();
  for (const j of jurisdictions) byDepartment.set(j.department, [...(byDepartment.get(j.department) ?? []), j.region]);
  return departments.map((d) => departmentAdminView(d, byDepartment.get(d.code) ?? []));
}

/** One department with its jurisdiction; 404 when there is none. */
export async function getDepartmentView(deps: Deps, code: string): Promise<DepartmentAdminView> {
  const d = await findDepartment(deps.db, code);
  if (!d) throw new AppError('not_found', `No department ${code.slice(0, 40)}.`);
  return departmentAdminView(d, await listJurisdiction(deps.db, d.code));
}

async function checkEdit(deps: Deps, code: string, patch: EditDepartment, jurisdiction: string[] | undefined): Promise<void> {
  // The intake centre is where everything the rules cannot place goes; it cannot be switched off.
  if (patch.active === false && code === `intake-${deps.config.INTAKE_PROVINCE}`) {
    throw new AppError('conflict', 'The intake centre takes every case the rules cannot place; it cannot be deactivated.');
  }
  const unknown = jurisdiction ? await findUnknownRegions(deps.db, jurisdiction) : [];
  if (unknown.length > 0) {
    throw new AppError('validation_failed', 'The request is not valid.', unknown.map((region) => ({
      path: `jurisdiction.${jurisdiction!.indexOf(region)}`, message: `region ${region} is not in the directory`,
    })));
  }
}

/** Applies a partial edit; the audit detail lists each changed field's old and new value. */
export async function editDepartment(deps: Deps, actor: Actor, code: string, patch: EditDepartment): Promise<DepartmentAdminView> {
  const before = await getDepartmentView(deps, code);
  const jurisdiction = patch.jurisdiction ? [...new Set(patch.jurisdiction)].sort() : undefined;
  await checkEdit(deps, code, patch, jurisdiction);
  const changes = changedFields(
    { nameZh: before.name.zh, nameEn: before.name.en, email: before.email, active: before.active, jurisdiction: before.jurisdiction },
    { nameZh: patch.nameZh, nameEn: patch.nameEn, email: patch.email, active: patch.active, jurisdiction },
  );
  if (Object.keys(changes).length === 0) return before;
  const set = {
    ...(changes.nameZh ? { name_zh: patch.nameZh } : {}),
    ...(changes.nameEn ? { name_en: patch.nameEn } : {}),
    ...(changes.email ? { email: patch.email ?? null } : {}),
    ...(changes.active ? { active: patch.active ? 1 : 0 } : {}),
  };
  const queries: CompiledQuery[] = [];
  if (Object.keys(set).length > 0) queries.push(updateDepartmentQuery(deps.db, before.code, set));
  if (changes.jurisdiction && jurisdiction) queries.push(...replaceJurisdictionQueries(deps.db, before.code, jurisdiction));
  await commitWithAudit(deps, queries, [{ actor: actor.username, action: 'admin.department.update', detail: { code: before.code, changes } }]);
  return getDepartmentView(deps, before.code);
}
