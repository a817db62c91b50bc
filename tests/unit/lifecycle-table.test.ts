/** The lifecycle table read as data: every state reachable, none a dead end, each action for its roles. */
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, CASE_STATUSES, ROLES, type CaseKind, type CaseStatus } from '../../domain/vocabulary.js';
import {
  actorMay, allowedActions, clockRunsFor, findTransition, isActionName, isOpen, knownActions, PUBLIC_EVENTS, REHANDLE_STATE,
  TERMINAL, TRANSITIONS, type ActorScope, type CaseScope,
} from '../../server/cases/lifecycle.js';

/**
 * Where each action can take a case of this kind from each state. Assigning a returned case goes back
 * to where it was, a state already reached, or to received when it had none.
 */
function edges(kind: CaseKind): Map<CaseStatus, Set<CaseStatus>> {
  const out = new Map<CaseStatus, Set<CaseStatus>>(CASE_STATUSES.map((s) => [s, new Set()]));
  for (const t of TRANSITIONS.filter((t) => t.kinds.includes(kind))) {
    for (const from of t.from === 'open' ? CASE_STATUSES.filter(isOpen) : t.from) {
      const to: CaseStatus[] = t.to === null ? [from]
        : t.to === 'rehandle' ? [REHANDLE_STATE[kind]]
        : t.to === 'restore' ? (from === 'transfer_requested' ? ['received'] : [from])
        : [t.to];
      for (const s of to) out.get(from)!.add(s);
    }
  }
  return out;
}

function reachable(kind: CaseKind, start: CaseStatus): Set<CaseStatus> {
  const graph = edges(kind);
  const seen = new Set<CaseStatus>([start]);
  const queue = [start];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const next of graph.get(s)!) if (!seen.has(next)) queue.push(next), seen.add(next);
  }
  return seen;
}

const PATHS: Record<CaseKind, CaseStatus[]> = {
  complaint: ['received', 'transfer_requested', 'accepted', 'not_accepted', 'mediating', 'mediated', 'mediation_failed', 'closed', 'merged'],
  report: ['received', 'transfer_requested', 'verifying', 'case_opened', 'not_opened', 'penalty_decided', 'referred', 'closed', 'merged'],
  injury: ['received', 'transfer_requested', 'triaged', 'investigating', 'closed', 'merged'],
};

describe('the lifecycle table', () => {
  it('reaches exactly the states of each kind from received, and every state for some kind', () => {
    for (const kind of CASE_KINDS) expect([...reachable(kind, 'received')].sort()).toEqual([...PATHS[kind]].sort());
    expect(new Set(CASE_KINDS.flatMap((k) => PATHS[k]))).toEqual(new Set(CASE_STATUSES));
  });

  it('can close a case from every state it can be in: no dead end but a merge', () => {
    for (const kind of CASE_KINDS) {
      for (const status of PATHS[kind].filter((s) => s !== 'merged')) expect(reachable(kind, status).has('closed'), `${kind} ${status}`).toBe(true);
    }
  });

  it('ends at closed and merged: a merged case takes no action, a closed one only a re-handling', () => {
    expect(TERMINAL).toEqual(['closed', 'merged']);
    const actionsFrom = (kind: CaseKind, status: CaseStatus) =>
      [...knownActions].filter((a) => findTransition(a, { kind, status, department: 'd', cohandlers: [] }));
    for (const kind of CASE_KINDS) {
      expect(actionsFrom(kind, 'merged')).toEqual([]);
      expect(actionsFrom(kind, 'closed')).toEqual(['rehandle']);
    }
  });

  it('finds the transition of the case’s kind and state only', () => {
    const complaint: CaseScope = { kind: 'complaint', status: 'received', department: 'd', cohandlers: [] };
    expect(findTransition('accept', complaint)?.to).toBe('accepted');
    expect(findTransition('accept', { ...complaint, kind: 'report' })).toBeNull();
    expect(findTransition('accept', { ...complaint, status: 'accepted' })).toBeNull();
    expect(findTransition('dance', complaint)).toBeNull();
    expect(findTransition('close', { ...complaint, kind: 'report', status: 'penalty_decided' })?.who).toBe('department_supervisor');
    expect(findTransition('close', { ...complaint, kind: 'injury', status: 'triaged' })?.required).toEqual(['reply']);
  });

  it('names every action it knows, and shows the reporter the procedure’s steps only', () => {
    expect(isActionName('merge')).toBe(true);
    expect(isActionName('delete')).toBe(false);
    expect([...PUBLIC_EVENTS].sort()).toEqual([
      'accept', 'close', 'decide_penalty', 'mediated', 'mediation_failed', 'merge', 'not_accept', 'not_open', 'open_case',
      'refer_prosecution', 'rehandle', 'start_investigation', 'start_mediation', 'start_verification', 'triage',
    ]);
  });

  it('runs the reporter-notice clock for a named reporter only', () => {
    expect(clockRunsFor('reporter_notice', true)).toBe(false);
    expect(clockRunsFor('reporter_notice', false)).toBe(true);
    expect(clockRunsFor('open_decision', true)).toBe(true);
  });
});

describe('who may act', () => {
  const lead = 'gz-th-samr';
  const c: CaseScope = { kind: 'complaint', status: 'received', department: lead, cohandlers: ['gz-yx-samr'] };
  const as = (role: ActorScope['role'], department: string | null = lead): ActorScope => ({ role, department });

  it('gives the lead department’s handler the steps of its case, in table order', () => {
    expect(allowedActions(as('handler'), c)).toEqual(['sign', 'accept', 'not_accept', 'pause', 'resume', 'request_transfer', 'merge', 'note']);
    expect(allowedActions(as('supervisor'), c)).toEqual(['sign', 'accept', 'not_accept', 'pause', 'resume', 'request_transfer', 'urge', 'merge', 'note']);
  });

  it('gives the intake centre dispatch and oversight, a co-handler notes, anyone else nothing', () => {
    expect(allowedActions(as('intake', 'intake-440000'), c)).toEqual(['assign', 'add_cohandler', 'urge', 'merge', 'note']);
    expect(allowedActions(as('handler', 'gz-yx-samr'), c)).toEqual(['note']);
    expect(allowedActions(as('handler', 'sz-ft-samr'), c)).toEqual([]);
    for (const role of ROLES.filter((r) => !['intake', 'handler', 'supervisor'].includes(r))) expect(allowedActions(as(role), c)).toEqual([]);
  });

  it('lets only a supervisor close a report or extend its decision', () => {
    const report: CaseScope = { ...c, kind: 'report', status: 'penalty_decided' };
    expect(allowedActions(as('handler'), report)).not.toContain('close');
    expect(allowedActions(as('supervisor'), report)).toContain('close');
    expect(actorMay('department_supervisor', as('handler'), report)).toBe(false);
    expect(allowedActions(as('supervisor'), { ...report, status: 'verifying' })).toContain('extend');
  });

  it('leaves a returned case to the intake centre: the department that had it no longer leads it', () => {
    const returned: CaseScope = { ...c, status: 'transfer_requested', department: null, cohandlers: [] };
    expect(allowedActions(as('handler'), returned)).toEqual([]);
    expect(allowedActions(as('intake', 'intake-440000'), returned)).toContain('assign');
  });
});
