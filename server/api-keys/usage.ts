/**
 * Per-key request limits and counts, in memory per app (per process on Node, per isolate on
 * Workers, where each isolate therefore allows the full rate). Counts are written to the database
 * in batches: a key's first request in a process, then at most once a minute per key, and when a
 * list is read (flushApiKeyUsage). An isolate that ends drops its last minute of counts.
 */
import { createThrottle, type Throttle } from '../lib/rate-window.js';

export const RATE_WINDOW_MS = 60_000;
export const FLUSH_EVERY_MS = 60_000;

interface Pending { requests: number; lastUsedMs: number }

export interface KeyUsage {
  limiter: Throttle;
  pending: Map<string, Pending>;
  /** When each key's counts were last written (ms). */
  flushedAt: Map<string, number>;
}

export function createKeyUsage(perMinute: number): KeyUsage {
  return { limiter: createThrottle(perMinute, RATE_WINDOW_MS), pending: new Map(), flushedAt: new Map() };
}

/** Counts one request of the key; true when its counts are due to be written. */
export function countRequest(usage: KeyUsage, id: string, nowMs: number): boolean {
  const p = usage.pending.get(id);
  if (p) {
    p.requests += 1;
    p.lastUsedMs = nowMs;
  } else {
    usage.pending.set(id, { requests: 1, lastUsedMs: nowMs });
  }
  const last = usage.flushedAt.get(id);
  return last === undefined || nowMs - last >= FLUSH_EVERY_MS;
}

/** Takes a key's pending counts out (synchronously, so two flushes never write them twice). */
export function takePending(usage: KeyUsage, id: string, nowMs: number): Pending | undefined {
  const p = usage.pending.get(id);
  usage.pending.delete(id);
  usage.flushedAt.set(id, nowMs);
  return p;
}

/** Puts counts back whose write failed, to go with the next flush. */
export function restorePending(usage: KeyUsage, id: string, p: Pending): void {
  const now = usage.pending.get(id);
  usage.pending.set(id, now ? { requests: now.requests + p.requests, lastUsedMs: Math.max(now.lastUsedMs, p.lastUsedMs) } : p);
}
