/**
 * Attachment fixtures. The base images were encoded by Chromium (canvas.toDataURL, 4×4 pixels)
 * and decode there; the JPEG had its ICC APP2 segment removed by hand. Metadata is added here with
 * independent code (node:zlib's CRC), so the tests do not check the stripper against itself.
 */
import { crc32 } from 'node:zlib';

export const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
export const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
export const contains = (hay: Uint8Array, needle: string) => Buffer.from(hay).includes(Buffer.from(needle, 'latin1'));

export const baseJpeg = bytesOf('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAEAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAXEAEBAQEAAAAAAAAAAAAAAAACAQAR/8QAFQEBAQAAAAAAAAAAAAAAAAAABAf/xAAaEQEBAQADAQAAAAAAAAAAAAABAgMAESEx/9oADAMBAAIRAxEAPwCXtVqpXtuZmNVNLVPa8tuecZQZ5nUngHgB8A5//9k=');
export const basePng = bytesOf('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAALElEQVR4AWTKsQ0AQAhCUcJKt9O5kzOxk4bCRkleQz7xVSa8MmKNyoDNf4oGAAD///zvqSYAAAAGSURBVAMAXc4MAc+GeMEAAAAASUVORK5CYII=');
/** VP8X (ICC flag) + ICCP + VP8, as Chromium writes a WebP. */
export const baseWebp = bytesOf('UklGRjICAABXRUJQVlA4WAoAAAAgAAAAAwAAAwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggRAAAAPABAJ0BKgQABAABQCYlsAJ0MEA8m4JUAAD+9hTZ1JPXCgsnomw81GJ3/76vPO+V+f/vzoydj8H///Ehf/8SF/4QIAAA');

const u16be = (n: number) => new Uint8Array([n >> 8, n & 0xff]);
const u32be = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return new Uint8Array(b); };
const u32le = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return new Uint8Array(b); };

export const jpegSegment = (marker: number, payload: Uint8Array) => cat(new Uint8Array([0xff, marker]), u16be(payload.length + 2), payload);

/** A big-endian TIFF IFD entry. */
const ifdEntry = (tag: number, type: number, count: number, value: Uint8Array) => cat(u16be(tag), u16be(type), u32be(count), value);

/** APP1 Exif: IFD0 with Make "SECRETCAM" and a GPS IFD at 23°7'N 113°19'E. */
export function exifGpsSegment(): Uint8Array<ArrayBuffer> {
  // TIFF offsets are from the "MM" header. IFD0 at 8: 2 entries → ends at 8+2+24+4 = 38.
  const make = text('SECRETCAM\0');
  const ifd0 = cat(u16be(2), ifdEntry(0x010f, 2, make.length, u32be(38)), ifdEntry(0x8825, 4, 1, u32be(48)), u32be(0));
  // GPS IFD at 48: 4 entries → ends at 48+2+48+4 = 102, then the two rationals triplets.
  const rational = (...pairs: number[]) => cat(...pairs.map(u32be));
  const gps = cat(u16be(4),
    ifdEntry(0x0001, 2, 2, text('N\0\0\0')), ifdEntry(0x0002, 5, 3, u32be(102)),
    ifdEntry(0x0003, 2, 2, text('E\0\0\0')), ifdEntry(0x0004, 5, 3, u32be(126)), u32be(0),
    rational(23, 1, 7, 1, 0, 1), rational(113, 1, 19, 1, 0, 1));
  const tiff = cat(text('MM\0*'), u32be(8), ifd0, make, gps);
  return jpegSegment(0xe1, cat(text('Exif\0\0'), tiff));
}

export const xmpSegment = () => jpegSegment(0xe1, text('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Zhang San</dc:creator></x:xmpmeta>'));
export const iptcSegment = () => jpegSegment(0xed, text('Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x0a\x1c\x02\x50\0\x06ByLine'));
export const comSegment = () => jpegSegment(0xfe, text('taken by Zhang San'));

/** The base JPEG with Exif/GPS, XMP, IPTC and a comment after its JFIF APP0 (which ends at byte 20). */
export function jpegWithMetadata(): Uint8Array<ArrayBuffer> {
  return cat(baseJpeg.subarray(0, 20), exifGpsSegment(), xmpSegment(), iptcSegment(), comSegment(), baseJpeg.subarray(20));
}

export const pngChunk = (type: string, data: Uint8Array) =>
  cat(u32be(data.length), text(type), data, u32be(crc32(cat(text(type), data))));

/** The base PNG with tEXt, zTXt, iTXt, eXIf and tIME after its IHDR (which ends at byte 33). */
export function pngWithMetadata(): Uint8Array<ArrayBuffer> {
  return cat(basePng.subarray(0, 33),
    pngChunk('tEXt', text('Author\0Zhang San')),
    pngChunk('zTXt', cat(text('Comment\0\0'), new Uint8Array([0x78, 0x9c, 0x03, 0, 0, 0, 0, 1]))),
    pngChunk('iTXt', text('Location\0\0\0\0\0Tianhe')),
    pngChunk('eXIf', exifGpsSegment().subarray(10)),
    pngChunk('tIME', new Uint8Array([0x07, 0xea, 11, 20, 9, 30, 0])),
    basePng.subarray(33));
}

export const riffChunk = (fourcc: string, data: Uint8Array) =>
  cat(text(fourcc), u32le(data.length), data, data.length % 2 ? new Uint8Array([0]) : new Uint8Array(0));

/** The base WebP with EXIF (odd length, so padded) and XMP chunks and their VP8X flags set. */
export function webpWithMetadata(): Uint8Array<ArrayBuffer> {
  const body = cat(baseWebp.subarray(12),
    riffChunk('EXIF', exifGpsSegment().subarray(10)),
    riffChunk('XMP ', text('<x:xmpmeta><dc:creator>Zhang San</dc:creator></x:xmpmeta>')));
  const out = cat(text('RIFF'), u32le(body.length + 4), text('WEBP'), body);
  out[20] = out[20]! | 0x08 | 0x04;
  return out;
}

export const pdf = text('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n3 0 obj << /Author (Zhang San) >> endobj\ntrailer << /Root 1 0 R /Info 3 0 R >>\n%%EOF\n');
export const mp4 = cat(u32be(24), text('ftypisom'), u32be(0x200), text('isomiso2'), u32be(16), text('mdat'), new Uint8Array(8).fill(7));
export const zip = cat(text('PK\x03\x04'), new Uint8Array(26), text('evil.html'));
export const html = text('<!DOCTYPE html><script>alert(document.cookie)</script>');
