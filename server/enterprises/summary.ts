/** The enterprise summary from its counter rows (pure): totals, the years, the products. */
import type { EnterpriseMeasure } from '../../db/schema.js';
import { CREDIT_CODE_ALPHABET } from '../lib/identifiers.js';

export interface EnterpriseYear {
  year: number;
  /** Complaints and reports received in the year. */
  complaints: number;
  reports: number;
  /** Milestones reached in the year (the year of the action). */
  complaintsAccepted: number;
  complaintsMediated: number;
  reportsOpened: number;
  penaltiesDecided: number;
}

export interface EnterpriseProduct { gtin?: string; brand?: string; model?: string; name?: string; cases: number }

export interface EnterpriseSummary {
  creditCode: string;
  name: string;
  /** False when the code's check character is wrong: the cases that used it are counted under it as typed. */
  creditCodeCheckOk: boolean;
  complaints: { received: number; accepted: number; mediated: number };
  reports: { received: number; opened: number };
  penaltiesDecided: number;
  byYear: EnterpriseYear[];
  products: EnterpriseProduct[];
}

const FIELD: Record<EnterpriseMeasure, Exclude<keyof EnterpriseYear, 'year'>> = {
  complaints_received: 'complaints',
  reports_received: 'reports',
  complaints_accepted: 'complaintsAccepted',
  complaints_mediated: 'complaintsMediated',
  reports_opened: 'reportsOpened',
  penalties_decided: 'penaltiesDecided',
};

const emptyYear = (year: number): EnterpriseYear => ({
  year, complaints: 0, reports: 0, complaintsAccepted: 0, complaintsMediated: 0, reportsOpened: 0, penaltiesDecided: 0,
});

/** The years in order, each with its six counts; a year with nothing left (all merged away) is dropped. */
export function enterpriseYears(rows: readonly { year: number; measure: EnterpriseMeasure; n: number }[]): EnterpriseYear[] {
  const years = new Map<number, EnterpriseYear>();
  for (const { year, measure, n } of rows) {
    const field = FIELD[measure];
    if (!field || n <= 0) continue;
    const entry = years.get(year) ?? emptyYear(year);
    entry[field] += n;
    years.set(year, entry);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export function enterpriseTotals(years: readonly EnterpriseYear[]) {
  const sum = (field: Exclude<keyof EnterpriseYear, 'year'>) => years.reduce((total, y) => total + y[field], 0);
  return {
    complaints: { received: sum('complaints'), accepted: sum('complaintsAccepted'), mediated: sum('complaintsMediated') },
    reports: { received: sum('reports'), opened: sum('reportsOpened') },
    penaltiesDecided: sum('penaltiesDecided'),
  };
}

/** A product row as the answer shows it: the fields it has, and its count. */
export function productView(p: { gtin: string | null; brand: string | null; model: string | null; name: string | null; n: number }): EnterpriseProduct {
  return {
    ...(p.gtin ? { gtin: p.gtin } : {}), ...(p.brand ? { brand: p.brand } : {}),
    ...(p.model ? { model: p.model } : {}), ...(p.name ? { name: p.name } : {}), cases: p.n,
  };
}

/** The search text as a credit code's start (upper case), or null when it cannot be one. */
export function codePrefixOf(q: string): string | null {
  const upper = q.toUpperCase();
  const possible = upper.length >= 1 && upper.length <= 18 && [...upper].every((ch) => CREDIT_CODE_ALPHABET.includes(ch));
  return possible ? upper : null;
}

/** The search text as name_fold holds names: ASCII letters in lower case, as SQLite's lower() does. */
export const foldName = (q: string) => q.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
