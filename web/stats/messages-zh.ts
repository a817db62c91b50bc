/** The public statistics page in zh-CN (the shape of every language's catalogue). */

const MONTH = /^(\d{4})-(\d{2})$/;

export const statsZh = {
  title: '质量投诉举报统计',
  intro: '本页公布全省质量投诉、举报和产品伤害报告的汇总数字，只有统计数，不含任何个人或案件信息。数据每几分钟更新一次。',
  navLink: '统计数据',
  navLabel: '网站导航',
  homeLink: '查看质量投诉举报统计数据',
  period: {
    legend: '统计期间',
    from: '起始月份',
    to: '结束月份',
    hint: '格式为“年-月”，例如 2026-05。不填时为最近 12 个月，最长 36 个月。',
    submit: '查看统计',
    shown: (from: string, to: string) => `统计期间：${monthName(from)}至${monthName(to)}`,
  },
  errors: {
    summary: '统计期间有误',
    format: '请按“年-月”填写月份，例如 2026-05。',
    order: '结束月份不能早于起始月份。',
    span: '统计期间最长 36 个月，请缩短。',
  },
  legend: {
    heading: '怎样读这些数字',
    count: '“<5”表示不足 5 件：为避免推断出个人，少于 5 件的数字不公布。',
    rate: '“—”表示不足 5 件，不计算比率（或中位数、金额）。',
    charts: '每个图表下面都有一张表，列出同样的数字。',
  },
  summary: {
    heading: '概况',
    total: '收到的案件',
    median: '从收到到办结的工作日（中位数）',
    medianOver: '超过 60',
    approved: '批准的举报奖励',
    paid: '已发放的举报奖励',
    paidAmount: '已发放奖励金额（元）',
  },
  cases: {
    heading: '收到的案件',
    byMonth: '每月收到的案件（按领域）',
    byMonthSummary: '按月份的堆叠柱形图，每根柱按产品、工程、服务和其他领域分段；不足 5 件的部分不画出。具体数字见下表。',
    month: '月份',
    byCategory: '按类别的案件数',
    byCategorySummary: '按案件数从多到少排列的横条图。具体数字见下表。',
    category: '类别',
    count: '案件数',
    byCity: '按地级市的案件数',
    byCitySummary: '广东省 21 个地级市按案件数从多到少排列的横条图。具体数字见下表。',
    city: '地级市',
  },
  domains: { product: '产品', engineering: '工程', service: '服务', other: '其他' } as Record<string, string>,
  timeliness: {
    heading: '办理时效',
    title: '在法定时限内作出决定的比例（按部门）',
    summary: '各部门在法定时限内作出受理、立案或分派决定的比例，按比例从高到低排列，图中最多列出前 30 个部门。具体数字见下表。',
    note: '投诉看是否在 7 个工作日内决定是否受理，举报看是否在 15 个工作日内决定是否立案，伤害报告看是否按时分派。只计已到期的时限。',
    department: '部门',
    decisions: '决定数',
    rate: '按时比例',
  },
  satisfaction: {
    heading: '顾客满意度',
    title: '满意度与省规划目标（按服务类别）',
    summary: '生产性服务和生活性服务的满意率横条图，虚线为省规划目标（生产性服务 85%，生活性服务 80%）。具体数字见下表。',
    note: '满意率为评 4 分或 5 分（满分 5 分）的评价所占比例。目标出自广东省实施质量发展纲要的意见。',
    targetLegend: '虚线：省规划目标',
    serviceClass: '服务类别',
    n: '评价数',
    rate: '满意率',
    target: '目标',
    classes: { producer: '生产性服务', consumer: '生活性服务' } as Record<string, string>,
  },
  kpis: {
    heading: '热线考核指标',
    caption: '各部门热线考核指标（按按时办结率排名）',
    note: '及时签收率：在签收时限内签收的派单比例；按时办结率：按时完成的办理时限比例；退单率：被退回的派单比例；重办率：办结后重新办理的比例；满意率：评 4 分或 5 分的比例。',
    rank: '排名',
    department: '部门',
    n: '派单数',
    sign: '及时签收率',
    onTime: '按时办结率',
    returns: '退单率',
    rehandle: '重办率',
    satisfaction: '满意率',
    none: '本期间没有可公布的部门数据。',
  },
  search: {
    heading: '企业质量信用查询',
    label: '企业名称或统一社会信用代码',
    hint: '可以查到该企业被投诉、举报和处罚的次数，不含举报人信息。',
    submit: '查询',
  },
  formatCount: (n: number) => n.toLocaleString('zh-CN'),
  formatDays: (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1)),
  monthName,
  /** The tick under a month's column and, for January or the first column, the year under it. */
  monthTick: (ym: string) => `${Number(ym.slice(5, 7))}月`,
};

function monthName(ym: string): string {
  const match = MONTH.exec(ym);
  return match ? `${match[1]}年${Number(match[2])}月` : ym;
}

export type StatsText = typeof statsZh;
