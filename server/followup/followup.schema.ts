/** Bodies of the follow-up endpoints (/api/v1/followup). */
import { z } from 'zod';

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
