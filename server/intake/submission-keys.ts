/**
 * Idempotency keys of submissions: what a key may look like, and the hashes stored for it. A key
 * comes from the API's Idempotency-Key header or the form's hidden field (made when the form is shown).
 */
import { nanoid } from 'nanoid';
import { toHex, utf8 } from '../lib/encoding.js';

/** How long a key stops a second case: a repeated post within it gets the first answer. */
export const KEY_LIFETIME_MS = 24 * 3600_000;
/** How long the form's confirmation page may be opened (once) after filing. */
export const VIEW_WINDOW_MS = 15 * 60_000;

/** Visible ASCII, long enough not to be guessed by another reporter. */
const KEY_PATTERN = /^[\x21-\x7e]{16,200}$/;

export const isValidKey = (key: string) => KEY_PATTERN.test(key);

export const KEY_RULE = 'an Idempotency-Key has 16 to 200 visible ASCII characters (a UUID will do)';

/** A fresh key for a form, and a fresh token for a confirmation page's address. */
export const newKey = () => nanoid(24);

export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text))));
}

export type Channel = 'api' | 'form';

/** What makes two posts "the same request": the channel, the language, the parsed body, the files. */
export function fingerprintText(key: string, channel: Channel, language: string, submission: unknown, fileDigests: string[]): string {
  return JSON.stringify([key, channel, language, submission, fileDigests]);
}

/** The claim a submission makes on its key, written in the case's batch. */
export interface KeyClaim {
  keyHash: string;
  fingerprint: string;
  /** The form's confirmation page token; null for the API. */
  viewToken: string | null;
}

export async function keyClaim(
  key: string, channel: Channel, language: string, submission: unknown, fileDigests: string[],
): Promise<KeyClaim> {
  const [keyHash, fingerprint] = await Promise.all([
    sha256Hex(`submission-key:${key}`),
    sha256Hex(fingerprintText(key, channel, language, submission, fileDigests)),
  ]);
  return { keyHash, fingerprint, viewToken: channel === 'form' ? newKey() : null };
}

/** The sealed content of a key's row: the first answer (its case number comes from the case). */
export const sealContext = (keyHash: string) => `submission-key:${keyHash}`;

/** A unique-key failure on submission_keys, as SQLite and D1 word it. */
export function isKeyConflict(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /UNIQUE constraint failed: submission_keys\./.test(message);
}
