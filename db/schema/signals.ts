/** Quality signals (0030): counters kept by triggers on cases, the signals they raise, their cases. */
import type { Generated } from 'kysely';

export type SignalType = 'business' | 'product' | 'spike';
export type SignalStatus = 'open' | 'acknowledged' | 'dismissed';

/** One row (id 1): the thresholds the triggers read, written from the settings at start. */
export interface SignalSettingsTable {
  id: number;
  min_cases: number;
  window_days: number;
  /** 0: new cases are not counted (INTAKE_SIGNALS=off). */
  enabled: number;
}

/** The keys a case is counted under; period is a Beijing day, or a week's Monday for spike. */
export interface SignalMemberTable {
  type: SignalType;
  key: string;
  period: string;
  case_id: string;
}

export interface SignalCountTable {
  type: SignalType;
  key: string;
  period: string;
  n: number;
}

export interface SignalTable {
  id: string;
  type: SignalType;
  key: string;
  window_start: string;
  window_end: string;
  window_days: number;
  count: number;
  status: Generated<SignalStatus>;
  reason: string | null;
  raised_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** 1 once the risk desk's mail is queued. */
  mailed: Generated<number>;
}

export interface SignalCaseTable {
  signal_id: string;
  case_id: string;
}
