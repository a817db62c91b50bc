/** The auditors' log filter (page query), checked before it reaches the service. */
import { z } from 'zod';
import { caseNumberSchema } from '../cases/cases.schema.js';

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()), 'not a date');

export const auditLogQuerySchema = z.object({
  action: optional(z.string().max(64).regex(/^[a-z0-9_.-]+$/, 'an action is written like case.accept')),
  actor: optional(z.string().max(100)),
  case: optional(caseNumberSchema),
  from: optional(day),
  to: optional(day),
  /** The last row of the previous page: `<at>~<seq>`. */
  before: optional(z.string().max(80).regex(/^\d{4}-\d{2}-\d{2}T[0-9:.+-]+~\d{1,15}$/, 'not a page cursor')),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'the range ends before it starts', path: ['to'] });

export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;
