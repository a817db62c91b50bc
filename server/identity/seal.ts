/**
 * Envelope encryption: each record gets its own AES-256-GCM data key, wrapped (AES-KW) by the
 * current master key. The database alone therefore reveals nothing, and rotation re-wraps keys
 * without re-encrypting data.
 */
import { AppError } from '../errors.js';
import { fromBase64, toBase64, utf8 } from '../lib/encoding.js';
import type { Keyring, MasterKey } from './keys.js';

export interface Sealed {
  keyId: string;
  wrappedKey: string;
  iv: string;
  ciphertext: string;
}

/** Encrypts a JSON-able value under a fresh data key; `context` is bound as associated data. */
export async function seal(keyring: Keyring, value: unknown, context: string): Promise<Sealed> {
  const sync = keyring.current.sync;
  if (sync) {
    const box = sync.seal(utf8.encode(JSON.stringify(value)), utf8.encode(context));
    return { keyId: keyring.current.id, wrappedKey: toBase64(box.wrappedKey), iv: toBase64(box.iv), ciphertext: toBase64(box.ciphertext) };
  }
  // Random bytes imported as a key: the same AES-256 key as generateKey, at a quarter of its cost.
  const dataKey = await crypto.subtle.importKey('raw', crypto.getRandomValues(new Uint8Array(32)), 'AES-GCM', true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(context) },
    dataKey,
    utf8.encode(JSON.stringify(value)),
  );
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, keyring.current.wrapKey, 'AES-KW');
  return {
    keyId: keyring.current.id,
    wrappedKey: toBase64(new Uint8Array(wrapped)),
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
}

function masterFor(keyring: Keyring, keyId: string): MasterKey {
  const key = keyring.byId.get(keyId);
  if (!key) throw new AppError('internal', 'A sealed record uses a key that is not loaded.');
  return key;
}

async function unwrapDataKey(keyring: Keyring, sealed: Pick<Sealed, 'keyId' | 'wrappedKey'>, usages: KeyUsage[]) {
  return crypto.subtle.unwrapKey(
    'raw',
    fromBase64(sealed.wrappedKey),
    masterFor(keyring, sealed.keyId).wrapKey,
    'AES-KW',
    { name: 'AES-GCM', length: 256 },
    true,
    usages,
  );
}

/** Decrypts a sealed record; throws if the data or its context was tampered with. */
export async function unseal<T>(keyring: Keyring, sealed: Sealed, context: string): Promise<T> {
  const sync = masterFor(keyring, sealed.keyId).sync;
  if (sync) {
    try {
      const plain = sync.open({ wrappedKey: fromBase64(sealed.wrappedKey), iv: fromBase64(sealed.iv), ciphertext: fromBase64(sealed.ciphertext) }, utf8.encode(context));
      return JSON.parse(utf8.decode(plain)) as T;
    } catch {
      // The same failure Web Crypto reports for a tampered box.
      throw new DOMException('The operation failed for an operation-specific reason', 'OperationError');
    }
  }
  const dataKey = await unwrapDataKey(keyring, sealed, ['decrypt']);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: utf8.encode(context) },
    dataKey,
    fromBase64(sealed.ciphertext),
  );
  return JSON.parse(utf8.decode(new Uint8Array(plain))) as T;
}

/** Re-wraps a record's data key under the keyring's current master key (key rotation). */
export async function rewrap(keyring: Keyring, sealed: Sealed): Promise<Sealed> {
  if (sealed.keyId === keyring.current.id) return sealed;
  const dataKey = await unwrapDataKey(keyring, sealed, ['decrypt']);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, keyring.current.wrapKey, 'AES-KW');
  return { ...sealed, keyId: keyring.current.id, wrappedKey: toBase64(new Uint8Array(wrapped)) };
}
