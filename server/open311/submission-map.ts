/**
 * An Open311 POST as the intake's submission, and the intake's refusals back in Open311's field
 * names. Pure. The rules (README "Open311"):
 * - kind: attribute[kind], default `report`; a complaint needs a named complainant (the intake's rule).
 * - first_name/last_name/phone/email: any of them makes a named reporter, sealed like every
 *   identity; the name is last_name + first_name (Chinese order, no space) when either holds
 *   Chinese characters, else "first_name last_name". None of them: an anonymous reporter.
 * - address_string is where the matter is: the business's address. lat/long are kept beside the case.
 */
import type { Category } from '../../db/schema.js';
import { shanghaiDate } from '../clocks/clocks.js';
import type { ErrorIssue } from '../errors.js';
import type { PostRequest } from './open311.schema.js';
import { definitionOf } from './services.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function reporterName(first: string | undefined, last: string | undefined): string | undefined {
  const parts = [first, last].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return undefined;
  if (parts.some((p) => HAN.test(p))) return `${last ?? ''}${first ?? ''}`;
  return parts.join(' ');
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** A W3C date-time or a date as the date it names in China Standard Time; anything else as sent. */
function occurredOn(v: string | undefined): string | undefined {
  if (v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const at = new Date(v);
  return /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(at.getTime()) ? shanghaiDate(at) : v;
}

function booleanOf(v: string | undefined): boolean | string | undefined {
  if (v === undefined) return undefined;
  return v === 'true' ? true : v === 'false' ? false : v;
}

/** Attribute codes this service does not define: each an issue. */
export function unknownAttributes(category: Category, attribute: PostRequest['attribute']): ErrorIssue[] {
  const known = new Set(definitionOf(category, 'en').attributes.map((a) => a.code));
  return Object.keys(attribute).filter((code) => !known.has(code))
    .map((code) => ({ path: `attribute[${code}]`, message: `not an attribute of service ${category.code}` }));
}

/** The body POST /api/v1/cases would take for this request (checked by the intake's schema next). */
export function submissionInput(p: PostRequest): Record<string, unknown> {
  const a = p.attribute;
  const name = reporterName(p.first_name, p.last_name);
  const named = [p.first_name, p.last_name, p.phone, p.email].some((v) => v !== undefined);
  const relation = single(a.relation);
  return {
    kind: single(a.kind) ?? 'report',
    category: p.service_code,
    region: p.jurisdiction_id,
    subject: { name: single(a.subject_name) ?? '', creditCode: single(a.credit_code), address: p.address_string },
    description: p.description,
    occurredOn: occurredOn(single(a.occurred_on)),
    claim: single(a.claim),
    severity: single(a.severity),
    reward: booleanOf(single(a.reward)),
    reporter: named
      ? { anonymous: false, name: name ?? '', phone: p.phone ?? '', email: p.email, address: single(a.complainant_address), relation }
      : { anonymous: true, relation },
  };
}

const PATHS: Record<string, string> = {
  kind: 'attribute[kind]',
  category: 'service_code',
  region: 'jurisdiction_id',
  'subject.name': 'attribute[subject_name]',
  'subject.creditCode': 'attribute[credit_code]',
  'subject.address': 'address_string',
  description: 'description',
  occurredOn: 'attribute[occurred_on]',
  claim: 'attribute[claim]',
  severity: 'attribute[severity]',
  reward: 'attribute[reward]',
  reporter: 'last_name',
  'reporter.anonymous': 'last_name',
  'reporter.name': 'last_name',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
  'reporter.address': 'attribute[complainant_address]',
  'reporter.relation': 'attribute[relation]',
};

/** The intake's issue paths in the names the Open311 client sent. */
export function open311Issues(issues: readonly ErrorIssue[]): ErrorIssue[] {
  return issues.map((i) => ({ path: PATHS[i.path] ?? i.path, message: i.message }));
}
