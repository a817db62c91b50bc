/** Reads the follow-up forms (evidence included) and turns the service's refusals into outcomes a page can show. */
import type { Context } from 'hono';
import type { Deps } from '../../server/deps.js';
import { messageSchema, rewardClaimSchema, satisfactionSchema, type RewardClaim } from '../../server/followup/followup.schema.js';
import { loginWithReceipt } from '../../server/followup/followup.service.js';
import { addEvidence, evidenceState } from '../../server/followup/evidence.service.js';
import { AttachmentRefusal, uploadBodyLimit } from '../../server/attachments/limits.js';
import { isMultipart, readUploadForm } from '../../server/attachments/multipart.js';
import { guardReceipt, type ReceiptThrottle } from '../../server/followup/receipt-throttle.js';
import { normaliseReceipt } from '../../server/identity/receipt.js';
import type { Messages } from '../i18n.js';
import { catchRefusal } from '../refusal.js';

type Form = Record<string, unknown>;
const text = (form: Form, name: string) => (typeof form[name] === 'string' ? form[name] : '');

export type ReceiptOutcome =
  | { ok: true; token: string }
  | { ok: false; status: 400; problem: 'missing' | 'format' }
  | { ok: false; status: 401 }
  | { ok: false; status: 429; retryAfter: number };

/**
 * Exchanges the typed receipt for a session through the same guard as the API. A blank or
 * malformed entry is answered at once: it cannot match any case, so it is no guess worth counting.
 */
export async function enterReceipt(c: Context, deps: Deps, throttle: ReceiptThrottle, form: Form): Promise<ReceiptOutcome> {
  const typed = text(form, 'receipt');
  if (typed.trim() === '') return { ok: false, status: 400, problem: 'missing' };
  if (typed.length > 64 || normaliseReceipt(typed) === null) return { ok: false, status: 400, problem: 'format' };
  const session = await catchRefusal(['unauthenticated', 'rate_limited'],
    () => guardReceipt(c, throttle, deps.clock.now().getTime(), () => loginWithReceipt(deps, typed)));
  if (session.ok) return { ok: true, token: session.value.token };
  if (session.error.code === 'unauthenticated') return { ok: false, status: 401 };
  return { ok: false, status: 429, retryAfter: Number(session.error.headers?.['Retry-After'] ?? 60) };
}

export type MessageForm = { ok: true; body: string } | { ok: false; body: string; error: string };

/** The message form, checked by the API's own schema (1–5000 characters after trimming). */
export function readMessage(form: Form, t: Messages): MessageForm {
  const body = text(form, 'body');
  const parsed = messageSchema.safeParse({ body });
  if (parsed.success) return { ok: true, body: parsed.data.body };
  return { ok: false, body, error: body.trim() === '' ? t.followup.case.messageEmpty : t.followup.case.messageTooLong };
}

export interface RatingValues { rating: string; resolved: string; comment: string }
export type RatingForm =
  | { ok: true; input: { rating: number; resolved: boolean; comment?: string } }
  | { ok: false; values: RatingValues; errors: Map<string, string> };

/** The satisfaction form: a rating 1–5, resolved yes/no, an optional comment. */
export function readRating(form: Form, t: Messages): RatingForm {
  const values = { rating: text(form, 'rating'), resolved: text(form, 'resolved'), comment: text(form, 'comment') };
  const comment = values.comment.trim();
  const parsed = satisfactionSchema.safeParse({
    rating: /^[1-5]$/.test(values.rating) ? Number(values.rating) : undefined,
    resolved: values.resolved === 'yes' ? true : values.resolved === 'no' ? false : undefined,
    ...(comment ? { comment } : {}),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const s = t.followup.satisfaction;
  const wording: Record<string, string> = { rating: s.ratingMissing, resolved: s.resolvedMissing, comment: s.commentTooLong };
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    if (!errors.has(field)) errors.set(field, wording[field] ?? s.ratingMissing);
  }
  return { ok: false, values, errors };
}

export interface ClaimValues { name: string; idNumber: string; bankAccount: string; bankName: string }
export type ClaimForm =
  | { ok: true; input: RewardClaim }
  | { ok: false; values: ClaimValues; errors: Map<string, string> };

/** The reward claim form, checked by the API's own schema; every problem is reported at once. */
export function readRewardClaim(form: Form, t: Messages): ClaimForm {
  const values = { name: text(form, 'name'), idNumber: text(form, 'idNumber'), bankAccount: text(form, 'bankAccount'), bankName: text(form, 'bankName') };
  const parsed = rewardClaimSchema.safeParse({ payee: { ...values, bankName: values.bankName.trim() || undefined } });
  if (parsed.success) return { ok: true, input: parsed.data };
  const r = t.followup.reward;
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[1]);
    // An empty field asks for it; a filled one says what is wrong with it.
    const empty = values[field as keyof ClaimValues]?.trim() === '';
    const wording = field === 'name' ? (empty ? r.nameMissing : r.nameTooLong)
      : field === 'idNumber' ? (empty ? r.idNumberMissing : r.idNumberInvalid)
      : field === 'bankAccount' ? (empty ? r.bankAccountMissing : r.bankAccountInvalid) : r.bankNameTooLong;
    if (!errors.has(field)) errors.set(field, wording);
  }
  return { ok: false, values, errors };
}

export type EvidenceOutcome =
  | { ok: true }
  | { ok: false; refused: string }
  | { ok: false; status: 400 | 409 | 413 | 415; error: string };

const refusalStatus = { payload_too_large: 413, unsupported_media_type: 415, conflict: 409 } as const;

function refusedFile(refusal: AttachmentRefusal, room: number, t: Messages): EvidenceOutcome {
  const error = refusal.reason === 'case_full' ? t.followup.evidence.tooMany(room) : t.errors.attachments[refusal.reason];
  const status = refusalStatus[refusal.code as keyof typeof refusalStatus] ?? 400;
  return { ok: false, status, error };
}

/**
 * Evidence from the follow-up form, read as it streams in and checked by the API's own service. A
 * case that takes no more is refused before the body is read; a refused file names its reason.
 */
export async function sendEvidence(request: Request, deps: Deps, caseId: string, t: Messages): Promise<EvidenceOutcome> {
  const e = t.followup.evidence;
  const state = await evidenceState(deps, caseId);
  if (!state.open) return { ok: false, refused: e[state.reason] };
  if (!isMultipart(request.headers.get('content-type') ?? undefined)) return { ok: false, status: 400, error: e.missing };
  const form = await readUploadForm(request, {
    textFields: null, maxTextBytes: 4096, maxBodyBytes: uploadBodyLimit(deps.config), onRefusal: 'skip',
  });
  if (form.refusal) return refusedFile(form.refusal, state.room, t);
  if (form.files.length === 0) return { ok: false, status: 400, error: e.missing };
  const added = await catchRefusal(['validation_failed', 'payload_too_large', 'unsupported_media_type', 'conflict'],
    () => addEvidence(deps, caseId, form.files));
  if (added.ok) return { ok: true };
  if (added.error instanceof AttachmentRefusal) return refusedFile(added.error, state.room, t);
  // Closed or merged while the files were read.
  if (added.error.code === 'conflict') return { ok: false, refused: e.closed };
  return { ok: false, status: 400, error: e.missing };
}
