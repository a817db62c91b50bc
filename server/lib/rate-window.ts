/**
 * In-memory counters for throttles. Not tables on purpose: nothing about a failed attempt (least of
 * all a client address) is written to disk; on Workers they simply count per isolate.
 */

export interface Throttle {
  /** Seconds until the key may try again, or null when it is not blocked. */
  retryAfter(key: string, nowMs: number): number | null;
  /** Counts an attempt for the key. Call it before checking the attempt, so parallel ones see it. */
  count(key: string, nowMs: number): void;
  /** Takes a counted attempt back: it turned out to be no failure. */
  refund(key: string, nowMs: number): void;
  /** The key's attempts so far in its window (0 when it has none open). */
  counted(key: string, nowMs: number): number;
  reset(key: string): void;
}

interface Window { count: number; resetAt: number }

/** A fixed window that opens at a key's first counted attempt; `limit` attempts block the key. */
export function createThrottle(limit: number, windowMs: number, maxKeys = 10_000): Throttle {
  const windows = new Map<string, Window>();
  // Bounded so a flood of made-up usernames cannot grow memory without limit.
  // Windows are equally long and a Map iterates in insertion order, so the first ones end first.
  const makeRoom = (nowMs: number) => {
    for (const [key, w] of windows) {
      if (windows.size < maxKeys && w.resetAt > nowMs) break;
      windows.delete(key);
    }
  };
  const open = (key: string, nowMs: number) => {
    const w = windows.get(key);
    return w && w.resetAt > nowMs ? w : undefined;
  };
  return {
    retryAfter(key, nowMs) {
      const w = open(key, nowMs);
      if (!w || w.count < limit) return null;
      return Math.max(1, Math.ceil((w.resetAt - nowMs) / 1000));
    },
    count(key, nowMs) {
      const w = open(key, nowMs);
      if (w) {
        w.count += 1;
        return;
      }
      windows.delete(key); // an ended window: the new one goes to the end of the order
      if (windows.size >= maxKeys) makeRoom(nowMs);
      windows.set(key, { count: 1, resetAt: nowMs + windowMs });
    },
    refund(key, nowMs) {
      const w = open(key, nowMs);
      if (!w) return;
      w.count -= 1;
      // Nothing left to remember: a right answer leaves no trace behind.
      if (w.count <= 0) windows.delete(key);
    },
    counted: (key, nowMs) => open(key, nowMs)?.count ?? 0,
    reset(key) {
      windows.delete(key);
    },
  };
}

/** How many of something are running now, per key; a key at its cap takes no more. */
export interface InFlight {
  full(key: string): boolean;
  enter(key: string): void;
  leave(key: string): void;
}

export function createInFlight(cap: number): InFlight {
  const running = new Map<string, number>();
  return {
    full: (key) => (running.get(key) ?? 0) >= cap,
    enter: (key) => { running.set(key, (running.get(key) ?? 0) + 1); },
    leave(key) {
      const n = (running.get(key) ?? 0) - 1;
      if (n > 0) running.set(key, n);
      else running.delete(key);
    },
  };
}
