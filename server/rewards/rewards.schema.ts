/** The shapes of the reward endpoints (zod). */
import { z } from 'zod';
import { REWARD_STATUSES } from '../../domain/vocabulary.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const rewardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assess'), eligible: z.boolean(), reason: text(1000).optional() }).strict()
    .refine((b) => b.eligible || b.reason !== undefined, { path: ['reason'], message: 'required when not eligible' }),
  z.object({
    action: z.literal('propose'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    note: text(1000),
    /** An extra amount for an insider, in fen. */
    upliftFen: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  }).strict(),
  z.object({ action: z.literal('approve'), financeSignOff: z.boolean().optional(), note: text(1000).optional() }).strict(),
  z.object({ action: z.literal('reject'), reason: text(1000) }).strict(),
  z.object({ action: z.literal('record_payment'), paymentRef: text(100) }).strict(),
]);

export type RewardActionInput = z.infer<typeof rewardActionSchema>;

export const rewardQueueSchema = z.object({
  status: z.enum(REWARD_STATUSES).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type RewardQueueQuery = z.infer<typeof rewardQueueSchema>;

/** A payee request at payout (anonymous reporter): why the details are needed, for the custodian. */
export const payeeRequestSchema = z.object({
  reason: z.string().trim().min(5, 'give the reason (at least 5 characters)').max(1000),
}).strict();
