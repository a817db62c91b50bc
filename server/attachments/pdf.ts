/**
 * PDF metadata removal, in place (pure): the document information dictionaries (/Info: Author,
 * Creator, Producer, dates …) and every XMP metadata stream (/Type /Metadata) are blanked where they
 * stand, so every byte offset in the cross-reference tables and streams stays right and nothing has
 * to be rewritten. Blanking, rather than appending an update that drops them, leaves no old bytes to
 * read: an incremental update would keep the original revision, metadata included, in the file.
 *
 * - each trailer's `/Info n g R` (classic trailers and cross-reference stream dictionaries, every
 *   revision) becomes spaces, and each top-level `n g obj` of those numbers becomes `<<>>`;
 * - each metadata stream becomes an empty one (`<</Type/Metadata/Subtype/XML/Length 0>>stream …`), so a
 *   catalog or page that names it still finds a valid metadata stream, with nothing in it;
 * - each JPEG image stored as is (/DCTDecode alone: a scan or a phone photo) has its Exif (GPS, camera),
 *   XMP and IPTC segments zeroed where they stand.
 *
 * Not done safely in place, so the file is reported `metadataRemoved: false` (and kept as sent when
 * nothing could be done): an encrypted file, a file whose objects cannot be walked, an /Info
 * dictionary kept inside a compressed object stream (ObjStm), which would need a full rewrite, and a
 * JPEG image compressed again (/FlateDecode /DCTDecode) or not walkable.
 */
export interface PdfResult {
  bytes: Uint8Array<ArrayBuffer>;
  metadataRemoved: boolean;
}

interface PdfObject {
  num: number;
  /** Index just after the `obj` keyword. */
  body: number;
  /** The dictionary's `<<` … `>>` span, when the object is one. */
  dict: { start: number; end: number } | null;
  stream: boolean;
  /** Index of the stream's first data byte; -1 when the object is no stream. */
  data: number;
  /** Index of the `endobj` keyword. */
  endobj: number;
}

class Unwalkable extends Error {}

const WS = /[\0\t\n\f\r ]/;
const DELIM = /[\0\t\n\f\r ()<>[\]{}/%]/;

/** End (exclusive) of the dictionary starting with `<<` at `at`, skipping strings and comments. */
function dictEnd(s: string, at: number): number {
  let depth = 0;
  for (let i = at; i < s.length;) {
    const c = s[i]!;
    if (c === '<' && s[i + 1] === '<') { depth += 1; i += 2; continue; }
    if (c === '>' && s[i + 1] === '>') { depth -= 1; i += 2; if (depth === 0) return i; continue; }
    if (c === '(') { i = stringEnd(s, i); continue; }
    if (c === '<') { i = s.indexOf('>', i) + 1 || s.length; continue; } // a hex string: its `>` closes no dictionary
    if (c === '%') { while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i += 1; continue; }
    i += 1;
  }
  throw new Unwalkable(`dictionary at ${at} does not end`);
}

/** End (exclusive) of the literal string starting with `(` at `at`: balanced parentheses, backslash escapes. */
function stringEnd(s: string, at: number): number {
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i += 1;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Unwalkable(`string at ${at} does not end`);
}

const skipWs = (s: string, i: number) => { while (i < s.length && WS.test(s[i]!)) i += 1; return i; };

/** Index of the first data byte after the `stream` keyword at `keyword` and its end of line. */
function streamData(s: string, keyword: number): number {
  let data = keyword + 'stream'.length;
  if (s[data] === '\r') data += 1;
  if (s[data] === '\n') data += 1;
  return data;
}

/** The stream's data end: by a direct /Length when it lands on `endstream`, else the next `endstream`. */
function streamEnd(s: string, dictText: string, data: number): number {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictText);
  if (length) {
    const after = skipWs(s, data + Number(length[1]));
    if (s.startsWith('endstream', after)) return after + 'endstream'.length;
  }
  const found = s.indexOf('endstream', data);
  if (found < 0) throw new Unwalkable(`stream at ${data} does not end`);
  return found + 'endstream'.length;
}

/** The file's top-level objects, in order, each walked past its stream data (which may hold anything). */
function topLevelObjects(s: string): PdfObject[] {
  const objects: PdfObject[] = [];
  const header = /(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?=[\0\t\n\f\r ()<>[\]{}/%])/g;
  for (let m = header.exec(s); m; m = header.exec(s)) {
    if (m.index > 0 && !DELIM.test(s[m.index - 1]!)) continue; // "12 0 obj" inside "312 0 obj" is no header
    const body = m.index + m[0].length;
    const open = skipWs(s, body);
    let dict: PdfObject['dict'] = null;
    let data = -1;
    let next = body;
    if (s.startsWith('<<', open)) {
      dict = { start: open, end: dictEnd(s, open) };
      next = skipWs(s, dict.end);
      if (s.startsWith('stream', next)) {
        data = streamData(s, next);
        next = streamEnd(s, s.slice(dict.start, dict.end), data);
      }
    }
    const endobj = s.indexOf('endobj', next);
    if (endobj < 0) throw new Unwalkable(`object ${m[1]} does not end`);
    objects.push({ num: Number(m[1]), body, dict, stream: data >= 0, data, endobj });
    header.lastIndex = endobj + 'endobj'.length;
  }
  return objects;
}

