/**
 * Every piece of UI text, in zh-CN (the default), Traditional Chinese (zh-Hant, the public pages
 * only: staff pages stay zh-CN or English) and English; each area's own text (the intake form,
 * staff, admin, follow-up) sits beside its pages.
 */
import type { CaseKind } from '../domain/vocabulary.js';
import { adminEn } from './admin/messages-en.js';
import { adminZh } from './admin/messages-zh.js';
import { followupEn } from './followup/messages-en.js';
import { followupZhHant } from './followup/messages-zh-Hant.js';
import { followupZh } from './followup/messages-zh.js';
import { intakeFormEn } from './intake/messages-en.js';
import { intakeFormZhHant } from './intake/messages-zh-Hant.js';
import { intakeFormZh } from './intake/messages-zh.js';
import { staffEn } from './staff/messages-en.js';
import { staffZh } from './staff/messages-zh.js';

export const langs = ['zh', 'zh-Hant', 'en'] as const;
export type Lang = (typeof langs)[number];
/** Staff and admin pages have no zh-Hant text: a zh-Hant visitor reads them in zh-CN. */
export type StaffLang = Exclude<Lang, 'zh-Hant'>;

const zh = {
  htmlLang: 'zh-CN',
  siteName: '广东省质量投诉举报平台',
  skipLink: '跳到主要内容',
  switchLabel: 'English',
  switchLang: 'en' as Lang,
  switchHtmlLang: 'en',
  footerIdentity: '您的身份信息加密保存，只用于依法处理您提交的事项。',
  footerEmergency: '遇到人身危险请立即拨打 110 或 120。',
  required: '必填',
  optional: '选填',
  choose: '请选择',
  kinds: {
    complaint: { name: '投诉', short: '投诉', what: '与商家发生消费纠纷，请监管部门调解。需要提供姓名、联系电话和地址。', action: '我要投诉' },
    report: { name: '举报', short: '举报', what: '提供企业涉嫌违法的线索。可以匿名，可以申请举报奖励。', action: '我要举报' },
    injury: { name: '产品伤害·质量事故', short: '伤害事故', what: '报告产品造成的人身伤害或重大质量事故。可以匿名。', action: '报告伤害或事故' },
  } satisfies Record<CaseKind, { name: string; short: string; what: string; action: string }>,
  home: {
    title: '质量投诉举报',
    intro: '对产品、工程和服务质量问题，您可以在这里投诉、举报或报告产品伤害和质量事故。平台根据类别和地区把事项交给负责的部门办理。',
    chooseHeading: '您要提交什么？',
    knowHeading: '提交前请了解',
    know: [
      '提交后会显示一个 16 位查询码，只显示一次。凭它可以查询进度、补充材料、申领奖励。',
      '举报人身份依法保密，经办人员只看到化名。',
      '投诉一般在 7 个工作日内决定是否受理，举报一般在 15 个工作日内决定是否立案。',
    ],
  },
  ...intakeFormZh,
  confirm: {
    title: { complaint: '已收到您的投诉', report: '已收到您的举报', injury: '已收到您的报告' } satisfies Record<CaseKind, string>,
    caseNumber: '案件编号',
    department: '承办部门',
    triage: '省质量投诉举报受理中心将把本件分派给负责的部门。',
    cohandlers: '协办部门',
    dueHeading: '办理时限',
    clocks: {
      accept_decision: '决定是否受理', mediation: '调解结束', open_decision: '决定是否立案',
      reporter_notice: '告知举报人', triage: '分派处理', claim_window: '申领奖励',
    } as Record<string, string>,
    endOfDay: '当日结束前',
    before: '前',
    provisional: '暂定：该年度节假日安排尚未公布，公布后时限可能调整。',
    receiptHeading: '您的查询码',
    receiptWarning: '请立即抄写或打印保存。查询码只显示这一次，丢失后无法找回；它是您日后查询进度、回复问题和申领奖励的唯一凭证。请不要告诉任何人。',
    print: '打印本页',
    printNoScript: '请抄写查询码，或用浏览器菜单打印本页。',
    next: '承办部门办理期间，您可以凭查询码查看进度和留言。',
  },
  errorPage: {
    forbiddenTitle: '请求被拒绝',
    forbidden: '为保护您的安全，只接受从本站页面提交的表单。请重新打开提交页面再试。',
    tooLargeTitle: '内容过多',
    tooLarge: '提交的内容超过了允许的大小，请精简后再试。',
    genericTitle: '出错了',
    generic: '服务暂时出现问题，您填写的内容没有提交。请稍后再试。',
    back: '返回提交页面',
    notFoundTitle: '找不到这个页面',
    notFound: '您要找的页面不存在，可能是地址输错了，或页面已经移动。',
    home: '返回首页',
  },
  staff: staffZh,
  admin: adminZh,
  followup: followupZh,
};

