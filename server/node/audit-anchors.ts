/**
 * The audit log's anchors file beside the database (audit-anchors.log, 0600): one JSON line per
 * anchor, only ever appended to, each write flushed to disk. It is a second place an intruder who
 * altered the database must also find and alter; the auditors' daily mail is the third.
 */
import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatAnchor, parseAnchor, type AuditAnchor } from '../audit/audit-anchor.js';
import type { AuditAnchors } from '../deps.js';
import { FILE_MODE } from './data-dir.js';

export const ANCHORS_FILE = 'audit-anchors.log';

/** The anchors file of a database file. */
export function anchorsPathFor(databaseFile: string): string {
  return join(dirname(databaseFile), ANCHORS_FILE);
}

const missing = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT';

// An anchor line is about 130 bytes: the last one is within the file's last 4 KiB.
const TAIL_BYTES = 4096;

async function readTail(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

export function fileAuditAnchors(path: string): AuditAnchors {
  return {
    where: path,
    async append(anchor: AuditAnchor) {
      // 'a': every write goes to the end, whatever else has the file open.
      const handle = await open(path, 'a', FILE_MODE);
      try {
        await handle.write(formatAnchor(anchor) + '\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async latest() {
      const text = await readTail(path).catch((err: unknown) => (missing(err) ? '' : Promise.reject(err)));
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      for (let i = lines.length - 1; i >= 0; i--) {
        const anchor = parseAnchor(lines[i]!);
        if (anchor) return anchor;
      }
      return null;
    },
    async list() {
      const text = await readFile(path, 'utf8').catch((err: unknown) => (missing(err) ? '' : Promise.reject(err)));
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      const anchors = lines.map(parseAnchor).filter((a): a is AuditAnchor => a !== null);
      return { anchors, unreadable: lines.length - anchors.length };
    },
  };
}
