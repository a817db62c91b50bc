/** Path parameters checked before any lookup, the same way for the API and the pages. */
import type { ZodType } from 'zod';
import { AppError } from '../errors.js';

/** The parameter as its schema reads it; a malformed one cannot name anything the caller may see, so 404. */
export function pathParam<T>(schema: ZodType<T>, value: string, noun: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('not_found', `No ${noun} ${value.slice(0, 40)}.`);
  return parsed.data;
}
