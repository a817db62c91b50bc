/**
 * Follow-up receipts: 16 random digits shown once. Only a keyed hash (HMAC under a key derived
 * from the master key) is stored, so a stolen database file cannot be searched offline for them.
 */
import { randomBelow, toHex, utf8 } from '../lib/encoding.js';
import type { Keyring, MasterKey } from './keys.js';

const DIGITS = 16;

export function newReceipt(): string {
  return randomBelow(10, DIGITS).join('');
}

/**
 * The digits of a receipt drawn from uniformly random bytes, appended to `sofar` until there are 16
 * (bytes from 250 up are skipped, so each digit is as likely). Call again with more bytes until full.
 */
export function receiptDigitsFromBytes(sofar: string, bytes: Uint8Array): string {
  let digits = sofar;
  for (const b of bytes) if (b < 250 && digits.length < DIGITS) digits += String(b % 10);
  return digits;
}

export const isFullReceipt = (digits: string): boolean => digits.length === DIGITS;

/** '1234567890123456' → '1234 5678 9012 3456' for display. */
export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Strips spaces and dashes; returns null unless 16 digits remain. */
export function normaliseReceipt(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

export async function hashReceipt(key: MasterKey, receipt: string): Promise<string> {
  if (key.sync) return toHex(key.sync.receiptMac(utf8.encode(`receipt:${receipt}`)));
  const mac = await crypto.subtle.sign('HMAC', key.receiptKey, utf8.encode(`receipt:${receipt}`));
  return toHex(new Uint8Array(mac));
}

/** Hashes under every loaded key, current first, so receipts issued before a rotation still match. */
export async function receiptHashCandidates(keyring: Keyring, receipt: string): Promise<string[]> {
  const keys = [keyring.current, ...[...keyring.byId.values()].filter((k) => k !== keyring.current)];
  return Promise.all(keys.map((k) => hashReceipt(k, receipt)));
}
