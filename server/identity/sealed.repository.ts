/** Reads a case's sealed records (identity, original text); the boxes stay encrypted here. */
import type { Kysely } from 'kysely';
import type { Database, SealedPurpose } from '../../db/schema.js';
import type { Sealed } from './seal.js';

/** The sealed box of one purpose for a case, or undefined (anonymous, or purged). */
export async function findSealedRecord(db: Kysely<Database>, caseId: string, purpose: SealedPurpose): Promise<Sealed | undefined> {
  const row = await db.selectFrom('sealed_records')
    .select(['key_id', 'wrapped_key', 'iv', 'ciphertext'])
    .where('case_id', '=', caseId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return row && { keyId: row.key_id, wrappedKey: row.wrapped_key, iv: row.iv, ciphertext: row.ciphertext };
}
