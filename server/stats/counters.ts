/**
 * The statistics counters (stat_counts, migration 0027): counts per month × department × category ×
 * city × kind, kept by SQLite triggers in the same statement as the change they count, so the staff
 * overview and the statistics read a few rows instead of scanning the cases. docs/architecture.md
 * ("Statistics counters") says what each metric counts, when, and how `stats recount` rebuilds them.
 */

export const RECEIVED = 'received';
/** A case entered a status: `status:<status>`, month of the change. */
export const STATUS_PREFIX = 'status:';
export const statusMetric = (status: string) => `${STATUS_PREFIX}${status}`;

/** A clock's outcome, month of its due time, counted once its due time has passed (or it stopped late). */
export const CLOCK_ON_TIME = 'clock_on_time';
export const CLOCK_LATE = 'clock_late';
/** The same for the decision clocks only: accept_decision, open_decision, triage. */
export const ACCEPT_ON_TIME = 'accept_on_time';
export const ACCEPT_LATE = 'accept_late';
/** The clocks whose outcome is "decided within the statutory clock". */
export const DECISION_CLOCKS = ['accept_decision', 'open_decision', 'triage'] as const;

/** Dispatches (case_assignments), month of dispatch, under the department dispatched to. */
export const DISPATCHED = 'dispatched';
/** A sign-for window that has ended (marked by the sweeper once its end has passed). */
export const SIGN_DUE = 'sign_due';
export const SIGNED_ON_TIME = 'signed_on_time';
export const RETURNED = 'returned';

export const CLOSED = 'closed';
export const REHANDLED = 'rehandled';
/** Working days from receipt to close: `close_wd:0` … `close_wd:60`, then `close_wd:61+`. */
export const CLOSE_WD_PREFIX = 'close_wd:';
export const CLOSE_WD_MAX = 60;
export const closeWdMetric = (days: number) => `${CLOSE_WD_PREFIX}${days > CLOSE_WD_MAX ? `${CLOSE_WD_MAX + 1}+` : Math.max(0, days)}`;
/** The working days a `close_wd:` metric stands for (61 for the open-ended bucket). */
export const closeWdDays = (metric: string) => Number.parseInt(metric.slice(CLOSE_WD_PREFIX.length), 10);

export const RATING = 'rating';
export const RATING_SATISFIED = 'rating_satisfied';
export const RATING_RESOLVED = 'rating_resolved';
export const REHANDLE_SUGGESTED = 'rehandle_suggested';

export const REWARD_APPROVED = 'reward_approved';
export const REWARD_PAID = 'reward_paid';
/** A sum: n is the amount paid in fen. */
export const REWARD_PAID_FEN = 'reward_paid_fen';

/** The month ('YYYY-MM') of a stored Shanghai-time ISO instant. */
export const monthOf = (iso: string) => iso.slice(0, 7);
/** The city of a region code: its first four digits and '00'. */
export const cityOf = (region: string) => `${region.slice(0, 4)}00`;
