/** Keyset page cursors: the last row's sort key and case number, opaque to the client. */
import { AppError } from '../errors.js';

export const encodeCursor = (key: string, caseNumber: string): string =>
  btoa(JSON.stringify([key, caseNumber])).replace(/=+$/, '');

/** The cursor's two keys; anything else is the client's mistake, a 400 naming `cursor`. */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(atob(cursor)) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch { /* fall through */ }
  throw new AppError('validation_failed', 'The cursor is not valid.', [{ path: 'cursor', message: 'use nextCursor from the previous page' }]);
}
