/**
 * JPEG metadata removal. Segments that carry who took a photo, where and with what are dropped:
 * APP1 (Exif with its GPS IFD, XMP), APP13 (IPTC/Photoshop), every other APPn except the JFIF APP0
 * and the Adobe APP14 that decoders need for colour, and COM. Everything else is copied byte-exact.
 */
import { ascii, concat, MalformedFile, u16be } from './bytes.js';

const fail = (problem: string): never => { throw new MalformedFile('JPEG', problem); };

const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;

const isApp = (m: number) => m >= 0xe0 && m <= 0xef;
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function keepSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === COM) return false;
  if (!isApp(marker)) return true;
  if (marker === 0xe0) return ascii(payload, 0, 5) === 'JFIF\0';
  if (marker === 0xee) return ascii(payload, 0, 5) === 'Adobe';
  return false;
}

/** The end of the entropy-coded data that starts at `from`: the first marker that is not a stuffed byte or RSTn. */
function scanEnd(src: Uint8Array, from: number): number {
  for (let i = from; i < src.length - 1; i++) {
    if (src[i] !== 0xff) continue;
    const next = src[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i++;
    else if (next !== 0xff) return i;
  }
  return fail('the scan runs past the end of the file');
}

/** A marker segment: `start` at its first 0xFF, `payload` after the marker and length bytes. */
export interface JpegSegment { marker: number; start: number; payload: number; end: number }

/**
 * Walks a JPEG from SOI to EOI; returns its markers in order (scans' entropy data included in
 * the SOS entry). Throws MalformedFile when the structure is broken.
 */
export function jpegSegments(src: Uint8Array): JpegSegment[] {
  if (src[0] !== 0xff || src[1] !== 0xd8) fail('it does not start with SOI');
  const segments: JpegSegment[] = [{ marker: 0xd8, start: 0, payload: 2, end: 2 }];
  let pos = 2;
  let frame = false;
  let scan = false;
  for (;;) {
    if (src[pos] !== 0xff) fail(`no marker at byte ${pos}`);
    let m = pos + 1;
    while (src[m] === 0xff) m++; // fill bytes before a marker
    const marker = src[m];
    if (marker === undefined) return fail('it ends before EOI');
    if (marker === EOI) {
      if (!scan) fail('it has no image data');
      segments.push({ marker, start: pos, payload: m + 1, end: m + 1 });
      return segments;
    }
    if (marker === 0x00 || marker === 0xd8) fail(`unexpected marker at byte ${m}`);
    if (isStandalone(marker)) {
      segments.push({ marker, start: pos, payload: m + 1, end: m + 1 });
      pos = m + 1;
      continue;
    }
    const length = m + 2 < src.length ? u16be(src, m + 1) : 0;
    if (length < 2 || m + 1 + length > src.length) fail(`segment at byte ${pos} has a bad length`);
    let end = m + 1 + length;
    if (isFrame(marker)) frame = true;
    if (marker === SOS) {
      if (!frame) fail('a scan comes before the frame header');
      scan = true;
      end = scanEnd(src, end);
    }
    segments.push({ marker, start: pos, payload: m + 3, end });
    pos = end;
  }
}

/** The JPEG without its metadata segments; bytes after EOI (trailers, appended files) are dropped too. */
export function stripJpeg(src: Uint8Array): Uint8Array<ArrayBuffer> {
  const kept = jpegSegments(src).filter((s) => keepSegment(s.marker, src.subarray(s.payload, s.end)));
  return concat(kept.map((s) => src.subarray(s.start, s.end)));
}
