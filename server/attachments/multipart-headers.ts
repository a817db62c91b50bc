/** The headers of multipart/form-data (RFC 7578): the body's boundary and each part's name and file name. */

/** The body is not well-formed multipart: a 400 for the caller. */
export class MultipartSyntaxError extends Error {
  constructor(problem: string) {
    super(`malformed multipart body: ${problem}`);
    this.name = 'MultipartSyntaxError';
  }
}

export interface PartInfo {
  name: string;
  /** null: a text field; '' is what a browser sends for an untouched file input. */
  filename: string | null;
  contentType: string | null;
}

const utf8 = new TextDecoder('utf-8');

/** The boundary of a multipart/form-data Content-Type, or null when it has none usable. */
export function boundaryOf(contentType: string | null | undefined): string | null {
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  return boundary && !boundary.endsWith(' ') ? boundary : null;
}

/**
 * The parameters of a Content-Disposition, read in order (so a `; name=` inside a quoted file name
 * is not taken for one). Browsers write `"`, CR and LF in a name as %22, %0D and %0A (HTML's form
 * encoding) and leave backslashes alone, so a backslash is no escape here.
 */
function dispositionParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"([^"]*)"|([^;]*))\s*/y;
  re.lastIndex = header.search(/;|$/);
  for (let match = re.exec(header); match; match = re.exec(header)) {
    const key = match[1]!.toLowerCase();
    const value = match[2] !== undefined ? match[2].replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n') : match[3]!.trim();
    if (!params.has(key)) params.set(key, value);
  }
  return params;
}

/** RFC 5987 `filename*=UTF-8''…`, which wins over a plain `filename` when a client sends both. */
function extendedFilename(value: string | undefined): string | null {
  const match = value ? /^utf-8'[^']*'(.*)$/i.exec(value) : null;
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** A part's name, file name and type from its header block (the bytes between its CRLFs). */
export function parsePartHeaders(block: Uint8Array): PartInfo {
  let disposition: string | null = null;
  let contentType: string | null = null;
  for (const line of utf8.decode(block).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (key === 'content-disposition') disposition = line.slice(colon + 1).trim();
    else if (key === 'content-type') contentType = line.slice(colon + 1).trim();
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartSyntaxError('a part without Content-Disposition: form-data');
  const params = dispositionParams(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MultipartSyntaxError('a part without a name');
  return { name, filename: extendedFilename(params.get('filename*')) ?? params.get('filename') ?? null, contentType };
}
