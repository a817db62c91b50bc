import { describe, expect, it } from 'vitest';
import { auditDraft, chainRecords, linkRecords } from '../../server/audit/audit.js';
import { formatAnchor, parseAnchor } from '../../server/audit/audit-anchor.js';
import { webAuditHasher } from '../../server/audit/audit-key.js';
import { findBrokenLink } from '../../server/audit/verify.service.js';
import { createKeyring, importMasterKey } from '../../server/identity/keys.js';
import { nodeAuditSigner } from '../../server/node/audit-hash.js';

const drafts = [
  auditDraft({ actor: 'public', action: 'case.submitted', caseId: 'c1' }, '2026-11-26T10:00:00.000+08:00'),
  auditDraft({ actor: 'handler.1', action: 'identity.open', caseId: 'c1', detail: { reason: '调解需要' } }, '2026-11-26T10:01:00.000+08:00'),
];

describe('the keyed audit chain', () => {
  it('is the same whether Node links it in its transaction or a Worker with Web Crypto, and verifies', async () => {
    const keys = createKeyring([await importMasterKey(new Uint8Array(32).fill(3))]);
    const node = linkRecords(undefined, drafts, nodeAuditSigner(keys));
    const worker = await chainRecords(undefined, drafts, keys.current.id, async (text) => webAuditHasher.hmac(keys.current.auditKey, text));
    expect(worker).toEqual(node);
    expect(node.map((r) => [r.seq, r.key_id])).toEqual([[1, keys.current.id], [2, keys.current.id]]);
    expect(await findBrokenLink(node, keys)).toBeNull();
  });

  it('depends on the master key: another key\'s audit key does not verify it, even under the same id', async () => {
    const keys = createKeyring([await importMasterKey(new Uint8Array(32).fill(3))]);
    const other = await importMasterKey(new Uint8Array(32).fill(4));
    const forged = createKeyring([{ ...other, id: keys.current.id }]);
    const records = linkRecords(undefined, drafts, nodeAuditSigner(keys));
    expect(await findBrokenLink(records, forged)).toEqual({ seq: 1, reason: 'its content was changed' });
    expect(keys.current.auditKey).not.toEqual(other.auditKey);
  });
});

describe('anchor lines', () => {
  it('read back what was written and refuse anything else', () => {
    const anchor = { at: '2026-11-26T10:00:00.000+08:00', count: 42, head: 'a'.repeat(64) };
    expect(parseAnchor(formatAnchor(anchor))).toEqual(anchor);
    for (const bad of ['', '{', '{"at":"x","count":0,"head":"' + 'a'.repeat(64) + '"}', '{"at":"x","count":1,"head":"zz"}', 'null', '[1,2]']) {
      expect(parseAnchor(bad), bad).toBeNull();
    }
  });
});
