/**
 * Every e-mail the service sends: who it goes to and the only values its template may use.
 * Department mail gets the case number, category, due date and a link; reporter mail the case
 * number and the follow-up address (the reward notice also the amount and claim deadline) — never
 * identity or narrative (docs/protection.md).
 */
import { formatYuan } from '../lib/money.js';

export const TEMPLATES = {
  case_received_reporter: { to: 'reporter', params: ['caseNumber', 'followupUrl'] },
  // After closing (server/satisfaction/): `followupUrl` is the single-use rating link, made when the mail is composed.
  rating_invite: { to: 'reporter', params: ['caseNumber', 'followupUrl'] },
  department_replied: { to: 'reporter', params: ['caseNumber', 'followupUrl'] },
  // An approved reward (server/rewards/): the one reporter mail with more than the case number — the
  // amount and the claim deadline, still nothing of the case itself.
  reward_notified: { to: 'reporter', params: ['caseNumber', 'followupUrl', 'amount', 'claimBy'] },
  case_new_department: { to: 'department', params: ['caseNumber', 'category', 'kind', 'dueAt', 'link'] },
  case_triage: { to: 'department', params: ['caseNumber', 'category', 'kind', 'dueAt', 'link'] },
  clock_due_soon: { to: 'department', params: ['caseNumber', 'category', 'clock', 'dueAt', 'link'] },
  clock_overdue: { to: 'department', params: ['caseNumber', 'category', 'clock', 'dueAt', 'link'] },
  escalation: { to: 'department', params: ['caseNumber', 'category', 'reason', 'department', 'dueAt', 'link'] },
  urge: { to: 'department', params: ['caseNumber', 'category', 'dueAt', 'link'] },
  reporter_message: { to: 'department', params: ['caseNumber', 'category', 'link'] },
  // Files added from the follow-up after filing (server/followup/evidence.service.ts).
  reporter_evidence: { to: 'department', params: ['caseNumber', 'category', 'link'] },
  department_digest: {
    to: 'department',
    params: ['day', 'department', 'newCount', 'newCases', 'dueSoonCount', 'dueSoonCases', 'overdueCount', 'overdueCases', 'queueUrl'],
  },
  // A quality signal to the risk desk's departments (server/signals/): what it is about, how many cases, the
  // signals page — no case number, text or reporter.
  signal_raised: { to: 'department', params: ['day', 'signalType', 'signalKey', 'count', 'period', 'signalsUrl'] },
  // The audit log's daily anchor to the auditors' own addresses (server/audit/anchor.service.ts).
  audit_anchor: { to: 'address', params: ['day', 'count', 'head', 'at', 'verifyCommand', 'auditUrl'] },
} as const satisfies Record<string, { to: 'reporter' | 'department' | 'address'; params: readonly string[] }>;

export type TemplateName = keyof typeof TEMPLATES;
/** zh-Hant (Traditional Chinese) is a reporter's language only: staff mail is zh-CN or English. */
export type MailLang = 'zh-CN' | 'zh-Hant' | 'en';
export const MAIL_LANGS: readonly MailLang[] = ['zh-CN', 'zh-Hant', 'en'];

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

/** The mail language of a case's reporter (cases.language is 'zh', 'zh-Hant' or 'en'). */
export function mailLangOf(language: string): MailLang {
  return language === 'en' || language === 'zh-Hant' ? language : 'zh-CN';
}

type Phrases = Record<MailLang, Record<string, string>>;

const KINDS: Phrases = {
  'zh-CN': { complaint: '投诉', report: '举报', injury: '产品伤害或质量事故报告' },
  'zh-Hant': { complaint: '投訴', report: '舉報', injury: '產品傷害或質量事故報告' },
  en: { complaint: 'complaint', report: 'report', injury: 'injury or quality accident report' },
};

// Names as in docs/lifecycle.md and the staff workspace.
const CLOCKS: Phrases = {
  'zh-CN': {
    accept_decision: '决定是否受理', mediation: '调解终结', open_decision: '决定是否立案',
    reporter_notice: '告知举报人立案结果', triage: '分诊', claim_window: '奖励申领期限',
  },
  'zh-Hant': {
    accept_decision: '決定是否受理', mediation: '調解終結', open_decision: '決定是否立案',
    reporter_notice: '通知舉報人立案結果', triage: '分流', claim_window: '獎勵申領期限',
  },
  en: {
    accept_decision: 'decision on acceptance', mediation: 'end of mediation', open_decision: 'decision on opening a case',
    reporter_notice: 'notice to the reporter', triage: 'triage', claim_window: 'reward claim window',
  },
};

export function kindPhrase(lang: MailLang, kind: string): string {
  return KINDS[lang][kind] ?? kind;
}

export function clockPhrase(lang: MailLang, clock: unknown): string {
  return typeof clock === 'string' ? (CLOCKS[lang][clock] ?? clock) : '—';
}

/** A reward in fen as the mail says it: '5,000.00 元' / 'CNY 5,000.00'. */
export function amountPhrase(lang: MailLang, fen: number): string {
  if (lang === 'zh-Hant') return `人民幣 ${formatYuan(fen)} 元`;
  return lang === 'en' ? `CNY ${formatYuan(fen)}` : `${formatYuan(fen)} 元`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A deadline as the follow-up page says it, in Beijing time: '2026年12月14日当日结束前（北京时间）' /
 * '14 Dec 2026, end of day (Beijing time)', or with its time when it is not the end of a day.
 */
export function deadlinePhrase(lang: MailLang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return '—';
  const [, y, mo, d, h, mi] = m as unknown as [string, string, string, string, string, string];
  const endOfDay = h === '23' && mi === '59';
  if (lang === 'en') return `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}, ${endOfDay ? 'end of day' : `${h}:${mi}`} (Beijing time)`;
  const [ends, time] = lang === 'zh-Hant' ? ['當日結束前', '北京時間'] : ['当日结束前', '北京时间'];
  return `${y}年${Number(mo)}月${Number(d)}日${endOfDay ? ends : ` ${h}:${mi} 前`}（${time}）`;
}

/** Why a case was escalated: overdue (the sweeper) or returned too often (cases/effects.ts). */
export function escalationReason(lang: MailLang, params: Record<string, unknown>): string {
  const clock = clockPhrase(lang, params.clock);
  if (params.reason === 'transfers') {
    const n = Number(params.transfers) || 3;
    return lang === 'en' ? `returned to the intake centre ${n} times` : `已被退回受理中心 ${n} 次`;
  }
  if (params.reason === 'overdue') return lang === 'en' ? `overdue: ${clock}` : `逾期未办理：${clock}`;
  return lang === 'en' ? 'needs supervision' : '需要督办';
}
