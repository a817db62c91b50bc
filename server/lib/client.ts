/**
 * The client address, only ever used as an in-memory rate-limit key (hashed, never stored or
 * logged). On Node the socket's peer is the client, unless it is one of INTAKE_TRUSTED_PROXIES:
 * then X-Forwarded-For is read from the right, past the trusted hops, to the first address a trusted
 * proxy saw connect. What a client writes into the header itself lies to the left of that and is
 * never reached, so a client cannot choose its key. On Workers cf-connecting-ip is set by Cloudflare.
 */
import type { Context } from 'hono';
import { toHex, utf8 } from './encoding.js';
import { clientLabel, parseIp, type TrustedProxies } from './ip.js';

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/** One X-Forwarded-For entry without brackets or port: `[2001:db8::1]:443`, `203.0.113.9:5100`. */
function entryAddress(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1]! : entry;
}

/** The rightmost X-Forwarded-For entry that is not a trusted proxy (the leftmost if all are). */
function forwardedClient(header: string | undefined, proxies: TrustedProxies): string | null {
  const entries = (header ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (let i = entries.length - 1; i >= 0; i--) {
    const ip = parseIp(entryAddress(entries[i]!));
    // Not an address ('unknown', garbage) is not a proxy either: it is what the client is known by.
    if (!ip) return entries[i]!;
    if (i === 0 || !proxies.has(ip)) return clientLabel(ip);
  }
  return null;
}

/** The client as the throttles count it: an address (an IPv6 client by its /64), or null when unknown. */
export function clientAddress(c: Context, proxies: TrustedProxies): string | null {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (incoming) {
    const peerText = incoming.socket?.remoteAddress;
    const peer = peerText ? parseIp(peerText) : null;
    if (!peer) return null;
    if (!proxies.has(peer)) return clientLabel(peer);
    return forwardedClient(c.req.header('x-forwarded-for'), proxies) ?? clientLabel(peer);
  }
  const cf = c.req.header('cf-connecting-ip')?.trim();
  if (cf) {
    const ip = parseIp(cf);
    return ip ? clientLabel(ip) : cf;
  }
  // No socket and no Cloudflare: an in-process request (app.request in tests), as a proxy would send it.
  return forwardedClient(c.req.header('x-forwarded-for'), proxies);
}

/** SHA-256 of a text as hex, computed synchronously (Node: node:crypto). */
export type Sha256Hex = (text: string) => string;

/**
 * A salted hash of the address, so even the in-memory counters hold no address in clear; null when
 * unknown. With `sha256` (Node) it is computed in place: Web Crypto's digest is a thread-pool job and a
 * promise for each request, which under a flood of logins took a tenth of the event loop.
 */
export async function clientKey(c: Context, salt: string, proxies: TrustedProxies, sha256?: Sha256Hex): Promise<string | null> {
  const address = clientAddress(c, proxies);
  if (address === null) return null;
  const text = `${salt}|${address}`;
  if (sha256) return sha256(text).slice(0, 32);
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(text));
  return toHex(new Uint8Array(digest).subarray(0, 16));
}
