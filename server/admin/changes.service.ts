/** The recent admin changes: who changed what in the directory, the rules or the accounts, and when. */
import type { Deps } from '../deps.js';
import { listAdminAudit } from './changes.repository.js';

export interface AdminChange {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: unknown;
}

/** Newest first; `before` pages back by audit sequence number. */
export async function listAdminChanges(deps: Deps, limit: number, before?: number) {
  const rows = await listAdminAudit(deps.db, limit, before);
  const items: AdminChange[] = rows.map((r) => ({
    seq: r.seq, at: r.at, actor: r.actor, action: r.action, detail: r.detail ? (JSON.parse(r.detail) as unknown) : null,
  }));
  const last = items[items.length - 1];
  return { items, nextBefore: items.length === limit && last ? last.seq : null };
}
