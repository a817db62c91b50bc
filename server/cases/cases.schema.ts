/** Query and body schemas of the staff case endpoints. */
import { z } from 'zod';
import { pathParam } from '../lib/params.js';

const flag = z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');

export const queueQuerySchema = z.object({
  status: z.string().max(40).optional(),
  kind: z.enum(['complaint', 'report', 'injury']).optional(),
  category: z.string().max(64).optional(),
  overdue: flag,
  dueSoon: flag,
  triage: flag,
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const text = (max: number) => z.string().trim().max(max).optional();

export const actionBodySchema = z.object({
  action: z.string().min(1).max(40),
  reason: text(2000),
  reply: text(5000),
  note: text(5000),
  ground: text(40),
  fineFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  department: text(40),
  into: text(40),
});

export const caseNumberSchema = z.string().regex(/^[A-Z]{1,4}\d{13}$/, 'not a case number');

/** A case number from a path; a malformed one is a 404, like a case the caller may not see. */
export const caseNumberParam = (value: string): string => pathParam(caseNumberSchema, value, 'case');

export const messageBodySchema = z.object({
  body: z.string().trim().min(1, 'write a message').max(5000, 'a message may have at most 5000 characters'),
});
