/** The sealed payee details of a claimed reward (reward_payees) and the payout view's timeline entry. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newRowId } from '../lib/ids.js';

export function findRewardPayee(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('reward_payees').select(['case_id', 'key_id as keyId', 'wrapped_key as wrappedKey', 'iv', 'ciphertext'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/**
 * The reporter's timeline entry for a view through a payee request. Written only while the request
 * is approved and not yet viewed, and placed before the statement that marks it viewed, so of two
 * racing views only the one that shows the details tells the reporter.
 */
export function payeeViewedThroughRequestQuery(
  db: Kysely<Database>, e: { caseId: string; requestId: string; at: string; actor: string },
): CompiledQuery {
  return db.insertInto('case_events')
    .columns(['id', 'case_id', 'at', 'event', 'actor', 'note', 'data', 'public'])
    .expression(db.selectFrom('disclosure_requests')
      .select((eb) => [
        eb.val(newRowId()).as('id'), eb.val(e.caseId).as('case_id'), eb.val(e.at).as('at'),
        eb.val('reward_payee_viewed').as('event'), eb.val(e.actor).as('actor'), eb.val(null).as('note'),
        eb.val('{}').as('data'), eb.val(1).as('public'),
      ])
      .where('id', '=', e.requestId)
      .where('subject', '=', 'payee')
      .where('status', '=', 'approved')
      .where('viewed_at', 'is', null))
    .compile();
}
