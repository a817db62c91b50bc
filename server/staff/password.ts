/**
 * Password hashing with PBKDF2-SHA256 over Web Crypto (no native module, so the core stays
 * portable). 600,000 iterations is OWASP's 2023 figure for PBKDF2-SHA256; the count is stored in
 * each hash, so raising it later leaves existing hashes verifiable.
 * Encoded as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
 *
 * The count for new hashes is the setting INTAKE_PBKDF2_ITERATIONS (deps.config), passed by every
 * caller: Cloudflare Workers refuse PBKDF2 above 100,000 iterations, so a
 * Worker hashes with 100,000 — six times cheaper to guess offline than Node's 600,000 if the users
 * table leaks. A hash made with more than a runtime allows cannot be verified there (an account
 * moved from Node to Workers needs a new password).
 */
import type { Pbkdf2 } from '../deps.js';
import { fromBase64, toBase64, utf8 } from '../lib/encoding.js';
import { timingSafeEqual } from './tokens.js';

export const PASSWORD_ITERATIONS = 600_000;
const SCHEME = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const HASH_BITS = 256;
// A stored hash is data: a corrupt or planted one must not make a login spin for minutes.
const MAX_ITERATIONS = 10_000_000;

/** PBKDF2 through Web Crypto: the default, and what Workers use. */
export const webPbkdf2: Pbkdf2 = async (password, salt, iterations) => {
  const material = await crypto.subtle.importKey('raw', password as Uint8Array<ArrayBuffer>, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, material, HASH_BITS);
  return new Uint8Array(bits);
};

async function derive(password: string, salt: Uint8Array, iterations: number, pbkdf2: Pbkdf2): Promise<Uint8Array> {
  // NFKC: the same password typed with a full-width IME or pasted from elsewhere must still match.
  const bytes = utf8.encode(password.normalize('NFKC'));
  try {
    return await pbkdf2(bytes, salt, iterations);
  } finally {
    bytes.fill(0);
  }
}

/**
 * Hashes a password with `iterations` (the setting INTAKE_PBKDF2_ITERATIONS; lower only in tests).
 * `pbkdf2`: Deps.pbkdf2 where the caller has it.
 */
export async function hashPassword(password: string, iterations: number, pbkdf2: Pbkdf2 = webPbkdf2): Promise<string> {
  checkIterations(iterations);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations, pbkdf2);
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

function parseHash(encoded: string) {
  const [scheme, count, salt, hash] = encoded.split('$');
  const iterations = Number(count);
  if (scheme !== SCHEME || !salt || !hash || !Number.isInteger(iterations)) return null;
  if (iterations < 1 || iterations > MAX_ITERATIONS) return null;
  return { iterations, salt: fromBase64(salt), hash: fromBase64(hash) };
}

/** True when the password matches the encoded hash; a malformed hash never matches. */
export async function verifyPassword(password: string, encoded: string, pbkdf2: Pbkdf2 = webPbkdf2): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.iterations, pbkdf2);
  return timingSafeEqual(candidate, parsed.hash);
}

function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer from 1 to ${MAX_ITERATIONS}`);
  }
}

/**
 * Verified when the username does not exist, so an unknown name costs the same time as a wrong
 * password (the same count as new hashes) and response timing does not reveal which accounts exist.
 * It matches no password.
 */
export function dummyPasswordHash(iterations: number): string {
  checkIterations(iterations);
  return `${SCHEME}$${iterations}$${toBase64(new Uint8Array(SALT_BYTES))}$${toBase64(new Uint8Array(HASH_BITS / 8).fill(0xff))}`;
}
