/**
 * MP4 metadata removal, in place (pure). User data (`udta`: ©xyz location, ©day, camera make and
 * model, ©nam …), `meta` boxes (Apple's keys/ilst with com.apple.quicktime.location.ISO6709, iTunes
 * tags) and `uuid` boxes (XMP, vendor blobs) become `free` boxes of the same size with zeroed
 * contents; existing free/skip boxes are zeroed too (editors leave old metadata in them). The
 * recording times of mvhd, tkhd and mdhd are zeroed. No box moves, so the chunk offsets of stco/co64
 * (absolute file positions) stay right without being rewritten.
 *
 * Not removable here: a timed-metadata track (handler `meta`: GoPro GPMF, Apple mebx, camm) keeps its
 * samples, GPS included, inside mdat — such a file is reported as `metadataRemoved: false`.
 */
import { ascii, u32be } from './bytes.js';

/** Boxes walked into: where udta, meta and uuid live in a movie or a fragment. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'moof', 'traf', 'edts', 'mvex']);
const BLANKED = new Set(['udta', 'meta', 'uuid', 'free', 'skip']);
/** Full boxes whose creation and modification times are zeroed. */
const TIMED = new Set(['mvhd', 'tkhd', 'mdhd']);

export interface Mp4Result {
  bytes: Uint8Array<ArrayBuffer>;
  /** False when the box tree could not be walked or a metadata track stays in the media data. */
  metadataRemoved: boolean;
}

class Unwalkable extends Error {}

interface Box { type: string; start: number; header: number; end: number }

function readBox(b: Uint8Array, at: number, parentEnd: number): Box {
  if (at + 8 > parentEnd) throw new Unwalkable(`box header at ${at} is cut short`);
  let size = u32be(b, at);
  let header = 8;
  if (size === 1) {
    if (at + 16 > parentEnd) throw new Unwalkable(`large box header at ${at} is cut short`);
    const high = u32be(b, at + 8);
    // Files are at most a few MB here: a size beyond 2^32 cannot be inside this file.
    if (high !== 0) throw new Unwalkable(`box at ${at} claims more than 4 GB`);
    size = u32be(b, at + 12);
    header = 16;
  } else if (size === 0) {
    size = parentEnd - at; // "to the end of the file" (or of its parent)
  }
  const type = ascii(b, at + 4, 4);
  if (size < header || at + size > parentEnd) throw new Unwalkable(`box ${JSON.stringify(type)} at ${at} runs past its parent`);
  return { type, start: at, header, end: at + size };
}

/** Turns a box into `free` of the same size, its contents zeroed. */
function blank(b: Uint8Array, box: Box): void {
  b.set([0x66, 0x72, 0x65, 0x65], box.start + 4); // 'free'
  b.fill(0, box.start + box.header, box.end);
}

/** Zeroes creation_time and modification_time (32 bits each in version 0, 64 in version 1). */
function zeroTimes(b: Uint8Array, box: Box): void {
  const at = box.start + box.header;
  if (at + 4 > box.end) throw new Unwalkable(`${box.type} is cut short`);
  const width = b[at] === 1 ? 16 : 8;
  if (at + 4 + width > box.end) throw new Unwalkable(`${box.type} is cut short`);
  b.fill(0, at + 4, at + 4 + width);
}

/** The handler type of a trak's mdia/hdlr ('vide', 'soun', 'meta' …), or null. */
function handlerOf(b: Uint8Array, trak: Box): string | null {
  for (const mdia of children(b, trak)) {
    if (mdia.type !== 'mdia') continue;
    for (const hdlr of children(b, mdia)) {
      // hdlr: version/flags (4), pre_defined (4), handler_type (4).
      if (hdlr.type === 'hdlr' && hdlr.start + hdlr.header + 12 <= hdlr.end) return ascii(b, hdlr.start + hdlr.header + 8, 4);
    }
  }
  return null;
}

function children(b: Uint8Array, parent: Box): Box[] {
  const out: Box[] = [];
  for (let at = parent.start + parent.header; at < parent.end;) {
    const box = readBox(b, at, parent.end);
    out.push(box);
    at = box.end;
  }
  return out;
}

/** Blanks what is metadata among `boxes`, walking into containers; returns false when a metadata track remains. */
function clean(b: Uint8Array, boxes: Box[]): boolean {
  let removed = true;
  for (const box of boxes) {
    if (BLANKED.has(box.type)) blank(b, box);
    else if (TIMED.has(box.type)) zeroTimes(b, box);
    else if (CONTAINERS.has(box.type)) {
      if (box.type === 'trak' && handlerOf(b, box) === 'meta') removed = false;
      if (!clean(b, children(b, box))) removed = false;
    }
  }
  return removed;
}

/** A copy of the MP4 with its metadata boxes blanked in place; the file as sent when its boxes cannot be walked. */
export function stripMp4(src: Uint8Array<ArrayBuffer>): Mp4Result {
  const b = src.slice();
  try {
    const top: Box[] = [];
    for (let at = 0; at < b.length;) {
      const box = readBox(b, at, b.length);
      top.push(box);
      at = box.end;
    }
    if (!top.some((box) => box.type === 'moov')) throw new Unwalkable('no moov box');
    return { bytes: b, metadataRemoved: clean(b, top) };
  } catch (err) {
    if (err instanceof Unwalkable) return { bytes: src, metadataRemoved: false };
    throw err;
  }
}
