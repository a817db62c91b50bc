/** Continuous submissions from concurrent clients, and the checks that an acknowledged case is whole. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import type { AuditRecord } from '../../server/audit/audit.js';
import { findBrokenLink } from '../../server/audit/verify.service.js';
import { createKeyring, masterKeyFromBase64 } from '../../server/identity/keys.js';
import { unseal } from '../../server/identity/seal.js';
import { request } from './server.js';

export interface Acknowledged {
  caseNumber: string;
  receipt: string;
  named: boolean;
}

const BODIES = [
  { kind: 'complaint', category: 'product.food', region: '440106', claim: '退款' },
  { kind: 'report', category: 'product.counterfeit', region: '440304', reward: true },
  { kind: 'injury', category: 'product.child', region: '440103', severity: 'serious' },
  { kind: 'complaint', category: 'service.ecommerce', region: '441900', claim: '退一赔三' },
];

function submission(n: number) {
  const base = BODIES[n % BODIES.length]!;
  const named = base.kind === 'complaint' || n % 2 === 0;
  return {
    named,
    body: {
      ...base,
      subject: { name: `崩溃测试${n % 50}号有限公司`, address: '广州市天河区' },
      description: `第${n}份崩溃测试提交：产品存在质量问题，请依法处理。`,
      reporter: named
        ? { anonymous: false, name: '李四', phone: `139${String(n).padStart(8, '0')}`, address: '广州市天河区天河路2号', ...(n % 3 === 0 ? { email: `r${n}@mail.example` } : {}) }
        : { anonymous: true },
    },
  };
}

/** Clients submitting back to back until stop() or until the server is gone; what got a 201 is kept. */
export function submitContinuously(url: string, clients: number) {
  const acked: Acknowledged[] = [];
  const refused: number[] = [];
  let stopped = false;
  let next = 0;
  const running = Array.from({ length: clients }, async () => {
    while (!stopped) {
      const { named, body } = submission(next++);
      const res = await request(`${url}/api/v1/cases`, 'POST', body);
      if (res.status === 201) acked.push({ caseNumber: res.body.caseNumber, receipt: res.body.receipt, named });
      else if (res.status === 0) return; // the server is gone: this request was never acknowledged
      else refused.push(res.status);
    }
  });
  return {
    acked,
    refused,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

export function openDatabase(dir: string): Sqlite.Database {
  return new Sqlite(join(dir, 'intake.sqlite'));
}

/** Everything a submission writes in its one batch, per case, for all cases or the numbers given. */
export function incompleteCases(db: Sqlite.Database): { case_number: string; missing: string }[] {
  return db.prepare(`
    SELECT case_number, missing FROM (
      SELECT c.case_number,
        CASE
          WHEN NOT EXISTS (SELECT 1 FROM sealed_records s WHERE s.case_id = c.id AND s.purpose = 'original_text') THEN 'original text'
          WHEN c.anonymous = 0 AND NOT EXISTS (SELECT 1 FROM sealed_records s WHERE s.case_id = c.id AND s.purpose = 'identity') THEN 'identity'
          WHEN NOT EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = c.id AND k.due_at = c.next_due_at) THEN 'clock'
          WHEN NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = c.id) THEN 'outbox'
          WHEN NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.event = 'received') THEN 'received event'
          WHEN NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.case_id = c.id AND a.action = 'case.submitted') THEN 'audit entry'
        END AS missing
      FROM cases c
    ) WHERE missing IS NOT NULL`).all() as { case_number: string; missing: string }[];
}

/** The first entry that does not verify, with the data folder's development key (the audit chain is keyed). */
export async function auditChainBreak(db: Sqlite.Database, dir: string) {
  const keyring = createKeyring([await masterKeyFromBase64(readFileSync(join(dir, 'master.key'), 'utf8'))]);
  return findBrokenLink(db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRecord[], keyring);
}

/** Opens a case's sealed identity with the data folder's development key, as the app would. */
export async function unsealIdentity(db: Sqlite.Database, dir: string, caseNumber: string) {
  const keyring = createKeyring([await masterKeyFromBase64(readFileSync(join(dir, 'master.key'), 'utf8'))]);
  const row = db.prepare(`SELECT s.* FROM sealed_records s JOIN cases c ON c.id = s.case_id WHERE c.case_number = ? AND s.purpose = 'identity'`)
    .get(caseNumber) as { case_id: string; key_id: string; wrapped_key: string; iv: string; ciphertext: string } | undefined;
  if (!row) return null;
  return unseal<{ name: string; phone: string }>(keyring, { keyId: row.key_id, wrappedKey: row.wrapped_key, iv: row.iv, ciphertext: row.ciphertext }, `${row.case_id}:identity`);
}
