/**
 * The rows one demo case writes, and the steps that write them: sealing, events, mail, dispatches,
 * clocks, and staff actions checked against the lifecycle table (server/cases/lifecycle.ts), so that
 * states, clocks and next_due_at agree with what the app's actions would write.
 */
import { nanoid } from 'nanoid';
import type { CaseKind, CaseStatus } from '../../domain/vocabulary.js';
import { workingDaysBetween, type CalendarData } from '../../server/clocks/calendar.js';
import { computeDue, DEFAULT_CLOCK_RULES, shanghaiDate, SIGN_WINDOW, toShanghaiIso, type ClockRuleKey } from '../../server/clocks/clocks.js';
import { clockRunsFor, findTransition, PUBLIC_EVENTS } from '../../server/cases/lifecycle.js';
import { timePrefix } from '../../server/lib/ids.js';
import { sealSync, type NodeKeys, type Random } from '../../server/node/crypto.js';
import { demoStaff } from '../../server/staff/demo.js';
import type { CaseFacts } from './case-facts.js';
import type { Directory } from './directory.js';
import { chance, type Rng } from './distributions.js';

export type Row = Record<string, unknown>;

export interface CaseRows {
  cases: Row; sealed: Row[]; events: Row[]; clocks: Row[]; cohandlers: Row[]; assignments: Row[];
  outbox: Row[]; messages: Row[]; sealedMessages: Row[]; satisfaction: Row[]; rewards: Row[];
}

export interface PlannedCase {
  day: string; // YYYYMMDD of receipt: the case number's day
  receipt: string;
  kind: CaseKind;
  status: string;
  overdue: boolean;
  rows: CaseRows;
}

export interface PlanContext {
  rng: Rng;
  random: Random;
  keys: NodeKeys;
  dir: Directory;
  calendar: CalendarData;
  now: Date;
  dueMemo: Map<string, { dueAt: string; provisional: boolean }>;
}

/** Due date of a clock started at `start`, memoised per start day (working-day counting is the slow part). */
export function dueOf(ctx: PlanContext, start: Date, key: ClockRuleKey | 'sign'): { dueAt: string; provisional: boolean } {
  const rule = key === 'sign' ? SIGN_WINDOW : DEFAULT_CLOCK_RULES[key];
  const compute = () => {
    const due = computeDue(ctx.calendar, start, rule);
    return { dueAt: toShanghaiIso(due.dueAt), provisional: due.provisional };
  };
  if ('hours' in rule) return compute();
  const memoKey = `${shanghaiDate(start)}|${rule.workingDays}`;
  let due = ctx.dueMemo.get(memoKey);
  if (!due) ctx.dueMemo.set(memoKey, (due = compute()));
  return due;
}

const staffOf = (department: string, role: 'handler' | 'supervisor') =>
  demoStaff.find((s) => s.department === department && s.role === role)?.username ?? `${role}@${department}`;

export type Who = 'handler' | 'supervisor' | 'intake';

/** A case's state as its actions leave it, and the rows they have written so far. */
export class CaseRecord {
  readonly rows: CaseRows = { cases: {}, sealed: [], events: [], clocks: [], cohandlers: [], assignments: [], outbox: [], messages: [], sealedMessages: [], satisfaction: [], rewards: [] };
  readonly id: string;
  private readonly idPrefix: string;
  protected status: CaseStatus = 'received';
  protected department: string | null;
  protected at: Date;
  protected closedAt: string | null = null;
  protected fine: number | null = null;
  protected urged: string | null = null;
  protected escalated = false;
  // A few departments sit on their cases: most of the overdue ones.
  protected readonly stall: number;

  constructor(protected readonly ctx: PlanContext, protected readonly receivedAt: Date, protected readonly f: CaseFacts) {
    // Ids in the order of receipt: the load appends to every id and case_id index instead of touching
    // pages all over them (a bulk load's write volume). The random tail keeps them unguessable.
    this.idPrefix = timePrefix(receivedAt);
    this.id = this.newId();
    this.department = f.decision.department;
    this.at = receivedAt;
    this.stall = chance(ctx.rng, 0.05) ? 8 : 1;
  }

