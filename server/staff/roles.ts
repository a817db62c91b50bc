/** Staff roles and the rules that hang on them (department, second factor). */

export const roles = [
  'intake', // provincial intake centre dispatcher: sees and routes every case
  'handler', // works the cases of one department
  'supervisor', // watches one department's deadlines, approves extensions
  'reward_officer',
  'reward_approver',
  'custodian', // approves or denies opening a sealed reporter identity
  'auditor',
  'admin',
] as const;

export type Role = (typeof roles)[number];

/** Roles whose work is scoped to one department, so an account without one is meaningless. */
export const departmentRoles: readonly Role[] = ['handler', 'supervisor'];

/**
 * Roles that can unseal a reporter or release money: a stolen password alone must not be enough,
 * so their login also needs a one-time code.
 */
export const totpRoles: readonly Role[] = ['custodian', 'reward_approver'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function needsDepartment(role: Role): boolean {
  return departmentRoles.includes(role);
}

export function needsTotp(role: Role): boolean {
  return totpRoles.includes(role);
}
