/** How many attachments a case may carry and how large, and the refusal that names what was wrong. */
import type { Config } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';

/** Per submission, and per case: evidence added from the follow-up counts with what was filed. */
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type RefusalReason = 'too_many' | 'too_large' | 'empty' | 'unsupported' | 'damaged' | 'not_a_file' | 'case_full';

const codes: Record<RefusalReason, ErrorCode> = {
  too_many: 'validation_failed',
  too_large: 'payload_too_large',
  empty: 'validation_failed',
  unsupported: 'unsupported_media_type',
  damaged: 'validation_failed',
  not_a_file: 'validation_failed',
  // The case already carries as many files as it may: no request can change that.
  case_full: 'conflict',
};

/** An AppError (so the API answers with its status) that the public form can also localise by `reason`. */
export class AttachmentRefusal extends AppError {
  constructor(readonly reason: RefusalReason, message: string, index?: number) {
    super(codes[reason], message, [{ path: index === undefined ? 'attachments' : `attachments.${index}`, message }]);
  }
}

/** The largest multipart body of a case submission: every attachment at its limit plus the case JSON. */
export function uploadBodyLimit(config: Pick<Config, 'INTAKE_MAX_BODY_BYTES'>): number {
  return MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + config.INTAKE_MAX_BODY_BYTES;
}

/** Forms whose route passes its uploads through the gate itself, so a refusal is a page. */
const FORM_UPLOAD_PATHS = new Set(['/submit', '/followup/case/attachments']);
const UPLOAD_PATHS = new Set(['/api/v1/cases', '/api/v1/followup/attachments', ...FORM_UPLOAD_PATHS]);

export const isFormUploadPath = (path: string) => FORM_UPLOAD_PATHS.has(path);

/** Only a multipart case submission or evidence upload may be larger than the ordinary body limit. */
export function isUploadRequest(method: string, path: string, contentType: string | undefined): boolean {
  return method === 'POST' && UPLOAD_PATHS.has(path) && /^multipart\/form-data\b/i.test(contentType ?? '');
}

/** Seconds a client refused for a full upload gate is asked to wait. */
export const UPLOAD_RETRY_AFTER_SECONDS = 5;

/**
 * Caps the uploads read at once (per process, or per Workers isolate): each may hold up to 100 MB
 * while its files are checked, so the count bounds the memory. Over it: 503 before a byte is read.
 */
export function createUploadGate(maxInFlight: number) {
  let inFlight = 0;
  return async function run<T>(next: () => Promise<T>): Promise<T> {
    if (inFlight >= maxInFlight) {
      throw new AppError('unavailable', `Too many uploads at once; try again in ${UPLOAD_RETRY_AFTER_SECONDS} seconds.`, undefined, {
        'Retry-After': String(UPLOAD_RETRY_AFTER_SECONDS),
      });
    }
    inFlight += 1;
    try {
      return await next();
    } finally {
      inFlight -= 1;
    }
  };
}