export type Messages = typeof zh;

const en: Messages = {
  htmlLang: 'en',
  siteName: 'Guangdong Quality Complaint and Report Platform',
  skipLink: 'Skip to main content',
  switchLabel: '中文',
  switchLang: 'zh',
  switchHtmlLang: 'zh-CN',
  footerIdentity: 'Your identity is stored encrypted and used only to handle what you file, as the law allows.',
  footerEmergency: 'If anyone is in danger, call 110 or 120 now.',
  required: 'required',
  optional: 'optional',
  choose: 'Choose…',
  kinds: {
    complaint: { name: 'Complaint', short: 'complaints', what: 'A consumer dispute with a business that you want the regulator to settle. Needs your name, phone number and address.', action: 'Make a complaint' },
    report: { name: 'Report (tip-off)', short: 'reports', what: 'A lead on a suspected violation by a business. May be anonymous; you may ask for a reward.', action: 'Report a violation' },
    injury: { name: 'Injury or quality accident', short: 'injury reports', what: 'A person hurt by a product, or a major quality accident. May be anonymous.', action: 'Report an injury or accident' },
  },
  home: {
    title: 'Quality complaints and reports',
    intro: 'Complain about, report, or tell us of an injury caused by a product, a construction work or a service. We send it to the department responsible for its category and region.',
    chooseHeading: 'What do you want to file?',
    knowHeading: 'Before you start',
    know: [
      'When you submit you get a 16-digit receipt, shown only once. Use it to follow up, add information and claim a reward.',
      'A reporter\'s identity is protected by law; handlers only see a pseudonym.',
      'A complaint is normally accepted or refused within 7 working days; a report is decided within 15 working days.',
    ],
  },
  ...intakeFormEn,
  confirm: {
    title: { complaint: 'Your complaint has been received', report: 'Your report has been received', injury: 'Your injury report has been received' },
    caseNumber: 'Case number',
    department: 'Department handling it',
    triage: 'The provincial intake centre will route it to the responsible department.',
    cohandlers: 'Also helping',
    dueHeading: 'Time limits',
    clocks: {
      accept_decision: 'Decision on acceptance', mediation: 'End of mediation', open_decision: 'Decision on opening a case',
      reporter_notice: 'Notice to the reporter', triage: 'Triage', claim_window: 'Reward claim',
    },
    endOfDay: 'end of day',
    before: '',
    provisional: 'Provisional: the year\'s public holidays are not published yet, so this date may move.',
    receiptHeading: 'Your receipt',
    receiptWarning: 'Write it down or print this page now. It is shown only this once and cannot be recovered; it is the only way to follow up, answer questions and claim a reward. Do not share it.',
    print: 'Print this page',
    printNoScript: 'Write the receipt down, or print this page from your browser\'s menu.',
    next: 'While the department handles it, you can use the receipt to see progress and send messages.',
  },
  errorPage: {
    forbiddenTitle: 'Request refused',
    forbidden: 'To protect you, forms are only accepted from this site\'s own pages. Open the form again and retry.',
    tooLargeTitle: 'Too much content',
    tooLarge: 'What you sent is larger than allowed. Shorten it and try again.',
    genericTitle: 'Something went wrong',
    generic: 'The service had a problem and nothing was submitted. Please try again later.',
    back: 'Back to the form',
    notFoundTitle: 'Page not found',
    notFound: 'There is no page at this address. It may be mistyped, or the page has moved.',
    home: 'Go to the home page',
  },
  staff: staffEn,
  admin: adminEn,
  followup: followupEn,
};

