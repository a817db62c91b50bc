/**
 * One attachment as it streams in. It is refused as soon as its size passes the limit or its first
 * bytes are none of the accepted types, so a refused file costs at most its first 10 MB, usually
 * its first 4 KB, never the whole body.
 */
import { concat } from './bytes.js';
import { AttachmentRefusal, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './limits.js';
import type { PartSink } from './multipart-parser.js';
import { sniffType, type AttachmentMime } from './sniff.js';

/** Enough for every signature sniffType reads: an MP4's 'ftyp' box may list brands up to 4 KB. */
export const SNIFF_BYTES = 4096;

function head(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= length) break;
    const take = chunk.subarray(0, length - at);
    out.set(take, at);
    at += take.length;
  }
  return out;
}

/**
 * A file as the reader received it, in one piece. Its arrayBuffer() is the bytes themselves, not a
 * copy (a File would hold a copy and hand out another): a 100 MB upload then costs 100 MB, not 300.
 */
export class ReceivedFile {
  constructor(readonly name: string, readonly type: AttachmentMime, private readonly bytes: Uint8Array<ArrayBuffer>) {}

  get size(): number {
    return this.bytes.length;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.bytes.buffer;
  }
}

export class IncomingFile implements PartSink {
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  private size = 0;
  private type: AttachmentMime | undefined;

  /**
   * `index`: files accepted before this one, which also names it in a refusal; `done` receives the
   * file, or null for an untouched file input (an empty part with an empty file name).
   */
  constructor(private readonly index: number, private readonly filename: string, private readonly done: (file: ReceivedFile | null) => void) {}

  data(bytes: Uint8Array): void {
    if (this.size === 0) this.counted();
    this.size += bytes.length;
    if (this.size > MAX_ATTACHMENT_BYTES) {
      throw new AttachmentRefusal('too_large', `Attachment ${this.index + 1} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, this.index);
    }
    this.chunks.push(bytes as Uint8Array<ArrayBuffer>);
    if (this.type === undefined && this.size >= SNIFF_BYTES) this.sniff();
  }

  end(): void {
    if (this.size === 0) {
      if (this.filename === '') return this.done(null);
      this.counted();
      throw new AttachmentRefusal('empty', `Attachment ${this.index + 1} is empty.`, this.index);
    }
    const type = this.type ?? this.sniff();
    const bytes = concat(this.chunks);
    this.chunks.length = 0;
    this.done(new ReceivedFile(this.filename, type, bytes));
  }

  /** The eleventh file is refused when it turns out to be one, before its bytes are kept. */
  private counted(): void {
    if (this.index >= MAX_ATTACHMENTS) {
      throw new AttachmentRefusal('too_many', `At most ${MAX_ATTACHMENTS} attachments may be sent; there were more.`);
    }
  }

  private sniff(): AttachmentMime {
    const type = sniffType(head(this.chunks, Math.min(this.size, SNIFF_BYTES)));
    if (!type) throw new AttachmentRefusal('unsupported', `Attachment ${this.index + 1} is not a JPEG, PNG, WebP, PDF or MP4 file.`, this.index);
    this.type = type;
    return type;
  }
}
