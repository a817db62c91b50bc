/** Byte ↔ text helpers over Web APIs only (the core also runs on Workers). */

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const utf8 = {
  encode: (text: string) => new TextEncoder().encode(text),
  decode: (bytes: Uint8Array) => new TextDecoder().decode(bytes),
};

/** Uniform random integers below `limit` from the CSPRNG, without modulo bias. */
export function randomBelow(limit: number, count: number): number[] {
  const out: number[] = [];
  const ceiling = Math.floor(0x100000000 / limit) * limit;
  const buf = new Uint32Array(Math.max(count, 8));
  while (out.length < count) {
    crypto.getRandomValues(buf);
    for (const n of buf) {
      if (n < ceiling && out.length < count) out.push(n % limit);
    }
  }
  return out;
}
