/** A service call whose refusals a page shows itself (a form shown again, a notice) instead of an error page. */
import { ZodError } from 'zod';
import { AppError, zodIssues, type ErrorCode } from '../server/errors.js';

export type Refusal<C extends ErrorCode> = AppError & { readonly code: C };
export type Caught<T, C extends ErrorCode> = { ok: true; value: T } | { ok: false; error: Refusal<C> };

/**
 * Runs `run`; an AppError with one of the `shown` codes comes back as a value, anything else is
 * thrown on to the page's error handler. A ZodError counts as 'validation_failed' when that is shown:
 * it is the typed form that failed the service's schema.
 */
export async function catchRefusal<T, const C extends ErrorCode>(shown: readonly C[], run: () => Promise<T>): Promise<Caught<T, C>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    const error = err instanceof ZodError ? new AppError('validation_failed', 'The form is not valid.', zodIssues(err)) : err;
    if (error instanceof AppError && (shown as readonly ErrorCode[]).includes(error.code)) return { ok: false, error: error as Refusal<C> };
    throw err;
  }
}
