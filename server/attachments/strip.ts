/**
 * Metadata removal for the image types (pure). PDF and MP4 are stored as sent, which the public
 * form tells the uploader before submitting (DESIGN §4).
 */
import { stripJpeg } from './jpeg.js';
import { stripPng } from './png.js';
import type { AttachmentMime } from './sniff.js';
import { stripWebp } from './webp.js';

export { MalformedFile } from './bytes.js';

export interface Stripped {
  bytes: Uint8Array<ArrayBuffer>;
  /** Whether metadata removal applies to this type (images only). */
  metadataRemoved: boolean;
}

/** The bytes to store for a file of `type`; throws MalformedFile when an image's structure is broken. */
export function stripMetadata(type: AttachmentMime, bytes: Uint8Array<ArrayBuffer>): Stripped {
  switch (type) {
    case 'image/jpeg': return { bytes: stripJpeg(bytes), metadataRemoved: true };
    case 'image/png': return { bytes: stripPng(bytes), metadataRemoved: true };
    case 'image/webp': return { bytes: stripWebp(bytes), metadataRemoved: true };
    case 'application/pdf':
    case 'video/mp4':
      return { bytes, metadataRemoved: false };
  }
}
