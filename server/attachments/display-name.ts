/**
 * File names. Staff see and download every file under a neutral name (attachment-3.jpg): the name a
 * client sent can name the reporter, so it is sealed (attachments.service.ts) and shown back only
 * to the reporter, reduced to something safe to show. It is never a path: files are stored under
 * random keys.
 */
import { attachmentTypes, type AttachmentMime } from './sniff.js';

const MAX_LENGTH = 100;
// Control characters and the bidirectional overrides that make "exe.jpg" read as "gpj.exe".
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The last path component without control characters or quotes, its extension the one of the sniffed type; null if nothing is left. */
export function displayName(sent: string, type: AttachmentMime): string | null {
  const base = (sent.split(/[/\\]/).pop() ?? '').normalize('NFC').replace(INVISIBLE, '').replace(/["*:<>?|]/g, '_').trim();
  const stem = base.replace(/\.[^.]*$/, '').replace(/^\.+/, '').trim();
  if (stem === '') return null;
  const ext = `.${attachmentTypes[type].ext}`;
  return [...stem].slice(0, MAX_LENGTH - ext.length).join('') + ext;
}

/** The associated data a sealed name is bound to: it opens for its own attachment only. */
export const attachmentNameContext = (attachmentId: string) => `attachment-name:${attachmentId}`;

/** The name staff see: the file's place in the case's attachments (from 1) and its sniffed type. */
export function neutralName(n: number, type: AttachmentMime): string {
  return `attachment-${n}.${attachmentTypes[type].ext}`;
}

/** A Content-Disposition value: an ASCII fallback name and, when there is one, the display name in RFC 8187 form. */
export function contentDisposition(fallback: string, name: string | null): string {
  const base = `attachment; filename="${fallback.replace(/[^\w.-]/g, '_')}"`;
  if (!name) return base;
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${base}; filename*=UTF-8''${encoded}`;
}
