/**
 * Login throttling with short-lived in-memory counters. Not a table on purpose: nothing about a
 * failed login (least of all a client address) is written to disk, and the module has no deps, so
 * on Workers it simply counts per isolate. Counters are per username (5 failures / 15 min lock that
 * name only, so an attacker cannot lock everyone out) and per hashed client address (50 / 15 min).
 */
import type { Context } from 'hono';
import { clientAddress, clientKey } from '../lib/client.js';
import { toHex } from '../lib/encoding.js';

export interface Throttle {
  /** Seconds until the key may try again, or null when it is not blocked. */
  retryAfter(key: string, nowMs: number): number | null;
  fail(key: string, nowMs: number): void;
  reset(key: string): void;
}

interface Window { count: number; resetAt: number }

/** A fixed window that opens at a key's first failure. */
export function createThrottle(limit: number, windowMs: number, maxKeys = 10_000): Throttle {
  const windows = new Map<string, Window>();
  // Bounded so a flood of made-up usernames cannot grow memory without limit.
  const makeRoom = (nowMs: number) => {
    for (const [key, w] of windows) if (w.resetAt <= nowMs) windows.delete(key);
    // Still full: forget the oldest windows (a Map iterates in insertion order).
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };
  return {
    retryAfter(key, nowMs) {
      const w = windows.get(key);
      if (!w || w.resetAt <= nowMs || w.count < limit) return null;
      return Math.max(1, Math.ceil((w.resetAt - nowMs) / 1000));
    },
    fail(key, nowMs) {
      const w = windows.get(key);
      if (w && w.resetAt > nowMs) {
        w.count += 1;
        return;
      }
      if (windows.size >= maxKeys) makeRoom(nowMs);
      windows.set(key, { count: 1, resetAt: nowMs + windowMs });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

export interface LoginThrottle {
  users: Throttle;
  addresses: Throttle;
  /** Random per process: the in-memory address key cannot be reversed by hashing all IPv4s. */
  salt: string;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** One per app: the API login and the web login form share it, so both count the same failures. */
export function createLoginThrottle(): LoginThrottle {
  const salt = toHex(crypto.getRandomValues(new Uint8Array(16)));
  return { users: createThrottle(5, FIFTEEN_MINUTES), addresses: createThrottle(50, FIFTEEN_MINUTES), salt };
}

/** The client address as a short-lived salted key (see server/lib/client.ts); never stored or logged. */
export async function addressKey(throttle: LoginThrottle, c: Context): Promise<string | null> {
  return clientAddress(c) === null ? null : clientKey(c, throttle.salt);
}
