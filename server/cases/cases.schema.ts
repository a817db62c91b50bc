/** Query and body schemas of the staff case endpoints. */
import { z } from 'zod';
import { pathParam } from '../lib/params.js';
import type { QueueSearch } from './cases.repository.js';

const flag = z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');

export const queueQuerySchema = z.object({
  status: z.string().max(40).optional(),
  kind: z.enum(['complaint', 'report', 'injury']).optional(),
  category: z.string().max(64).optional(),
  overdue: flag,
  dueSoon: flag,
  triage: flag,
  /** A case number, a credit code or the start of a business name; blank is no search. */
  q: z.string().trim().max(100, 'search for at most 100 characters').optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A queue search: the case number or credit code exactly (any case), else the start of the business name. */
export function queueSearchOf(q: string | undefined): QueueSearch | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const upper = text.toUpperCase();
  if (caseNumberSchema.safeParse(upper).success) return { caseNumber: upper };
  if (/^[0-9A-Z]{18}$/.test(upper)) return { creditCode: upper };
  return { namePrefix: text };
}

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

/**
 * Prefix, the Beijing day (YYYYMMDD) and the day's sequence: five digits at least, more from the
 * 100,000th case of a day on (the intake formats it with printf('%05d')).
 */
export const caseNumberSchema = z.string().regex(/^[A-Z]{1,4}\d{13,16}$/, 'not a case number');

/** A case number from a path; a malformed one is a 404, like a case the caller may not see. */
export const caseNumberParam = (value: string): string => pathParam(caseNumberSchema, value, 'case');

export const messageBodySchema = z.object({
  body: z.string().trim().min(1, 'write a message').max(5000, 'a message may have at most 5000 characters'),
});
