/**
 * The lifecycle as data (docs/lifecycle.md explains it): which action moves a case of which kind
 * from which state to which, who may take it, what it must carry, and which clocks it stops and
 * starts. The service enforces this table and nothing else, so a reader checks the rules here.
 */
import type { CaseKind, CaseStatus, Role } from '../../domain/vocabulary.js';
import type { ClockName, ClockRuleKey } from '../clocks/clocks.js';

export type ActionName =
  | 'sign' | 'accept' | 'not_accept' | 'start_mediation' | 'mediated' | 'mediation_failed'
  | 'start_verification' | 'open_case' | 'not_open' | 'extend' | 'decide_penalty' | 'refer_prosecution'
  | 'triage' | 'start_investigation' | 'close' | 'pause' | 'resume' | 'request_transfer'
  | 'assign' | 'add_cohandler' | 'urge' | 'merge' | 'rehandle' | 'note';

export type Field = 'reason' | 'reply' | 'ground' | 'fineFen' | 'department' | 'into' | 'note';

/** Who acts: the lead department's staff, the intake centre, or a supervisor of the lead department. */
export type Who =
  | 'department' | 'department_supervisor' | 'intake' | 'supervisor_or_intake' | 'department_or_intake'
  /** lead department, co-handling departments (协办) and the intake centre */
  | 'participant';

export interface Transition {
  action: ActionName;
  kinds: readonly CaseKind[];
  /** States the action is allowed from; 'open' means every state that is not closed or merged. */
  from: readonly CaseStatus[] | 'open';
  /** The new state; null keeps the state; 'restore' returns to the state before a transfer. */
  to: CaseStatus | null | 'restore' | 'rehandle';
  who: Who;
  required: readonly Field[];
  stops?: readonly string[];
  starts?: readonly ClockRuleKey[];
}

const ALL: readonly CaseKind[] = ['complaint', 'report', 'injury'];
export const TERMINAL: readonly CaseStatus[] = ['closed', 'merged'];

/** Statutory grounds for not accepting a complaint (SAMR Order 20 Art 15; Order 121 additions). */
export const NOT_ACCEPT_GROUNDS = [
  'not_competent', 'handled_elsewhere', 'not_consumption', 'over_three_years', 'material_missing',
  'false_material', 'other_legal_ground',
] as const;

export const TRANSITIONS: readonly Transition[] = [
  { action: 'sign', kinds: ALL, from: 'open', to: null, who: 'department', required: [] },
  // complaint 投诉
  { action: 'accept', kinds: ['complaint'], from: ['received'], to: 'accepted', who: 'department', required: [], stops: ['accept_decision'], starts: ['mediation'] },
  { action: 'not_accept', kinds: ['complaint'], from: ['received'], to: 'not_accepted', who: 'department', required: ['ground', 'reason'], stops: ['accept_decision'] },
  { action: 'start_mediation', kinds: ['complaint'], from: ['accepted'], to: 'mediating', who: 'department', required: [] },
  { action: 'mediated', kinds: ['complaint'], from: ['mediating'], to: 'mediated', who: 'department', required: ['reason'], stops: ['mediation'] },
  { action: 'mediation_failed', kinds: ['complaint'], from: ['mediating'], to: 'mediation_failed', who: 'department', required: ['reason'], stops: ['mediation'] },
  // report 举报
  { action: 'start_verification', kinds: ['report'], from: ['received'], to: 'verifying', who: 'department', required: [] },
  { action: 'extend', kinds: ['report'], from: ['received', 'verifying'], to: null, who: 'department_supervisor', required: ['reason'] },
  { action: 'open_case', kinds: ['report'], from: ['verifying'], to: 'case_opened', who: 'department', required: [], stops: ['open_decision'], starts: ['reporter_notice'] },
  { action: 'not_open', kinds: ['report'], from: ['verifying'], to: 'not_opened', who: 'department', required: ['reason'], stops: ['open_decision'], starts: ['reporter_notice'] },
  { action: 'decide_penalty', kinds: ['report'], from: ['case_opened'], to: 'penalty_decided', who: 'department', required: ['fineFen'] },
  // 移送司法机关: a suspected crime goes to the police or procuratorate instead of a penalty
  { action: 'refer_prosecution', kinds: ['report'], from: ['case_opened'], to: 'referred', who: 'department', required: [] },
  // injury 产品伤害
  { action: 'triage', kinds: ['injury'], from: ['received'], to: 'triaged', who: 'department', required: [], stops: ['triage'] },
  { action: 'start_investigation', kinds: ['injury'], from: ['triaged'], to: 'investigating', who: 'department', required: [] },
  // closing needs the result reply; a report also needs a supervisor's sign-off
  { action: 'close', kinds: ['complaint'], from: ['not_accepted', 'accepted', 'mediated', 'mediation_failed'], to: 'closed', who: 'department', required: ['reply'], stops: ['*'] },
  { action: 'close', kinds: ['report'], from: ['not_opened', 'case_opened', 'penalty_decided', 'referred'], to: 'closed', who: 'department_supervisor', required: ['reply'], stops: ['*'] },
  { action: 'close', kinds: ['injury'], from: ['investigating', 'triaged'], to: 'closed', who: 'department', required: ['reply'], stops: ['*'] },
  // work-order handling for any open case
  { action: 'pause', kinds: ALL, from: 'open', to: null, who: 'department', required: ['reason'] },
  { action: 'resume', kinds: ALL, from: 'open', to: null, who: 'department', required: [] },
  { action: 'request_transfer', kinds: ALL, from: 'open', to: 'transfer_requested', who: 'department', required: ['reason'] },
  { action: 'assign', kinds: ALL, from: 'open', to: 'restore', who: 'intake', required: ['department'] },
  { action: 'add_cohandler', kinds: ALL, from: 'open', to: null, who: 'intake', required: ['department'] },
  { action: 'urge', kinds: ALL, from: 'open', to: null, who: 'supervisor_or_intake', required: [] },
  { action: 'merge', kinds: ALL, from: 'open', to: 'merged', who: 'department_or_intake', required: ['into'], stops: ['*'] },
  { action: 'rehandle', kinds: ALL, from: ['closed'], to: 'rehandle', who: 'intake', required: ['reason'] },
  { action: 'note', kinds: ALL, from: 'open', to: null, who: 'participant', required: ['note'] },
];

