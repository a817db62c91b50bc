/**
 * Turns an outbox recipient reference into an address at the moment of sending. A reporter's
 * address is read from the sealed identity only here, kept in memory for one send, and never
 * written to the outbox, a log line or an error text.
 */
import type { Deps } from '../deps.js';
import { findDepartment } from '../directory/directory.repository.js';
import { findSealedRecord } from '../identity/sealed.repository.js';
import { unseal } from '../identity/seal.js';
import type { OutboxRow } from './outbox.repository.js';

/** A mail that no retry can deliver (no address, no template, case gone): the row fails at once. */
export class PermanentMailError extends Error {
  override name = 'PermanentMailError';
}

// One address, no header-breaking characters: a sealed value is trusted, but not blindly.
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

async function departmentAddress(deps: Deps, code: string): Promise<string> {
  const department = await findDepartment(deps.db, code);
  if (!department) throw new PermanentMailError(`no department ${code} in the directory`);
  if (!department.email) throw new PermanentMailError(`department ${code} has no e-mail address; set one in the directory`);
  return department.email;
}

async function reporterAddress(deps: Deps, caseId: string): Promise<string> {
  const box = await findSealedRecord(deps.db, caseId, 'identity');
  if (!box) throw new PermanentMailError('the reporter has no sealed identity (anonymous, or purged after retention)');
  const identity = await unseal<{ email?: string | null }>(deps.keys, box, `${caseId}:identity`);
  if (!identity.email) throw new PermanentMailError('the reporter gave no e-mail address');
  if (!ADDRESS.test(identity.email)) throw new PermanentMailError('the reporter\'s e-mail address is not usable');
  return identity.email;
}

/** The address to send a row to; throws PermanentMailError when there is none. */
export async function resolveRecipient(deps: Deps, row: Pick<OutboxRow, 'recipient_type' | 'recipient_ref'>): Promise<string> {
  switch (row.recipient_type) {
    case 'department':
      return departmentAddress(deps, row.recipient_ref);
    case 'reporter':
      return reporterAddress(deps, row.recipient_ref);
    case 'address':
      if (!ADDRESS.test(row.recipient_ref)) throw new PermanentMailError('the recipient address is not usable');
      return row.recipient_ref;
  }
}

/** How a recipient may be named in logs and the admin view: a department code, or only its kind. */
export function recipientLabel(row: Pick<OutboxRow, 'recipient_type' | 'recipient_ref'>): string {
  return row.recipient_type === 'department' ? row.recipient_ref : row.recipient_type;
}

/** An error text safe to store and show: any e-mail address in it (an SMTP reply may echo one) is masked. */
export function safeErrorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return text.replace(/[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/g, '[address]').replace(/\s+/g, ' ').trim().slice(0, 500);
}
