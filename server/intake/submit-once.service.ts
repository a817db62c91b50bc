/**
 * A submission filed once per idempotency key. The key's row joins the case's atomic batch (see
 * submitCase), so of any number of posts with one key exactly one files a case; the others, and
 * every later post with that key, get the first answer back. A post with that key and another
 * request is a 409. The form's confirmation page shows that answer once (takeView).
 */
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { seal, unseal, type Sealed } from '../identity/seal.js';
import type { SubmittedCase } from './intake.schema.js';
import {
  findKeyRow, findKeyRowQuery, insertKeyQuery, sweepKeyQueries, takeViewQueries, type KeyRow,
} from './submission-keys.repository.js';
import { isKeyConflict, KEY_LIFETIME_MS, sealContext, sha256Hex, VIEW_WINDOW_MS, type KeyClaim } from './submission-keys.js';

export type KeyedAnswer =
  | { status: 'filed'; submitted: SubmittedCase; viewToken: string | null; replayed: boolean }
  /** A form's answer that was already shown on its confirmation page (or whose window passed). */
  | { status: 'shown' };

interface SealedAnswer {
  answer: Omit<SubmittedCase, 'caseNumber'>;
  viewToken: string | null;
}

const viewHashOf = (token: string) => sha256Hex(`submission-view:${token}`);

/** The key's row for the case's batch: the first answer sealed, without the number the batch gives it. */
export async function keyRowQueries(deps: Deps, claim: KeyClaim, caseId: string, answer: SubmittedCase, at: Date) {
  const { caseNumber: _number, ...rest } = answer;
  const box = await seal(deps.keys, { answer: rest, viewToken: claim.viewToken } satisfies SealedAnswer, sealContext(claim.keyHash));
  return [insertKeyQuery(deps.db, {
    key_hash: claim.keyHash, fingerprint: claim.fingerprint, case_id: caseId,
    key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext,
    view_hash: claim.viewToken ? await viewHashOf(claim.viewToken) : null, viewed_at: null,
    created_at: toShanghaiIso(at), expires_at: toShanghaiIso(new Date(at.getTime() + KEY_LIFETIME_MS)),
  })];
}

type SealedColumns = Pick<KeyRow, 'key_id' | 'wrapped_key' | 'iv' | 'ciphertext'>;

function boxOf(row: SealedColumns): Sealed | null {
  if (!row.key_id || !row.wrapped_key || !row.iv || !row.ciphertext) return null;
  return { keyId: row.key_id, wrappedKey: row.wrapped_key, iv: row.iv, ciphertext: row.ciphertext };
}

async function openAnswer(deps: Deps, keyHash: string, row: SealedColumns & { case_number: string }) {
  const box = boxOf(row);
  if (!box) return null;
  try {
    const { answer, viewToken } = await unseal<SealedAnswer>(deps.keys, box, sealContext(keyHash));
    return { submitted: { caseNumber: row.case_number, ...answer } as SubmittedCase, viewToken };
  } catch {
    // Its master key is no longer loaded: the first answer cannot be given again.
    throw new AppError('conflict', 'This Idempotency-Key was used already, and its first answer can no longer be repeated.');
  }
}

async function replay(deps: Deps, claim: KeyClaim, row: KeyRow): Promise<KeyedAnswer> {
  if (row.fingerprint !== claim.fingerprint) {
    throw new AppError('conflict', 'This Idempotency-Key was used for another request; use a new key for a new case.', [
      { path: 'Idempotency-Key', message: 'already used with a different request' },
    ]);
  }
  const opened = await openAnswer(deps, claim.keyHash, row);
  if (!opened) return { status: 'shown' };
  return { status: 'filed', submitted: opened.submitted, viewToken: opened.viewToken, replayed: true };
}

/** The key's row through the batch port: answered only once the commit that wrote it is durable. */
async function durableRow(deps: Deps, keyHash: string): Promise<KeyRow | undefined> {
  const [result] = await deps.batch([findKeyRowQuery(deps.db, keyHash)]);
  return result?.rows[0] as KeyRow | undefined;
}

/** Files with `file` unless the key was used; a lost race for the key answers the winner's case. */
export async function submitOnce(deps: Deps, claim: KeyClaim, file: () => Promise<SubmittedCase>): Promise<KeyedAnswer> {
  if (await findKeyRow(deps.db, claim.keyHash)) {
    const row = await durableRow(deps, claim.keyHash);
    if (row) return replay(deps, claim, row);
  }
  try {
    return { status: 'filed', submitted: await file(), viewToken: claim.viewToken, replayed: false };
  } catch (err) {
    if (!isKeyConflict(err)) throw err;
    const row = await durableRow(deps, claim.keyHash);
    if (!row) throw err;
    return replay(deps, claim, row);
  }
}

/** The form's confirmation page: the answer the first time, null ever after or once its window passed. */
export async function takeView(deps: Deps, token: string): Promise<SubmittedCase | null> {
  if (!/^[\w-]{16,64}$/.test(token)) return null;
  const now = deps.clock.now();
  const since = toShanghaiIso(new Date(now.getTime() - VIEW_WINDOW_MS));
  const [found] = await deps.batch(takeViewQueries(deps.db, await viewHashOf(token), toShanghaiIso(now), since));
  const row = found?.rows[0] as (SealedColumns & { key_hash: string; case_number: string }) | undefined;
  if (!row) return null;
  const opened = await openAnswer(deps, row.key_hash, row).catch(() => null);
  return opened?.submitted ?? null;
}

/** Run by each runtime's sweeper: expired keys deleted, unshown form answers past their window removed. */
export async function sweepSubmissionKeys(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  await deps.batch(sweepKeyQueries(deps.db, toShanghaiIso(now), toShanghaiIso(new Date(now.getTime() - VIEW_WINDOW_MS))));
}
