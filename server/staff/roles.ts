/** Staff roles and the rules that hang on them (department, second factor). */

import { ROLES, type Role } from '../../domain/vocabulary.js';

export type { Role };
export const roles = ROLES;

/** Roles whose work is scoped to one department, so an account without one is meaningless. */
export const departmentRoles: readonly Role[] = ['handler', 'supervisor'];

/**
 * Roles that can unseal a reporter, release money or make accounts: a stolen password alone must
 * not be enough, so their login also needs a one-time code.
 */
export const totpRoles: readonly Role[] = ['custodian', 'reward_approver', 'admin'];

/**
 * Roles an admin cannot give alone: granting one waits for a second admin (or the server's CLI).
 * Admin is among them, or one admin would make a second admin to approve themself.
 */
export const grantedRoles: readonly Role[] = ['custodian', 'reward_approver', 'admin'];


export function needsDepartment(role: Role): boolean {
  return departmentRoles.includes(role);
}

export function needsTotp(role: Role): boolean {
  return totpRoles.includes(role);
}

/** Whether giving this role (new account, role change, re-enable, password reset) needs a second admin. */
export function needsSecondAdmin(role: Role): boolean {
  return grantedRoles.includes(role);
}

/** The roles of the reward workflow: they work from the reward queue, not a case queue. */
export const rewardRoles: readonly Role[] = ['reward_officer', 'reward_approver'];

export function isRewardRole(role: Role): boolean {
  return rewardRoles.includes(role);
}
