/**
 * The audit chain's hashes with node:crypto, synchronously: the batch port links entries inside its
 * SQLite transaction, where nothing may be awaited, and verification hashes a million entries
 * without a thread-pool round trip each. Same bytes as server/audit/audit-key.ts's Web Crypto.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditSigner } from '../audit/audit.js';
import type { AuditHasher } from '../audit/audit-key.js';
import type { Keyring } from '../identity/keys.js';

export const nodeAuditHasher: AuditHasher = {
  hmac: (key, text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
  sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

/** Signs new entries under the current master key's audit key, naming that key on each entry. */
export function nodeAuditSigner(keys: Keyring): AuditSigner {
  return auditSignerFor(keys.current.id, keys.current.auditKey);
}

/** The same signer from the key itself (a thread that holds no keyring: store-thread.ts). */
export function auditSignerFor(keyId: string, auditKey: Uint8Array): AuditSigner {
  return { keyId, mac: (text) => createHmac('sha256', auditKey).update(text, 'utf8').digest('hex') };
}
