/** Reads and re-writes the wrapped data keys of every sealed box (key rotation). */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database, SealedPurpose } from '../../db/schema.js';
import type { Sealed } from './seal.js';

const PAGE = 500;

export function listSealedRecordsNotUnder(db: Kysely<Database>, keyId: string) {
  return db.selectFrom('sealed_records').select(['case_id', 'purpose', 'key_id', 'wrapped_key', 'iv', 'ciphertext'])
    .where('key_id', '!=', keyId).limit(PAGE).execute();
}

export function listSealedMessagesNotUnder(db: Kysely<Database>, keyId: string) {
  return db.selectFrom('sealed_messages').select(['message_id', 'key_id', 'wrapped_key', 'iv', 'ciphertext'])
    .where('key_id', '!=', keyId).limit(PAGE).execute();
}

export function listRewardPayeesNotUnder(db: Kysely<Database>, keyId: string) {
  return db.selectFrom('reward_payees').select(['case_id', 'key_id', 'wrapped_key', 'iv', 'ciphertext'])
    .where('key_id', '!=', keyId).limit(PAGE).execute();
}

export function listSealedAttachmentNamesNotUnder(db: Kysely<Database>, keyId: string) {
  return db.selectFrom('sealed_attachment_names').select(['attachment_id', 'key_id', 'wrapped_key', 'iv', 'ciphertext'])
    .where('key_id', '!=', keyId).limit(PAGE).execute();
}

export function listSealedTotpSecrets(db: Kysely<Database>) {
  return db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute();
}

// Each update names the key it replaces, so a row re-sealed meanwhile is left alone.
export function rewrapRecordQuery(db: Kysely<Database>, caseId: string, purpose: SealedPurpose, from: string, box: Sealed): CompiledQuery {
  return db.updateTable('sealed_records').set({ key_id: box.keyId, wrapped_key: box.wrappedKey })
    .where('case_id', '=', caseId).where('purpose', '=', purpose).where('key_id', '=', from).compile();
}

export function rewrapMessageQuery(db: Kysely<Database>, messageId: string, from: string, box: Sealed): CompiledQuery {
  return db.updateTable('sealed_messages').set({ key_id: box.keyId, wrapped_key: box.wrappedKey })
    .where('message_id', '=', messageId).where('key_id', '=', from).compile();
}

export function listSealedRatingCommentsNotUnder(db: Kysely<Database>, keyId: string) {
  return db.selectFrom('sealed_satisfaction').select(['case_id', 'key_id', 'wrapped_key', 'iv', 'ciphertext'])
    .where('key_id', '!=', keyId).limit(PAGE).execute();
}

export function rewrapRatingCommentQuery(db: Kysely<Database>, caseId: string, from: string, box: Sealed): CompiledQuery {
  return db.updateTable('sealed_satisfaction').set({ key_id: box.keyId, wrapped_key: box.wrappedKey })
    .where('case_id', '=', caseId).where('key_id', '=', from).compile();
}

export function rewrapPayeeQuery(db: Kysely<Database>, caseId: string, from: string, box: Sealed): CompiledQuery {
  return db.updateTable('reward_payees').set({ key_id: box.keyId, wrapped_key: box.wrappedKey })
    .where('case_id', '=', caseId).where('key_id', '=', from).compile();
}

export function rewrapAttachmentNameQuery(db: Kysely<Database>, attachmentId: string, from: string, box: Sealed): CompiledQuery {
  return db.updateTable('sealed_attachment_names').set({ key_id: box.keyId, wrapped_key: box.wrappedKey })
    .where('attachment_id', '=', attachmentId).where('key_id', '=', from).compile();
}

export function rewrapTotpQuery(db: Kysely<Database>, userId: string, previous: string, next: string): CompiledQuery {
  return db.updateTable('users').set({ totp_secret: next }).where('id', '=', userId).where('totp_secret', '=', previous).compile();
}
