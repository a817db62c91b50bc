/**
 * Receipt guessing defence: failures only are counted, per (hashed, in-memory) client, so the
 * right receipt is never refused for its own sake; every wrong receipt waits the same fixed delay.
 * An attempt is counted before its receipt is looked up and taken back when it was right, so
 * guesses sent in parallel cannot all pass the check before the first one fails. The client is
 * taken from X-Forwarded-For only behind INTAKE_TRUSTED_PROXIES (server/lib/client.ts): otherwise
 * one proxy's address would lock every reporter out.
 */
import type { Context } from 'hono';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { clientKey, type Sha256Hex } from '../lib/client.js';
import { toHex } from '../lib/encoding.js';
import { parseTrustedProxies, type TrustedProxies } from '../lib/ip.js';
import { createThrottle, type Throttle } from '../lib/rate-window.js';

export interface ReceiptThrottle {
  clients: Throttle;
  salt: string;
  delayMs: number;
  proxies: TrustedProxies;
  /** Synchronous SHA-256 for the address key (Node); unset, Web Crypto. */
  sha256?: Sha256Hex;
}

export function createReceiptThrottle(config: Config, sha256?: Sha256Hex): ReceiptThrottle {
  return {
    clients: createThrottle(config.INTAKE_RECEIPT_MAX_FAILURES, 15 * 60_000),
    salt: toHex(crypto.getRandomValues(new Uint8Array(16))),
    delayMs: config.INTAKE_RECEIPT_DELAY_MS,
    proxies: parseTrustedProxies(config.INTAKE_TRUSTED_PROXIES),
    ...(sha256 ? { sha256 } : {}),
  };
}

/** Runs a receipt check for this client: 429 while blocked; a failure costs the fixed delay. */
export async function guardReceipt<T>(c: Context, throttle: ReceiptThrottle, nowMs: number, check: () => Promise<T | null>): Promise<T> {
  // Clients whose address is not known share one key, as they did before addresses were read.
  const key = (await clientKey(c, throttle.salt, throttle.proxies, throttle.sha256)) ?? 'unknown';
  const wait = throttle.clients.retryAfter(key, nowMs);
  if (wait !== null) {
    throw new AppError('rate_limited', 'Too many wrong receipts from here: try again later.', undefined, { 'Retry-After': String(wait) });
  }
  // No await between the check above and this count.
  throttle.clients.count(key, nowMs);
  let found: T | null;
  try {
    found = await check();
  } catch (err) {
    throttle.clients.refund(key, nowMs);
    throw err;
  }
  if (found !== null) {
    throttle.clients.refund(key, nowMs);
    return found;
  }
  await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
  throw new AppError('unauthenticated', 'No case has this receipt. Check the 16 digits and try again.');
}
