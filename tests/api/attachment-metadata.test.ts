/**
 * PDF and MP4 attachments lose their metadata before they are stored: the files are filed through
 * the HTTP app and read back from the disk storage under the data folder. A file whose metadata
 * cannot be removed safely is answered `metadataRemoved: false`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripMp4 } from '../../server/attachments/mp4.js';
import { stripPdf } from '../../server/attachments/pdf.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { contains, jpegWithMetadata } from '../helpers/files.js';
import {
  boxTypes, encryptedPdf, JPEG, LOCATION, MDAT_DATA, mp4WithMetadata, PAGE_TEXT, pdfWithInfoInObjectStream, pdfWithMetadata, pdfWithRecompressedJpeg, RECORDED_AT,
  xrefOffsets,
} from '../helpers/media-files.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intake-metadata-'));
  t = await createTestApp({ filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Files a report with the files; returns the 201 answer and each stored file's bytes from the disk. */
async function fileWith(files: [string, Uint8Array][]) {
  const form = new FormData();
  form.set('case', JSON.stringify(report()));
  for (const [name, bytes] of files) form.append('attachments', new File([bytes as Uint8Array<ArrayBuffer>], name));
  const res = await t.app.request('/api/v1/cases', { method: 'POST', body: form });
  const body = await res.json() as any;
  expect(res.status, JSON.stringify(body)).toBe(201);
  const rows = await t.deps.db.selectFrom('attachments').selectAll().where('id', 'in', body.attachments.map((a: { id: string }) => a.id)).execute();
  const stored = new Map(rows.map((r) => [r.id, new Uint8Array(readFileSync(join(dir, 'attachments', r.storage_key)))]));
  return { body, stored: body.attachments.map((a: { id: string }) => stored.get(a.id)!) as Uint8Array[] };
}

const has = (bytes: Uint8Array, text: string) => contains(bytes, text);

describe('PDF attachments', () => {
  it('lose every Info dictionary and XMP stream, in place: same length, xref offsets still right, page intact', async () => {
    const sent = pdfWithMetadata();
    for (const s of ['Zhang San', 'Li Si', 'SECRETSCAN', 'D:2026112', 'Scan \\(office', 'SECRETCAM', 'Exif', 'ByLine']) expect(has(sent, s)).toBe(true);
    const { body, stored: [pdf] } = await fileWith([['证据.pdf', sent]]);
    expect(body.attachments).toEqual([{ id: expect.any(String), type: 'application/pdf', size: sent.length, metadataRemoved: true }]);
    for (const s of ['Zhang San', 'Li Si', 'SECRETSCAN', 'xmpmeta', 'D:2026112', '/Author', '/Info', 'SECRETCAM', 'Exif', 'ByLine', 'Photoshop']) {
      expect(has(pdf!, s), s).toBe(false);
    }
    expect(pdf!.length).toBe(sent.length);
    expect(has(pdf!, PAGE_TEXT)).toBe(true);
    // Every cross-reference entry of both revisions still points at its object's header.
    const text = Buffer.from(pdf!).toString('latin1');
    const offsets = xrefOffsets(pdf!);
    expect(offsets.map(([n]) => n).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const [num, at] of offsets) expect(text.startsWith(`${num} 0 obj`, at), `object ${num}`).toBe(true);
    for (const m of text.matchAll(/startxref\n(\d+)/g)) expect(text.startsWith('xref', Number(m[1]))).toBe(true);
    // The catalog still names a metadata stream, now empty and well-formed.
    expect(text).toMatch(/4 0 obj\s*<<\/Type\/Metadata\/Subtype\/XML\/Length 0>>stream\n\nendstream\s*endobj/);
    expect(text).toMatch(/3 0 obj\s*<<>>\s*endobj/);
    // The photo on the page is the same image: its JFIF header and its scan data from SOS on are untouched.
    const photo = Buffer.from(JPEG, 'latin1');
    const at = Buffer.from(pdf!).indexOf(photo.subarray(0, 20));
    expect(at).toBe(Buffer.from(sent).indexOf(photo.subarray(0, 20)));
    const sos = photo.indexOf(Buffer.from([0xff, 0xda]));
    expect(Buffer.from(pdf!).subarray(at + sos, at + photo.length).equals(photo.subarray(sos))).toBe(true);
  });

  it('answer metadataRemoved: false for an Info dictionary in an object stream, and for an encrypted file kept as sent', async () => {
    const inStream = pdfWithInfoInObjectStream();
    const encrypted = encryptedPdf();
    const { body, stored } = await fileWith([['a.pdf', inStream], ['b.pdf', encrypted], ['c.jpg', jpegWithMetadata()], ['d.pdf', pdfWithRecompressedJpeg()]]);
    expect(body.attachments.map((a: { type: string; metadataRemoved: boolean }) => [a.type, a.metadataRemoved])).toEqual([
      ['application/pdf', false], ['application/pdf', false], ['image/jpeg', true], ['application/pdf', false],
    ]);
    expect(Buffer.from(stored[1]!).equals(Buffer.from(encrypted))).toBe(true);
    // The staff see the same per file.
    const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
    const view = await t.app.request(`/api/v1/staff/cases/${body.caseNumber}`, { headers: handler });
    const attachments = ((await view.json()) as any).attachments;
    expect(attachments.map((a: { metadataRemoved: boolean }) => a.metadataRemoved)).toEqual([false, false, true, false]);
  });

  it('a file whose objects cannot be walked is stored as sent and flagged', () => {
    const odd = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Author (Zhang San) \nno end', 'latin1'));
    expect(stripPdf(odd)).toEqual({ bytes: odd, metadataRemoved: false });
  });

  it('a JSON submission answers an empty attachment list', async () => {
    const res = await t.app.request('/api/v1/cases', { method: 'POST', body: JSON.stringify(report()), headers: { 'content-type': 'application/json' } });
    expect(((await res.json()) as any).attachments).toEqual([]);
  });
});

