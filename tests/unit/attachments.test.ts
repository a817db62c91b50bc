import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentDisposition, displayName } from '../../server/attachments/display-name.js';
import { jpegSegments } from '../../server/attachments/jpeg.js';
import { isUploadRequest, uploadBodyLimit } from '../../server/attachments/limits.js';
import { pngChunks } from '../../server/attachments/png.js';
import { sniffType } from '../../server/attachments/sniff.js';
import { MalformedFile, stripMetadata } from '../../server/attachments/strip.js';
import { webpChunks } from '../../server/attachments/webp.js';
import {
  baseJpeg, basePng, baseWebp, cat, contains, html, jpegSegment, jpegWithMetadata, mp4, pdf, pngChunk, pngWithMetadata,
  webpWithMetadata, zip,
} from '../helpers/files.js';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('sniffType', () => {
  it('recognises JPEG, PNG, WebP, PDF and MP4 from their bytes', () => {
    expect(sniffType(baseJpeg)).toBe('image/jpeg');
    expect(sniffType(basePng)).toBe('image/png');
    expect(sniffType(baseWebp)).toBe('image/webp');
    expect(sniffType(pdf)).toBe('application/pdf');
    expect(sniffType(mp4)).toBe('video/mp4');
  });

  it('refuses ZIP, HTML, empty and truncated files whatever they are called', () => {
    for (const bytes of [zip, html, new Uint8Array(0), baseJpeg.subarray(0, 2), ascii('RIFF\0\0\0\0WAVEfmt ')]) {
      expect(sniffType(bytes)).toBeNull();
    }
  });

  it('refuses HEIC, AVIF and QuickTime, which share the MP4 container', () => {
    const ftyp = (...brands: string[]) => cat(new Uint8Array([0, 0, 0, 8 + brands.length * 4 + 4]), ascii('ftyp'), ascii(brands[0]!), new Uint8Array(4), ...brands.slice(1).map(ascii));
    expect(sniffType(ftyp('mp42', 'isom', 'mp42'))).toBe('video/mp4');
    expect(sniffType(ftyp('heic', 'mif1', 'heic'))).toBeNull();
    expect(sniffType(ftyp('avif', 'avif', 'mif1', 'miaf'))).toBeNull();
    expect(sniffType(ftyp('mif1', 'iso8', 'heic'))).toBeNull();
    expect(sniffType(ftyp('qt  ', 'qt  '))).toBeNull();
  });

  it('refuses a PDF header that does not open the file', () => {
    expect(sniffType(cat(html, pdf))).toBeNull();
  });
});

describe('JPEG metadata removal', () => {
  it('removes the Exif segment with its GPS IFD, XMP, IPTC and comments, leaving the original bytes', () => {
    const input = jpegWithMetadata();
    expect(contains(input, 'Exif\0\0')).toBe(true);
    const out = stripMetadata('image/jpeg', input);
    expect(out.metadataRemoved).toBe(true);
    expect(Buffer.from(out.bytes).equals(Buffer.from(baseJpeg))).toBe(true);
    for (const needle of ['Exif', 'SECRETCAM', 'ns.adobe.com/xap', 'Photoshop 3.0', 'Zhang San']) expect(contains(out.bytes, needle)).toBe(false);
  });

  it('still starts with SOI, ends with EOI and keeps the tables, frame and scan intact', () => {
    const out = stripMetadata('image/jpeg', jpegWithMetadata()).bytes;
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...out.subarray(-2)]).toEqual([0xff, 0xd9]);
    const markers = jpegSegments(out).map((s) => s.marker);
    expect(markers).toEqual([0xd8, 0xe0, 0xdb, 0xdb, 0xc0, 0xc4, 0xc4, 0xc4, 0xc4, 0xda, 0xd9]);
    const sos = jpegSegments(out).find((s) => s.marker === 0xda)!;
    const original = jpegSegments(baseJpeg).find((s) => s.marker === 0xda)!;
    expect(Buffer.from(out.subarray(sos.start, sos.end)).equals(Buffer.from(baseJpeg.subarray(original.start, original.end)))).toBe(true);
  });

  it('keeps the Adobe APP14 and drops ICC, other APPn and bytes after EOI', () => {
    const adobe = jpegSegment(0xee, ascii('Adobe\0d\0\0\0\0\x01'));
    const icc = jpegSegment(0xe2, ascii('ICC_PROFILE\0\x01\x01data'));
    const input = cat(baseJpeg.subarray(0, 20), adobe, icc, jpegSegment(0xeb, ascii('JP\0\0jumb')), baseJpeg.subarray(20), zip);
    const out = stripMetadata('image/jpeg', input).bytes;
    expect(Buffer.from(out).equals(Buffer.from(cat(baseJpeg.subarray(0, 20), adobe, baseJpeg.subarray(20))))).toBe(true);
  });

  it('refuses a file that only starts like a JPEG', () => {
    expect(() => stripMetadata('image/jpeg', cat(baseJpeg.subarray(0, 3), html))).toThrow(MalformedFile);
    expect(() => stripMetadata('image/jpeg', baseJpeg.subarray(0, baseJpeg.length - 2))).toThrow(MalformedFile);
    expect(() => stripMetadata('image/jpeg', cat(baseJpeg.subarray(0, 20), new Uint8Array([0xff, 0xd9])))).toThrow(/no image data/);
  });
});