// Hand-translated for readers in Hong Kong, Macao and Taiwan (word choices in the README), not converted.
const zhHant: Messages = {
  htmlLang: 'zh-Hant',
  siteName: '廣東省質量投訴舉報平台',
  skipLink: '跳到主要內容',
  switchLabel: 'English',
  switchLang: 'en',
  switchHtmlLang: 'en',
  footerIdentity: '您的身份資料經加密保存，只用於依法處理您提交的事項。',
  footerEmergency: '如遇人身危險，請立即致電 110 或 120（香港、澳門請致電 999）。',
  required: '必填',
  optional: '選填',
  choose: '請選擇',
  kinds: {
    complaint: { name: '投訴', short: '投訴', what: '與商家發生消費糾紛，請監管部門調解。需要提供姓名、聯絡電話和地址。', action: '我要投訴' },
    report: { name: '舉報', short: '舉報', what: '提供企業涉嫌違法的線索。可以匿名，可以申請舉報獎勵。', action: '我要舉報' },
    injury: { name: '產品傷害·質量事故', short: '傷害事故', what: '報告產品造成的人身傷害或重大質量事故。可以匿名。', action: '報告傷害或事故' },
  },
  home: {
    title: '質量投訴舉報',
    intro: '對於在廣東省內遇到的產品、工程和服務質量問題，您可以在這裡投訴、舉報或報告產品傷害和質量事故。平台按類別和地區把事項交給負責的部門處理。',
    chooseHeading: '您要提交甚麼？',
    knowHeading: '提交前請了解',
    know: [
      '提交後會顯示一個 16 位數字查詢碼，只顯示一次。憑它可以查詢進度、補充材料、申領獎勵。',
      '舉報人身份依法保密，經辦人員只看到化名。',
      '投訴一般在 7 個工作日內決定是否受理，舉報一般在 15 個工作日內決定是否立案（工作日按內地假期安排計算）。',
    ],
  },
  ...intakeFormZhHant,
  confirm: {
    title: { complaint: '已收到您的投訴', report: '已收到您的舉報', injury: '已收到您的報告' },
    caseNumber: '案件編號',
    department: '承辦部門',
    triage: '廣東省質量投訴舉報受理中心將把本件分派給負責的部門。',
    cohandlers: '協辦部門',
    dueHeading: '處理時限',
    clocks: {
      accept_decision: '決定是否受理', mediation: '調解結束', open_decision: '決定是否立案',
      reporter_notice: '通知舉報人', triage: '分派處理', claim_window: '申領獎勵',
    },
    endOfDay: '當日結束前',
    before: '前',
    provisional: '暫定：該年度的內地假期安排尚未公布，公布後時限可能調整。',
    receiptHeading: '您的查詢碼',
    receiptWarning: '請立即抄下或列印保存。查詢碼只顯示這一次，遺失後無法補發；它是您日後查詢進度、回覆問題和申領獎勵的唯一憑證。請不要告訴任何人。',
    print: '列印本頁',
    printNoScript: '請抄下查詢碼，或用瀏覽器選單列印本頁。',
    next: '承辦部門處理期間，您可以憑查詢碼查看進度和留言。',
  },
  errorPage: {
    forbiddenTitle: '請求被拒絕',
    forbidden: '為保障您的安全，只接受從本站頁面提交的表格。請重新開啟提交頁面再試。',
    tooLargeTitle: '內容過多',
    tooLarge: '提交的內容超過了容許的大小，請精簡後再試。',
    genericTitle: '出錯了',
    generic: '服務暫時出現問題，您填寫的內容沒有提交。請稍後再試。',
    back: '返回提交頁面',
    notFoundTitle: '找不到這個頁面',
    notFound: '您要找的頁面不存在，可能是網址輸入錯誤，或頁面已經移動。',
    home: '返回首頁',
  },
  staff: staffZh,
  admin: adminZh,
  followup: followupZhHant,
};

export const messages: Record<Lang, Messages> = { zh, 'zh-Hant': zhHant, en };

/** The public language switch: each language named in itself. */
export const langChoices: readonly { lang: Lang; label: string; htmlLang: string }[] = [
  { lang: 'zh', label: '简体', htmlLang: 'zh-CN' },
  { lang: 'zh-Hant', label: '繁體', htmlLang: 'zh-Hant' },
  { lang: 'en', label: 'English', htmlLang: 'en' },
];

export const isLang = (value: unknown): value is Lang => langs.includes(value as Lang);
