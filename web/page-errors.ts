/**
 * The one error handler of the page areas (public, follow-up, staff, admin): which status the page
 * answers with, the log line, and the area's own error page, which each area passes in.
 */
import type { Context, Env, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { Deps } from '../server/deps.js';
import { AppError, errorStatus } from '../server/errors.js';

/** The status the API would answer the error with. */
export function apiStatusOf(err: Error): number {
  if (err instanceof ZodError) return 400;
  return err instanceof HTTPException ? err.status : err instanceof AppError ? errorStatus[err.code] : 500;
}

/** A page status rule: the statuses an area has words for stay, any other is a 500. */
export const keepStatuses = <S extends ContentfulStatusCode>(...kept: S[]) =>
  (status: number): S | 500 => ((kept as number[]).includes(status) ? (status as S) : 500);

/** The public pages keep every client error, and a 503 (uploads at their cap), so the visitor may try again. */
export const clientOrUnavailable = (status: number): ContentfulStatusCode =>
  ((status >= 400 && status < 500) || status === 503 ? status : 500) as ContentfulStatusCode;

export interface ErrorPages<E extends Env, S extends ContentfulStatusCode> {
  /** The page status for the status the API would answer with. */
  status: (apiStatus: number) => S;
  render: (c: Context<E>, err: Error, status: S) => Response | Promise<Response>;
}

/** Only the error's name and message are logged: a form may carry what a reporter wrote, or a receipt. */
export function pageErrorHandler<E extends Env, S extends ContentfulStatusCode>(
  deps: Pick<Deps, 'log'>, pages: ErrorPages<E, S>,
): ErrorHandler<E> {
  return (err, c) => {
    const apiStatus = apiStatusOf(err);
    const status = pages.status(apiStatus);
    if (status === 500) deps.log(`internal error on ${c.req.method} ${c.req.routePath}: ${err.name}: ${err.message}`);
    // A kept 429 or 503 keeps its Retry-After.
    if (err instanceof AppError && status === apiStatus) for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return pages.render(c, err, status);
  };
}
