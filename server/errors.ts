/** AppError, the code → status table (docs/architecture.md), and the one error handler. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';

export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type ErrorIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function errorBody(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
  return { error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } };
}

export function zodIssues(error: ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

const statusCodes = new Map<number, ErrorCode>(
  Object.entries(errorStatus).map(([code, status]) => [status, code as ErrorCode]),
);

/** Turns anything thrown into the API's error JSON; internals never reach the client. */
export function handleError(err: unknown, c: Context, log: (line: string) => void = console.error) {
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return c.json(errorBody(err.code, err.message, err.issues), errorStatus[err.code]);
  }
  if (err instanceof ZodError) {
    return c.json(errorBody('validation_failed', 'The request is not valid.', zodIssues(err)), 400);
  }
  if (err instanceof HTTPException) {
    const code = statusCodes.get(err.status) ?? (err.status >= 500 ? 'internal' : 'validation_failed');
    const status = err.status >= 500 ? 500 : err.status;
    return c.json(errorBody(code, err.status >= 500 ? 'Internal error.' : err.message || code), status);
  }
  // Only the error's name and message are logged: a request body may carry a reporter's identity.
  log(`internal error on ${c.req.method} ${c.req.routePath}: ${err instanceof Error ? err.name + ': ' + err.message : String(err)}`);
  return c.json(errorBody('internal', 'Internal error.'), 500);
}
