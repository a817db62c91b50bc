/** The clock side of an action: clocks a transition starts and stops, pause, resume and the one extension. */
import { workingDaysBetween } from '../../clocks/calendar.js';
import { computeDue, DEFAULT_CLOCK_RULES, extendDue, shanghaiDate, toShanghaiIso, type ClockRuleKey } from '../../clocks/clocks.js';
import { clockRunsFor } from '../lifecycle.js';
import type { ActionEffects, Effect, Planning } from './types.js';

/** A moved due date is a new deadline: its due-soon and overdue notices go out again. */
const RENOTIFY = { due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null } as const;

/** Starts the clock of the rule, unless it does not run for this case. */
export function startClock(p: Planning, key: ClockRuleKey): Effect[] {
  const rule = DEFAULT_CLOCK_RULES[key];
  if (!clockRunsFor(rule.clock, p.facts.row.anonymous === 1)) return [];
  const due = computeDue(p.calendar, p.now, rule);
  return [{
    type: 'start_clock', caseId: p.facts.row.id, clock: rule.clock, startedAt: p.at,
    dueAt: toShanghaiIso(due.dueAt), provisional: due.provisional,
  }];
}

/** Stops the named clocks ('*': every clock) that are not stopped yet. */
export function stopClocks(p: Planning, names: readonly string[]): Effect[] {
  return p.facts.clocks
    .filter((c) => c.status !== 'stopped' && (names.includes('*') || names.includes(c.clock)))
    .map((c): Effect => ({ type: 'update_clock', id: c.id, set: { status: 'stopped', stopped_at: p.at, paused_at: null } }));
}

/** The open-case decision moves once by the extension's working days (the guard checks "once"). */
export function extend(p: Planning): ActionEffects {
  const clock = p.facts.clocks.find((c) => c.clock === 'open_decision' && c.status !== 'stopped')!;
  const rule = DEFAULT_CLOCK_RULES.open_decision_extension;
  const moved = extendDue(p.calendar, new Date(clock.due_at), 'workingDays' in rule ? rule.workingDays : 15);
  const dueAt = toShanghaiIso(moved.dueAt);
  return {
    effects: [{
      type: 'update_clock', id: clock.id,
      set: { due_at: dueAt, extended: 1, provisional: moved.provisional || clock.provisional === 1 ? 1 : 0, ...RENOTIFY },
    }],
    eventData: { clock: clock.clock, from: clock.due_at, dueAt },
  };
}

export function pause(p: Planning): ActionEffects {
  return {
    effects: p.facts.clocks.filter((c) => c.status === 'running')
      .map((c): Effect => ({ type: 'update_clock', id: c.id, set: { status: 'paused', paused_at: p.at } })),
  };
}

/** Each paused clock runs again, its due date moved by the working days it stood still. */
export function resume(p: Planning): ActionEffects {
  const moved: Record<string, string> = {};
  const effects: Effect[] = [];
  for (const c of p.facts.clocks.filter((c) => c.status === 'paused' && c.paused_at)) {
    const days = workingDaysBetween(p.calendar, shanghaiDate(new Date(c.paused_at!)), shanghaiDate(p.now));
    const due = days > 0 ? extendDue(p.calendar, new Date(c.due_at), days) : { dueAt: new Date(c.due_at), provisional: false };
    effects.push({
      type: 'update_clock', id: c.id,
      set: {
        status: 'running', paused_at: null, due_at: toShanghaiIso(due.dueAt), paused_working_days: c.paused_working_days + days,
        provisional: due.provisional || c.provisional === 1 ? 1 : 0, ...(days > 0 ? RENOTIFY : {}),
      },
    });
    moved[c.clock] = `${days} working days`;
  }
  return { effects, eventData: { paused: moved } };
}
