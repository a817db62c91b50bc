/** The submission body of POST /api/v1/cases, with its cross-field rules (docs/architecture.md). */
import { z } from 'zod';
import { RELATIONS, type CaseKind } from '../../domain/vocabulary.js';
import type { Named } from '../directory/directory.js';
import { checkCreditCode, checkGtin, isValidIdNumber } from '../lib/identifiers.js';
import { normalisePhone } from '../lib/phone.js';

// GB/T 2260 province-level prefixes; a code outside them (e.g. 999999) is not a region at all.
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2));
}

const trimmed = (min: number, max: number, label: string) =>
  z.string({ error: `${label} is required` }).trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} may have at most ${max} characters`);

const optionalTrimmed = (max: number, label: string) =>
  z.string().trim().max(max, `${label} may have at most ${max} characters`).optional()
    .transform((v) => (v ? v : undefined));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD').refine((v) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}, 'not a real date');

/** The product a case names; every field optional, and a product with nothing typed is none. */
const productSchema = z.object({
  name: optionalTrimmed(200, 'the product name'),
  brand: optionalTrimmed(100, 'the brand'),
  model: optionalTrimmed(100, 'the model'),
  batch: optionalTrimmed(100, 'the batch'),
  gtin: optionalTrimmed(40, 'the barcode').superRefine((v, ctx) => {
    if (v !== undefined && !checkGtin(v).wellFormed) {
      ctx.addIssue({ code: 'custom', message: 'a GTIN (GS1 barcode) has 8, 12, 13 or 14 digits' });
    }
  }).transform((v) => (v === undefined ? undefined : checkGtin(v).code)),
}, { error: 'subject.product must be an object' }).optional()
  .transform((p) => (p && Object.values(p).some((v) => v !== undefined) ? p : undefined));

export type Product = NonNullable<z.output<typeof productSchema>>;

const CREDIT_CODE_FORM = 'a unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z';
const creditCodeForm = (v: string | undefined, ctx: z.RefinementCtx) => {
  if (v !== undefined && !checkCreditCode(v).wellFormed) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_FORM });
};

const BUSINESS_NAME_REQUIRED = 'the business name is required';

const subjectSchema = z.object({
  // Required unless the responsible enterprise files (its name is then the default): checked below.
  name: z.string({ error: BUSINESS_NAME_REQUIRED }).trim().max(200, 'the business name may have at most 200 characters').optional(),
  creditCode: optionalTrimmed(18, 'a credit code').superRefine(creditCodeForm)
    .transform((v) => (v === undefined ? undefined : v.toUpperCase())),
  address: optionalTrimmed(300, 'the address'),
  product: productSchema,
});

/** Who the reporter is to the matter (a report only); it decides whether a reward is excluded. */
const relation = z.enum(RELATIONS, { error: `reporter.relation must be one of ${RELATIONS.join(', ')}` }).optional();

const PHONE_FORMATS = 'not a phone number we can take: give a mainland mobile (13812345678), a mainland landline with its area code '
  + '(020-12345678), or with its country code a Hong Kong or Macao number or a Taiwan mobile (+852 9123 4567, +853 6612 3456, +886 912 345 678)';

const ENTERPRISE_NAMED = 'the responsible enterprise files under its name with a contact person: reporter.anonymous must be false';
const anonymousReporter = z.object({
  anonymous: z.literal(true), relation, enterprise: z.never({ error: ENTERPRISE_NAMED }).optional(),
});

/** The responsible enterprise filing its own accident (an injury only); its contact person is the reporter. */
const enterpriseSchema = z.object({
  name: trimmed(1, 200, 'the enterprise name'),
  creditCode: z.string({ error: 'the enterprise\'s unified social credit code is required' }).trim()
    .min(1, 'the enterprise\'s unified social credit code is required')
    .superRefine(creditCodeForm).transform((v) => v.toUpperCase()),
}, { error: 'reporter.enterprise must be an object with name and creditCode' });

const count = (label: string) => z.number({ error: `${label} must be a whole number, 0 or more` })
  .int(`${label} must be a whole number, 0 or more`).min(0, `${label} must be a whole number, 0 or more`)
  .max(1_000_000, `${label} may be at most 1000000`);

/** An injury's accident figures; they set the severity on filing (server/intake/accident.ts). */
const accidentSchema = z.object({
  deaths: count('accident.deaths'),
  seriouslyInjured: count('accident.seriouslyInjured'),
  injured: count('accident.injured'),
  directLossFen: z.number({ error: 'accident.directLossFen must be a whole number of fen, 0 or more' })
    .int('accident.directLossFen must be a whole number of fen, 0 or more')
    .min(0, 'accident.directLossFen must be a whole number of fen, 0 or more').optional(),
}, { error: 'accident must be an object: { deaths, seriouslyInjured, injured, directLossFen? }' });

const namedReporter = z.object({
  anonymous: z.literal(false),
  relation,
  name: trimmed(1, 50, 'the name'),
  phone: z.string({ error: 'a phone number is required' }).trim().min(1, 'a phone number is required')
    .transform((v, ctx) => {
      const phone = normalisePhone(v);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: PHONE_FORMATS });
        return z.NEVER;
      }
      return phone;
    }),
  idNumber: optionalTrimmed(18, 'the ID number').refine((v) => v === undefined || isValidIdNumber(v),
    'not a valid resident ID number (check character or birth date is wrong)')
    .transform((v) => v?.toUpperCase()),
  email: optionalTrimmed(254, 'the e-mail address').refine((v) => v === undefined || z.email().safeParse(v).success,
    'not a valid e-mail address'),
  address: optionalTrimmed(300, 'the address'),
  enterprise: enterpriseSchema.optional(),
});

export const kinds = ['complaint', 'report', 'injury'] as const;

export const submissionSchema = z.object({
  kind: z.enum(kinds, { error: 'kind must be complaint, report or injury' }),
  category: z.string({ error: 'category is required' }).trim().min(1, 'category is required').max(64),
  region: z.string({ error: 'region is required' }).trim().refine(isRegionCode, 'not a region code (GB/T 2260, 6 digits)'),
  // Optional only when the responsible enterprise files: it is then the subject.
  subject: subjectSchema.optional(),
  description: trimmed(10, 5000, 'the description'),
  occurredOn: isoDate.optional(),
  claim: optionalTrimmed(2000, 'the claim'),
  severity: z.enum(['minor', 'serious', 'fatal'], { error: 'severity must be minor, serious or fatal' }).optional(),
  reward: z.boolean({ error: 'reward must be true or false' }).default(false),
  reporter: z.discriminatedUnion('anonymous', [anonymousReporter, namedReporter], {
    error: 'reporter.anonymous must be true or false',
  }).optional(),
  accident: accidentSchema.optional(),
}).superRefine((parsed, ctx) => {
  // This runs even when a field failed (`when` below), so that one answer names every problem:
  // a failed field's value may be anything, and each rule looks only at what it needs.
  const s = parsed as Partial<Record<keyof typeof parsed, unknown>> & { reporter?: Record<string, unknown> };
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const reporter = typeof s.reporter === 'object' && s.reporter !== null ? s.reporter : undefined;
  const enterprise = reporter?.enterprise !== undefined && reporter.anonymous === false;
  subjectIssues(s.subject, enterprise, issue);
  // Without a valid kind, what belongs to which kind cannot be told: the kind's own issue says so.
  if (!(kinds as readonly unknown[]).includes(s.kind)) return;
  if (s.kind === 'complaint') {
    if (!reporter || reporter.anonymous === true) {
      issue(['reporter', 'anonymous'], 'a complaint cannot be anonymous: name, phone and address are required');
    } else if (reporter.anonymous === false && (typeof reporter.address !== 'string' || reporter.address.trim() === '')) {
      issue(['reporter', 'address'], 'a complaint needs the complainant\'s address');
    }
  } else if (s.claim) {
    issue(['claim'], 'a claim belongs to a complaint only');
  }
  if (s.kind === 'injury' && !s.severity && s.accident === undefined) issue(['severity'], 'an injury report needs a severity or its accident figures');
  if (s.kind !== 'injury' && s.accident !== undefined) issue(['accident'], 'accident figures belong to an injury report only');
  if (s.kind !== 'injury' && enterprise) issue(['reporter', 'enterprise'], 'only an injury (accident) report may be filed by the responsible enterprise');
  if (s.kind === 'injury' && enterprise && s.accident === undefined) {
    issue(['accident'], 'the responsible enterprise gives the accident figures: deaths, seriouslyInjured, injured and directLossFen');
  }
  if (s.kind !== 'injury' && s.severity) issue(['severity'], 'severity belongs to an injury report only');
  if (s.kind !== 'report' && s.reward === true) issue(['reward'], 'only a report can ask for a reward');
  if (s.kind !== 'report' && reporter?.relation) issue(['reporter', 'relation'], 'only a report declares the reporter\'s relation to the matter');
}, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })
  .transform(({ subject, ...rest }) => ({ ...rest, subject: subjectOf(subject, rest.reporter) }));

/** The subject must be named unless the responsible enterprise files; the enterprise then names it. */
function subjectIssues(subject: unknown, enterprise: boolean, issue: (path: (string | number)[], message: string) => void) {
  if (enterprise) return;
  if (subject === undefined) issue(['subject'], 'subject is required: { name, creditCode?, address?, product? }');
  else if (typeof subject === 'object' && subject !== null) {
    const name = (subject as { name?: unknown }).name;
    if (name === undefined || (typeof name === 'string' && name.trim() === '')) issue(['subject', 'name'], BUSINESS_NAME_REQUIRED);
  }
}

type ParsedSubject = NonNullable<z.output<typeof subjectSchema>>;
type ParsedReporter = { anonymous: boolean; enterprise?: { name: string; creditCode: string } | undefined } | undefined;

/** The case's subject: as given, its missing name and credit code taken from a filing enterprise. */
function subjectOf(subject: ParsedSubject | undefined, reporter: ParsedReporter) {
  const enterprise = reporter && !reporter.anonymous ? reporter.enterprise : undefined;
  const name = subject?.name || enterprise?.name || '';
  return { ...subject, name, creditCode: subject?.creditCode ?? (subject?.name ? undefined : enterprise?.creditCode) };
}

export type SubmissionInput = z.input<typeof submissionSchema>;
export type Submission = z.output<typeof submissionSchema>;
export type Reporter = NonNullable<Submission['reporter']>;

/** What POST /api/v1/cases answers: shown to the reporter once, receipt included. */
export interface SubmittedCase {
  caseNumber: string;
  receipt: string;
  kind: CaseKind;
  status: 'received';
  department: { code: string; name: Named } | null;
  cohandlers: { code: string; name: Named }[];
  urgent: boolean;
  creditCodeCheckFailed: boolean;
  /** The product's GTIN has a wrong check digit (accepted, flagged); false without one. */
  gtinCheckFailed: boolean;
  /** An injury's severity as filed (its accident figures may have raised it); null for other kinds. */
  severity: 'minor' | 'serious' | 'fatal' | null;
  due: { clock: string; dueAt: string; provisional: boolean }[];
  receivedAt: string;
  /** The files stored with the case; empty for a JSON submission. */
  attachments: { id: string; type: string; size: number; metadataRemoved: boolean }[];
}
