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
  /** The sixteenth of signal_joins moved last (0040, server/signals/settle.ts). */
  joins_moved: Generated<number>;
}

/** Business and product keys: the cases no signal covers yet; period is a Beijing day. */
export interface SignalMemberTable {
  type: Exclude<SignalType, 'spike'>;
  key: string;
  period: string;
  case_id: string;
}

/** Spike weeks (0038): cases per category × city week; period is the week's Monday. */
export interface SignalWeekCountTable {
  period: string;
  key: string;
  n: number;
}

/** The cases of a spike week no spike covers yet (0038). */
export interface SignalWeekMemberTable {
  period: string;
  key: string;
  case_id: string;
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
