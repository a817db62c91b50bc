/**
 * Metadata removal for every accepted type (pure). Images lose EXIF/XMP/IPTC/comments; a PDF its
 * Info dictionaries and XMP streams and an MP4 its udta/meta/uuid boxes, both blanked in place
 * (pdf.ts, mp4.ts). When a PDF or MP4 cannot be cleaned safely it is stored as sent, or partly
 * cleaned, and `metadataRemoved` is false: the API answer and the staff page say so for that file.
 */
import { stripJpeg } from './jpeg.js';
import { stripMp4 } from './mp4.js';
import { stripPdf } from './pdf.js';
import { stripPng } from './png.js';
import type { AttachmentMime } from './sniff.js';
import { stripWebp } from './webp.js';

export { MalformedFile } from './bytes.js';

export interface Stripped {
  bytes: Uint8Array<ArrayBuffer>;
  /** Whether every metadata this type is known to carry was removed from `bytes`. */
  metadataRemoved: boolean;
}

/** The bytes to store for a file of `type`; throws MalformedFile when an image's structure is broken. */
export function stripMetadata(type: AttachmentMime, bytes: Uint8Array<ArrayBuffer>): Stripped {
  switch (type) {
    case 'image/jpeg': return { bytes: stripJpeg(bytes), metadataRemoved: true };
    case 'image/png': return { bytes: stripPng(bytes), metadataRemoved: true };
    case 'image/webp': return { bytes: stripWebp(bytes), metadataRemoved: true };
    case 'application/pdf': return stripPdf(bytes);
    case 'video/mp4': return stripMp4(bytes);
  }
}
