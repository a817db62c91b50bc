/**
 * The rating link mailed to a named reporter after closing: a random single-use token, stored only
 * as its hash, made when the mail is composed (so it exists nowhere but in the mail), valid 30 days.
 */
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { hashToken, isTokenShaped, newToken } from '../staff/tokens.js';
import { findRating, findRatingToken, upsertRatingTokenQuery } from './satisfaction.repository.js';
import { recordRating, type RatingInput } from './satisfaction.service.js';

export const RATING_LINK_DAYS = 30;

/** A fresh link for the case (any earlier one stops working); its address. */
export async function issueRatingLink(deps: Deps, caseId: string): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await deps.batch([upsertRatingTokenQuery(deps.db, {
    case_id: caseId, token_hash: await hashToken(token), created_at: toShanghaiIso(now),
    expires_at: toShanghaiIso(new Date(now.getTime() + RATING_LINK_DAYS * 86_400_000)), used_at: null,
  })]);
  return `${deps.config.publicUrl}/rate/${token}`;
}

export type RatingLinkState = 'open' | 'rated' | 'not_closed';

/** What a link opens: its case number and language, and whether it can still rate; 404 when unknown or expired. */
export async function ratingLinkView(deps: Deps, token: string) {
  const found = isTokenShaped(token) ? await findRatingToken(deps.db, await hashToken(token)) : undefined;
  if (!found || found.expires_at < toShanghaiIso(deps.clock.now())) throw new AppError('not_found', 'This rating link is unknown or has expired.');
  const rated = found.used_at !== null || Boolean(await findRating(deps.db, found.case_id));
  const state: RatingLinkState = rated ? 'rated' : found.status === 'closed' ? 'open' : 'not_closed';
  return { caseNumber: found.case_number, language: found.language, state, caseId: found.case_id, status: found.status };
}

/** Rates through a link, once: a second use is a 409. */
export async function rateWithLink(deps: Deps, token: string, input: RatingInput): Promise<{ caseNumber: string; at: string }> {
  const view = await ratingLinkView(deps, token);
  if (view.state === 'rated') throw new AppError('conflict', 'This case was already rated.');
  const { at } = await recordRating(deps, { id: view.caseId, status: view.status }, input, { kind: 'link', tokenHash: await hashToken(token) });
  return { caseNumber: view.caseNumber, at };
}
