/**
 * Receipt guessing defence: failures only are counted, per (hashed, in-memory) client, so the
 * right receipt is never refused for volume alone; every wrong receipt waits the same fixed delay.
 */
import type { Context } from 'hono';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { clientKey } from '../lib/client.js';
import { toHex } from '../lib/encoding.js';
import { createThrottle, type Throttle } from '../staff/throttle.js';

export interface ReceiptThrottle {
  clients: Throttle;
  salt: string;
  delayMs: number;
}

export function createReceiptThrottle(config: Config): ReceiptThrottle {
  return {
    clients: createThrottle(config.INTAKE_RECEIPT_MAX_FAILURES, 15 * 60_000),
    salt: toHex(crypto.getRandomValues(new Uint8Array(16))),
    delayMs: config.INTAKE_RECEIPT_DELAY_MS,
  };
}

/** Runs a receipt check for this client: 429 while blocked; a failure costs the fixed delay. */
export async function guardReceipt<T>(c: Context, throttle: ReceiptThrottle, nowMs: number, check: () => Promise<T | null>): Promise<T> {
  const key = await clientKey(c, throttle.salt);
  const wait = throttle.clients.retryAfter(key, nowMs);
  if (wait !== null) {
    throw new AppError('rate_limited', 'Too many wrong receipts from here: try again later.', undefined, { 'Retry-After': String(wait) });
  }
  const found = await check();
  if (found !== null) return found;
  throttle.clients.fail(key, nowMs);
  await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
  throw new AppError('unauthenticated', 'No case has this receipt. Check the 16 digits and try again.');
}
