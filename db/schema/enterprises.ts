/** Enterprise quality-credit counters (0029), kept by triggers on cases and case_events. */

/** The measures counted per credit code and year (db/migrations/0029_enterprise_counts.sql says when each counts). */
export type EnterpriseMeasure =
  | 'complaints_received' | 'complaints_accepted' | 'complaints_mediated'
  | 'reports_received' | 'reports_opened' | 'penalties_decided';

export interface EnterpriseCountTable {
  credit_code: string;
  year: number;
  measure: EnterpriseMeasure;
  n: number;
}

/** The milestones a case reached, once each, so a merge can take them back. */
export interface EnterpriseCaseMarkTable {
  case_id: string;
  measure: EnterpriseMeasure;
  year: number;
}

/** The latest name given for a credit code; name_fold is its ASCII lower case, for prefix search. */
export interface EnterpriseNameTable {
  credit_code: string;
  name: string;
  name_fold: string;
  seen_at: string;
}

/** Cases per credit code and product (GTIN, else brand and model, else name). */
export interface EnterpriseProductTable {
  credit_code: string;
  product_key: string;
  gtin: string | null;
  brand: string | null;
  model: string | null;
  name: string | null;
  n: number;
  seen_at: string;
}
