/**
 * A flood of staff logins, as the attack that held submissions back for seconds: `parallel`
 * wrong logins kept in flight, each for a name and from an address of its own (X-Forwarded-For, so
 * the server must trust 127.0.0.1 as its proxy), so that no per-address or per-account limit spares
 * the server any hashing: only the cap on checks in flight does.
 */
export interface LoginFlood {
  /** Answers so far by status: 401 were checked, 429 turned away before their hash. */
  statuses: Record<number, number>;
  stop(): Promise<void>;
}

export function startLoginFlood(url: string, parallel = 100): LoginFlood {
  let stopped = false;
  let sent = 0;
  // Stopping abandons the logins still waiting: the server finishes them, nobody waits for them.
  const abort = new AbortController();
  const statuses: Record<number, number> = {};
  const one = async (): Promise<void> => {
    while (!stopped) {
      const n = sent++;
      const res = await fetch(`${url}/api/v1/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
        body: JSON.stringify({ username: `flood.${n}`, password: 'not the password' }),
        signal: AbortSignal.any([abort.signal, AbortSignal.timeout(60_000)]),
      }).catch(() => null);
      if (!res) continue;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      await res.arrayBuffer().catch(() => null);
    }
  };
  const running = Promise.all(Array.from({ length: parallel }, one));
  return {
    statuses,
    stop: async () => {
      stopped = true;
      abort.abort();
      await running;
    },
  };
}
