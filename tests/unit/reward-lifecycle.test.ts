import { describe, expect, it } from 'vitest';
import { REWARD_STATUSES } from '../../domain/vocabulary.js';
import {
  REWARD_TRANSITIONS, allowedRewardActions, caseReadyForAssessment, findRewardTransition, isEarliestOfGroup,
  relationExclusion, upliftAllowed,
} from '../../server/rewards/reward-lifecycle.js';
import { REWARD_RULES } from '../../server/rewards/rules.js';

describe('reward transitions', () => {
  it('walks requested → eligible → proposed → notified → claimed → paid', () => {
    const path = [['assess', 'requested'], ['propose', 'eligible'], ['approve', 'proposed'], ['claim', 'notified'], ['record_payment', 'claimed']] as const;
    expect(path.map(([a, s]) => findRewardTransition(a, s)?.to)).toEqual([['eligible', 'ineligible'], ['proposed'], ['notified'], ['claimed'], ['paid']]);
  });

  it('ends in rejected, ineligible, paid or expired, with nothing leaving them', () => {
    for (const end of ['ineligible', 'rejected', 'paid', 'expired'] as const) {
      expect(REWARD_TRANSITIONS.filter((t) => t.from === end)).toEqual([]);
    }
    expect(findRewardTransition('expire', 'notified')?.who).toBe('system');
  });

  it('uses only known states and one transition per action and state', () => {
    const keys = REWARD_TRANSITIONS.map((t) => `${t.action}:${t.from}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of REWARD_TRANSITIONS) {
      expect(REWARD_STATUSES).toContain(t.from);
      for (const to of t.to) expect(REWARD_STATUSES).toContain(to);
    }
  });

  it('splits the work between officer and approver', () => {
    expect(allowedRewardActions('reward_officer', 'requested')).toEqual(['assess']);
    expect(allowedRewardActions('reward_officer', 'eligible')).toEqual(['propose']);
    expect(allowedRewardActions('reward_officer', 'proposed')).toEqual([]);
    expect(allowedRewardActions('reward_approver', 'proposed')).toEqual(['approve', 'reject']);
    expect(allowedRewardActions('reward_officer', 'claimed')).toEqual(['record_payment']);
    expect(allowedRewardActions('handler', 'proposed')).toEqual([]);
    expect(findRewardTransition('propose', 'eligible')?.required).toEqual(['level', 'note']);
    expect(findRewardTransition('reject', 'proposed')?.required).toEqual(['reason']);
  });
});

describe('reward rules around the case', () => {
  it('assesses once the penalty is decided or the matter referred', () => {
    expect(caseReadyForAssessment('penalty_decided', 100)).toBe(true);
    expect(caseReadyForAssessment('referred', null)).toBe(true);
    expect(caseReadyForAssessment('closed', 3_600_000)).toBe(true);
    expect(caseReadyForAssessment('case_opened', null)).toBe(false);
    expect(caseReadyForAssessment('closed', null)).toBe(false);
    expect(caseReadyForAssessment('closed', null, true)).toBe(true);
  });

  it('excludes agency staff and the infringed party, uplifts only an insider', () => {
    expect(relationExclusion(REWARD_RULES, 'agency_staff')).toMatch(/agency_staff/);
    expect(relationExclusion(REWARD_RULES, 'infringed_party')).toMatch(/infringed_party/);
    expect(relationExclusion(REWARD_RULES, 'insider')).toBeNull();
    expect(relationExclusion(REWARD_RULES, null)).toBeNull();
    expect(upliftAllowed(REWARD_RULES, 'insider')).toBe(true);
    expect(upliftAllowed(REWARD_RULES, 'none')).toBe(false);
    expect(upliftAllowed(REWARD_RULES, null)).toBe(false);
  });

  it('rewards only the earliest of a merge group, whichever way the merge went', () => {
    const early = { id: 'b', receivedAt: '2026-11-02T09:00:00.000+08:00' };
    const late = { id: 'a', receivedAt: '2026-11-03T09:00:00.000+08:00' };
    // the later case merged into the earlier, and the earlier into the later: the same group
    for (const group of [[early, late], [late, early]]) {
      expect(isEarliestOfGroup('b', group)).toBe(true);
      expect(isEarliestOfGroup('a', group)).toBe(false);
    }
    expect(isEarliestOfGroup('a', [late])).toBe(true);
    expect(isEarliestOfGroup('a', [])).toBe(true);
    // the same instant written in another offset is a tie, which falls to the smaller id
    const tie = [{ id: 'a', receivedAt: '2026-11-02T01:00:00.000Z' }, early];
    expect(isEarliestOfGroup('a', tie)).toBe(true);
    expect(isEarliestOfGroup('b', tie)).toBe(false);
  });
});