describe('MP4 attachments', () => {
  it('lose udta (©xyz location, ©mak), meta, uuid XMP, free leftovers and recording times; boxes and media data stay where they were', async () => {
    const sent = mp4WithMetadata();
    for (const s of [LOCATION, 'SECRETCAM', 'Zhang San', 'ISO6709']) expect(has(sent, s)).toBe(true);
    const { body, stored: [mp4] } = await fileWith([['clip.mp4', sent]]);
    expect(body.attachments).toEqual([{ id: expect.any(String), type: 'video/mp4', size: sent.length, metadataRemoved: true }]);
    for (const s of [LOCATION, '+23.12', 'SECRETCAM', 'Zhang San', 'ISO6709', 'xmpmeta', '\xa9xyz', 'udta']) expect(has(mp4!, s), s).toBe(false);
    expect(mp4!.length).toBe(sent.length);
    expect(boxTypes(mp4!)).toEqual(['ftyp', 'moov', 'free', 'free', 'mdat']);
    const moovSize = Buffer.from(mp4!).readUInt32BE(32); // after the 32-byte ftyp
    expect(boxTypes(mp4!, 40, 32 + moovSize)).toEqual(['mvhd', 'trak', 'free', 'free']);
    // The media data is where stco says it is, unchanged.
    const b = Buffer.from(mp4!);
    const stco = b.indexOf('stco');
    const offset = b.readUInt32BE(stco + 12);
    expect(b.subarray(offset, offset + MDAT_DATA.length).equals(Buffer.from(MDAT_DATA))).toBe(true);
    // No recording time is left in mvhd, tkhd or mdhd.
    const recorded = Buffer.alloc(4);
    recorded.writeUInt32BE(RECORDED_AT);
    expect(b.includes(recorded)).toBe(false);
    expect(Buffer.from(sent).includes(recorded)).toBe(true);
  });

  it('answers metadataRemoved: false when a timed-metadata track keeps its samples in mdat', async () => {
    const { body, stored: [mp4] } = await fileWith([['gopro.mp4', mp4WithMetadata({ metadataTrack: true })]]);
    expect(body.attachments[0]).toMatchObject({ type: 'video/mp4', metadataRemoved: false });
    // What could be removed still was.
    expect(has(mp4!, LOCATION)).toBe(false);
  });

  it('a file whose boxes cannot be walked is stored as sent and flagged', () => {
    const sent = mp4WithMetadata();
    const cut = sent.slice(0, sent.length - 5);
    expect(stripMp4(cut)).toEqual({ bytes: cut, metadataRemoved: false });
  });
});
