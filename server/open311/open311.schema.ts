/**
 * What Open311 clients send: the form body of POST requests and the filters of GET requests.
 * Only the shape is checked here; what a case needs is checked by the intake's own schema.
 */
import { z } from 'zod';
import type { FormBody } from '../lib/body.js';

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} may have at most ${max} characters`).optional().transform((v) => (v ? v : undefined));

const coordinate = (label: string, limit: number) => optionalText(40, label).transform((v, ctx) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^[-+]?\d+(\.\d+)?$/.test(v) || Math.abs(n) > limit) {
    ctx.addIssue({ code: 'custom', message: `${label} must be a decimal number between -${limit} and ${limit} (WGS84)` });
    return z.NEVER;
  }
  return n;
});

export const postRequestSchema = z.object({
  jurisdiction_id: z.string({ error: 'jurisdiction_id is required: the region code (GB/T 2260, 6 digits)' }).trim()
    .regex(/^\d{6}$/, 'jurisdiction_id is the region code (GB/T 2260, 6 digits)'),
  service_code: z.string({ error: 'service_code is required' }).trim().min(1, 'service_code is required').max(64),
  lat: coordinate('lat', 90),
  long: coordinate('long', 180),
  address_string: optionalText(300, 'address_string'),
  address_id: optionalText(64, 'address_id'),
  first_name: optionalText(50, 'first_name'),
  last_name: optionalText(50, 'last_name'),
  phone: optionalText(40, 'phone'),
  email: optionalText(254, 'email'),
  // The spec's request.json allows at most 4000 characters.
  description: z.string({ error: 'description is required' }).max(4000, 'description may have at most 4000 characters'),
  media_url: optionalText(2000, 'media_url').refine((v) => v === undefined,
    'media_url is not taken: this service does not fetch media from other sites; send files with POST /api/v1/cases'),
  device_id: optionalText(200, 'device_id'),
  account_id: optionalText(200, 'account_id'),
  attribute: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
}).superRefine((v, ctx) => {
  if ((v.lat === undefined) !== (v.long === undefined)) {
    ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'long'], message: 'lat and long go together' });
  }
  if (v.address_string === undefined && (v.lat === undefined || v.long === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['address_string'], message: 'a location is required: address_string, or lat and long (address_id alone is not enough here)' });
  }
});

export type PostRequest = z.output<typeof postRequestSchema>;

/** The form's fields as zod reads them: `attribute[code]` and `attribute[code][]` gathered into `attribute`. */
export function formFields(body: FormBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attribute: Record<string, string | string[]> = {};
  for (const [name, raw] of Object.entries(body)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (match) attribute[match[1]!] = match[2] ? values : values.length > 1 ? values : values[0] ?? '';
    else if (values.length > 0) out[name] = values[0];
  }
  return { ...out, attribute };
}

const dateTime = (label: string) => z.string().trim().optional().transform((v, ctx) => {
  if (v === undefined || v === '') return undefined;
  // A W3C date-time with its zone, or a date alone (midnight in China Standard Time).
  const text = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v;
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(at.getTime())) {
    ctx.addIssue({ code: 'custom', message: `${label} must be a W3C date-time with its zone, e.g. 2026-11-26T10:00:00+08:00` });
    return z.NEVER;
  }
  return at;
});

const list = (label: string, pattern: RegExp, max: number) => z.string().trim().optional().transform((v, ctx) => {
  if (v === undefined || v === '') return undefined;
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length > max || items.some((s) => !pattern.test(s))) {
    ctx.addIssue({ code: 'custom', message: `${label}: at most ${max}, comma separated` });
    return z.NEVER;
  }
  return [...new Set(items)];
});

export const listQuerySchema = z.object({
  jurisdiction_id: z.string().trim().regex(/^\d{6}$/, 'jurisdiction_id is the region code (GB/T 2260, 6 digits)').optional(),
  service_request_id: list('service_request_id', /^[A-Za-z0-9-]{1,40}$/, 1000),
  service_code: z.string().trim().max(64).optional().transform((v) => (v ? v : undefined)),
  start_date: dateTime('start_date'),
  end_date: dateTime('end_date'),
  status: list('status (open or closed)', /^(open|closed)$/, 2),
});

export type ListQuery = z.output<typeof listQuerySchema>;
