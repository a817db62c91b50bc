import { describe, expect, it } from 'vitest';
import { rewardAmount, shareOfFines } from '../../server/rewards/amount.js';
import { REWARD_RULES, rewardRulesSchema } from '../../server/rewards/rules.js';

const CNY = 100;
const amount = (level: 1 | 2 | 3, fineCny: number, upliftFen?: number) =>
  rewardAmount(REWARD_RULES, { level, fineFen: fineCny * CNY, ...(upliftFen !== undefined ? { upliftFen } : {}) });

describe('reward amount', () => {
  it('pays the minimum of each level when there were no fines', () => {
    expect(amount(1, 0).amountFen).toBe(5_000 * CNY);
    expect(amount(2, 0).amountFen).toBe(3_000 * CNY);
    expect(amount(3, 0).amountFen).toBe(1_000 * CNY);
  });

  it('pays the rate of the fines above the minimum', () => {
    expect(amount(1, 100_000).amountFen).toBe(5_000 * CNY);
    expect(amount(2, 1_000_000).amountFen).toBe(30_000 * CNY);
  });

  it('needs finance sign-off from the threshold up', () => {
    const a = amount(1, 10_000_000);
    expect(a.amountFen).toBe(500_000 * CNY);
    expect(a.financeSignOffRequired).toBe(true);
    expect(amount(1, 9_999_999).financeSignOffRequired).toBe(false);
  });

  it('never passes the cap', () => {
    expect(amount(1, 30_000_000).amountFen).toBe(1_000_000 * CNY);
  });

  it('adds an uplift, never over the cap', () => {
    expect(amount(2, 1_000_000, 500_000)).toMatchObject({ baseFen: 3_000_000, upliftFen: 500_000, amountFen: 3_500_000 });
    const capped = amount(1, 19_000_000, 10_000_000 * CNY);
    expect(capped.amountFen).toBe(REWARD_RULES.capFen);
    expect(capped.upliftFen).toBe(REWARD_RULES.capFen - capped.baseFen);
    expect(amount(1, 30_000_000, 1_000 * CNY)).toMatchObject({ amountFen: REWARD_RULES.capFen, upliftFen: 0 });
  });

  it('rounds the share of the fines down to the fen', () => {
    // 3 % of 0.33 CNY is 0.99 fen: nothing; 3 % of 123,456.67 CNY is 3,703.7001 CNY → 370,370 fen
    expect(shareOfFines(33, 300)).toBe(0);
    expect(shareOfFines(12_345_667, 300)).toBe(370_370);
    expect(shareOfFines(12_345_699, 300)).toBe(370_370);
    expect(amount(2, 0).amountFen % 1).toBe(0);
  });

  it('refuses fines or uplifts that are not whole fen', () => {
    expect(() => rewardAmount(REWARD_RULES, { level: 1, fineFen: 1.5 })).toThrow(RangeError);
    expect(() => rewardAmount(REWARD_RULES, { level: 1, fineFen: 0, upliftFen: -1 })).toThrow(RangeError);
  });
});

describe('reward rules file', () => {
  it('holds the national defaults', () => {
    expect(REWARD_RULES).toMatchObject({
      levels: { 1: { rateBasisPoints: 500, minimumFen: 500_000 }, 2: { rateBasisPoints: 300, minimumFen: 300_000 }, 3: { rateBasisPoints: 100, minimumFen: 100_000 } },
      capFen: 100_000_000, financeSignOffThresholdFen: 50_000_000, claimWindowWorkingDays: 30,
      excludedRelations: ['agency_staff', 'infringed_party'], upliftRelations: ['insider'],
    });
  });

  it('refuses a malformed file', () => {
    expect(rewardRulesSchema.safeParse({ ...REWARD_RULES, capFen: -1 }).success).toBe(false);
    expect(rewardRulesSchema.safeParse({ ...REWARD_RULES, excludedRelations: ['nobody'] }).success).toBe(false);
    expect(rewardRulesSchema.safeParse({ ...REWARD_RULES, capFen: 1 }).success).toBe(false);
  });
});
