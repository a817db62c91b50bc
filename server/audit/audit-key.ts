/**
 * The audit log's HMAC key: HKDF-SHA-256 of the master key with info 'intake/audit' (derived in
 * identity/keys.ts, Web Crypto, so Workers derive the same bytes). It lives only in memory, beside
 * the master key it comes from; the database holds only the key's id on each entry, so a rotation
 * keeps old entries verifiable for as long as their master key stays loaded as a previous key.
 */
import { toHex, utf8 } from '../lib/encoding.js';

/** The hashes of the chain (hex): HMAC-SHA-256 of keyed entries, SHA-256 of pre-0014 ones. */
export interface AuditHasher {
  hmac(key: Uint8Array<ArrayBuffer>, text: string): string | Promise<string>;
  sha256(text: string): string | Promise<string>;
}

const imported = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/** Web Crypto, each key imported once. */
export const webAuditHasher: AuditHasher = {
  async hmac(key, text) {
    let cryptoKey = imported.get(key);
    if (!cryptoKey) {
      cryptoKey = crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      imported.set(key, cryptoKey);
    }
    return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', await cryptoKey, utf8.encode(text))));
  },
  async sha256(text) {
    return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text))));
  },
};

/** The hasher verification uses: the runtime's synchronous one (Node), else Web Crypto. */
export function auditHasherOf(deps: { auditHasher?: AuditHasher }): AuditHasher {
  return deps.auditHasher ?? webAuditHasher;
}
