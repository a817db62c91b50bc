import { describe, expect, it } from 'vitest';
import { createKeyring, importMasterKey } from '../../server/identity/keys.js';
import { hashReceipt } from '../../server/identity/receipt.js';
import { seal, unseal } from '../../server/identity/seal.js';
import { fromBase64, toBase64 } from '../../server/lib/encoding.js';
import { nodeMasterKey } from '../../server/node/crypto.js';

// The Node runtime seals with node:crypto; Web Crypto (the Workers runtime, and every unseal) must
// open what it sealed, and the other way round, or a record sealed on one runtime is lost to the other.
const raw = () => new Uint8Array(32).map((_, i) => i * 7 + 1);

describe('the synchronous Node sealer', () => {
  it('has the key id and receipt hashes of the Web Crypto key', async () => {
    const web = await importMasterKey(raw());
    const node = await nodeMasterKey(raw());
    expect(node.sync).toBeDefined();
    expect(web.sync).toBeUndefined();
    expect(node.id).toBe(web.id);
    for (const receipt of ['1234567890123456', '0000000000000000']) {
      expect(await hashReceipt(node, receipt)).toBe(await hashReceipt(web, receipt));
    }
  });

  it('seals what Web Crypto opens, under the context it was sealed for only', async () => {
    const web = createKeyring([await importMasterKey(raw())]);
    const node = createKeyring([await nodeMasterKey(raw())]);
    const value = { name: '张三', phone: '13800138000', note: 'x'.repeat(300) };
    const box = await seal(node, value, 'case1:identity');
    expect(box.keyId).toBe(web.current.id);
    expect(await unseal(web, box, 'case1:identity')).toEqual(value);
    await expect(unseal(web, box, 'case2:identity')).rejects.toThrow();
    // And the other way: Web Crypto's box opens with the Node keyring, which refuses it tampered with.
    const webBox = await seal(web, value, 'c:x');
    expect(await unseal(node, webBox, 'c:x')).toEqual(value);
    await expect(unseal(node, webBox, 'c:y')).rejects.toThrow();
    const flipped = fromBase64(webBox.ciphertext);
    flipped[0]! ^= 1;
    await expect(unseal(node, { ...webBox, ciphertext: toBase64(flipped) }, 'c:x')).rejects.toThrow();
    const wrapped = fromBase64(webBox.wrappedKey);
    wrapped[3]! ^= 1;
    await expect(unseal(node, { ...webBox, wrappedKey: toBase64(wrapped) }, 'c:x')).rejects.toThrow();
  });

  it('uses a fresh data key and IV for every box', async () => {
    const node = createKeyring([await nodeMasterKey(raw())]);
    const boxes = await Promise.all(Array.from({ length: 20 }, () => seal(node, 'same text', 'ctx')));
    expect(new Set(boxes.map((b) => b.wrappedKey)).size).toBe(20);
    expect(new Set(boxes.map((b) => b.iv)).size).toBe(20);
    expect(new Set(boxes.map((b) => b.ciphertext)).size).toBe(20);
  });
});
