/** Staff text for the reporter's rating and the re-handling list, both languages; kept beside the pages, not in the shared catalogue. */
import type { Lang } from '../i18n.js';

const zh = {
  nav: '重办建议',
  event: '举报人评价',
  heading: '满意度评价',
  none: '举报人尚未评价。',
  score: '评分',
  scoreOf: (n: number) => `${n} 分（满分 5 分）`,
  resolved: '问题是否解决',
  yes: '已解决',
  no: '未解决',
  comment: '意见（已隐去个人信息）',
  noComment: '无',
  at: '评价时间',
  suggested: '评分较低或未解决：本案已列入受理中心的重办建议。',
  title: '重办建议',
  intro: '举报人评价 1–2 分或表示问题未解决的已办结案件，最新的在前。受理中心可在案件页面决定是否重办（每件一次）。',
  empty: '目前没有重办建议。',
  caseNumber: '案件编号',
  department: '承办部门',
  ratedAt: '评价时间',
  rehandled: '已重办',
  state: '处理情况',
  notYet: '尚未重办',
  noDepartment: '无',
};

const en: typeof zh = {
  nav: 'Re-handling suggestions',
  event: 'Rated by the reporter',
  heading: 'Satisfaction',
  none: 'The reporter has not rated the case yet.',
  score: 'Score',
  scoreOf: (n: number) => `${n} out of 5`,
  resolved: 'Resolved?',
  yes: 'Resolved',
  no: 'Not resolved',
  comment: 'Comment (personal details removed)',
  noComment: 'none',
  at: 'Rated at',
  suggested: 'A low rating or "not resolved": the case is on the intake centre\'s re-handling suggestions.',
  title: 'Re-handling suggestions',
  intro: 'Closed cases the reporter rated 1–2 or said were not resolved, newest first. The intake centre decides on the case page whether to re-handle (once per case).',
  empty: 'No re-handling suggestions now.',
  caseNumber: 'Case number',
  department: 'Department',
  ratedAt: 'Rated at',
  rehandled: 'Re-handled',
  state: 'Re-handling',
  notYet: 'Not re-handled',
  noDepartment: 'none',
};

export type SatisfactionMessages = typeof zh;

export function satisfactionMessages(lang: Lang): SatisfactionMessages {
  return lang === 'en' ? en : zh;
}
