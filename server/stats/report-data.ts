/**
 * What a periodic report holds: the statistics answer of its months (the JSON of GET /api/v1/stats,
 * aggregates only, suppressed) and the directory names of the codes in it, frozen when generated.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Named } from '../directory/directory.js';
import type { StatsAnswer } from './stats.service.js';

/** The statistics answer (GET /api/v1/stats), suppressed: null wherever a value is not published. Rates are 0–1. */
export type { StatsAnswer };

export interface ReportNames {
  categories: Record<string, Named>;
  regions: Record<string, Named>;
  departments: Record<string, Named>;
}

/** The stored body of a report (stat_reports.data). */
export interface ReportData {
  period: string;
  kind: 'month' | 'quarter' | 'year';
  generatedAt: string;
  stats: StatsAnswer;
  names: ReportNames;
}

/** Names of the directory codes the answer uses, so a later rename does not change a published report. */
export async function namesFor(db: Kysely<Database>, stats: StatsAnswer): Promise<ReportNames> {
  const categories = new Set(stats.byCategory.map((r) => r.category));
  const regions = new Set(stats.byCity.map((r) => r.region));
  const departments = new Set([...stats.timeliness, ...stats.kpis].map((r) => r.department));
  const named = (rows: { code: string; name_zh: string; name_en: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]));
  const pick = async (table: 'categories' | 'regions' | 'departments', codes: Set<string>) =>
    codes.size === 0 ? {} : named(await db.selectFrom(table).select(['code', 'name_zh', 'name_en']).where('code', 'in', [...codes]).execute());
  const [c, r, d] = await Promise.all([pick('categories', categories), pick('regions', regions), pick('departments', departments)]);
  return { categories: c, regions: r, departments: d };
}
