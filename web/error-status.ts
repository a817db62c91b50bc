/** The status an error page answers with: a client error keeps its 4xx, a 503 its 503; anything else is a 500. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, errorStatus } from '../server/errors.js';

export function pageStatusOf(err: Error, c: Context): ContentfulStatusCode {
  const status = err instanceof HTTPException ? err.status : err instanceof AppError ? errorStatus[err.code] : 500;
  if (err instanceof AppError) for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
  // 503 (uploads in flight at their cap) keeps its status and Retry-After: the visitor may try again.
  return ((status >= 400 && status < 500) || status === 503 ? status : 500) as ContentfulStatusCode;
}
