/** Reads a multipart case submission (API.md "Submitting"): one part `case` with the JSON, parts `attachments`. */
import { AppError } from '../errors.js';

export interface CaseForm {
  body: unknown;
  attachments: (string | File)[];
}

const invalid = (message: string, path = '') => new AppError('validation_failed', message, [{ path, message }]);

export const isMultipart = (contentType: string | undefined) => /^multipart\/form-data\b/i.test(contentType ?? '');

async function caseJson(part: string | File, maxBytes: number): Promise<unknown> {
  // Inside a multipart body the JSON keeps the limit it has as a body of its own.
  const size = typeof part === 'string' ? new TextEncoder().encode(part).length : part.size;
  if (size > maxBytes) throw new AppError('payload_too_large', `The part "case" is larger than ${maxBytes} bytes.`);
  const text = typeof part === 'string' ? part : await part.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('The part "case" is not valid JSON.', 'case');
  }
}

/** The case JSON and the attachment parts; an unknown part or a missing `case` is a 400. */
export async function readCaseForm(request: Request, maxJsonBytes: number): Promise<CaseForm> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw invalid('The multipart body could not be read.');
  }
  const cases = form.getAll('case');
  const unknown = [...new Set(form.keys())].filter((k) => k !== 'case' && k !== 'attachments');
  if (unknown.length > 0) throw invalid(`Unknown parts: ${unknown.slice(0, 5).join(', ')}; send "case" and "attachments".`, unknown[0]);
  if (cases.length !== 1) throw invalid('Send exactly one part "case" with the submission JSON.', 'case');
  return { body: await caseJson(cases[0]!, maxJsonBytes), attachments: form.getAll('attachments') };
}
