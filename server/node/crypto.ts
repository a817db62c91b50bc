/**
 * Sealing with node:crypto: the same algorithms and the same bytes as the Web Crypto code of
 * server/identity/ (HKDF-derived keys, AES-256-GCM with the tag appended, RFC 3394 key wrap,
 * HMAC-SHA-256), but synchronous. Web Crypto answers every call through a promise and a thread-pool
 * job, and a submission made seven such calls, each a turn of the event loop. The server's
 * current master key carries these as its `sync` sealer; the demo data generator seals with them too.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomFillSync } from 'node:crypto';
import { importMasterKey, type MasterKey } from '../identity/keys.js';
import { fromBase64 } from '../lib/encoding.js';

export interface NodeKeys { id: string; wrapKey: Buffer; receiptKey: Buffer }

/** The key id and the HKDF-derived keys exactly as importMasterKey derives them. */
export function nodeKeys(raw: Uint8Array): NodeKeys {
  if (raw.length !== 32) throw new Error('A master key must be 32 bytes.');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', raw, new Uint8Array(0), Buffer.from(info), 32));
  return {
    id: 'k' + createHash('sha256').update(raw).digest('hex').slice(0, 12),
    wrapKey: derive('intake/wrap'),
    receiptKey: derive('intake/receipt'),
  };
}

/** SHA-256 of a UTF-8 text as hex, synchronously (the Web Crypto digest is a thread-pool job per call). */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** CSPRNG bytes drawn from a refilled pool: one randomFillSync per 64 KiB instead of one per key. */
export function randomPool(size = 65_536) {
  const pool = Buffer.alloc(size);
  let offset = size;
  return (n: number): Buffer => {
    if (offset + n > size) {
      randomFillSync(pool);
      offset = 0;
    }
    const out = Buffer.from(pool.subarray(offset, offset + n));
    // Handed out once: the pool keeps no copy of a key it gave away.
    pool.fill(0, offset, offset + n);
    offset += n;
    return out;
  };
}

export type Random = ReturnType<typeof randomPool>;
const KW_DEFAULT_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

/** A fresh data key encrypts `plain` (AES-256-GCM, ciphertext ‖ 16-byte tag); the master key wraps it. */
function sealBytes(keys: NodeKeys, random: Random, plain: Uint8Array, aad: Uint8Array) {
  const dataKey = random(32);
  const iv = random(12);
  const gcm = createCipheriv('aes-256-gcm', dataKey, iv);
  gcm.setAAD(aad);
  const ciphertext = Buffer.concat([gcm.update(plain), gcm.final(), gcm.getAuthTag()]);
  const kw = createCipheriv('id-aes256-wrap', keys.wrapKey, KW_DEFAULT_IV);
  const wrappedKey = Buffer.concat([kw.update(dataKey), kw.final()]);
  dataKey.fill(0);
  return { wrappedKey, iv, ciphertext };
}

/** The reverse of sealBytes: unwrap (RFC 3394 checks its integrity value), then AES-256-GCM with the tag. */
function openBytes(keys: NodeKeys, box: { wrappedKey: Uint8Array; iv: Uint8Array; ciphertext: Uint8Array }, aad: Uint8Array): Buffer {
  const kw = createDecipheriv('id-aes256-wrap', keys.wrapKey, KW_DEFAULT_IV);
  const dataKey = Buffer.concat([kw.update(box.wrappedKey), kw.final()]);
  const tagAt = box.ciphertext.length - 16;
  if (tagAt < 0) throw new Error('a sealed box too short to hold its tag');
  const gcm = createDecipheriv('aes-256-gcm', dataKey, box.iv);
  gcm.setAAD(aad);
  gcm.setAuthTag(box.ciphertext.subarray(tagAt));
  const plain = Buffer.concat([gcm.update(box.ciphertext.subarray(0, tagAt)), gcm.final()]);
  dataKey.fill(0);
  return plain;
}

export interface SealedBox { keyId: string; wrappedKey: string; iv: string; ciphertext: string }

/** seal() of server/identity/seal.ts, synchronously. */
export function sealSync(keys: NodeKeys, random: Random, value: unknown, context: string): SealedBox {
  const box = sealBytes(keys, random, Buffer.from(JSON.stringify(value), 'utf8'), Buffer.from(context));
  return { keyId: keys.id, wrappedKey: box.wrappedKey.toString('base64'), iv: box.iv.toString('base64'), ciphertext: box.ciphertext.toString('base64') };
}

/** hashReceipt() of server/identity/receipt.ts. */
export function receiptMacSync(keys: NodeKeys, receipt: string): string {
  return createHmac('sha256', keys.receiptKey).update(`receipt:${receipt}`).digest('hex');
}

/** A master key for the Node runtime: the Web Crypto keys, plus the synchronous sealer. */
export async function nodeMasterKey(raw: Uint8Array<ArrayBuffer>): Promise<MasterKey> {
  const key = await importMasterKey(raw);
  const keys = nodeKeys(raw);
  const random = randomPool();
  return {
    ...key,
    sync: {
      seal: (plain, aad) => sealBytes(keys, random, plain, aad),
      open: (box, aad) => openBytes(keys, box, aad),
      receiptMac: (data) => createHmac('sha256', keys.receiptKey).update(data).digest(),
    },
  };
}

export async function nodeMasterKeyFromBase64(text: string): Promise<MasterKey> {
  return nodeMasterKey(fromBase64(text.trim()));
}
