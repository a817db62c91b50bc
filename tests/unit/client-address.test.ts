/** The client address the throttles count, from the socket peer and (behind trusted proxies) X-Forwarded-For. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.js';
import { clientAddress } from '../../server/lib/client.js';
import { parseIp, parseTrustedProxies } from '../../server/lib/ip.js';

async function addressOf(trusted: string, peer: string | undefined, xff?: string) {
  const proxies = parseTrustedProxies(trusted);
  const app = new Hono().get('/', (c) => c.text(String(clientAddress(c, proxies))));
  const env = { incoming: { socket: { remoteAddress: peer } } };
  const res = await app.request('/', { headers: xff ? { 'x-forwarded-for': xff } : {} }, env);
  return res.text();
}

describe('client address', () => {
  it('parses IPv4, IPv6, IPv4-mapped and zone-scoped addresses, and refuses what is neither', () => {
    expect(parseIp('203.0.113.9')?.bytes).toEqual(Uint8Array.from([203, 0, 113, 9]));
    expect(parseIp('::ffff:10.1.2.3')).toEqual({ version: 4, bytes: Uint8Array.from([10, 1, 2, 3]) });
    expect(parseIp('2001:db8::1')?.version).toBe(6);
    expect(parseIp('fe80::1%eth0')?.version).toBe(6);
    for (const bad of ['256.1.1.1', '1.2.3', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', 'unknown', '']) expect(parseIp(bad)).toBeNull();
  });

  it('refuses a setting that is not a list of addresses and CIDRs', () => {
    expect(() => parseConfig({ INTAKE_TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32, ::1, 192.168.1.7' })).not.toThrow();
    expect(() => parseConfig({ INTAKE_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseConfig({ INTAKE_TRUSTED_PROXIES: 'proxy.local' })).toThrow(/proxy\.local/);
  });

  it('takes the socket peer when it is not a trusted proxy, whatever X-Forwarded-For says', async () => {
    expect(await addressOf('10.0.0.0/8', '198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
    expect(await addressOf('', '::ffff:198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
  });

  it('walks X-Forwarded-For from the right past trusted hops (IPv4 and IPv6 CIDRs), ports and brackets stripped', async () => {
    const trusted = '10.0.0.0/8, 2001:db8:ffff::/48';
    expect(await addressOf(trusted, '::ffff:10.0.0.2', '1.1.1.1, 203.0.113.9:5100, 10.9.9.9')).toBe('203.0.113.9');
    expect(await addressOf(trusted, '2001:db8:ffff::5', '[2001:db8:1:2:3:4:5:6]:443, 2001:db8:ffff::9')).toBe('2001:db8:1:2::/64');
    expect(await addressOf(trusted, '10.0.0.2', '10.1.1.1, 10.2.2.2')).toBe('10.1.1.1');
    // A trusted proxy that sent no header is the client as far as anyone can tell.
    expect(await addressOf(trusted, '10.0.0.2')).toBe('10.0.0.2');
  });

  it('counts an IPv6 client by its /64', async () => {
    expect(await addressOf('', '2001:db8:aa:bb:1::1')).toBe(await addressOf('', '2001:db8:aa:bb:ffff::2'));
    expect(await addressOf('', '2001:db8:aa:bb:1::1')).not.toBe(await addressOf('', '2001:db8:aa:bc::1'));
  });

  it('knows no client when the socket has no address', async () => {
    expect(await addressOf('', undefined, '203.0.113.9')).toBe('null');
  });
});
