/** Bodies of the follow-up endpoints (/api/v1/followup). */
import { z } from 'zod';
import { isValidIdNumber } from '../lib/identifiers.js';

// A receipt is 16 digits; anything much longer is refused before any work is done.
export const loginSchema = z.object({ receipt: z.string().max(64, 'a receipt has 16 digits') });

export const messageSchema = z.object({
  body: z.string().trim().min(1, 'write a message').max(5000, 'a message may have at most 5000 characters'),
});

export const satisfactionSchema = z.object({
  rating: z.number().int().min(1).max(5),
  resolved: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});

/**
 * Where a claimed reward is paid. Every problem is reported at once; the ID number's check character
 * is verified, and spaces in the account number are ignored.
 */
export const rewardClaimSchema = z.object({
  payee: z.object({
    name: z.string().trim().min(1, 'give the payee\'s name').max(50, 'a name may have at most 50 characters'),
    idNumber: z.string().trim().transform((s) => s.toUpperCase())
      .refine(isValidIdNumber, 'not a valid resident ID number: check the 18 characters'),
    bankAccount: z.string().transform((s) => s.replace(/\s+/g, ''))
      .refine((s) => /^\d{12,30}$/.test(s), 'a bank account number has 12 to 30 digits'),
    bankName: z.string().trim().max(60, 'a bank name may have at most 60 characters').optional()
      .transform((s) => (s ? s : undefined)),
  }),
});

export type RewardClaim = z.infer<typeof rewardClaimSchema>;
