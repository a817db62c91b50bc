/** Periodic statistics reports (0028): one row per period, the suppressed aggregates as JSON. */
export interface StatReportTable {
  period: string;
  kind: 'month' | 'quarter' | 'year';
  from_month: string;
  to_month: string;
  generated_at: string;
  generated_by: string;
  data: string;
}
