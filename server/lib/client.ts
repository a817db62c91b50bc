/**
 * The client address, only ever used as an in-memory rate-limit key (hashed, never stored or
 * logged). On Node the socket's address wins, so a client cannot choose its key by sending headers;
 * on Workers cf-connecting-ip is set by Cloudflare; behind another proxy the last X-Forwarded-For
 * entry is the one the nearest proxy appended.
 */
import type { Context } from 'hono';
import { toHex, utf8 } from './encoding.js';

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

export function clientAddress(c: Context): string | null {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  if (socket) return socket;
  const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
  return c.req.header('cf-connecting-ip')?.trim() || forwarded || null;
}

/** A salted hash of the address, so even the in-memory counters hold no address in clear. */
export async function clientKey(c: Context, salt: string): Promise<string> {
  const address = clientAddress(c) ?? 'unknown';
  const digest = await crypto.subtle.digest('SHA-256', utf8.encode(`${salt}|${address}`));
  return toHex(new Uint8Array(digest).subarray(0, 16));
}
