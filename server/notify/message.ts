/**
 * Builds the mail for an outbox row at sending time: the values its template may use (read from
 * the case and the directory now, so a renamed category shows its current name), rendered in
 * the recipient's language, addressed through resolveRecipient.
 */
import type { CaseRow } from '../../db/schema.js';
import type { Deps, MailMessage } from '../deps.js';
import { findCaseById } from '../cases/cases.repository.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import { findCategory, findDepartment } from '../directory/directory.repository.js';
import { anchorMailParams } from '../audit/anchor-mail.js';
import { findReward } from '../rewards/rewards.repository.js';
import { issueRatingLink } from '../satisfaction/rating-link.service.js';
import { signalMailParams } from '../signals/signal-mail.js';
import {
  amountPhrase, clockPhrase, deadlinePhrase, escalationReason, isTemplateName, kindPhrase, mailLangOf, TEMPLATES, type MailLang, type TemplateName,
} from './catalog.js';
import type { OutboxRow } from './outbox.repository.js';
import { PermanentMailError, resolveRecipient } from './recipients.js';
import { renderMail, TemplateError, type TemplateParams } from './templates.js';

type Stored = Record<string, unknown>;

function storedParams(row: OutboxRow): Stored {
  try {
    const value: unknown = JSON.parse(row.params);
    return value && typeof value === 'object' ? (value as Stored) : {};
  } catch {
    return {};
  }
}

/** '2026-12-07T23:59:59.999+08:00' → '2026-12-07 23:59' (Beijing time, as the templates say). */
export function formatDue(value: unknown): string {
  const at = typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return '—';
  const iso = toShanghaiIso(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Case numbers of a digest line: the first 30, then how many more. */
export function caseList(lang: MailLang, value: unknown): string {
  const numbers = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  if (numbers.length === 0) return '—';
  const shown = numbers.slice(0, 30).join(lang === 'en' ? ', ' : '、');
  const more = numbers.length - 30;
  return more <= 0 ? shown : lang === 'en' ? `${shown} and ${more} more` : `${shown} 等（另有 ${more} 件）`;
}

const named = (lang: MailLang, r: { name_zh: string; name_en: string } | undefined) => r && (lang === 'en' ? r.name_en : r.name_zh);

async function digestParams(deps: Deps, row: OutboxRow, stored: Stored, lang: MailLang): Promise<TemplateParams> {
  const department = await findDepartment(deps.db, row.recipient_ref);
  const count = (key: string) => (Array.isArray(stored[key]) ? (stored[key] as unknown[]).length : 0);
  return {
    day: typeof stored.day === 'string' ? stored.day : '—',
    department: named(lang, department) ?? row.recipient_ref,
    newCount: count('newCases'), newCases: caseList(lang, stored.newCases),
    dueSoonCount: count('dueSoonCases'), dueSoonCases: caseList(lang, stored.dueSoonCases),
    overdueCount: count('overdueCases'), overdueCases: caseList(lang, stored.overdueCases),
    queueUrl: `${deps.config.publicUrl}/staff`,
  };
}

async function caseParams(deps: Deps, c: CaseRow | undefined, stored: Stored, lang: MailLang): Promise<TemplateParams> {
  if (!c) throw new PermanentMailError('the case of this mail no longer exists');
  const departmentCode = typeof stored.department === 'string' ? stored.department : c.department;
  const [category, department] = await Promise.all([
    findCategory(deps.db, c.category),
    departmentCode ? findDepartment(deps.db, departmentCode) : Promise.resolve(undefined),
  ]);
  return {
    caseNumber: c.case_number,
    category: named(lang, category) ?? c.category,
    kind: kindPhrase(lang, c.kind),
    dueAt: formatDue(stored.dueAt ?? c.next_due_at),
    clock: clockPhrase(lang, stored.clock),
    reason: escalationReason(lang, stored),
    department: named(lang, department) ?? (lang === 'en' ? 'none (intake centre triage)' : '无（受理中心待分派）'),
    link: `${deps.config.publicUrl}/staff/cases/${encodeURIComponent(c.case_number)}`,
    followupUrl: `${deps.config.publicUrl}/followup`,
  };
}

/**
 * The reward notice's amount and claim deadline, as written with the approval (a row queued before
 * they were stored reads them from the reward). A notice without them is not sent at all.
 */
async function rewardParams(deps: Deps, c: CaseRow, stored: Stored, lang: MailLang): Promise<TemplateParams> {
  let { amountFen, claimBy } = stored;
  if (typeof amountFen !== 'number' || typeof claimBy !== 'string') {
    const reward = await findReward(deps.db, c.id);
    [amountFen, claimBy] = [reward?.amount_fen, reward?.claim_by];
  }
  if (typeof amountFen !== 'number' || typeof claimBy !== 'string') throw new PermanentMailError('the reward has no amount or claim date');
  return { amount: amountPhrase(lang, amountFen), claimBy: deadlinePhrase(lang, claimBy) };
}

/** Only the values the catalog allows this template: a template edit cannot widen what a mail carries. */
function allowed(name: TemplateName, params: TemplateParams): TemplateParams {
  return Object.fromEntries(TEMPLATES[name].params.flatMap((k) => (Object.hasOwn(params, k) ? [[k, params[k]!]] : [])));
}

/** The message for a row, with the row's own Message-ID; PermanentMailError when it cannot be built. */
export async function composeMail(deps: Deps, row: OutboxRow): Promise<MailMessage> {
  const name = row.template;
  if (!isTemplateName(name)) throw new PermanentMailError(`no template ${name.slice(0, 60)}`);
  const c = row.case_id ? await findCaseById(deps.db, row.case_id) : undefined;
  // Reporters read mail in the language they filed in; staff in the configured one.
  const lang = mailLangOf(row.recipient_type === 'reporter' ? (c?.language ?? 'zh') : deps.config.INTAKE_STAFF_MAIL_LANG);
  const stored = storedParams(row);
  const params = name === 'department_digest' ? await digestParams(deps, row, stored, lang)
    : name === 'audit_anchor' ? anchorMailParams(deps, stored)
    : name === 'signal_raised' ? await signalMailParams(deps, stored, lang) : await caseParams(deps, c, stored, lang);
  const extra = name === 'reward_notified' && c ? await rewardParams(deps, c, stored, lang)
    : name === 'rating_invite' && c ? { followupUrl: await issueRatingLink(deps, c.id) } : {};
  let rendered;
  try {
    rendered = renderMail(name, lang, allowed(name, { ...params, ...extra }));
  } catch (err) {
    if (err instanceof TemplateError) throw new PermanentMailError(`template ${lang}/${name}: ${err.message}`);
    throw err;
  }
  return { messageId: row.message_id, to: await resolveRecipient(deps, row), ...rendered };
}
