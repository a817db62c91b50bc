/**
 * The reward rules as configuration: levels with their rate and minimum, the cap, the finance
 * sign-off threshold, the claim window and the exclusions. The data is reward-rules.json, imported
 * statically so the Workers bundle carries it, and checked here once at load.
 */
import { z } from 'zod';
import { RELATIONS } from '../../domain/vocabulary.js';
import data from './reward-rules.json' with { type: 'json' };

export const REWARD_LEVELS = [1, 2, 3] as const;
export type RewardLevel = (typeof REWARD_LEVELS)[number];

const fen = z.number().int().nonnegative();
const level = z.object({
  /** Share of the fines in basis points (1/100 of a percent): 500 is 5 %. */
  rateBasisPoints: z.number().int().min(0).max(10_000),
  minimumFen: fen,
}).strict();

export const rewardRulesSchema = z.object({
  levels: z.object({ 1: level, 2: level, 3: level }).strict(),
  capFen: fen,
  financeSignOffThresholdFen: fen,
  claimWindowWorkingDays: z.number().int().positive(),
  excludedRelations: z.array(z.enum(RELATIONS)),
  upliftRelations: z.array(z.enum(RELATIONS)),
}).strict().refine((r) => REWARD_LEVELS.every((l) => r.levels[l].minimumFen <= r.capFen), {
  message: 'every minimum must be within the cap',
});

export type RewardRules = z.infer<typeof rewardRulesSchema>;

/** The rules in force; a malformed file fails at start, not at the first reward. */
export const REWARD_RULES: RewardRules = rewardRulesSchema.parse(data);
