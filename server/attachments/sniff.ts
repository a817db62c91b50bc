/**
 * The type of an attachment from its bytes (docs/protection.md). The name and the declared Content-Type
 * are never trusted: a ".jpg" that is really HTML would otherwise reach a handler's browser.
 */
import type { AttachmentMime } from '../../domain/vocabulary.js';
import { ascii, u32be } from './bytes.js';

export type { AttachmentMime };

export const attachmentTypes: Record<AttachmentMime, { ext: string; image: boolean }> = {
  'image/jpeg': { ext: 'jpg', image: true },
  'image/png': { ext: 'png', image: true },
  'image/webp': { ext: 'webp', image: true },
  'application/pdf': { ext: 'pdf', image: false },
  'video/mp4': { ext: 'mp4', image: false },
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const JPEG_SOI = [0xff, 0xd8, 0xff];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// ISO-BMFF brands of MP4 files. QuickTime ('qt  ') and 3GPP are other formats and stay refused.
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'M4A ', 'f4v ', 'dash', 'MSNV']);
// HEIF/AVIF images share the container and may list 'iso8' among their brands; their EXIF could
// not be removed here, so any of these brands makes the file unsupported.
const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'mif2', 'msf1', 'miaf', 'avif', 'avis', 'jpeg', 'avci']);

/** The brands of an ISO-BMFF file that opens with its 'ftyp' box, or null. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const size = u32be(bytes, 0);
  if (size < 16 || size > bytes.length || size > 4096 || (size - 16) % 4 !== 0) return null;
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at < size; at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

function isMp4(bytes: Uint8Array): boolean {
  const brands = ftypBrands(bytes);
  if (!brands) return false;
  return brands.some((b) => MP4_BRANDS.has(b)) && !brands.some((b) => IMAGE_BRANDS.has(b));
}

function isWebp(bytes: Uint8Array): boolean {
  return bytes.length >= 20 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP'
    && ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 4));
}

/** The attachment type the bytes are, or null when they are none of the accepted ones. */
export function sniffType(bytes: Uint8Array): AttachmentMime | null {
  if (startsWith(bytes, JPEG_SOI)) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (isWebp(bytes)) return 'image/webp';
  // The PDF specification tolerates junk before the header; refusing it keeps polyglots out.
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (isMp4(bytes)) return 'video/mp4';
  return null;
}
