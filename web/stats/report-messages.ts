/** The text of the periodic reports: the list on /stats, the report itself, its CSV headers, the staff page. */
import type { ReportPeriod } from '../../server/stats/report-period.js';
import type { Lang } from '../i18n.js';

const QUARTERS_ZH = ['一', '二', '三', '四'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const zh = {
  reportsHeading: '定期报告',
  reportsIntro: '每月结束后自动生成上月报告；也可生成季度和年度报告。报告只含汇总数字，少于 5 件的数字不公布。',
  noReports: '还没有生成报告。',
  periodCol: '期间',
  generatedCol: '生成时间',
  downloadCol: '下载',
  html: '报告（HTML，可打印）',
  csv: '数据（CSV）',
  periodLabel: (p: Pick<ReportPeriod, 'kind' | 'from'>) => {
    const [y, m] = p.from.split('-');
    if (p.kind === 'year') return `${y}年`;
    if (p.kind === 'quarter') return `${y}年第${QUARTERS_ZH[(Number(m) - 1) / 3]}季度`;
    return `${y}年${Number(m)}月`;
  },
  reportTitle: (label: string) => `质量投诉举报统计报告 · ${label}`,
  generatedAt: '生成时间',
  months: '统计月份',
  suppressedNote: '少于 5 件的数字和由少于 5 件计算的比率不公布，以“<5”或空白表示。',
  printHint: '打印本页或另存为 PDF 即可得到纸质报告。',
  suppressed: '<5',
  tables: {
    summary: '概况',
    byMonth: '按月份和领域的受理量',
    byCategory: '按类别的受理量',
    byCity: '按地市的受理量',
    timeliness: '按部门的法定时限内决定率',
    satisfaction: '满意度与目标',
    rewards: '举报奖励',
    kpis: '部门绩效指标',
  },
  cols: {
    item: '项目', value: '数值', total: '受理总数', median: '从受理到办结的工作日中位数', month: '月份', domain: '领域', count: '件数',
    code: '代码', category: '类别', city: '地市', department: '部门', decisions: '决定数', onTimeRate: '按时率',
    serviceClass: '服务类别', n: '评价数', rate: '满意率', target: '目标', approved: '批准奖励（件）', paid: '已发放奖励（件）', paidYuan: '已发放金额（元）',
    signRate: '签收率', returnRate: '退回率', rehandleRate: '重办率', satisfactionRate: '满意率', cases: '案件数',
  },
  domains: { product: '产品', engineering: '工程', service: '服务', other: '其他' } as Record<string, string>,
  serviceClasses: { producer: '生产性服务业', consumer: '生活性服务业' } as Record<string, string>,
  emptyTable: '本期无数据。',
  chartOf: (title: string) => `图：${title}`,
  seeTable: '数字见图下的表格。',
  backToStats: '返回统计页',
  tableCsv: (title: string) => `下载本表（CSV）：${title}`,
  targetLegend: '目标（虚线）',
  allReports: '全部报告',
};

export type ReportMessages = typeof zh;

const zhHant: ReportMessages = {
  ...zh,
  reportsHeading: '定期報告',
  reportsIntro: '每月結束後自動生成上月報告；也可生成季度和年度報告。報告只含彙總數字，少於 5 件的數字不公布。',
  noReports: '還沒有生成報告。',
  periodCol: '期間',
  generatedCol: '生成時間',
  downloadCol: '下載',
  html: '報告（HTML，可列印）',
  csv: '數據（CSV）',
  reportTitle: (label: string) => `質量投訴舉報統計報告 · ${label}`,
  generatedAt: '生成時間',
  months: '統計月份',
  suppressedNote: '少於 5 件的數字和由少於 5 件計算的比率不公布，以「<5」或空白表示。',
  printHint: '列印本頁或另存為 PDF 即可得到紙本報告。',
  tables: {
    summary: '概況',
    byMonth: '按月份和領域的受理量',
    byCategory: '按類別的受理量',
    byCity: '按地市的受理量',
    timeliness: '按部門的法定時限內決定率',
    satisfaction: '滿意度與目標',
    rewards: '舉報獎勵',
    kpis: '部門績效指標',
  },
  cols: {
    item: '項目', value: '數值', total: '受理總數', median: '從受理到辦結的工作日中位數', month: '月份', domain: '領域', count: '件數',
    code: '代碼', category: '類別', city: '地市', department: '部門', decisions: '決定數', onTimeRate: '按時率',
    serviceClass: '服務類別', n: '評價數', rate: '滿意率', target: '目標', approved: '批准獎勵（件）', paid: '已發放獎勵（件）', paidYuan: '已發放金額（元）',
    signRate: '簽收率', returnRate: '退回率', rehandleRate: '重辦率', satisfactionRate: '滿意率', cases: '案件數',
  },
  domains: { product: '產品', engineering: '工程', service: '服務', other: '其他' },
  serviceClasses: { producer: '生產性服務業', consumer: '生活性服務業' },
  emptyTable: '本期無數據。',
  chartOf: (title: string) => `圖：${title}`,
  seeTable: '數字見圖下的表格。',
  backToStats: '返回統計頁',
  tableCsv: (title: string) => `下載本表（CSV）：${title}`,
  targetLegend: '目標（虛線）',
  allReports: '全部報告',
};

const en: ReportMessages = {
  reportsHeading: 'Periodic reports',
  reportsIntro: 'The report of each month is generated when the month has ended; quarterly and yearly reports can be generated too. Reports hold totals only: a number under 5 is not published.',
  noReports: 'No report has been generated yet.',
  periodCol: 'Period',
  generatedCol: 'Generated',
  downloadCol: 'Download',
  html: 'Report (HTML, printable)',
  csv: 'Data (CSV)',
  periodLabel: (p) => {
    const [y, m] = p.from.split('-');
    if (p.kind === 'year') return `${y}`;
    if (p.kind === 'quarter') return `Q${(Number(m) + 2) / 3} ${y}`;
    return `${MONTHS_EN[Number(m) - 1]} ${y}`;
  },
  reportTitle: (label) => `Quality complaints and reports: statistics, ${label}`,
  generatedAt: 'Generated',
  months: 'Months',
  suppressedNote: 'Numbers under 5, and rates computed from fewer than 5 cases, are not published: they show as "<5" or blank.',
  printHint: 'Print this page or save it as PDF for a paper copy.',
  suppressed: '<5',
  tables: {
    summary: 'Summary',
    byMonth: 'Cases received by month and domain',
    byCategory: 'Cases received by category',
    byCity: 'Cases received by city',
    timeliness: 'Decisions within the statutory time limit, by department',
    satisfaction: 'Satisfaction against the targets',
    rewards: 'Rewards for reports',
    kpis: 'Department performance',
  },
  cols: {
    item: 'Item', value: 'Value', total: 'Cases received', median: 'Median working days from receipt to close', month: 'Month', domain: 'Domain', count: 'Cases',
    code: 'Code', category: 'Category', city: 'City', department: 'Department', decisions: 'Decisions', onTimeRate: 'On time',
    serviceClass: 'Service class', n: 'Ratings', rate: 'Satisfied', target: 'Target', approved: 'Rewards approved', paid: 'Rewards paid', paidYuan: 'Paid (yuan)',
    signRate: 'Signed for', returnRate: 'Returned', rehandleRate: 'Re-handled', satisfactionRate: 'Satisfied', cases: 'Cases',
  },
  domains: { product: 'Products', engineering: 'Engineering', service: 'Services', other: 'Other' },
  serviceClasses: { producer: 'Producer services', consumer: 'Consumer services' },
  emptyTable: 'No data for this period.',
  chartOf: (title) => `Chart: ${title}`,
  seeTable: 'The numbers are in the table below the chart.',
  backToStats: 'Back to the statistics',
  tableCsv: (title) => `This table as CSV: ${title}`,
  targetLegend: 'Target (dashed line)',
  allReports: 'All reports',
};

const catalogue: Record<Lang, ReportMessages> = { zh, 'zh-Hant': zhHant, en };

export const reportMessages = (lang: Lang): ReportMessages => catalogue[lang];

/** The staff page's text (zh-CN and English, like every staff page). */
const staffZh = {
  nav: '统计报告',
  title: '统计报告',
  intro: '已生成的定期报告（与公开的统计页相同）。受理中心和督办人员可以为某个期间重新生成报告。',
  generateHeading: '生成报告',
  periodField: '期间',
  periodHint: '月份如 2026-11，季度如 2026-Q3，年度如 2026。同一期间再次生成会替换原报告。',
  generate: '生成',
  generated: (label: string) => `已生成 ${label} 的报告。`,
  errorSummary: '请更正以下问题：',
  badPeriod: '期间格式不对：请写月份（2026-11）、季度（2026-Q3）或年度（2026）。',
  notBegun: '这个期间还没有开始。',
  byCol: '生成者',
  bySystem: '系统（每月自动）',
  byCli: '命令行',
};

export type StaffReportMessages = typeof staffZh;

const staffEn: StaffReportMessages = {
  nav: 'Reports',
  title: 'Statistics reports',
  intro: 'The periodic reports generated so far (the same as on the public statistics page). The intake centre and supervisors can generate the report of a period again.',
  generateHeading: 'Generate a report',
  periodField: 'Period',
  periodHint: 'A month as 2026-11, a quarter as 2026-Q3, a year as 2026. Generating a period again replaces its report.',
  generate: 'Generate',
  generated: (label) => `The report of ${label} has been generated.`,
  errorSummary: 'Please correct the following:',
  badPeriod: 'The period is not in a known form: give a month (2026-11), a quarter (2026-Q3) or a year (2026).',
  notBegun: 'That period has not begun yet.',
  byCol: 'Generated by',
  bySystem: 'System (monthly)',
  byCli: 'Command line',
};

export const staffReportMessages = (lang: 'zh' | 'en'): StaffReportMessages => (lang === 'en' ? staffEn : staffZh);