  protected newId() {
    return this.idPrefix + nanoid(13);
  }

  protected get iso() {
    return toShanghaiIso(this.at);
  }

  protected seal(purpose: string, value: unknown, at: string) {
    const box = sealSync(this.ctx.keys, this.ctx.random, value, `${this.id}:${purpose}`);
    this.rows.sealed.push({ case_id: this.id, purpose, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext, created_at: at });
  }

  protected event(event: string, at: string, actor: string, note: string | null, data: Row | null, isPublic: boolean) {
    this.rows.events.push({ id: this.newId(), case_id: this.id, at, event, actor, note, data: data && JSON.stringify(data), public: isPublic ? 1 : 0 });
  }

  /** A mail as the outbox worker left it: sent once. */
  protected mail(template: string, type: 'department' | 'reporter', ref: string, at: string, params: Row) {
    this.rows.outbox.push({
      id: this.newId(), case_id: this.id, template, recipient_type: type, recipient_ref: ref, params: JSON.stringify(params),
      message_id: `<${nanoid()}@intake>`, status: 'sent', attempts: 1, next_attempt_at: at, created_at: at, claimed_at: at, sent_at: at, last_error: null,
    });
  }

  protected dispatch(department: string, at: Date) {
    this.rows.assignments.push({ id: this.newId(), case_id: this.id, department, dispatched_at: toShanghaiIso(at), sign_due_at: dueOf(this.ctx, at, 'sign').dueAt, signed_at: null, returned_at: null, return_reason: null });
  }

  protected startClock(key: ClockRuleKey, at: Date) {
    const due = dueOf(this.ctx, at, key);
    this.rows.clocks.push({ id: this.newId(), case_id: this.id, clock: DEFAULT_CLOCK_RULES[key].clock, started_at: toShanghaiIso(at), due_at: due.dueAt, provisional: due.provisional ? 1 : 0, status: 'running', stopped_at: null, paused_at: null, extended: 0 });
  }

  protected get running() {
    return this.rows.clocks.filter((c) => c.status === 'running');
  }

  protected get nextDue(): string | null {
    return this.running.map((c) => c.due_at as string).sort()[0] ?? null;
  }

  protected staff(who: Who) {
    return who === 'intake' ? 'intake' : staffOf(this.department!, who);
  }

  /** A staff action `delay` ms after the last one, if that is before now: checked against the lifecycle table. */
  protected act(action: string, delay: number, who: Who, extra: { note?: string; data?: Row } = {}): boolean {
    const next = new Date(this.at.getTime() + delay * this.stall);
    if (next > this.ctx.now) return false;
    const scope = { kind: this.f.kind, status: this.status, department: this.department, cohandlers: this.f.decision.cohandlers.map((c) => c.department) };
    const t = findTransition(action, scope);
    if (!t) throw new Error(`demo-data: ${action} is not allowed while a ${this.f.kind} is ${this.status}`);
    this.at = next;
    for (const c of this.running) {
      if (t.stops && (t.stops.includes('*') || t.stops.includes(c.clock as string))) Object.assign(c, { status: 'stopped', stopped_at: this.iso });
    }
    for (const key of t.starts ?? []) {
      if (clockRunsFor(DEFAULT_CLOCK_RULES[key].clock, !this.f.identity)) this.startClock(key, this.at);
    }
    const to = typeof t.to === 'string' && t.to !== 'restore' && t.to !== 'rehandle' ? t.to : this.status;
    // As server/cases/effects.ts writes it: a close carries the working days since receipt, and
    // `entered` names the status entered when it changed (both read by the statistics counters).
    const own = action === 'close' ? { workingDays: workingDaysBetween(this.ctx.calendar, shanghaiDate(this.receivedAt), shanghaiDate(this.at)) } : {};
    const data = { from: this.status, to, ...extra.data, ...own, ...(to !== this.status ? { entered: to } : {}) };
    this.event(action, this.iso, this.staff(who), extra.note ?? null, data, PUBLIC_EVENTS.has(action));
    this.status = to;
    return true;
  }
}
