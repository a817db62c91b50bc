/**
 * Master keys that wrap per-record data keys. A keyring holds the current key and older ones
 * (by id) so records sealed before a rotation still open until they are re-wrapped.
 */
import { fromBase64, toHex, utf8 } from '../lib/encoding.js';

export interface MasterKey {
  id: string;
  /** AES-KW key that wraps and unwraps data keys. */
  wrapKey: CryptoKey;
  /** HMAC-SHA-256 key for receipt hashes, derived from the same secret. */
  receiptKey: CryptoKey;
  /**
   * HKDF-derived bytes of the audit log's HMAC key (server/audit/audit-key.ts). Raw, so a runtime
   * with a synchronous HMAC (Node) can link entries inside its transaction; never stored anywhere.
   */
  auditKey: Uint8Array<ArrayBuffer>;
  /**
   * The same sealing and receipt MAC done synchronously, where the runtime offers it (Node:
   * server/node/crypto.ts). Web Crypto stays the reference and opens what either one sealed.
   */
  sync?: SyncSealer;
}

export interface SyncSealer {
  /** A fresh AES-256-GCM data key encrypts `plain` (ciphertext ‖ tag); it is returned AES-KW wrapped. */
  seal(plain: Uint8Array, aad: Uint8Array): { wrappedKey: Uint8Array; iv: Uint8Array; ciphertext: Uint8Array };
  /** Unwraps the data key and decrypts; throws if the box or its associated data was tampered with. */
  open(box: { wrappedKey: Uint8Array; iv: Uint8Array; ciphertext: Uint8Array }, aad: Uint8Array): Uint8Array;
  /** HMAC-SHA-256 under the receipt key. */
  receiptMac(data: Uint8Array): Uint8Array;
}

export interface Keyring {
  current: MasterKey;
  byId: ReadonlyMap<string, MasterKey>;
}

/** Builds a master key from 32 raw bytes; its id is a short fingerprint of the bytes. */
export async function importMasterKey(raw: Uint8Array<ArrayBuffer>): Promise<MasterKey> {
  if (raw.length !== 32) throw new Error('A master key must be 32 bytes (base64 of 32 random bytes).');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  const id = 'k' + toHex(digest.subarray(0, 6));
  const base = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const derive = (info: string, algorithm: AesKeyGenParams | HmacImportParams, usages: KeyUsage[]) =>
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8.encode(info) },
      base,
      algorithm,
      false,
      usages,
    );
  const wrapKey = await derive('intake/wrap', { name: 'AES-KW', length: 256 }, ['wrapKey', 'unwrapKey']);
  const receiptKey = await derive('intake/receipt', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']);
  const auditKey = new Uint8Array(await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8.encode('intake/audit') }, base, 256,
  ));
  return { id, wrapKey, receiptKey, auditKey };
}

export async function masterKeyFromBase64(text: string): Promise<MasterKey> {
  return importMasterKey(fromBase64(text.trim()));
}

/** The first key is current; the rest are kept to open older records. */
export function createKeyring(keys: MasterKey[]): Keyring {
  const [current] = keys;
  if (!current) throw new Error('A keyring needs at least one master key.');
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

export function newMasterKeyBytes(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(32));
}
