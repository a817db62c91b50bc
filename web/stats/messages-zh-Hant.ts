/** The public statistics page in Traditional Chinese (hand-written, word choices as in the README). */
import type { StatsText } from './messages-zh.js';

const MONTH = /^(\d{4})-(\d{2})$/;

function monthName(ym: string): string {
  const match = MONTH.exec(ym);
  return match ? `${match[1]}年${Number(match[2])}月` : ym;
}

export const statsZhHant: StatsText = {
  title: '質量投訴舉報統計',
  intro: '本頁公布全省質量投訴、舉報和產品傷害報告的匯總數字，只有統計數，不含任何個人或案件資料。數據每幾分鐘更新一次。',
  navLink: '統計數據',
  navLabel: '網站導覽',
  homeLink: '查看質量投訴舉報統計數據',
  period: {
    legend: '統計期間',
    from: '起始月份',
    to: '結束月份',
    hint: '格式為「年-月」，例如 2026-05。不填時為最近 12 個月，最長 36 個月。',
    submit: '查看統計',
    shown: (from: string, to: string) => `統計期間：${monthName(from)}至${monthName(to)}`,
  },
  errors: {
    summary: '統計期間有誤',
    format: '請按「年-月」填寫月份，例如 2026-05。',
    order: '結束月份不能早於起始月份。',
    span: '統計期間最長 36 個月，請縮短。',
  },
  legend: {
    heading: '怎樣閱讀這些數字',
    count: '「<5」表示不足 5 件：為避免推斷出個人，少於 5 件的數字不公布。',
    rate: '「—」表示不足 5 件，不計算比率（或中位數、金額）。',
    charts: '每個圖表下面都有一張表，列出同樣的數字。',
  },
  summary: {
    heading: '概況',
    total: '收到的案件',
    median: '由收到至辦結的工作日（中位數）',
    medianOver: '超過 60',
    approved: '批准的舉報獎勵',
    paid: '已發放的舉報獎勵',
    paidAmount: '已發放獎勵金額（人民幣元）',
  },
  cases: {
    heading: '收到的案件',
    byMonth: '每月收到的案件（按領域）',
    byMonthSummary: '按月份的堆疊柱形圖，每條柱按產品、工程、服務和其他領域分段；不足 5 件的部分不畫出。具體數字見下表。',
    month: '月份',
    byCategory: '按類別的案件數',
    byCategorySummary: '按案件數由多至少排列的橫條圖。具體數字見下表。',
    category: '類別',
    count: '案件數',
    byCity: '按地級市的案件數',
    byCitySummary: '廣東省 21 個地級市按案件數由多至少排列的橫條圖。具體數字見下表。',
    city: '地級市',
  },
  domains: { product: '產品', engineering: '工程', service: '服務', other: '其他' },
  timeliness: {
    heading: '處理時效',
    title: '在法定時限內作出決定的比例（按部門）',
    summary: '各部門在法定時限內作出受理、立案或分派決定的比例，按比例由高至低排列，圖中最多列出前 30 個部門。具體數字見下表。',
    note: '投訴看是否在 7 個工作日內決定是否受理，舉報看是否在 15 個工作日內決定是否立案，傷害報告看是否按時分派。只計已到期的時限（工作日按內地假期安排計算）。',
    department: '部門',
    decisions: '決定數',
    rate: '按時比例',
  },
  satisfaction: {
    heading: '顧客滿意度',
    title: '滿意度與省規劃目標（按服務類別）',
    summary: '生產性服務和生活性服務的滿意率橫條圖，虛線為省規劃目標（生產性服務 85%，生活性服務 80%）。具體數字見下表。',
    note: '滿意率為評 4 分或 5 分（滿分 5 分）的評價所佔比例。目標出自廣東省實施質量發展綱要的意見。',
    targetLegend: '虛線：省規劃目標',
    serviceClass: '服務類別',
    n: '評價數',
    rate: '滿意率',
    target: '目標',
    classes: { producer: '生產性服務', consumer: '生活性服務' },
  },
  kpis: {
    heading: '熱線考核指標',
    caption: '各部門熱線考核指標（按按時辦結率排名）',
    note: '及時簽收率：在簽收時限內簽收的派單比例；按時辦結率：按時完成的處理時限比例；退單率：被退回的派單比例；重辦率：辦結後重新處理的比例；滿意率：評 4 分或 5 分的比例。',
    rank: '排名',
    department: '部門',
    n: '派單數',
    sign: '及時簽收率',
    onTime: '按時辦結率',
    returns: '退單率',
    rehandle: '重辦率',
    satisfaction: '滿意率',
    none: '本期間沒有可公布的部門數據。',
  },
  search: {
    heading: '企業質量信用查詢',
    label: '企業名稱或統一社會信用代碼',
    hint: '可以查到該企業被投訴、舉報和處罰的次數，不含舉報人資料。',
    submit: '查詢',
  },
  formatCount: (n: number) => n.toLocaleString('zh-HK'),
  formatDays: (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1)),
  monthName,
  monthTick: (ym: string) => `${Number(ym.slice(5, 7))}月`,
};
