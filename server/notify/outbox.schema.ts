/** Query and path parameters of the outbox admin endpoints. */
import { z } from 'zod';

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;

// A form's "all" choice sends `status=`: the same as no filter.
const blankAsUndefined = (v: unknown) => (v === '' ? undefined : v);

export const outboxQuerySchema = z.object({
  status: z.preprocess(blankAsUndefined, z.enum(outboxStatuses).optional()),
  limit: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(500).default(100)),
});

export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

/** Row ids are nanoids, or `digest-<department>-<day>`. */
export const outboxIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);
