/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps) over Web Crypto,
 * compatible with common authenticator apps. A code is accepted one step early or late to allow
 * for clock drift; callers record the accepted step so a code cannot be replayed.
 */
import { timingSafeEqualText } from './tokens.js';

const STEP_SECONDS = 30;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new Error('A TOTP secret must be base32 (A–Z, 2–7).');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** A new 160-bit secret (the RFC 4226 recommended length), base32 for authenticator apps. */
export function newTotpSecret(): string {
  return base32Encode(crypto.getRandomValues(new Uint8Array(20)));
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / STEP_SECONDS);
}

/** The code for a given step (HOTP of the step counter, RFC 4226 dynamic truncation). */
export async function totpCodeAt(secret: string, step: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', base32Decode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const counter = new DataView(new ArrayBuffer(8));
  counter.setUint32(0, Math.floor(step / 2 ** 32));
  counter.setUint32(4, step >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter.buffer));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = new DataView(mac.buffer, offset, 4).getUint32(0) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** The current code at a time. */
export function totpCode(secret: string, at: Date): Promise<string> {
  return totpCodeAt(secret, totpStep(at));
}

/** The step the code belongs to (now ±1 step), or null if it matches none. */
export async function verifyTotp(secret: string, code: string, at: Date): Promise<number | null> {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const now = totpStep(at);
  let matched: number | null = null;
  // Every candidate is computed and compared, so timing does not say which step matched.
  for (const step of [now - 1, now, now + 1]) {
    const expected = await totpCodeAt(secret, step);
    if (timingSafeEqualText(expected, digits)) matched = step;
  }
  return matched;
}

/** An otpauth:// URI an authenticator app can import (e.g. from a QR code). */
export function totpUri(secret: string, account: string, issuer = 'Quality Intake'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}
