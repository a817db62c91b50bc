/** D1 behind the ports: Kysely over kysely-d1, and the atomic batch as one D1 batch. */
import type { D1Database } from '@cloudflare/workers-types';
import { CompiledQuery, Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from '../../db/schema.js';
import { chainRecords, type AuditDraft, type AuditRecord } from '../audit/audit.js';
import { webAuditHasher } from '../audit/audit-key.js';
import type { MasterKey } from '../identity/keys.js';
import type { Batch } from '../deps.js';
import { SETTLE_SIGNALS } from '../signals/settle.js';

export function d1Kysely(d1: D1Database): Kysely<Database> {
  // kysely-d1 types its binding against an older workers-types; the runtime object is the same.
  return new Kysely<Database>({ dialect: new D1Dialect({ database: d1 as never }) });
}

/**
 * D1 runs a batch as one implicit transaction: every statement or none. That is the only
 * atomicity D1 offers (no BEGIN from a Worker), hence the Batch port. Results keep the row counts
 * the services check to tell a won guard from a lost race.
 */
export function d1Batch(d1: D1Database, auditKeyOf: Pick<MasterKey, 'id' | 'auditKey'>): Batch {
  // The cases a batch queued for the quality signals are counted at its end, in the same D1 batch
  // (server/signals/settle.ts); their results are not the caller's.
  const settle = SETTLE_SIGNALS.map((sql) => d1.prepare(sql));
  const run = async (queries: CompiledQuery[]) => {
    if (queries.length === 0) return [];
    const results = await d1.batch([...queries.map((q) => d1.prepare(q.sql).bind(...(q.parameters as unknown[]))), ...settle]);
    return results.slice(0, queries.length).map((r) => ({
      rows: (r.results ?? []) as unknown[],
      numAffectedRows: BigInt(r.meta?.changes ?? 0),
      ...(typeof r.meta?.last_row_id === 'number' ? { insertId: BigInt(r.meta.last_row_id) } : {}),
    }));
  };
  return async (queries, audit) => {
    if (!audit || audit.length === 0) return run(queries);
    return appendWithRetry(d1, audit, auditKeyOf, (records) => run([...queries, ...records.map(insertAuditRecord)]));
  };
}

const MAX_CHAIN_ATTEMPTS = 8;
const insertAudit = 'INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

function insertAuditRecord(r: AuditRecord): CompiledQuery {
  return CompiledQuery.raw(insertAudit, [r.seq, r.at, r.actor, r.action, r.case_id, r.detail, r.prev_hash, r.hash, r.key_id]);
}

/**
 * D1 cannot hash inside its batch, so the tail is read first and the batch carries the linked
 * entries; two Workers that read the same tail collide on the successor's seq (its primary key),
 * the whole batch of the loser rolls back, and it links again after the new tail.
 */
async function appendWithRetry<T>(
  d1: D1Database, drafts: readonly AuditDraft[], key: Pick<MasterKey, 'id' | 'auditKey'>, attempt: (records: AuditRecord[]) => Promise<T>,
): Promise<T> {
  // HMAC under the current master key's audit key, named on each entry (server/audit/audit-key.ts).
  const mac = async (text: string) => webAuditHasher.hmac(key.auditKey, text);
  for (let n = 1; ; n++) {
    const last = await d1.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').first<{ seq: number; hash: string }>();
    try {
      return await attempt(await chainRecords(last ?? undefined, drafts, key.id, mac));
    } catch (err) {
      const race = err instanceof Error && /UNIQUE constraint failed: audit_log|PRIMARY KEY/.test(err.message);
      if (!race || n >= MAX_CHAIN_ATTEMPTS) throw err;
    }
  }
}
