/**
 * PNG metadata removal: the text chunks (tEXt, zTXt, iTXt — author, software, comments), eXIf
 * (camera, GPS), tIME and caBX (C2PA provenance, which may name the author) are dropped. Every other
 * chunk is copied whole, so each keeps its own valid CRC and the critical chunks are untouched.
 */
import { ascii, concat, crc32, MalformedFile, u32be } from './bytes.js';

const fail = (problem: string): never => { throw new MalformedFile('PNG', problem); };

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME', 'caBX']);

export interface PngChunk { type: string; start: number; end: number }

/** Walks a PNG's chunks up to IEND, checking each CRC. Throws MalformedFile when broken. */
export function pngChunks(src: Uint8Array): PngChunk[] {
  if (!PNG_SIGNATURE.every((b, i) => src[i] === b)) fail('the signature is wrong');
  const chunks: PngChunk[] = [];
  let pos = PNG_SIGNATURE.length;
  for (;;) {
    if (pos + 12 > src.length) fail('it ends before IEND');
    const length = u32be(src, pos);
    const type = ascii(src, pos + 4, 4);
    const end = pos + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff || end > src.length) fail(`chunk at byte ${pos} is broken`);
    if (crc32(src.subarray(pos + 4, end - 4)) !== u32be(src, end - 4)) fail(`the CRC of ${type} is wrong`);
    if (chunks.length === 0 && type !== 'IHDR') fail('it does not start with IHDR');
    chunks.push({ type, start: pos, end });
    if (type === 'IEND') break;
    pos = end;
  }
  if (!chunks.some((c) => c.type === 'IDAT')) fail('it has no image data');
  return chunks;
}

/** The PNG without its metadata chunks; bytes after IEND are dropped too. */
export function stripPng(src: Uint8Array): Uint8Array<ArrayBuffer> {
  const kept = pngChunks(src).filter((c) => !DROPPED.has(c.type));
  return concat([PNG_SIGNATURE, ...kept.map((c) => src.subarray(c.start, c.end))]);
}
