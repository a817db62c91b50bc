/** Reading and writing rewards (rewards table, 0015). Writes are compiled for one audited batch. */
import type { CompiledQuery, Kysely, Updateable } from 'kysely';
import type { CaseRow, Database, RewardRow, RewardTable } from '../../db/schema.js';
import type { RewardStatus } from '../../domain/vocabulary.js';
import { newRowId } from '../lib/ids.js';
import type { GroupMember } from './reward-lifecycle.js';

export function findReward(db: Kysely<Database>, caseId: string): Promise<RewardRow | undefined> {
  return db.selectFrom('rewards').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/**
 * Moves a reward from `from` to `to`; the row changes only while it is still in `from`, so two people
 * acting at once cannot both move it.
 */
export function moveRewardQuery(
  db: Kysely<Database>, caseId: string, from: RewardStatus, to: RewardStatus, set: Updateable<RewardTable>, at: string,
): CompiledQuery {
  return db.updateTable('rewards').set({ ...set, status: to, updated_at: at })
    .where('case_id', '=', caseId).where('status', '=', from)
    .compile();
}

/** Whether the case was referred to the judicial authorities (its status may have moved on since). */
export async function wasReferred(db: Kysely<Database>, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('case_events').select('id').where('case_id', '=', caseId).where('event', '=', 'refer_prosecution').executeTakeFirst();
  return row !== undefined;
}

export interface RewardEvent {
  caseId: string;
  at: string;
  event: string;
  actor: string;
  note: string | null;
  data: Record<string, unknown>;
  public: boolean;
}

export function rewardEventQuery(db: Kysely<Database>, e: RewardEvent): CompiledQuery {
  return db.insertInto('case_events').values({
    id: newRowId(), case_id: e.caseId, at: e.at, event: e.event, actor: e.actor, note: e.note,
    data: JSON.stringify(e.data), public: e.public ? 1 : 0,
  }).compile();
}

/**
 * The reports merged with this one as the same facts: the case it went into, the cases merged into
 * it, and the cases merged into its target, so the group is the same from whichever side it is read.
 */
export async function listMergeGroup(db: Kysely<Database>, row: Pick<CaseRow, 'id' | 'merged_into'>): Promise<GroupMember[]> {
  const ids = [row.id, ...(row.merged_into ? [row.merged_into] : [])];
  const rows = await db.selectFrom('cases').select(['id', 'received_at'])
    .where((eb) => eb.or([eb('id', 'in', ids), eb('merged_into', 'in', ids)]))
    .execute();
  return rows.map((r) => ({ id: r.id, receivedAt: r.received_at }));
}

export interface RewardPageFilter {
  status?: RewardStatus;
  /** Keyset: after this (updated_at, case_number). */
  after?: [string, string];
  limit: number;
}

/** One page of the reward queue, oldest change first. */
export function listRewardPage(db: Kysely<Database>, f: RewardPageFilter) {
  let q = db.selectFrom('rewards').innerJoin('cases', 'cases.id', 'rewards.case_id')
    .select([
      'cases.case_number', 'rewards.status', 'rewards.level', 'rewards.fine_fen', 'rewards.amount_fen',
      'rewards.finance_sign_off_required', 'rewards.updated_at',
    ]);
  if (f.status) q = q.where('rewards.status', '=', f.status);
  if (f.after) {
    const [updatedAt, caseNumber] = f.after;
    q = q.where((eb) => eb.or([
      eb('rewards.updated_at', '>', updatedAt),
      eb.and([eb('rewards.updated_at', '=', updatedAt), eb('cases.case_number', '>', caseNumber)]),
    ]));
  }
  return q.orderBy('rewards.updated_at').orderBy('cases.case_number').limit(f.limit).execute();
}

/** Notified rewards whose claim window has passed. */
export function listLapsedClaims(db: Kysely<Database>, nowIso: string) {
  return db.selectFrom('rewards').select(['case_id', 'claim_by'])
    .where('status', '=', 'notified').where('claim_by', '<', nowIso)
    .orderBy('claim_by').limit(500).execute();
}

/** The reporter-visible `reward_expired` event, written only while the reward is still notified. */
export function guardedExpiryEvent(db: Kysely<Database>, caseId: string, claimBy: string | null, at: string): CompiledQuery {
  return db.insertInto('case_events')
    .columns(['id', 'case_id', 'at', 'event', 'actor', 'note', 'data', 'public'])
    .expression(db.selectFrom('rewards').select((eb) => [
      eb.val(newRowId()).as('id'), eb.val(caseId).as('case_id'), eb.val(at).as('at'), eb.val('reward_expired').as('event'),
      eb.val('system').as('actor'), eb.val(null).as('note'), eb.val(JSON.stringify({ claimBy })).as('data'), eb.val(1).as('public'),
    ]).where('case_id', '=', caseId).where('status', '=', 'notified'))
    .compile();
}

/** Expires a reward still notified. */
export function expireRewardQuery(db: Kysely<Database>, caseId: string, at: string): CompiledQuery {
  return db.updateTable('rewards').set({ status: 'expired', updated_at: at })
    .where('case_id', '=', caseId).where('status', '=', 'notified').compile();
}