/** The dictionaries that carry trailer entries: `trailer << … >>` and cross-reference streams. */
function trailerDicts(s: string, objects: PdfObject[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const trailer = /trailer[\0\t\n\f\r ]*<</g;
  for (let m = trailer.exec(s); m; m = trailer.exec(s)) {
    const at = m.index;
    if (objects.some((o) => o.body <= at && at < o.endobj)) continue; // the word inside an object's data
    const start = m.index + m[0].length - 2;
    out.push({ start, end: dictEnd(s, start) });
  }
  for (const o of objects) if (o.dict && /\/Type\s*\/XRef\b/.test(s.slice(o.dict.start, o.dict.end))) out.push(o.dict);
  return out;
}

// APP1 (Exif, XMP), APP3–APP13 and APP15 (maker data, Photoshop/IPTC) and COM; APP0 (JFIF), APP2 (ICC)
// and APP14 (Adobe: how the colours decode) are kept.
const JPEG_METADATA = (marker: number) => marker === 0xe1 || (marker >= 0xe3 && marker <= 0xed) || marker === 0xef || marker === 0xfe;

/**
 * Zeroes the payload of a JPEG's metadata segments in place (their lengths stay, so nothing moves;
 * a zeroed APP1 names no Exif or XMP and decoders skip it). False when the segments cannot be walked.
 */
function blankJpegMetadata(b: Uint8Array, start: number, limit: number): boolean {
  if (b[start] !== 0xff || b[start + 1] !== 0xd8) return false;
  for (let at = start + 2; at + 4 <= limit;) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xda || marker === 0xd9) return true; // scan data or the end: no metadata after it in practice
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    const end = at + 2 + ((b[at + 2]! << 8) | b[at + 3]!);
    if (end > limit || end < at + 4) return false;
    if (JPEG_METADATA(marker)) b.fill(0, at + 4, end);
    at = end;
  }
  return false;
}

/**
 * The file as a string with one character per byte, to search with regular expressions. Bytes from
 * 0x80 become DEL (0x7f): every token looked for is ASCII, and a pure-ASCII decode is several times
 * faster than a latin1 one (TextDecoder's latin1 is windows-1252, which makes a two-byte string).
 */
function searchable(b: Uint8Array): string {
  const ascii = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) ascii[i] = b[i]! < 0x80 ? b[i]! : 0x7f;
  return new TextDecoder().decode(ascii);
}
const fill = (b: Uint8Array, from: number, to: number, text: string) => {
  b.fill(0x20, from, to);
  for (let i = 0; i < text.length; i++) b[from + i] = text.charCodeAt(i);
};

const EMPTY_STREAM = '<</Type/Metadata/Subtype/XML/Length 0>>stream\n\nendstream ';

/** A copy of the PDF with its Info dictionaries and XMP streams blanked in place (see above). */
export function stripPdf(src: Uint8Array<ArrayBuffer>): PdfResult {
  try {
    // One character per byte: string indexes are byte offsets.
    const s = searchable(src);
    const objects = topLevelObjects(s);
    if (objects.length === 0) throw new Unwalkable('no objects');
    const trailers = trailerDicts(s, objects);
    if (trailers.length === 0) throw new Unwalkable('no trailer');
    if (trailers.some((t) => /\/Encrypt\b/.test(s.slice(t.start, t.end)))) throw new Unwalkable('encrypted');
    const b = src.slice();
    let complete = true;

    const infoNumbers = new Set<number>();
    for (const t of trailers) {
      const info = /\/Info[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+R/g;
      const text = s.slice(t.start, t.end);
      for (let m = info.exec(text); m; m = info.exec(text)) {
        infoNumbers.add(Number(m[1]));
        b.fill(0x20, t.start + m.index, t.start + m.index + m[0].length);
      }
      // Not allowed by the specification, written by some tools all the same: the dictionary inline.
      const inline = /\/Info[\0\t\n\f\r ]*<</.exec(text);
      if (inline) b.fill(0x20, t.start + inline.index, dictEnd(s, t.start + inline.index + inline[0].length - 2));
    }
    for (const num of infoNumbers) {
      // Only plain dictionaries: a number reused in a later revision for a page or a stream is left alone.
      const infos = objects.filter((o) => o.num === num && o.dict && !o.stream && !/\/Type\b/.test(s.slice(o.dict.start, o.dict.end)));
      // Not among the top-level objects: it is compressed in an object stream, out of reach in place.
      if (infos.length === 0) complete = false;
      for (const o of infos) fill(b, o.body, o.endobj, ' <<>>');
    }
    for (const o of objects) {
      if (!o.stream || !o.dict || !/\/Type[\0\t\n\f\r ]*\/Metadata\b/.test(s.slice(o.dict.start, o.dict.end))) continue;
      if (o.endobj - o.body < EMPTY_STREAM.length + 1) throw new Unwalkable('metadata stream too short to blank');
      fill(b, o.body, o.endobj, ` ${EMPTY_STREAM}`);
    }
    for (const o of objects) {
      if (!o.stream || !/\/DCTDecode\b/.test(s.slice(o.dict!.start, o.dict!.end))) continue;
      // A JPEG image as is (the only filter): its Exif, XMP and IPTC segments are blanked like the file's own.
      const only = /\/Filter[\0\t\n\f\r ]*(\[[\0\t\n\f\r ]*)?\/DCTDecode[\0\t\n\f\r ]*\]?[\0\t\n\f\r ]*(\/|>>)/.test(s.slice(o.dict!.start, o.dict!.end));
      if (!only || !blankJpegMetadata(b, o.data, o.endobj)) complete = false;
    }
    return { bytes: b, metadataRemoved: complete };
  } catch (err) {
    if (err instanceof Unwalkable) return { bytes: src, metadataRemoved: false };
    throw err;
  }
}
