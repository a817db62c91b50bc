/**
 * Where each staff role may go: one table of role → places. The first place is the role's start
 * page (where sign-in and /staff lead), and the header of every staff and admin page links the
 * role's places, and only those. tests/web/role-navigation.test.ts checks each link against the
 * route guards.
 */
import type { Role } from '../../server/staff/roles.js';
import type { Lang, Messages } from '../i18n.js';
import { auditMessages } from './audit-messages.js';
import { satisfactionMessages } from './messages-satisfaction.js';
import { signalsMessages } from './messages-signals-en.js';
import { onRiskDesk, type DeskDepartment } from '../../server/signals/signal-access.js';
import { staffReportMessages } from '../stats/report-messages.js';

export type StaffPlace = 'queue' | 'overview' | 'rehandle' | 'signals' | 'disclosures' | 'audit' | 'rewards' | 'rewardRules' | 'reports';
export type AdminPlace = 'home' | 'users' | 'holds' | 'departments' | 'routing' | 'preview' | 'changes' | 'outbox' | 'apiKeys';
export type Place = StaffPlace | AdminPlace;

export const placePaths: Record<Place, string> = {
  queue: '/staff', overview: '/staff/overview', rehandle: '/staff/rehandle', signals: '/staff/signals', disclosures: '/staff/disclosures', audit: '/staff/audit',
  rewards: '/staff/rewards', rewardRules: '/staff/rewards/rules', reports: '/staff/reports',
  home: '/staff/admin', users: '/staff/admin/users', holds: '/staff/admin/holds', departments: '/staff/admin/departments',
  routing: '/staff/admin/routing', preview: '/staff/admin/preview', changes: '/staff/admin/changes', outbox: '/staff/admin/outbox',
  apiKeys: '/staff/admin/api-keys',
};

export const rolePlaces: Record<Role, readonly Place[]> = {
  intake: ['queue', 'overview', 'rehandle', 'signals', 'reports'],
  handler: ['queue'],
  supervisor: ['queue', 'overview', 'reports'],
  reward_officer: ['rewards', 'rewardRules'],
  reward_approver: ['rewards', 'rewardRules'],
  custodian: ['disclosures'],
  auditor: ['audit'],
  admin: ['home', 'users', 'holds', 'departments', 'routing', 'preview', 'changes', 'outbox', 'apiKeys', 'rewardRules'],
};

/**
 * The places of an account: its role's, and the signals page for a handler or supervisor of the risk desk
 * (the intake centre or the provincial market regulator, server/signals/signal-access.ts).
 */
export function placesOf(role: Role, department: DeskDepartment | undefined): readonly Place[] {
  const places = rolePlaces[role];
  return !places.includes('signals') && onRiskDesk(role, department) ? [...places, 'signals'] : places;
}

/** Whether the role works from the case queue at /staff. */
export const hasCaseQueue = (role: Role): boolean => rolePlaces[role].includes('queue');

/** The role's start page, with ?lang=en kept so the first page after sign-in is in the chosen language. */
export function startPath(role: Role, lang?: Lang): string {
  const path = placePaths[rolePlaces[role][0] ?? 'queue'];
  return lang === 'en' ? `${path}?lang=en` : path;
}

export function placeLabel(t: Messages, lang: Lang, place: Place): string {
  switch (place) {
    case 'queue': case 'overview': case 'disclosures': return t.staff.nav[place];
    case 'audit': return auditMessages(lang).nav;
    case 'rewards': return t.staff.reward.nav;
    case 'rewardRules': return t.staff.reward.rulesNav;
    case 'rehandle': return satisfactionMessages(lang).nav;
    case 'signals': return signalsMessages(lang).nav;
    case 'reports': return staffReportMessages(lang === 'en' ? 'en' : 'zh').nav;
    default: return t.admin.nav[place];
  }
}
