/**
 * Reads multipart uploads as they stream in: the case submission of the API (POST /api/v1/cases:
 * one part `case` with the JSON, parts `attachments`), the public form and evidence sent from the
 * follow-up (parts `attachments` only). Nothing is read whole
 * before it is checked: the body, each text part and each file have their limits, and a file's
 * type is known from its first bytes (incoming-file.ts).
 */
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { concat } from './bytes.js';
import { IncomingFile, type ReceivedFile } from './incoming-file.js';
import { AttachmentRefusal, uploadBodyLimit } from './limits.js';
import { boundaryOf, readMultipart, type PartInfo, type PartSink } from './multipart-parser.js';

export const isMultipart = (contentType: string | undefined) => /^multipart\/form-data\b/i.test(contentType ?? '');

/** More parts than any form of ours has: a body of thousands of tiny parts is refused early. */
const MAX_PARTS = 200;
const FILE_FIELD = 'attachments';

export interface UploadRules {
  /** The names allowed besides `attachments`; null: any (the public form's fields). */
  textFields: ReadonlySet<string> | null;
  /** All text parts together; the case JSON keeps the limit it has as a body of its own. */
  maxTextBytes: number;
  maxBodyBytes: number;
  /**
   * 'stop': a refused file ends the read at once (the API answers it). 'skip': its bytes are
   * dropped and the read goes on, so the form can be shown again with everything typed in it.
   */
  onRefusal: 'stop' | 'skip';
}

export interface UploadForm {
  fields: Map<string, string[]>;
  files: ReceivedFile[];
  /** Only with onRefusal 'skip': the first file refused. */
  refusal: AttachmentRefusal | null;
}

const invalid = (message: string, path = '') => new AppError('validation_failed', message, [{ path, message }]);
const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `The body is larger than ${maxBytes} bytes.`);
const utf8 = new TextDecoder('utf-8');

/** Collects a form's parts as the parser meets them, each under its limit. */
class FormCollector {
  readonly form: UploadForm = { fields: new Map(), files: [], refusal: null };
  private parts = 0;
  private textBytes = 0;

  constructor(private readonly rules: UploadRules) {}

  readonly onPart = (info: PartInfo): PartSink => {
    if (++this.parts > MAX_PARTS) throw invalid(`The body has more than ${MAX_PARTS} parts.`);
    const { form, rules } = this;
    if (info.name === FILE_FIELD) {
      if (form.refusal) return discard;
      const index = form.files.length;
      if (info.filename === null) {
        this.refused(new AttachmentRefusal('not_a_file', `Attachment ${index + 1} is text, not a file.`, index));
        return discard;
      }
      return guarded(new IncomingFile(index, info.filename, (file) => { if (file) form.files.push(file); }), this.refused);
    }
    if (rules.textFields && !rules.textFields.has(info.name)) {
      const name = info.name.slice(0, 40);
      const known = [...rules.textFields].map((n) => `"${n}"`).join(', ');
      throw invalid(`Unknown part "${name}"; send ${known ? `${known} and ` : 'only '}"${FILE_FIELD}".`, name);
    }
    return this.textSink(info.name);
  };

  private readonly refused = (refusal: AttachmentRefusal) => {
    if (this.rules.onRefusal === 'stop') throw refusal;
    this.form.refusal ??= refusal;
  };

  private textSink(name: string): PartSink {
    const chunks: Uint8Array[] = [];
    return {
      data: (bytes) => {
        this.textBytes += bytes.length;
        if (this.textBytes > this.rules.maxTextBytes) {
          throw new AppError('payload_too_large', `The part "${name.slice(0, 40)}" is larger than ${this.rules.maxTextBytes} bytes.`);
        }
        chunks.push(bytes);
      },
      end: () => {
        const text = utf8.decode(chunks.length === 1 ? chunks[0] : concat(chunks));
        this.form.fields.set(name, [...(this.form.fields.get(name) ?? []), text]);
      },
    };
  }
}

/** Reads a multipart body under `rules`; throws AppError (AttachmentRefusal for a file with 'stop'). */
export async function readUploadForm(request: Request, rules: UploadRules): Promise<UploadForm> {
  const boundary = boundaryOf(request.headers.get('content-type'));
  if (!boundary) throw invalid('The multipart body has no boundary.');
  const collector = new FormCollector(rules);
  try {
    await readMultipart(request.body, boundary, collector.onPart, { maxBytes: rules.maxBodyBytes, tooLarge: () => tooLarge(rules.maxBodyBytes) });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Malformed, or the client went away mid-body: the client's doing, not a server fault.
    throw invalid('The multipart body could not be read.');
  }
  return collector.form;
}

/** A part whose bytes are not wanted: read past, never kept. */
const discard: PartSink = { data() {}, end() {} };

/** Turns a file's refusal into `refused`; once refused, the rest of the part is dropped. */
function guarded(sink: PartSink, refused: (refusal: AttachmentRefusal) => void): PartSink {
  let dropped = false;
  const run = (step: () => void) => {
    if (dropped) return;
    try {
      step();
    } catch (err) {
      if (!(err instanceof AttachmentRefusal)) throw err;
      dropped = true;
      refused(err);
    }
  };
  return { data: (bytes) => run(() => sink.data(bytes)), end: () => run(() => sink.end()) };
}

export interface CaseForm {
  body: unknown;
  attachments: ReceivedFile[];
}

/** The case JSON and the attachment files; an unknown part or a missing `case` is a 400. */
export async function readCaseForm(request: Request, config: Pick<Config, 'INTAKE_MAX_BODY_BYTES'>): Promise<CaseForm> {
  const form = await readUploadForm(request, {
    textFields: new Set(['case']), maxTextBytes: config.INTAKE_MAX_BODY_BYTES, maxBodyBytes: uploadBodyLimit(config), onRefusal: 'stop',
  });
  const cases = form.fields.get('case') ?? [];
  if (cases.length !== 1) throw invalid('Send exactly one part "case" with the submission JSON.', 'case');
  try {
    return { body: JSON.parse(cases[0]!) as unknown, attachments: form.files };
  } catch {
    throw invalid('The part "case" is not valid JSON.', 'case');
  }
}
