/**
 * IP addresses and CIDR ranges, parsed by hand (the core runs on Workers, without node:net).
 * An IPv4-mapped IPv6 address (::ffff:10.0.0.1, what a dual-stack Node socket reports) is the IPv4
 * address, so a proxy listed as 10.0.0.1 matches it.
 */

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

interface IpRange extends IpAddress {
  prefix: number;
}

function parseV4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return Uint8Array.from(parts.map(Number));
}

function parseV6(input: string): Uint8Array | null {
  let text = input.replace(/%[\w.-]+$/, ''); // a zone id (fe80::1%eth0) names an interface, not a host
  const tailV4 = /(^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tailV4) {
    const v4 = parseV4(tailV4[2]!);
    if (!v4) return null;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    text = `${text.slice(0, text.length - tailV4[2]!.length)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  if (halves.length === 2 ? all.length > 7 : all.length !== 8) return null;
  const words = [...head.map((g) => parseInt(g, 16)), ...new Array<number>(8 - all.length).fill(0), ...tail.map((g) => parseInt(g, 16))];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => { bytes[2 * i] = w >> 8; bytes[2 * i + 1] = w & 0xff; });
  return bytes;
}

const isV4Mapped = (b: Uint8Array) => b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/** An address as written (no port, no brackets), or null when it is none. */
export function parseIp(text: string): IpAddress | null {
  const t = text.trim();
  const v4 = parseV4(t);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = t.includes(':') ? parseV6(t) : null;
  if (!v6) return null;
  return isV4Mapped(v6) ? { version: 4, bytes: v6.slice(12) } : { version: 6, bytes: v6 };
}

/** An address or a CIDR range (10.0.0.0/8, 2001:db8::/32), or null when it is neither. */
export function parseRange(text: string): IpRange | null {
  const [addr, bits, extra] = text.trim().split('/');
  if (extra !== undefined || addr === undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  if (bits === undefined) return { ...ip, prefix: max };
  if (!/^\d{1,3}$/.test(bits)) return null;
  // A mapped range (::ffff:10.0.0.0/104) was turned into IPv4 above: its prefix counts from bit 96.
  const mapped = ip.version === 4 && addr.includes(':');
  const prefix = Number(bits) - (mapped ? 96 : 0);
  if (prefix < 0 || prefix > max) return null;
  return { ...ip, prefix };
}

function inRange(ip: IpAddress, range: IpRange): boolean {
  if (ip.version !== range.version) return false;
  const whole = range.prefix >> 3;
  for (let i = 0; i < whole; i++) if (ip.bytes[i] !== range.bytes[i]) return false;
  const rest = range.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (ip.bytes[whole]! & mask) === (range.bytes[whole]! & mask);
}

/** A parsed INTAKE_TRUSTED_PROXIES: the peers whose X-Forwarded-For is believed. */
export interface TrustedProxies {
  has(ip: IpAddress): boolean;
  readonly size: number;
}

/** Parses a comma-separated list of addresses and CIDRs; throws naming the first entry that is neither. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const ranges = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const range = parseRange(entry);
    if (!range) throw new Error(`not an IP address or CIDR range: ${entry}`);
    return range;
  });
  return { has: (ip) => ranges.some((r) => inRange(ip, r)), size: ranges.length };
}

/**
 * The text a client is counted under. An IPv6 client is counted by its /64: one subscriber is usually
 * given a whole /64, and could otherwise take a fresh address for every guess.
 */
export function clientLabel(ip: IpAddress): string {
  if (ip.version === 4) return ip.bytes.join('.');
  const words: string[] = [];
  for (let i = 0; i < 8; i += 2) words.push(((ip.bytes[i]! << 8) | ip.bytes[i + 1]!).toString(16));
  return `${words.join(':')}::/64`;
}
