import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientKey, type Sha256Hex } from '../../server/lib/client.js';
import { parseTrustedProxies } from '../../server/lib/ip.js';
import { sha256Hex } from '../../server/node/crypto.js';

/** The address key as a route computes it, with node:crypto or with Web Crypto. */
function keyApp(sha256?: Sha256Hex) {
  const proxies = parseTrustedProxies('');
  return new Hono().get('/', async (c) => c.json({ key: await clientKey(c, 'salt-1', proxies, sha256) }));
}

async function keyOf(sha256: Sha256Hex | undefined, forwardedFor?: string) {
  const res = await keyApp(sha256).request('/', forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {});
  return ((await res.json()) as { key: string | null }).key;
}

describe('the client address key', () => {
  it('is the same salted SHA-256 prefix computed synchronously as with Web Crypto', async () => {
    for (const address of ['203.0.113.7', '2001:db8::1', 'unknown']) {
      const web = await keyOf(undefined, address);
      expect(web).toMatch(/^[0-9a-f]{32}$/);
      expect(await keyOf(sha256Hex, address)).toBe(web);
    }
    // Different addresses, different keys; an unknown client has none.
    expect(await keyOf(sha256Hex, '203.0.113.7')).not.toBe(await keyOf(sha256Hex, '203.0.113.8'));
    expect(await keyOf(sha256Hex)).toBeNull();
  });
});
