/**
 * Master-key rotation (docs/protection.md): every sealed box's data key is re-wrapped under the new master
 * key; the encrypted data itself is untouched. Receipt hashes are the exception: an HMAC of a
 * receipt cannot be recomputed without the receipt, which is never stored, so a case keeps the
 * hash made under the key of its day. The old keys must therefore stay loaded (as previous keys)
 * for as long as their receipts are in use; receiptHashCandidates() tries each of them.
 */
import type { CompiledQuery } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { createKeyring, masterKeyFromBase64, type Keyring, type MasterKey } from './keys.js';
import {
  listRewardPayeesNotUnder, listSealedAttachmentNamesNotUnder, listSealedMessagesNotUnder, listSealedRatingCommentsNotUnder, listSealedRecordsNotUnder,
  listSealedTotpSecrets, rewrapAttachmentNameQuery, rewrapMessageQuery, rewrapPayeeQuery, rewrapRatingCommentQuery, rewrapRecordQuery, rewrapTotpQuery,
} from './rotation.repository.js';
import { rewrap, type Sealed } from './seal.js';

export interface RotationReport {
  from: string;
  to: string;
  sealedRecords: number;
  sealedMessages: number;
  /** Reward payee details (sealed at claim time). */
  rewardPayees: number;
  /** The names attachments were sent under. */
  attachmentNames: number;
  /** The reporter's own words of a rating comment. */
  ratingComments: number;
  totpSecrets: number;
  /** The keyring to use from now on: the new key first, then every key that was loaded. */
  keyring: Keyring;
}

const boxOf = (r: { key_id: string; wrapped_key: string; iv: string; ciphertext: string }): Sealed =>
  ({ keyId: r.key_id, wrappedKey: r.wrapped_key, iv: r.iv, ciphertext: r.ciphertext });

/**
 * The keys of INTAKE_PREVIOUS_MASTER_KEYS (comma-separated base64), without the current one. Web
 * APIs only, so the Workers entry can load them the way server/node/keyfiles.ts does.
 */
export async function parsePreviousMasterKeys(texts: readonly string[], current: MasterKey): Promise<MasterKey[]> {
  const keys = new Map<string, MasterKey>();
  for (const text of texts.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean)) {
    const key = await masterKeyFromBase64(text);
    if (key.id !== current.id) keys.set(key.id, key);
  }
  return [...keys.values()];
}

/** The current keyring with `next` in front: old keys stay to open what is not re-wrapped yet. */
export function keyringAfterRotation(current: Keyring, next: MasterKey): Keyring {
  return createKeyring([next, ...[...current.byId.values()].filter((k) => k.id !== next.id)]);
}

/** Re-wraps page after page until no row is left under another key; each page is one batch. */
async function rewrapPages<R>(deps: Deps, list: () => Promise<R[]>, toQuery: (row: R) => Promise<CompiledQuery>): Promise<number> {
  let done = 0;
  for (let page = await list(); page.length > 0; page = await list()) {
    const results = await deps.batch(await Promise.all(page.map(toQuery)));
    const changed = results.reduce((n, r) => n + Number(r.numAffectedRows ?? 0n), 0);
    // Nothing changed: another writer holds these rows; stop rather than spin.
    if (changed === 0) break;
    done += changed;
  }
  return done;
}

async function rewrapTotpSecrets(deps: Deps, keyring: Keyring): Promise<number> {
  const queries: CompiledQuery[] = [];
  for (const user of await listSealedTotpSecrets(deps.db)) {
    const box = JSON.parse(user.totp_secret ?? 'null') as Sealed | null;
    if (!box || box.keyId === keyring.current.id) continue;
    queries.push(rewrapTotpQuery(deps.db, user.id, user.totp_secret ?? '', JSON.stringify(await rewrap(keyring, box))));
  }
  if (queries.length === 0) return 0;
  return (await deps.batch(queries)).reduce((n, r) => n + Number(r.numAffectedRows ?? 0n), 0);
}

/** Re-wraps every sealed record, sealed message, reward payee, attachment name and TOTP secret under `next`; audited once. */
export async function rotateMasterKey(deps: Deps, next: MasterKey, actor = 'cli'): Promise<RotationReport> {
  const keyring = keyringAfterRotation(deps.keys, next);
  const to = keyring.current.id;
  const sealedRecords = await rewrapPages(deps, () => listSealedRecordsNotUnder(deps.db, to), async (r) =>
    rewrapRecordQuery(deps.db, r.case_id, r.purpose, r.key_id, await rewrap(keyring, boxOf(r))));
  const sealedMessages = await rewrapPages(deps, () => listSealedMessagesNotUnder(deps.db, to), async (r) =>
    rewrapMessageQuery(deps.db, r.message_id, r.key_id, await rewrap(keyring, boxOf(r))));
  const rewardPayees = await rewrapPages(deps, () => listRewardPayeesNotUnder(deps.db, to), async (r) =>
    rewrapPayeeQuery(deps.db, r.case_id, r.key_id, await rewrap(keyring, boxOf(r))));
  const attachmentNames = await rewrapPages(deps, () => listSealedAttachmentNamesNotUnder(deps.db, to), async (r) =>
    rewrapAttachmentNameQuery(deps.db, r.attachment_id, r.key_id, await rewrap(keyring, boxOf(r))));
  const ratingComments = await rewrapPages(deps, () => listSealedRatingCommentsNotUnder(deps.db, to), async (r) =>
    rewrapRatingCommentQuery(deps.db, r.case_id, r.key_id, await rewrap(keyring, boxOf(r))));
  const totpSecrets = await rewrapTotpSecrets(deps, keyring);
  const report = { from: deps.keys.current.id, to, sealedRecords, sealedMessages, rewardPayees, attachmentNames, ratingComments, totpSecrets };
  await recordAudit(deps, [{ actor, action: 'keys.rotate', detail: report }]);
  return { ...report, keyring };
}
