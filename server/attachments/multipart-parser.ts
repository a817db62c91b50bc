/**
 * A streaming multipart/form-data parser (RFC 7578) over Web streams, so the same code reads a body
 * on Node and on Workers without ever holding it whole: each part's bytes go to its sink as they
 * arrive, and a sink that refuses a part (too large, wrong type) stops the read at once.
 * Pure: Web APIs only.
 */
import { MultipartSyntaxError, parsePartHeaders, type PartInfo } from './multipart-headers.js';

export { boundaryOf, MultipartSyntaxError, type PartInfo } from './multipart-headers.js';

/** Receives one part's bytes; may throw to stop the whole read. */
export interface PartSink {
  data(bytes: Uint8Array): void;
  end(): void;
}

export type PartHandler = (info: PartInfo) => PartSink;

/** A part's header block larger than this is refused (browsers send a few hundred bytes). */
export const MAX_HEADER_BYTES = 16 * 1024;

const CR = 13;
const LF = 10;
const encoder = new TextEncoder();
const HEADER_END = encoder.encode('\r\n\r\n');

/** Where `needle` starts in `hay` at or after `from`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0]!;
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';

/** Push parser: `push` each chunk as it arrives, `finish` at the end of the body. */
export class MultipartParser {
  private readonly delimiter: Uint8Array;
  // The body is read as if it began with CRLF, so the first delimiter looks like every other one.
  private buffer: Uint8Array = new Uint8Array([CR, LF]);
  private state: State = 'preamble';
  private sink: PartSink | null = null;

  constructor(boundary: string, private readonly onPart: PartHandler) {
    this.delimiter = encoder.encode(`\r\n--${boundary}`);
  }

  push(chunk: Uint8Array): void {
    if (this.state === 'done') return; // the epilogue is ignored
    if (this.state === 'body' && this.noDelimiterAtSeam(chunk)) {
      // The common case inside a file: the kept tail is the part's, and the chunk is searched as it
      // is, not copied behind the tail (a copy of every byte is most of the parser's time).
      if (this.buffer.length > 0) this.sink!.data(this.buffer);
      this.buffer = chunk;
    } else {
      this.buffer = join(this.buffer, chunk);
    }
    while (this.step());
  }

  finish(): void {
    if (this.state !== 'done') throw new MultipartSyntaxError('the body ended before the closing boundary');
  }

  /** One move of the state machine; false when it needs more bytes. */
  private step(): boolean {
    switch (this.state) {
      case 'preamble': return this.skipPreamble();
      case 'after-delimiter': return this.afterDelimiter();
      case 'headers': return this.readHeaders();
      case 'body': return this.readBody();
      case 'done': return false;
    }
  }

  private skipPreamble(): boolean {
    const at = indexOfBytes(this.buffer, this.delimiter);
    if (at === -1) {
      this.keepTail();
      return false;
    }
    this.buffer = this.buffer.subarray(at + this.delimiter.length);
    this.state = 'after-delimiter';
    return true;
  }

  /** After a delimiter: `--` closes the body; else optional blanks, then CRLF opens a part. */
  private afterDelimiter(): boolean {
    const b = this.buffer;
    if (b.length < 2) return false;
    if (b[0] === 45 && b[1] === 45) {
      this.state = 'done';
      this.buffer = new Uint8Array(0);
      return false;
    }
    let i = 0;
    while (i < b.length && (b[i] === 32 || b[i] === 9)) i++;
    if (i > 64) throw new MultipartSyntaxError('junk after a boundary');
    if (i + 2 > b.length) return false;
    if (b[i] !== CR || b[i + 1] !== LF) throw new MultipartSyntaxError('junk after a boundary');
    // Keep the CRLF: an empty header block is then found like any other, as CRLF CRLF.
    this.buffer = b.subarray(i);
    this.state = 'headers';
    return true;
  }

  private readHeaders(): boolean {
    const end = indexOfBytes(this.buffer, HEADER_END);
    if (end === -1) {
      if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartSyntaxError('a part header is too large');
      return false;
    }
    if (end > MAX_HEADER_BYTES) throw new MultipartSyntaxError('a part header is too large');
    const info = parsePartHeaders(this.buffer.subarray(2, end));
    this.buffer = this.buffer.subarray(end + 4);
    this.sink = this.onPart(info);
    this.state = 'body';
    return true;
  }

  private readBody(): boolean {
    const at = indexOfBytes(this.buffer, this.delimiter);
    if (at === -1) {
      // Everything but a tail that may be the start of the next delimiter is the part's.
      const safe = this.buffer.length - (this.delimiter.length - 1);
      if (safe > 0) {
        this.sink!.data(this.buffer.subarray(0, safe));
        this.buffer = this.buffer.subarray(safe);
      }
      return false;
    }
    if (at > 0) this.sink!.data(this.buffer.subarray(0, at));
    const sink = this.sink!;
    this.sink = null;
    this.buffer = this.buffer.subarray(at + this.delimiter.length);
    this.state = 'after-delimiter';
    sink.end();
    return true;
  }

  /**
   * Whether no delimiter starts in the kept tail (at most delimiter − 1 bytes while in a body). Any
   * delimiter starting there ends within the first delimiter − 1 bytes of the chunk.
   */
  private noDelimiterAtSeam(chunk: Uint8Array): boolean {
    const reach = this.delimiter.length - 1;
    if (chunk.length < reach || this.buffer.length > reach) return false;
    return indexOfBytes(join(this.buffer, chunk.subarray(0, reach)), this.delimiter) === -1;
  }

  /** In the preamble only a tail that may begin the delimiter is worth keeping. */
  private keepTail(): void {
    const keep = this.delimiter.length - 1;
    if (this.buffer.length > keep) this.buffer = this.buffer.subarray(this.buffer.length - keep);
  }
}

/**
 * Reads `body` through the parser. More than `maxBytes` in all → `tooLarge()` is thrown; anything
 * thrown (by a sink too) cancels the stream, so no further byte is read.
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array> | null, boundary: string, onPart: PartHandler,
  limits: { maxBytes: number; tooLarge: () => Error },
): Promise<void> {
  const parser = new MultipartParser(boundary, onPart);
  if (!body) return parser.finish();
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limits.maxBytes) throw limits.tooLarge();
      parser.push(value);
    }
    parser.finish();
  } catch (err) {
    // Not awaited: a source that never settles its cancel must not hold the answer back.
    reader.cancel(err).catch(() => undefined);
    throw err;
  }
}
