/**
 * WebP metadata removal: the RIFF chunks EXIF and XMP are dropped, the matching flags of the VP8X
 * header cleared (a decoder must not look for what is gone) and the RIFF size rewritten.
 */
import { ascii, concat, MalformedFile, u32le, writeU32le } from './bytes.js';

const fail = (problem: string): never => { throw new MalformedFile('WebP', problem); };

const DROPPED = new Set(['EXIF', 'XMP ']);
const IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X']);
// VP8X flags byte: Rsv(2) ICC Alpha EXIF XMP Animation Rsv.
export const VP8X_EXIF = 0x08;
export const VP8X_XMP = 0x04;

export interface RiffChunk { fourcc: string; start: number; data: number; size: number; end: number }

/** Walks the chunks of a WebP's RIFF payload. Throws MalformedFile when broken. */
export function webpChunks(src: Uint8Array): RiffChunk[] {
  if (src.length < 20 || ascii(src, 0, 4) !== 'RIFF' || ascii(src, 8, 4) !== 'WEBP') fail('the RIFF header is wrong');
  const payloadEnd = 8 + u32le(src, 4);
  if (payloadEnd > src.length) fail('the RIFF size does not match the file');
  const chunks: RiffChunk[] = [];
  for (let pos = 12; pos < payloadEnd;) {
    if (pos + 8 > payloadEnd) fail(`chunk at byte ${pos} is cut short`);
    const size = u32le(src, pos + 4);
    // Chunks are padded to an even length.
    const end = pos + 8 + size + (size % 2);
    if (end > payloadEnd) fail(`chunk at byte ${pos} runs past the RIFF size`);
    chunks.push({ fourcc: ascii(src, pos, 4), start: pos, data: pos + 8, size, end });
    pos = end;
  }
  if (!IMAGE_CHUNKS.has(chunks[0]?.fourcc ?? '')) fail('the first chunk is not VP8, VP8L or VP8X');
  return chunks;
}

/** The WebP without EXIF and XMP, with VP8X flags and the RIFF size made consistent; bytes after the RIFF payload are dropped. */
export function stripWebp(src: Uint8Array): Uint8Array<ArrayBuffer> {
  const parts = webpChunks(src).filter((c) => !DROPPED.has(c.fourcc)).map((c) => {
    const bytes = src.slice(c.start, c.end);
    if (c.fourcc === 'VP8X') {
      if (c.size < 10) fail('the VP8X chunk is too short');
      bytes[8] = bytes[8]! & ~(VP8X_EXIF | VP8X_XMP);
    }
    return bytes;
  });
  const out = concat([src.subarray(0, 12), ...parts]);
  writeU32le(out, 4, out.length - 8);
  return out;
}
