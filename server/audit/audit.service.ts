/** Writes a change together with its audit entries in one atomic batch. */
import type { CompiledQuery, QueryResult } from 'kysely';
import type { Deps } from '../deps.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import { chainRecords, findBrokenLink, type AuditEntry } from './audit.js';
import { insertAuditQuery, lastAuditEntry, listAuditRecords } from './audit.repository.js';

const MAX_ATTEMPTS = 8;

function isChainRace(err: unknown): boolean {
  return err instanceof Error && /audit_log\.(seq|hash)|UNIQUE constraint failed: audit_log/.test(err.message);
}

/**
 * Runs `queries` plus the audit entries chained after the current last entry. Two writers that
 * read the same last entry collide on its successor's seq; the loser rebuilds and tries again.
 */
export async function commitWithAudit(deps: Deps, queries: CompiledQuery[], entries: AuditEntry[]): Promise<QueryResult<unknown>[]> {
  for (let attempt = 1; ; attempt++) {
    const records = await chainRecords(await lastAuditEntry(deps.db), entries, toShanghaiIso(deps.clock.now()));
    try {
      return await deps.batch([...queries, ...records.map((r) => insertAuditQuery(deps.db, r))]);
    } catch (err) {
      if (!isChainRace(err) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}

/** Audit entries alone (sign-ins, identity openings, downloads). */
export async function recordAudit(deps: Deps, entries: AuditEntry[]): Promise<void> {
  await commitWithAudit(deps, [], entries);
}

/** Verifies the whole chain; returns the first broken link, or null with the count checked. */
export async function verifyAuditChain(deps: Deps): Promise<{ checked: number; broken: { seq: number; reason: string } | null }> {
  const records = await listAuditRecords(deps.db, 0, Number.MAX_SAFE_INTEGER);
  return { checked: records.length, broken: await findBrokenLink(records) };
}
