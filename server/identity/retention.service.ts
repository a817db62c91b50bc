/**
 * The retention purge (docs/protection.md): once a case has been closed longer than INTAKE_RETENTION_DAYS,
 * its sealed identity, sealed original text, reporters' sealed message originals and attachments (with
 * the names they were sent under) are deleted, unless a legal hold is set. The case row (redacted text, clocks, events) stays, so
 * statistics keep their aggregates. Run by `npm run intake -- purge`.
 */
import type { QueryResult } from 'kysely';
import { commitWithAudit, recordAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import {
  countSettledPayees, listAttachmentKeys, listExpiredCases, purgeCaseQueries, purgeSettledPayeesQuery,
} from './retention.repository.js';

const DAY_MS = 86_400_000;

export interface PurgedCase {
  caseNumber: string;
  closedAt: string;
  sealedRecords: number;
  sealedMessages: number;
  attachments: number;
}

export interface PurgeReport {
  retentionDays: number;
  closedBefore: string;
  purged: PurgedCase[];
  /** Case numbers past the period but kept under a legal hold. */
  held: string[];
  /** Attachment files whose rows are gone but whose bytes could not be deleted (retry by hand). */
  storageFailures: string[];
}

type Expired = Awaited<ReturnType<typeof listExpiredCases>>[number];

const count = (r: QueryResult<unknown> | undefined) => Number(r?.numAffectedRows ?? 0n);

async function deleteFiles(deps: Deps, keys: string[], failures: string[]): Promise<void> {
  for (const key of keys) {
    try {
      await deps.storage.delete(key);
    } catch {
      failures.push(key);
    }
  }
}

/** Purges one case in one audited batch; null when a re-opening or a hold won a race with the purge. */
async function purgeCase(deps: Deps, c: Expired, closedBefore: string, actor: string, failures: string[]): Promise<PurgedCase | null> {
  const at = toShanghaiIso(deps.clock.now());
  const keys = await listAttachmentKeys(deps.db, c.id);
  const results = await commitWithAudit(deps, purgeCaseQueries(deps.db, c.id, closedBefore, at), [
    { actor, action: 'case.purged', caseId: c.id, detail: { closedAt: c.closed_at, retentionDays: deps.config.INTAKE_RETENTION_DAYS } },
  ]);
  if (count(results[4]) !== 1) {
    await recordAudit(deps, [{ actor, action: 'case.purge_skipped', caseId: c.id, detail: { reason: 're-opened or put on hold meanwhile' } }]);
    return null;
  }
  // Rows first, bytes after: a failed delete leaves an unreferenced file to report, never a row without its file.
  await deleteFiles(deps, keys, failures);
  return {
    caseNumber: c.case_number, closedAt: c.closed_at ?? '',
    sealedRecords: count(results[0]), sealedMessages: count(results[1]), attachments: count(results[3]),
  };
}

/** A purged case keeps its payee details while its reward is on the way to payment; once settled, they go. */
async function purgeSettledPayees(deps: Deps, actor: string) {
  const waiting = await countSettledPayees(deps.db);
  if (waiting === 0) return;
  await commitWithAudit(deps, [purgeSettledPayeesQuery(deps.db)], [{ actor, action: 'reward.payees_purged', detail: { payees: waiting } }]);
}

/** Purges every case closed longer ago than the retention period; returns what was done. */
export async function purgeExpired(deps: Deps, actor = 'cli'): Promise<PurgeReport> {
  const retentionDays = deps.config.INTAKE_RETENTION_DAYS;
  const closedBefore = toShanghaiIso(new Date(deps.clock.now().getTime() - retentionDays * DAY_MS));
  const report: PurgeReport = { retentionDays, closedBefore, purged: [], held: [], storageFailures: [] };
  for (const c of await listExpiredCases(deps.db, closedBefore)) {
    if (c.legal_hold === 1) {
      report.held.push(c.case_number);
      continue;
    }
    const done = await purgeCase(deps, c, closedBefore, actor, report.storageFailures);
    if (done) report.purged.push(done);
  }
  await purgeSettledPayees(deps, actor);
  return report;
}
