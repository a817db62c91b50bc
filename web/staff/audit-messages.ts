/** The auditors' page (web/staff/audit-page.tsx) in both languages; kept beside it, not in the shared catalogue. */
import type { Lang } from '../i18n.js';

const zh = {
  nav: '审计日志',
  title: '审计日志',
  intro: '每一次受保护数据的访问和每一次状态变更都记录在此。记录以密钥链接（HMAC），并定期在数据库之外留存锚点，删除或改写记录都可被发现。',
  verification: '日志核验',
  never: '尚未核验过。',
  ok: (n: number) => `核验通过：共 ${n} 条记录，链接和密钥校验均无误。`,
  broken: (seq: number, reason: string) => `核验未通过：第 ${seq} 条记录 —— ${reason}`,
  ranBy: (at: string, by: string) => `核验时间 ${at}，由 ${by} 发起。`,
  anchor: (count: number, at: string, n: number) => `最近核对的锚点：${at} 时共 ${count} 条（共核对 ${n} 个锚点）。`,
  noAnchor: '没有可核对的锚点：从日志末尾删除的记录无法发现。',
  running: '正在核验，完成后结果显示在此处（刷新页面）。',
  started: '已开始核验。',
  run: '立即核验',
  filters: '筛选',
  action: '操作',
  actor: '操作人',
  caseNumber: '案件编号',
  from: '起始日期',
  to: '截止日期',
  apply: '筛选',
  reset: '清除筛选',
  invalid: '筛选条件有误：',
  time: '时间',
  detail: '详情',
  entry: '序号',
  unkeyed: '（未加密钥，早于 0014）',
  none: '没有符合条件的记录。',
  older: '更早的记录',
  newest: '回到最新',
};

type AuditMessages = typeof zh;

const en: AuditMessages = {
  nav: 'Audit log',
  title: 'Audit log',
  intro: 'Every access to protected data and every change of state is recorded here. Entries are chained under a key (HMAC), and anchors are kept outside the database, so a deleted or rewritten entry is found.',
  verification: 'Verification',
  never: 'Not verified yet.',
  ok: (n) => `Verified: ${n} entries, every link and every HMAC correct.`,
  broken: (seq, reason) => `Verification failed at entry ${seq}: ${reason}`,
  ranBy: (at, by) => `Run at ${at} by ${by}.`,
  anchor: (count, at, n) => `Last anchor checked: ${count} entries at ${at} (${n} anchors checked).`,
  noAnchor: 'No anchor to check: entries cut off the end would not show.',
  running: 'A verification is running; its result appears here (reload the page).',
  started: 'Verification started.',
  run: 'Verify now',
  filters: 'Filter',
  action: 'Action',
  actor: 'Actor',
  caseNumber: 'Case number',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  reset: 'Clear filters',
  invalid: 'The filter is not valid: ',
  time: 'Time',
  detail: 'Detail',
  entry: 'Entry',
  unkeyed: '(not keyed, before 0014)',
  none: 'No entries match.',
  older: 'Older entries',
  newest: 'Back to the newest',
};

export function auditMessages(lang: Lang): AuditMessages {
  return lang === 'en' ? en : zh;
}
