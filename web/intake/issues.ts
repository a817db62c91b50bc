/** Validation issues (zod's and the directory's) turned into one message per field, in the page language. */
import type { ErrorIssue } from '../../server/errors.js';
import type { Lang, Messages } from '../i18n.js';
import { nameIn } from '../names.js';
import { isKind, type CategoryChoice } from './choices.js';
import { enterpriseText } from './enterprise-messages.js';
import { formOrder, isEnterpriseForm, type FormValues } from './form.js';

export type FieldErrors = Map<string, string>;

/** The category/kind mismatch, found before the service would, so all problems show at once. */
export function categoryIssue(values: FormValues, categories: CategoryChoice[]): ErrorIssue | null {
  const category = categories.find((c) => c.code === values.category);
  if (!category || !isKind(values.kind) || category.kinds.includes(values.kind)) return null;
  return { path: 'category', message: `category ${category.code} does not take a ${values.kind}` };
}

function categoryMessage(values: FormValues, t: Messages, lang: Lang, categories: CategoryChoice[]) {
  if (values.category.trim() === '') return t.errors.categoryMissing;
  const category = categories.find((c) => c.code === values.category);
  if (!category) return t.errors.categoryUnknown;
  if (!isKind(values.kind)) return t.errors.kind;
  const takes = category.kinds.map((k) => t.kinds[k].short).join(t.form.kindSeparator);
  return t.errors.categoryKind(nameIn(category.name, lang), t.kinds[values.kind].short, takes);
}

function messageFor(issue: ErrorIssue, values: FormValues, t: Messages, lang: Lang, categories: CategoryChoice[]) {
  const e = t.errors;
  const blank = (name: keyof FormValues) => String(values[name]).trim() === '';
  switch (issue.path) {
    case 'kind': return e.kind;
    case 'category': return categoryMessage(values, t, lang, categories);
    case 'region': return e.region;
    case 'subject.name': return e.subjectName;
    case 'subject.creditCode': return e.creditCode;
    case 'subject.address': return e.tooLong(300);
    case 'subject.product.name': return e.tooLong(200);
    case 'subject.product.brand': case 'subject.product.model': case 'subject.product.batch': return e.tooLong(100);
    case 'subject.product.gtin': return e.gtin;
    case 'description': return e.description;
    case 'occurredOn': return e.occurredOn;
    case 'claim': return values.kind === 'complaint' ? e.tooLong(2000) : e.claimNotComplaint;
    case 'severity': return values.kind === 'injury' ? e.severityMissing : e.severityNotInjury;
    case 'reward': return e.rewardNotReport;
    case 'reporter.relation': return values.kind === 'report' ? e.other : e.relationNotReport;
    // The message of an attachments issue is the refusal reason (web/intake/submit.ts).
    case 'attachments': return e.attachments[issue.message as keyof typeof e.attachments] ?? e.other;
    case 'reporter.anonymous': return e.anonymousComplaint;
    case 'reporter.name': return isEnterpriseForm(values) ? enterpriseText(lang).errors.contactName : e.name;
    case 'accident': return enterpriseText(lang).errors.accidentMissing;
    case 'accident.deaths': case 'accident.seriouslyInjured': case 'accident.injured': return enterpriseText(lang).errors.count;
    case 'accident.directLossFen': return enterpriseText(lang).errors.loss;
    case 'reporter.enterprise': return enterpriseText(lang).errors.notInjury;
    case 'reporter.enterprise.name': return enterpriseText(lang).errors.enterpriseName;
    case 'reporter.enterprise.creditCode':
      return blank('reporter.enterprise.creditCode') ? enterpriseText(lang).errors.creditCodeMissing : e.creditCode;
    // A landline or a number with a country code gets the formats; anything else reads as a mobile typed wrong.
    case 'reporter.phone': return /^\s*[+＋0０8８]/.test(values['reporter.phone']) ? e.phoneFormats : e.phone;
    case 'reporter.idNumber': return e.idNumber;
    case 'reporter.email': return e.email;
    case 'reporter.address': return blank('reporter.address') ? e.addressMissing : e.tooLong(300);
    default: return lang === 'en' ? issue.message : e.other;
  }
}

const position = (path: string) => {
  const index = formOrder.indexOf(path);
  return index === -1 ? formOrder.length : index;
};

/** The first issue of each field, localised, in the order the fields appear on the page. */
export function fieldErrors(
  issues: ErrorIssue[], values: FormValues, t: Messages, lang: Lang, categories: CategoryChoice[],
): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const issue of [...issues].sort((a, b) => position(a.path) - position(b.path))) {
    if (!errors.has(issue.path)) errors.set(issue.path, messageFor(issue, values, t, lang, categories));
  }
  return errors;
}