describe('PNG metadata removal', () => {
  it('drops tEXt, zTXt, iTXt, eXIf and tIME and leaves the original bytes', () => {
    const out = stripMetadata('image/png', pngWithMetadata());
    expect(out.metadataRemoved).toBe(true);
    expect(Buffer.from(out.bytes).equals(Buffer.from(basePng))).toBe(true);
    expect(pngChunks(out.bytes).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IDAT', 'IEND']);
  });

  it('leaves every chunk with a valid CRC', () => {
    const out = stripMetadata('image/png', pngWithMetadata()).bytes;
    const view = Buffer.from(out);
    for (let pos = 8; pos < view.length;) {
      const length = view.readUInt32BE(pos);
      expect(crc32(view.subarray(pos + 4, pos + 8 + length))).toBe(view.readUInt32BE(pos + 8 + length));
      pos += 12 + length;
    }
  });

  it('refuses a chunk with a wrong CRC', () => {
    const broken = pngWithMetadata();
    broken[45] = broken[45]! ^ 0xff; // inside the tEXt data
    expect(() => stripMetadata('image/png', broken)).toThrow(/CRC/);
  });

  it('drops what follows IEND', () => {
    const out = stripMetadata('image/png', cat(basePng, pngChunk('tEXt', ascii('a\0b')), html)).bytes;
    expect(Buffer.from(out).equals(Buffer.from(basePng))).toBe(true);
  });
});

describe('WebP metadata removal', () => {
  it('drops EXIF and XMP, clears their VP8X flags and fixes the RIFF size', () => {
    const input = webpWithMetadata();
    expect(input[20]! & 0x0c).toBe(0x0c);
    const out = stripMetadata('image/webp', input).bytes;
    expect(webpChunks(out).map((c) => c.fourcc)).toEqual(['VP8X', 'ICCP', 'VP8 ']);
    expect(Buffer.from(out).readUInt32LE(4)).toBe(out.length - 8);
    expect(out[20]! & 0x0c).toBe(0);
    expect(out[20]! & 0x20).toBe(0x20);
    expect(contains(out, 'Zhang San')).toBe(false);
    expect(Buffer.from(out).equals(Buffer.from(baseWebp))).toBe(true);
  });

  it('refuses a RIFF size beyond the file', () => {
    const broken = webpWithMetadata();
    broken[4] = 0xff; broken[5] = 0xff;
    expect(() => stripMetadata('image/webp', broken)).toThrow(MalformedFile);
  });
});

describe('PDF and MP4 (in depth: tests/api/attachment-metadata.test.ts)', () => {
  it('a PDF loses its Info dictionary in place; an MP4 without a movie box is stored as sent, flagged', () => {
    const doc = stripMetadata('application/pdf', pdf);
    expect(doc.metadataRemoved).toBe(true);
    expect(doc.bytes.length).toBe(pdf.length);
    expect(contains(doc.bytes, 'Zhang San')).toBe(false);
    const clip = stripMetadata('video/mp4', mp4);
    expect(clip.metadataRemoved).toBe(false);
    expect(Buffer.from(clip.bytes).equals(Buffer.from(mp4))).toBe(true);
  });
});

describe('display names', () => {
  it('keeps only the last path component, with the extension of the sniffed type', () => {
    expect(displayName('../../etc/passwd.jpg', 'image/jpeg')).toBe('passwd.jpg');
    expect(displayName('C:\\Users\\me\\invoice.html', 'application/pdf')).toBe('invoice.pdf');
    expect(displayName('发票 2026.JPEG', 'image/jpeg')).toBe('发票 2026.jpg');
  });

  it('removes control and bidirectional characters and quotes', () => {
    expect(displayName('photo\u202Egpj.exe', 'image/png')).toBe('photogpj.png');
    expect(displayName('a"b\r\n.pdf', 'application/pdf')).toBe('a_b.pdf');
  });

  it('is null when nothing is left, and at most 100 characters', () => {
    expect(displayName('', 'image/png')).toBeNull();
    expect(displayName('../.jpg', 'image/jpeg')).toBeNull();
    expect([...displayName('长'.repeat(300) + '.pdf', 'application/pdf')!]).toHaveLength(100);
  });

  it('offers the name in RFC 8187 form beside an ASCII fallback', () => {
    expect(contentDisposition('GD1-ab.pdf', '发票 (1).pdf'))
      .toBe(`attachment; filename="GD1-ab.pdf"; filename*=UTF-8''%E5%8F%91%E7%A5%A8%20%281%29.pdf`);
    expect(contentDisposition('GD1-ab.pdf', null)).toBe('attachment; filename="GD1-ab.pdf"');
  });
});

describe('body limits', () => {
  it('gives only multipart case submissions room for ten files of 10 MB', () => {
    expect(uploadBodyLimit({ INTAKE_MAX_BODY_BYTES: 1_000_000 })).toBe(10 * 10 * 1024 * 1024 + 1_000_000);
    expect(isUploadRequest('POST', '/api/v1/cases', 'multipart/form-data; boundary=x')).toBe(true);
    expect(isUploadRequest('POST', '/submit', 'multipart/form-data; boundary=x')).toBe(true);
    expect(isUploadRequest('POST', '/api/v1/cases', 'application/json')).toBe(false);
    expect(isUploadRequest('POST', '/api/v1/followup/messages', 'multipart/form-data; boundary=x')).toBe(false);
    expect(isUploadRequest('PUT', '/api/v1/cases', 'multipart/form-data; boundary=x')).toBe(false);
  });
});
