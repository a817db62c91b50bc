/** The sealed payee details of a claimed reward (reward_payees). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function findRewardPayee(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('reward_payees').select(['case_id', 'key_id as keyId', 'wrapped_key as wrappedKey', 'iv', 'ciphertext'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

