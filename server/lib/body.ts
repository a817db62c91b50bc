/** Request body helpers that answer in the API.md error shape instead of throwing raw errors. */
import { AppError } from '../errors.js';

/** Parses a JSON body; wrong content type → 415, broken JSON → 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!/^application\/(?:[\w.+-]+\+)?json\b/.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  }
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('validation_failed', 'The body is not valid JSON.', [{ path: '', message: 'malformed JSON' }]);
  }
}
