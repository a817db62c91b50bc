/** Request body helpers that answer in the API's error shape instead of throwing raw errors. */
import type { HonoRequest } from 'hono';
import { AppError } from '../errors.js';

/** Parses a JSON body; wrong content type → 415, broken JSON → 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return parseJsonText(await readJsonText(request));
}

/** A JSON body's text, unparsed; wrong content type → 415. */
export async function readJsonText(request: Request): Promise<string> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!/^application\/(?:[\w.+-]+\+)?json\b/.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  }
  return request.text();
}

/** JSON.parse with broken JSON → 400 in the API's error shape. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('validation_failed', 'The body is not valid JSON.', [{ path: '', message: 'malformed JSON' }]);
  }
}

export type FormBody = Record<string, string | File | (string | File)[]>;

/** A posted text field's value: its first value if it came more than once, '' if absent or a file. */
export function formText(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/**
 * Parses a form post (urlencoded or multipart; any other type reads as an empty form), whole: it is
 * for forms without files, whose bodies the app's middleware keeps to INTAKE_MAX_BODY_BYTES. Uploads
 * are read as they stream in by attachments/multipart.ts. A multipart
 * body that cannot be parsed is the client's mistake, a 400, not the TypeError fetch throws for it.
 * `all`: a field sent more than once arrives as a list.
 */
export async function readFormBody(req: HonoRequest, options: { all?: boolean } = {}): Promise<FormBody> {
  try {
    return await req.parseBody({ all: options.all ?? false });
  } catch {
    throw new AppError('validation_failed', 'The form body could not be read.', [{ path: '', message: 'malformed form body' }]);
  }
}
