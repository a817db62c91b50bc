/**
 * Satisfaction that acts: a closed case's rating (from the follow-up or a mailed link) is taken once,
 * its comment redacted for staff with the original sealed, and shown to staff; a low rating or "not
 * resolved" puts the case on the intake centre's re-handling list (重办).
 */
import type { CaseRow } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { findSealedRecord } from '../identity/sealed.repository.js';
import { redact } from '../identity/redact.js';
import { seal, unseal } from '../identity/seal.js';
import { guarded } from '../lib/write-guard.js';
import { findRating, insertRatingQueries, spendRatingTokenQueries } from './satisfaction.repository.js';

export interface RatingInput {
  rating: number;
  resolved: boolean;
  comment?: string | undefined;
}

/** Whether a rating sends the case to the re-handling list. */
export function suggestsRehandle(rating: { rating: number; resolved: boolean }): boolean {
  return rating.rating <= 2 || !rating.resolved;
}

async function reporterIdentity(deps: Deps, caseId: string): Promise<{ name?: string; email?: string | null } | null> {
  const box = await findSealedRecord(deps.db, caseId, 'identity');
  return box ? unseal<{ name?: string; email?: string | null }>(deps.keys, box, `${caseId}:identity`) : null;
}

/** Whether a named reporter gave an e-mail address (read before planning a close). */
export async function reporterHasEmail(deps: Deps, row: Pick<CaseRow, 'id' | 'anonymous'>): Promise<boolean> {
  if (row.anonymous === 1) return false;
  return Boolean((await reporterIdentity(deps, row.id))?.email);
}

/**
 * Takes a rating for a closed case, once. `via`: 'followup' or 'link'; a link's token hash is spent
 * in the same batch.
 */
export async function recordRating(
  deps: Deps, row: Pick<CaseRow, 'id' | 'status'>, input: RatingInput, via: { kind: 'followup' } | { kind: 'link'; tokenHash: string },
): Promise<{ at: string }> {
  if (row.status !== 'closed') throw new AppError('conflict', 'Satisfaction can be given once the case is closed.');
  if (await findRating(deps.db, row.id)) throw new AppError('conflict', 'Satisfaction was already given for this case.');
  const at = toShanghaiIso(deps.clock.now());
  const original = input.comment?.trim() || null;
  let comment: string | null = null;
  let sealed = null;
  if (original) {
    const name = (await reporterIdentity(deps, row.id))?.name;
    comment = redact(original, name ? [name] : []);
    const box = await seal(deps.keys, original, `satisfaction:${row.id}`);
    sealed = { case_id: row.id, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext };
  }
  const data = { score: input.rating, resolved: input.resolved, rehandleSuggested: suggestsRehandle(input) };
  const queries = [
    ...(via.kind === 'link' ? spendRatingTokenQueries(deps.db, via.tokenHash, at) : []),
    ...insertRatingQueries(deps.db, { case_id: row.id, rating: input.rating, resolved: input.resolved ? 1 : 0, comment, at }, sealed, { actor: 'reporter', data }),
  ];
  await guarded('Satisfaction was already given for this case.', () =>
    commitWithAudit(deps, queries, [{ actor: 'reporter', action: 'satisfaction', caseId: row.id, detail: { rating: input.rating, via: via.kind } }]));
  return { at };
}

/** The rating as staff see it (comment redacted); null before one is given. */
export async function staffRating(deps: Deps, caseId: string) {
  const r = await findRating(deps.db, caseId);
  if (!r) return null;
  return { score: r.rating, resolved: r.resolved === 1, comment: r.comment, at: r.at, rehandleSuggested: suggestsRehandle({ rating: r.rating, resolved: r.resolved === 1 }) };
}
