/**
 * A deliberately tiny template renderer: `{{name}}` only, no logic, so a template cannot reach
 * anything the message does not hand it. Values are HTML-escaped in the HTML part and inserted
 * as they are in the text part; a placeholder without a value is an error, never an empty gap.
 */
import type { MailLang, TemplateName } from './catalog.js';
import { TEMPLATE_FILES } from './templates.generated.js';

export type TemplateParams = Readonly<Record<string, string | number>>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const SUBJECT_LINE = /^Subject: (.+)\n\n/;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills `{{name}}`; throws TemplateError for a name without a value. */
export function fill(template: string, params: TemplateParams, mode: 'text' | 'html'): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(params, name)) throw new TemplateError(`no value for {{${name}}}`);
    const value = String(params[name]);
    return mode === 'html' ? escapeHtml(value) : value;
  });
}

function file(files: Readonly<Record<string, string>>, key: string): string {
  const found = files[key];
  if (found === undefined) throw new TemplateError(`no template file ${key}`);
  return found;
}

/** Renders one message in one language from the bundled templates (or `files`, for tests). */
export function renderMail(
  name: TemplateName | string,
  lang: MailLang,
  params: TemplateParams,
  files: Readonly<Record<string, string>> = TEMPLATE_FILES,
): RenderedMail {
  const source = file(files, `${lang}/${name}.txt`);
  const head = SUBJECT_LINE.exec(source);
  if (!head) throw new TemplateError(`${lang}/${name}.txt must start with "Subject: …" and a blank line`);
  // One line, whatever a value holds: a line break in a subject would start a new mail header.
  const subject = fill(head[1]!, params, 'text').replace(/\s+/g, ' ').trim();
  const text = fill(source.slice(head[0].length), params, 'text');
  const body = fill(file(files, `${lang}/${name}.html`), params, 'html');
  const html = `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${body}</body></html>\n`;
  return { subject, text, html };
}
