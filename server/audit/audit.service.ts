/** Writes a change together with its audit entries in one atomic batch. */
import type { CompiledQuery, QueryResult } from 'kysely';
import type { Deps } from '../deps.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import { auditDraft, type AuditEntry } from './audit.js';
import { verifyAuditLog } from './verify.service.js';

/**
 * Runs `queries` and appends the audit entries in the same atomic batch. The batch port links them
 * to the chain's last entry inside its own transaction (see server/node/sqlite.ts and
 * server/worker/d1.ts), so concurrent writers never read the same tail.
 */
export async function commitWithAudit(deps: Deps, queries: CompiledQuery[], entries: AuditEntry[]): Promise<QueryResult<unknown>[]> {
  const at = toShanghaiIso(deps.clock.now());
  return deps.batch(queries, entries.map((e) => auditDraft(e, at)));
}

/** Audit entries alone (sign-ins, identity openings, downloads). */
export async function recordAudit(deps: Deps, entries: AuditEntry[]): Promise<void> {
  await commitWithAudit(deps, [], entries);
}

/** Verifies the whole log, anchors included; returns the first broken entry, or null with the count checked. */
export async function verifyAuditChain(deps: Deps): Promise<{ checked: number; broken: { seq: number; reason: string } | null }> {
  const { checked, broken } = await verifyAuditLog(deps);
  return { checked, broken };
}