/** Where a re-handled case starts again, by kind. */
export const REHANDLE_STATE: Record<CaseKind, CaseStatus> = { complaint: 'accepted', report: 'verifying', injury: 'investigating' };

export const MAX_REHANDLES = 1;

export interface ActorScope {
  role: Role;
  department: string | null;
}

export interface CaseScope {
  kind: CaseKind;
  status: CaseStatus;
  department: string | null;
  cohandlers: readonly string[];
}

export function isOpen(status: CaseStatus): boolean {
  return !TERMINAL.includes(status);
}

function fromMatches(t: Transition, status: CaseStatus): boolean {
  return t.from === 'open' ? isOpen(status) : t.from.includes(status);
}

/** May this actor take actions of this kind on this case? (Lead department or intake centre.) */
export function actorMay(who: Who, actor: ActorScope, c: CaseScope): boolean {
  const inDepartment = c.department !== null && actor.department === c.department;
  switch (who) {
    case 'department': return inDepartment && (actor.role === 'handler' || actor.role === 'supervisor');
    case 'department_supervisor': return inDepartment && actor.role === 'supervisor';
    case 'intake': return actor.role === 'intake';
    case 'supervisor_or_intake': return actor.role === 'intake' || (inDepartment && actor.role === 'supervisor');
    case 'department_or_intake': return actor.role === 'intake' || (inDepartment && (actor.role === 'handler' || actor.role === 'supervisor'));
    case 'participant': {
      const staff = actor.role === 'handler' || actor.role === 'supervisor';
      const cohandling = actor.department !== null && c.cohandlers.includes(actor.department);
      return actor.role === 'intake' || (staff && (inDepartment || cohandling));
    }
  }
}

/** The transition for an action on this case, whoever takes it (null: not from this state). */
export function findTransition(action: string, c: CaseScope): Transition | null {
  return TRANSITIONS.find((t) => t.action === action && t.kinds.includes(c.kind) && fromMatches(t, c.status)) ?? null;
}

/** The actions this actor may take on this case now, in table order, without duplicates. */
export function allowedActions(actor: ActorScope, c: CaseScope): ActionName[] {
  const names = TRANSITIONS
    .filter((t) => t.kinds.includes(c.kind) && fromMatches(t, c.status) && actorMay(t.who, actor, c))
    .map((t) => t.action);
  return [...new Set(names)];
}

export const knownActions: ReadonlySet<string> = new Set(TRANSITIONS.map((t) => t.action));

export function isActionName(name: string): name is ActionName {
  return knownActions.has(name);
}

/**
 * Whether the reporter sees an action's event on the follow-up page: steps of the procedure do,
 * work-order steps (signing, pausing, transfers, notes) stay internal. Every action is listed.
 */
const SHOWN_TO_REPORTER: Record<ActionName, boolean> = {
  sign: false, accept: true, not_accept: true, start_mediation: true, mediated: true, mediation_failed: true,
  start_verification: true, open_case: true, not_open: true, extend: false, decide_penalty: true, refer_prosecution: true, triage: true,
  start_investigation: true, close: true, pause: false, resume: false, request_transfer: false, assign: false,
  add_cohandler: false, urge: false, merge: true, rehandle: true, note: false,
};

/** Events the reporter sees on the follow-up page. */
export const PUBLIC_EVENTS: ReadonlySet<string> = new Set(
  Object.entries(SHOWN_TO_REPORTER).filter(([, shown]) => shown).map(([action]) => action),
);

/**
 * Whether a clock a transition starts runs for this case. Only a reporter who gave their name is
 * told whether a report led to a case (Measures on handling reports, Art 31), so the reporter-notice
 * clock never runs for an anonymous report.
 */
export function clockRunsFor(clock: ClockName, anonymous: boolean): boolean {
  return !(clock === 'reporter_notice' && anonymous);
}
