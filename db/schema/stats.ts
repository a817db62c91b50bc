import type { ColumnType } from 'kysely';

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

/** The same counts per department only (0027), read by the staff overview. */
export interface StatDepartmentCountTable {
  metric: string;
  department: string;
  month: string;
  n: number;
}

/** The staff overview's counts (0027): one row per month ('YYYY-MM') or year ('YYYY') and department, a column per KPI count. */
export interface StatDepartmentMonthTable {
  month: string;
  department: string;
  dispatched: number;
  sign_due: number;
  signed_on_time: number;
  returned: number;
  clock_on_time: number;
  clock_late: number;
  closed: number;
  rehandled: number;
  rehandle_suggested: number;
  /** The other per-department counts the public statistics read (0035). */
  accept_on_time: number;
  accept_late: number;
  rating: number;
  rating_satisfied: number;
  reward_approved: number;
  reward_paid: number;
  reward_paid_fen: number;
}

/** The public statistics' roll-ups (0032): received and ratings per month and category, received per month and city. */
export interface StatCategoryMonthTable {
  metric: string;
  month: string;
  category: string;
  n: number;
}

export interface StatCityMonthTable {
  metric: string;
  month: string;
  city: string;
  n: number;
}

/** The province's histogram of working days to close per month (0032). */
export interface StatCloseDayTable {
  metric: string;
  month: string;
  n: number;
}

// The sweeper's once-only markers of 0027 (a clock's due time, a sign-for window's end has passed).
// Written, never read by the app (only the triggers and `stats recount` read them): left out of the rows.
declare module './cases.js' {
  interface ClockTable {
    due_counted_at: ColumnType<never, string | null, string | null>;
  }
  interface CaseAssignmentTable {
    sign_counted_at?: ColumnType<never, string | null, string | null>;
  }
}
