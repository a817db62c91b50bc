/** What the signals API accepts: the list's status filter, a decision, the signal id in the path. */
import { z } from 'zod';
import { AppError } from '../errors.js';

export const SIGNAL_STATUSES = ['open', 'acknowledged', 'dismissed'] as const;
export const SIGNAL_TYPES = ['business', 'product', 'spike'] as const;

export const signalListQuerySchema = z.object({
  status: z.enum(SIGNAL_STATUSES).optional(),
});

export const signalDecisionSchema = z.object({
  action: z.enum(['acknowledge', 'dismiss']),
  reason: z.string().trim().max(1000).optional(),
}).strict().superRefine((v, ctx) => {
  if (v.action === 'dismiss' && !v.reason) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'A dismissal needs a reason.' });
  }
});

export type SignalDecision = z.infer<typeof signalDecisionSchema>;

/** Signal ids are 24 hex digits (made by the trigger that raised the signal); anything else is no signal. */
export const signalIdSchema = z.string().regex(/^[0-9a-f]{24}$/);

export function signalIdParam(value: string): string {
  const parsed = signalIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'No such signal.');
  return parsed.data;
}
