/**
 * Who reads and decides quality signals: the risk desk, i.e. the provincial intake centre (every
 * `intake` account, and handlers and supervisors of the intake centre) and the provincial market
 * regulator (handlers and supervisors of the SAMR department seated at the province). Pure, so the
 * route guard and the header link of the staff pages decide alike (docs/signals.md).
 */
import type { Role } from '../../domain/vocabulary.js';

/** Roles that may belong to the risk desk through their department. */
const DEPARTMENT_ROLES: readonly Role[] = ['handler', 'supervisor'];

export interface DeskDepartment {
  agency: string;
  region: string;
}

/** A province's code ends in four zeros (GB/T 2260): 440000. */
const isProvince = (region: string) => /^\d{2}0000$/.test(region);

/** Whether an account with this role and department (as the directory has it) is on the risk desk. */
export function onRiskDesk(role: Role, department: DeskDepartment | undefined): boolean {
  if (role === 'intake') return true;
  if (!DEPARTMENT_ROLES.includes(role) || !department) return false;
  return department.agency === 'intake' || (department.agency === 'samr' && isProvince(department.region));
}
