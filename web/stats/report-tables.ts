/**
 * A report's tables in one language, as typed cells: the HTML report (charts and their tables) and
 * the CSV files are both drawn from these, so they always hold the same numbers. A suppressed value
 * is null here and never becomes a number in either form.
 */
import type { ReportData } from '../../server/stats/report-data.js';
import type { Lang } from '../i18n.js';
import { nameIn } from '../names.js';
import { reportMessages, type ReportMessages } from './report-messages.js';

export type Cell =
  | { t: 'text'; v: string }
  | { t: 'count'; v: number | null }
  | { t: 'rate'; v: number | null }
  | { t: 'days'; v: number | null }
  | { t: 'yuan'; fen: number | null };

export const TABLE_IDS = ['summary', 'by-month', 'by-category', 'by-city', 'timeliness', 'satisfaction', 'rewards', 'kpis'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface ReportTable {
  id: TableId;
  title: string;
  /** Headers of the row header and each cell. */
  headers: string[];
  rows: { header: string; code?: string; cells: Cell[] }[];
  /** The header of the directory code column (CSV only), when rows carry codes. */
  codeHeader?: string;
}

const count = (v: number | null | undefined): Cell => ({ t: 'count', v: v ?? null });
const rate = (v: number | null): Cell => ({ t: 'rate', v });

/** Larger counts first; suppressed ones after, by name. */
function ranked<T extends { count: number | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
}

export function reportTables(data: ReportData, lang: Lang): ReportTable[] {
  const m = reportMessages(lang);
  const { stats, names } = data;
  const c = m.cols;
  const named = (map: Record<string, { zh: string; en: string }>, code: string) => (map[code] ? nameIn(map[code]!, lang) : code);
  const domains = [...new Set(stats.byMonth.map((r) => r.domain))].sort(domainOrder);
  const months = [...new Set(stats.byMonth.map((r) => r.month))].sort();
  const monthCount = (month: string, domain: string) => stats.byMonth.find((r) => r.month === month && r.domain === domain)?.count ?? null;
  return [
    {
      id: 'summary', title: m.tables.summary, headers: [c.item, c.value],
      rows: [
        { header: c.total, cells: [count(stats.total)] },
        { header: c.median, cells: [{ t: 'days', v: stats.medianWorkingDaysToClose }] },
      ],
    },
    {
      id: 'by-month', title: m.tables.byMonth, headers: [c.month, ...domains.map((d) => domainName(m, d))],
      rows: months.map((month) => ({ header: month, cells: domains.map((d) => count(monthCount(month, d))) })),
    },
    {
      id: 'by-category', title: m.tables.byCategory, headers: [c.category, c.count], codeHeader: c.code,
      rows: ranked(stats.byCategory).map((r) => ({ header: named(names.categories, r.category), code: r.category, cells: [count(r.count)] })),
    },
    {
      id: 'by-city', title: m.tables.byCity, headers: [c.city, c.count], codeHeader: c.code,
      rows: ranked(stats.byCity).map((r) => ({ header: named(names.regions, r.region), code: r.region, cells: [count(r.count)] })),
    },
    {
      id: 'timeliness', title: m.tables.timeliness, headers: [c.department, c.decisions, c.onTimeRate], codeHeader: c.code,
      rows: stats.timeliness.map((r) => ({
        header: named(names.departments, r.department), code: r.department, cells: [count(r.decisions), rate(r.onTimeRate)],
      })),
    },
    {
      id: 'satisfaction', title: m.tables.satisfaction, headers: [c.serviceClass, c.n, c.rate, c.target], codeHeader: c.code,
      rows: stats.satisfaction.map((r) => ({
        header: m.serviceClasses[r.serviceClass] ?? r.serviceClass, code: r.serviceClass, cells: [count(r.n), rate(r.rate), rate(r.target)],
      })),
    },
    {
      id: 'rewards', title: m.tables.rewards, headers: [c.item, c.value],
      rows: [
        { header: c.approved, cells: [count(stats.rewards.approved)] },
        // Reports stored before the paid count was published have none.
        { header: c.paid, cells: [count((stats.rewards as { paid?: number | null }).paid)] },
        { header: c.paidYuan, cells: [{ t: 'yuan', fen: stats.rewards.paidFen }] },
      ],
    },
    {
      id: 'kpis', title: m.tables.kpis,
      headers: [c.department, c.cases, c.signRate, c.onTimeRate, c.returnRate, c.rehandleRate, c.satisfactionRate], codeHeader: c.code,
      rows: stats.kpis.map((r) => ({
        header: named(names.departments, r.department), code: r.department,
        cells: [count(r.n), rate(r.signRate), rate(r.onTimeRate), rate(r.returnRate), rate(r.rehandleRate), rate(r.satisfactionRate)],
      })),
    },
  ];
}

const DOMAINS = ['product', 'engineering', 'service', 'other'];
const domainOrder = (a: string, b: string) => (DOMAINS.indexOf(a) + 1 || 99) - (DOMAINS.indexOf(b) + 1 || 99) || (a < b ? -1 : 1);

export const domainName = (m: ReportMessages, domain: string) => m.domains[domain] ?? domain;

/** A cell as a page shows it: '<5' for a suppressed count, '—' for a suppressed rate or sum. */
export function shownCell(cell: Cell, m: ReportMessages): string {
  switch (cell.t) {
    case 'text': return cell.v;
    case 'count': return cell.v === null ? m.suppressed : String(cell.v);
    case 'rate': return cell.v === null ? '—' : `${(Math.round(cell.v * 1000) / 10).toFixed(1)}%`;
    case 'days': return cell.v === null ? '—' : String(cell.v);
    case 'yuan': return cell.fen === null ? '—' : (cell.fen / 100).toFixed(2);
  }
}

/** A cell as the CSV holds it: '<5' for a suppressed count, empty for a suppressed rate or figure. */
export function csvCell(cell: Cell, m: ReportMessages): string {
  if (cell.t === 'rate' || cell.t === 'days') return cell.v === null ? '' : shownCell(cell, m);
  if (cell.t === 'yuan') return cell.fen === null ? '' : shownCell(cell, m);
  return shownCell(cell, m);
}
