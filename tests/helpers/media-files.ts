/**
 * Minimal real PDF and MP4 files with metadata, built here byte by byte (independently of the
 * strippers), with correct cross-reference offsets and box sizes.
 */
import { jpegWithMetadata } from './files.js';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

// ---------- PDF ----------

/** A revision: objects (number → body text) and its trailer entries; offsets computed from `before`. */
function pdfRevision(before: Uint8Array, objects: [number, string][], trailer: string, prev?: number): Uint8Array<ArrayBuffer> {
  let text = '';
  const offsets: [number, number][] = [];
  for (const [num, body] of objects) {
    offsets.push([num, before.length + Buffer.byteLength(text, 'latin1')]);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = before.length + Buffer.byteLength(text, 'latin1');
  text += 'xref\n';
  if (prev === undefined) text += `0 1\n0000000000 65535 f \n`;
  for (const [num, at] of offsets) text += `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< ${trailer}${prev === undefined ? '' : ` /Prev ${prev}`} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return cat(before, latin1(text));
}

const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

export const XMP = '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
  + '<dc:creator>Zhang San</dc:creator><xmp:CreatorTool>SECRETSCAN 2.1</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
export const JPEG = Buffer.from(jpegWithMetadata()).toString('latin1');
export const PAGE_TEXT = 'BT /F1 12 Tf 20 100 Td (Evidence page) Tj ET';

/** One page, an Info dictionary, an XMP stream on the catalog; then an incremental update with a second Info. */
export function pdfWithMetadata(): Uint8Array<ArrayBuffer> {
  const first = pdfRevision(latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), [
    [1, '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>'],
    [2, '<< /Type /Pages /Kids [5 0 R] /Count 1 >>'],
    [3, '<< /Author (Zhang San) /Creator (SECRETSCAN 2.1) /Producer (Scan \\(office\\) 9) /CreationDate (D:20261120093000+08\'00\') >>'],
    [4, stream('/Type /Metadata /Subtype /XML', XMP)],
    [5, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R >>'],
    [6, stream('', PAGE_TEXT)],
    // A phone photo placed on the page as is: its Exif (GPS, camera), XMP, IPTC and comment inside the PDF.
    [8, stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode', JPEG)],
  ], '/Size 9 /Root 1 0 R /Info 3 0 R /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]');
  const firstXref = Number(/startxref\n(\d+)/.exec(Buffer.from(first).toString('latin1'))![1]);
  return pdfRevision(first, [[7, '<< /Author (Li Si) /ModDate (D:20261121100000+08\'00\') >>']], '/Size 9 /Root 1 0 R /Info 7 0 R', firstXref);
}

/** The Info dictionary inside a compressed-object stream (ObjStm, here without a filter), where it cannot be blanked in place. */
export function pdfWithInfoInObjectStream(): Uint8Array<ArrayBuffer> {
  const objStm = '3 0 << /Author (Zhang San) >>';
  return pdfRevision(latin1('%PDF-1.7\n'), [
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [] /Count 0 >>'],
    [8, stream('/Type /ObjStm /N 1 /First 4', objStm)],
  ], '/Size 9 /Root 1 0 R /Info 3 0 R');
}

/** A JPEG image compressed again (/FlateDecode over /DCTDecode, here with a fake Flate body): not cleanable in place. */
export function pdfWithRecompressedJpeg(): Uint8Array<ArrayBuffer> {
  return pdfRevision(latin1('%PDF-1.7\n'), [
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [] /Count 0 >>'],
    [3, stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /Filter [/FlateDecode /DCTDecode]', 'x\x9c compressed bytes')],
  ], '/Size 4 /Root 1 0 R');
}

/** An encrypted file (its trailer names /Encrypt): left as sent. */
export function encryptedPdf(): Uint8Array<ArrayBuffer> {
  return pdfRevision(latin1('%PDF-1.7\n'), [
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [2, '<< /Type /Pages /Kids [] /Count 0 >>'],
    [3, '<< /Author (Zhang San) >>'],
    [9, '<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'],
  ], '/Size 10 /Root 1 0 R /Info 3 0 R /Encrypt 9 0 R');
}

/** Each `n g n` row of every classic xref section, as [object number, offset]. */
export function xrefOffsets(pdf: Uint8Array): [number, number][] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: [number, number][] = [];
  for (const section of text.matchAll(/xref\n([\s\S]*?)trailer/g)) {
    let num = 0;
    for (const line of section[1]!.split('\n')) {
      const head = /^(\d+) (\d+)$/.exec(line);
      if (head) { num = Number(head[1]); continue; }
      const row = /^(\d{10}) (\d{5}) n $/.exec(line);
      if (row) out.push([num++, Number(row[1])]);
      else if (/^\d{10} \d{5} f $/.test(line)) num++;
    }
  }
  return out;
}

// ---------- MP4 ----------

const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return new Uint8Array(b); };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return new Uint8Array(b); };
export const box = (type: string, ...payload: Uint8Array[]) => {
  const body = cat(...payload);
  return cat(u32(body.length + 8), latin1(type), body);
};
const fullBox = (type: string, version: number, ...payload: Uint8Array[]) => box(type, new Uint8Array([version, 0, 0, 0]), ...payload);

/** 2026-11-20 09:30 in seconds since 1904 (the MP4 epoch), as a camera writes it. */
export const RECORDED_AT = 3_846_987_000;

const hdlr = (handler: string, name: string) => fullBox('hdlr', 0, u32(0), latin1(handler), new Uint8Array(12), latin1(`${name}\0`));
const trak = (handler: string, stcoOffset: number, ...extra: Uint8Array[]) => box('trak',
  fullBox('tkhd', 0, u32(RECORDED_AT), u32(RECORDED_AT), u32(1), u32(0), u32(1000), new Uint8Array(60)),
  box('mdia',
    fullBox('mdhd', 0, u32(RECORDED_AT), u32(RECORDED_AT), u32(1000), u32(1000), u16(0x55c4), u16(0)),
    hdlr(handler, `${handler} handler`),
    box('minf', box('stbl', fullBox('stco', 0, u32(1), u32(stcoOffset))))),
  ...extra);

export const LOCATION = '+23.1291+113.2644/';
export const MDAT_DATA = latin1('VIDEO-SAMPLE-BYTES-0123456789');

/**
 * ftyp, moov (mvhd with the recording time; a video trak with its own udta ©xyz; moov/udta with
 * ©xyz and ©mak; moov/meta with Apple's location key), a top-level XMP uuid box, a free box holding
 * old text, and mdat. `metadataTrack` adds a timed-metadata track (handler 'meta', as GoPro's GPMF).
 */
export function mp4WithMetadata(options: { metadataTrack?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const ftyp = box('ftyp', latin1('isom'), u32(0x200), latin1('isomiso2avc1mp41'));
  const xyz = (text: string) => box('\xa9xyz', u16(text.length), u16(0x15c7), latin1(text));
  const udta = box('udta', xyz(LOCATION), box('\xa9mak', u16(9), u16(0), latin1('SECRETCAM')));
  const appleMeta = fullBox('meta', 0, hdlr('mdta', ''),
    box('keys', u32(0), u32(1), u32(8 + 36), latin1('mdtacom.apple.quicktime.location.ISO6709')),
    box('ilst', box('\0\0\0\x01', box('data', u32(1), u32(0), latin1(`${LOCATION}+010.000/`)))));
  const xmp = box('uuid', Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex'), latin1('<x:xmpmeta><dc:creator>Zhang San</dc:creator></x:xmpmeta>'));
  const oldFree = box('free', latin1('left over: SECRETCAM Zhang San'));
  // The moov's size does not depend on the stco values, so build it once to learn where mdat's data lands.
  const moov = (offset: number) => box('moov',
    fullBox('mvhd', 0, u32(RECORDED_AT), u32(RECORDED_AT), u32(1000), u32(1000), new Uint8Array(80)),
    trak('vide', offset, box('udta', xyz(LOCATION))),
    ...(options.metadataTrack ? [trak('meta', offset)] : []),
    udta, appleMeta);
  const before = ftyp.length + moov(0).length + xmp.length + oldFree.length;
  return cat(ftyp, moov(before + 8), xmp, oldFree, box('mdat', MDAT_DATA));
}

/** The box types at the top of an MP4, and of its moov. */
export function boxTypes(bytes: Uint8Array, start = 0, end = bytes.length): string[] {
  const b = Buffer.from(bytes);
  const out: string[] = [];
  for (let at = start; at < end;) {
    const size = b.readUInt32BE(at);
    out.push(b.toString('latin1', at + 4, at + 8));
    if (size < 8) throw new Error(`bad box at ${at}`);
    at += size;
  }
  return out;
}
