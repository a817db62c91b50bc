/** The public statistics page in English. */
import type { StatsText } from './messages-zh.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthName(ym: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(ym);
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : ym;
}

export const statsEn: StatsText = {
  title: 'Quality complaint and report statistics',
  intro: 'Totals of the quality complaints, reports and injury reports filed in Guangdong: counts only, nothing about any person or case. The figures are a few minutes old at most.',
  navLink: 'Statistics',
  navLabel: 'Site',
  homeLink: 'See the statistics of complaints and reports',
  period: {
    legend: 'Period',
    from: 'First month',
    to: 'Last month',
    hint: 'As year-month, e.g. 2026-05. Left empty: the last 12 months. At most 36 months.',
    submit: 'Show statistics',
    shown: (from: string, to: string) => `Period: ${monthName(from)} to ${monthName(to)}`,
  },
  errors: {
    summary: 'There is a problem with the period',
    format: 'Enter the month as year-month, e.g. 2026-05.',
    order: 'The last month cannot be before the first month.',
    span: 'A period is at most 36 months. Shorten it.',
  },
  legend: {
    heading: 'How to read these figures',
    count: '“<5” means fewer than 5 cases: counts under 5 are not published, so no one can be singled out.',
    rate: '“—” means fewer than 5 cases: no rate (or median, or amount) is worked out from so few.',
    charts: 'Each chart has a table below it with the same figures.',
  },
  summary: {
    heading: 'Overview',
    total: 'Cases received',
    median: 'Working days from receipt to close (median)',
    medianOver: 'more than 60',
    approved: 'Rewards approved',
    paid: 'Rewards paid',
    paidAmount: 'Rewards paid (yuan)',
  },
  cases: {
    heading: 'Cases received',
    byMonth: 'Cases received per month, by domain',
    byMonthSummary: 'Stacked columns, one per month, divided into product, engineering, service and other; parts under 5 are not drawn. The figures are in the table below.',
    month: 'Month',
    byCategory: 'Cases by category',
    byCategorySummary: 'Horizontal bars ranked from most to fewest cases. The figures are in the table below.',
    category: 'Category',
    count: 'Cases',
    byCity: 'Cases by city',
    byCitySummary: 'Horizontal bars of the 21 cities of Guangdong, ranked from most to fewest cases. The figures are in the table below.',
    city: 'City',
  },
  domains: { product: 'Products', engineering: 'Construction', service: 'Services', other: 'Other' },
  timeliness: {
    heading: 'Timeliness',
    title: 'Decisions within the statutory time limit, by department',
    summary: 'Horizontal bars of the share of decisions each department made within the statutory time limit, ranked from highest; the chart shows at most the first 30. The figures are in the table below.',
    note: 'A complaint: accepted or refused within 7 working days; a report: decided whether to open a case within 15 working days; an injury report: routed in time. Only time limits that have ended count.',
    department: 'Department',
    decisions: 'Decisions',
    rate: 'On time',
  },
  satisfaction: {
    heading: 'Customer satisfaction',
    title: 'Satisfaction against the provincial plan\'s targets, by service class',
    summary: 'Horizontal bars of the satisfaction rate of producer and consumer services; a dashed line marks each target (producer services 85%, consumer services 80%). The figures are in the table below.',
    note: 'The satisfaction rate is the share of ratings of 4 or 5 out of 5. The targets are those of Guangdong\'s implementing opinions on the quality development outline.',
    targetLegend: 'Dashed line: the provincial target',
    serviceClass: 'Service class',
    n: 'Ratings',
    rate: 'Satisfied',
    target: 'Target',
    classes: { producer: 'Producer services', consumer: 'Consumer services' },
  },
  kpis: {
    heading: 'Hotline performance',
    caption: 'Hotline performance by department (ranked by on-time completion)',
    note: 'Signed for in time: dispatches signed for within their window; on-time completion: time limits met; returns: dispatches sent back; re-handling: closed cases handled again; satisfaction: ratings of 4 or 5.',
    rank: 'Rank',
    department: 'Department',
    n: 'Dispatches',
    sign: 'Signed for in time',
    onTime: 'On-time completion',
    returns: 'Returns',
    rehandle: 'Re-handling',
    satisfaction: 'Satisfaction',
    none: 'No department has figures to publish for this period.',
  },
  search: {
    heading: 'Look up a business',
    label: 'Business name or unified social credit code',
    hint: 'Shows how many complaints, reports and penalties a business has had; nothing about any reporter.',
    submit: 'Look up',
  },
  formatCount: (n: number) => n.toLocaleString('en-US'),
  formatDays: (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1)),
  monthName,
  monthTick: (ym: string) => MONTHS[Number(ym.slice(5, 7)) - 1] ?? ym,
};
