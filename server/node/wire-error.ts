/**
 * Errors as they cross between threads. A structured clone keeps an Error's name and message but not
 * its fields: an AppError's code and issues, or SQLite's code (SQLITE_CONSTRAINT_UNIQUE…), would be
 * lost, and the error handler would answer a refusal as an internal error.
 */
import { ZodError } from 'zod';
import { AppError, zodIssues, type ErrorCode, type ErrorIssue } from '../errors.js';

/** A refusal or failure, as it crosses between threads. */
export type WireError =
  | { app: true; code: ErrorCode; message: string; issues?: ErrorIssue[]; headers?: Record<string, string> }
  | { app: false; name: string; message: string; code?: string };

export function toWire(err: unknown): WireError {
  if (err instanceof AppError) return { app: true, code: err.code, message: err.message, issues: err.issues, headers: err.headers };
  if (err instanceof ZodError) return { app: true, code: 'validation_failed', message: 'The request is not valid.', issues: zodIssues(err) };
  const e = err instanceof Error ? err : new Error(String(err));
  return { app: false, name: e.name, message: e.message, code: (e as { code?: string }).code };
}

/** The error as thrown where it happened: the error handler answers and logs it the same way. */
export function fromWire(w: WireError): Error {
  if (w.app) return new AppError(w.code, w.message, w.issues, w.headers);
  return Object.assign(new Error(w.message), { name: w.name, ...(w.code ? { code: w.code } : {}) });
}
