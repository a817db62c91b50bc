/**
 * Staff login throttling: throttle the guesser, not the owner. In memory only (see lib/rate-window.ts);
 * the address is a salted hash of the client (lib/client.ts), never stored or logged.
 *
 * - An attempt is counted when it is admitted, before its password is hashed, and taken back if it
 *   was no failure: thirty parallel guesses cannot all pass the check before the first one fails.
 * - One address may fail 5 times on one account (then that pair waits out 15 minutes) and 50 times
 *   in all. Guesses from elsewhere never lock the owner out.
 * - One account's failures from addresses it has not signed in from are bounded however many
 *   addresses guess: after 10 in 15 minutes such attempts are let through one per 30 seconds. An
 *   address the account signed in from before (remembered here, hashed, for 30 days) skips that
 *   slow-down, so the owner with the right password and code gets in during a distributed attack.
 * - Password checks in flight are capped per account, per address and in all: a flood of logins
 *   gets 429 at once instead of queueing slow hashes.
 */
import type { Context } from 'hono';
import type { Config } from '../config.js';
import { clientKey, type Sha256Hex } from '../lib/client.js';
import { toHex } from '../lib/encoding.js';
import { parseTrustedProxies, type TrustedProxies } from '../lib/ip.js';
import { createInFlight, createThrottle, type InFlight, type Throttle } from '../lib/rate-window.js';

const MINUTE = 60_000;
const WINDOW_MS = 15 * MINUTE;
const PAIR_FAILURES = 5;
const ADDRESS_FAILURES = 50;
const ACCOUNT_FREE_FAILURES = 10;
const ACCOUNT_SPACING_MS = 30_000;
const KNOWN_FOR_MS = 30 * 24 * 60 * MINUTE;
const MAX_KNOWN = 10_000;

export interface LoginThrottle {
  /** Failures per (account, address). */
  pairs: Throttle;
  addresses: Throttle;
  /** Failures per account from addresses it has not signed in from. */
  accounts: Throttle;
  /** Per account in its slow-down: when the next stranger's attempt may be checked. */
  nextStranger: Map<string, number>;
  /** (account, address) pairs that signed in, until when. */
  known: Map<string, number>;
  checking: { all: InFlight; address: InFlight; account: InFlight };
  /** Random per process: the in-memory address key cannot be reversed by hashing all IPv4s. */
  salt: string;
  proxies: TrustedProxies;
  /** Synchronous SHA-256 for the address key (Node); unset, Web Crypto. */
  sha256?: Sha256Hex;
}

/** One per app: the API login and the web login form share it, so both count the same attempts. */
export function createLoginThrottle(
  config: Pick<Config, 'INTAKE_TRUSTED_PROXIES' | 'INTAKE_LOGIN_CHECKS_IN_FLIGHT'>, sha256?: Sha256Hex,
): LoginThrottle {
  const all = config.INTAKE_LOGIN_CHECKS_IN_FLIGHT;
  return {
    pairs: createThrottle(PAIR_FAILURES, WINDOW_MS),
    addresses: createThrottle(ADDRESS_FAILURES, WINDOW_MS),
    accounts: createThrottle(Number.POSITIVE_INFINITY, WINDOW_MS),
    nextStranger: new Map(),
    known: new Map(),
    checking: { all: createInFlight(all), address: createInFlight(Math.max(1, all >> 1)), account: createInFlight(Math.max(1, all >> 2)) },
    salt: toHex(crypto.getRandomValues(new Uint8Array(16))),
    proxies: parseTrustedProxies(config.INTAKE_TRUSTED_PROXIES),
    ...(sha256 ? { sha256 } : {}),
  };
}

/** The client address as a short-lived salted key (see server/lib/client.ts); never stored or logged. */
export async function addressKey(throttle: LoginThrottle, c: Context): Promise<string | null> {
  return clientKey(c, throttle.salt, throttle.proxies, throttle.sha256);
}

/** An admitted attempt: what it counted, to be settled once its outcome is known. */
export interface LoginTicket { account: string; address: string | null; pair: string; stranger: boolean }

export type Admission = { ok: true; ticket: LoginTicket } | { ok: false; retryAfter: number };

/** 'not_a_guess': the password was right but a code is missing or must be enrolled, or the check broke. */
export type LoginOutcome = 'success' | 'failure' | 'not_a_guess';

const secondsUntil = (atMs: number, nowMs: number) => Math.max(1, Math.ceil((atMs - nowMs) / 1000));

/**
 * Admits a login attempt or says how long to wait. Synchronous on purpose: the check and the count
 * happen with no await between them, so attempts in parallel are counted one after another.
 */
export function admitLogin(t: LoginThrottle, account: string, address: string | null, nowMs: number): Admission {
  const pair = `${account}\n${address ?? 'unknown'}`;
  const { checking } = t;
  if (checking.all.full('') || checking.account.full(account) || (address !== null && checking.address.full(address))) {
    return { ok: false, retryAfter: 1 };
  }
  const waits = [t.pairs.retryAfter(pair, nowMs), address === null ? null : t.addresses.retryAfter(address, nowMs)];
  const knownUntil = t.known.get(pair);
  const stranger = knownUntil === undefined || knownUntil <= nowMs;
  const slowed = stranger && t.accounts.counted(account, nowMs) >= ACCOUNT_FREE_FAILURES;
  const next = t.nextStranger.get(account) ?? 0;
  if (slowed && next > nowMs) waits.push(secondsUntil(next, nowMs));
  const retryAfter = Math.max(0, ...waits.map((w) => w ?? 0));
  if (retryAfter > 0) return { ok: false, retryAfter };

  if (slowed) {
    // Bounded: an entry is dead 30 s after it was set, and hashing admits only a few a second.
    if (t.nextStranger.size >= MAX_KNOWN) for (const [key, at] of t.nextStranger) if (at <= nowMs) t.nextStranger.delete(key);
    t.nextStranger.set(account, nowMs + ACCOUNT_SPACING_MS);
  }
  t.pairs.count(pair, nowMs);
  if (address !== null) t.addresses.count(address, nowMs);
  if (stranger) t.accounts.count(account, nowMs);
  checking.all.enter('');
  checking.account.enter(account);
  if (address !== null) checking.address.enter(address);
  return { ok: true, ticket: { account, address, pair, stranger } };
}

/** Ends an admitted attempt: a failure stays counted; anything else is taken back. */
export function settleLogin(t: LoginThrottle, ticket: LoginTicket, outcome: LoginOutcome, nowMs: number): void {
  const { account, address, pair, stranger } = ticket;
  t.checking.all.leave('');
  t.checking.account.leave(account);
  if (address !== null) t.checking.address.leave(address);
  if (outcome === 'failure') return;
  if (address !== null) t.addresses.refund(address, nowMs);
  if (stranger) t.accounts.refund(account, nowMs);
  if (outcome === 'not_a_guess') {
    t.pairs.refund(pair, nowMs);
    return;
  }
  t.pairs.reset(pair);
  rememberPair(t, pair, nowMs);
}

function rememberPair(t: LoginThrottle, pair: string, nowMs: number): void {
  t.known.delete(pair);
  if (t.known.size >= MAX_KNOWN) {
    for (const [key, until] of t.known) if (until <= nowMs) t.known.delete(key);
    // Still full: forget the oldest sign-ins (a Map iterates in insertion order).
    for (const key of t.known.keys()) {
      if (t.known.size < MAX_KNOWN) break;
      t.known.delete(key);
    }
  }
  t.known.set(pair, nowMs + KNOWN_FOR_MS);
}
