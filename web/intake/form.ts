/** The intake form's fields as typed, and their mapping onto the submission JSON of POST /api/v1/cases. */
import { formText, type FormBody } from '../../server/lib/body.js';

/** Form field names are the API paths, so an issue's path names its field. */
export const textFields = [
  'kind', 'category', 'region', 'subject.name', 'subject.creditCode', 'subject.address',
  'subject.product.name', 'subject.product.brand', 'subject.product.model', 'subject.product.batch', 'subject.product.gtin',
  'description', 'occurredOn', 'claim', 'severity',
  'reporter.relation', 'reporter.name', 'reporter.phone', 'reporter.idNumber', 'reporter.email', 'reporter.address',
  // The enterprise path (`as=enterprise`): the responsible enterprise files its accident (web/intake/enterprise-page.tsx).
  'as', 'reporter.enterprise.name', 'reporter.enterprise.creditCode',
  'accident.deaths', 'accident.seriouslyInjured', 'accident.injured', 'accident.directLossFen',
] as const;
export const checkboxFields = ['reward', 'reporter.anonymous'] as const;

/** The order fields appear in on the page, which the error summary follows. */
export const formOrder: readonly string[] = [
  'kind', 'category', 'region', 'description', 'occurredOn', 'claim', 'severity',
  'accident', 'accident.deaths', 'accident.seriouslyInjured', 'accident.injured', 'accident.directLossFen',
  'reward', 'reporter.relation', 'attachments',
  'reporter.enterprise', 'reporter.enterprise.name', 'reporter.enterprise.creditCode',
  'subject.name', 'subject.creditCode', 'subject.address',
  'subject.product', 'subject.product.name', 'subject.product.brand', 'subject.product.model', 'subject.product.batch', 'subject.product.gtin',
  'reporter.anonymous', 'reporter.name', 'reporter.phone', 'reporter.idNumber', 'reporter.email', 'reporter.address',
];

export type TextField = (typeof textFields)[number];
export type CheckboxField = (typeof checkboxFields)[number];
export type FieldName = TextField | CheckboxField;
export type FormValues = Record<TextField, string> & Record<CheckboxField, boolean>;


export function emptyForm(kind = ''): FormValues {
  const values = Object.fromEntries([
    ...textFields.map((name) => [name, '']),
    ...checkboxFields.map((name) => [name, false]),
  ]) as FormValues;
  values.kind = kind;
  return values;
}


/** What the user typed, exactly, ready to be shown back in the form. */
export function readForm(body: FormBody): FormValues {
  const values = emptyForm();
  for (const name of textFields) values[name] = formText(body, name);
  for (const name of checkboxFields) values[name] = formText(body, name) !== '';
  return values;
}

/** The `attachments` parts of a multipart form post (none for a urlencoded one). */
export function attachmentParts(body: FormBody): (string | File)[] {
  const value = body.attachments;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value);

/** The form's path for the responsible enterprise filing its own accident (`?kind=injury&as=enterprise`). */
export const ENTERPRISE = 'enterprise';
export const isEnterpriseForm = (v: Pick<FormValues, 'as'>) => v.as === ENTERPRISE;

/** A count as typed: digits become a number; anything else is sent as typed, for the schema to refuse. */
function typedCount(value: string): unknown {
  const t = value.normalize('NFKC').trim();
  if (t === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** The loss is typed in yuan (up to two decimals, grouping commas allowed) and sent in fen, counted exactly. */
export function yuanToFen(value: string): unknown {
  const t = value.normalize('NFKC').replace(/[,\s元]/g, '');
  if (t === '') return undefined;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return t;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

/** The enterprise's submission: the enterprise is the subject, its contact person the (named) reporter. */
function enterpriseInput(v: FormValues): Record<string, unknown> {
  return {
    kind: v.kind,
    category: v.category,
    region: v.region,
    subject: {
      address: v['subject.address'],
      product: {
        name: v['subject.product.name'], brand: v['subject.product.brand'], model: v['subject.product.model'],
        batch: v['subject.product.batch'], gtin: v['subject.product.gtin'],
      },
    },
    description: v.description,
    occurredOn: blankToUndefined(v.occurredOn),
    severity: blankToUndefined(v.severity),
    accident: {
      deaths: typedCount(v['accident.deaths']), seriouslyInjured: typedCount(v['accident.seriouslyInjured']),
      injured: typedCount(v['accident.injured']), directLossFen: yuanToFen(v['accident.directLossFen']),
    },
    reporter: {
      anonymous: false,
      enterprise: { name: v['reporter.enterprise.name'], creditCode: v['reporter.enterprise.creditCode'] },
      name: v['reporter.name'],
      phone: v['reporter.phone'],
      email: v['reporter.email'],
    },
  };
}

/** The submission body for `submissionSchema`; an anonymous reporter's typed details are dropped. */
export function toSubmissionInput(v: FormValues): Record<string, unknown> {
  if (isEnterpriseForm(v)) return enterpriseInput(v);
  const relation = blankToUndefined(v['reporter.relation']);
  return {
    kind: v.kind,
    category: v.category,
    region: v.region,
    subject: {
      name: v['subject.name'], creditCode: v['subject.creditCode'], address: v['subject.address'],
      // Blank product fields (a category that is not a product's sends none) make no product.
      product: {
        name: v['subject.product.name'], brand: v['subject.product.brand'], model: v['subject.product.model'],
        batch: v['subject.product.batch'], gtin: v['subject.product.gtin'],
      },
    },
    description: v.description,
    occurredOn: blankToUndefined(v.occurredOn),
    claim: v.claim,
    severity: blankToUndefined(v.severity),
    reward: v.reward,
    reporter: v['reporter.anonymous']
      ? { anonymous: true, relation }
      : {
        anonymous: false,
        relation,
        name: v['reporter.name'],
        phone: v['reporter.phone'],
        idNumber: v['reporter.idNumber'],
        email: v['reporter.email'],
        address: v['reporter.address'],
      },
  };
}

export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

/** Where an error summary link lands: the field, or a radio group's first radio. */
export const anchorId = (name: string) => (name === 'kind' ? `${fieldId('kind')}-complaint` : fieldId(name));

/** The form's own fields: its idempotency key (made when the form is shown) and the button pressed. */
export const KEY_FIELD = '_key';
export const ACTION_FIELD = '_action';

/**
 * `refresh`: the form shown again as typed (another kind, another language), nothing filed. Every
 * button but the one that files is named ACTION_FIELD (its value is its label); that one has no name.
 */
export function formAction(body: FormBody): 'submit' | 'refresh' {
  return formText(body, ACTION_FIELD) !== '' ? 'refresh' : 'submit';
}

/** The fields that apply to some kinds only; the others apply to every kind. */
export const kindOnlyFields = {
  claim: ['complaint'], severity: ['injury'], reward: ['report'], 'reporter.relation': ['report'],
} as const satisfies Partial<Record<FieldName, readonly string[]>>;

/** Whether a kind-only field shows for the chosen kind (none chosen: not yet). */
export const showsFor = (kinds: readonly string[], kind: string) => kinds.includes(kind);
