/** The statistics counters (0027): see server/stats/counters.ts for the metrics. */
export interface StatCountTable {
  metric: string;
  /** 'YYYY-MM', Asia/Shanghai. */
  month: string;
  /** The department code, '' for none (triage). */
  department: string;
  category: string;
  /** The region's city: the first four digits of the region and '00'. */
  city: string;
  kind: string;
  /** A count, or a sum where the metric says so (reward_paid_fen). */
  n: number;
}
