/** One demo case on its way from receipt to wherever it has got by now, as the app would have taken it. */
import { DEFAULT_CLOCK_RULES, extendDue, firstClockRule, shanghaiDate, toShanghaiIso, type ClockRuleKey } from '../../server/clocks/clocks.js';
import { NOT_ACCEPT_GROUNDS } from '../../server/cases/lifecycle.js';
import { pseudonymFromBytes } from '../../server/identity/pseudonym.js';
import { isFullReceipt, receiptDigitsFromBytes } from '../../server/identity/receipt.js';
import { receiptMacSync, sealSync, type Random } from '../../server/node/crypto.js';
import { escalationTime, noticesFor } from '../../server/notify/sweep-rules.js';
import { caseFacts, type ForcedFacts } from './case-facts.js';
import { CaseRecord, type PlanContext, type PlannedCase, type Who } from './case-record.js';
import { around, chance, DAY, HOUR, pick, RATING } from './distributions.js';
import { ANSWERS, QUESTIONS, REPLIES } from './words.js';

function pseudonym(random: Random): string {
  for (;;) {
    const p = pseudonymFromBytes(random(8));
    if (p) return p;
  }
}

function newReceipt(random: Random): string {
  let digits = '';
  while (!isFullReceipt(digits)) digits = receiptDigitsFromBytes(digits, random(16));
  return digits;
}

class CasePlan extends CaseRecord {
  /** The rows of submitCase: sealed text and identity, first events, the first clock, dispatches, mail. */
  submit() {
    const { decision, kind, severity } = this.f;
    const received = this.iso;
    // As the intake seals it: the subject (and its product) as typed too.
    const product = this.f.product
      ? { name: this.f.product.name, brand: this.f.product.brand, model: this.f.product.model, batch: this.f.product.batch, ...(this.f.product.gtin ? { gtin: this.f.product.gtin } : {}) }
      : null;
    this.seal('original_text', { description: this.f.description, claim: this.f.claim, subject: { name: this.f.business.name, address: this.f.business.address, product } }, received);
    if (this.f.identity) this.seal('identity', this.f.identity, received);
    const firstRule = firstClockRule(kind, severity);
    this.startClock((Object.keys(DEFAULT_CLOCK_RULES) as ClockRuleKey[]).find((k) => DEFAULT_CLOCK_RULES[k] === firstRule)!, this.receivedAt);
    this.event('received', received, 'system', null, null, true);
    this.event(decision.department ? 'routed' : 'triage', received, 'system', decision.department, { rule: decision.rule, reason: decision.reason }, false);
    for (const c of decision.cohandlers) {
      this.event('cohandler_added', received, 'system', c.department, { reason: c.reason }, false);
      this.rows.cohandlers.push({ case_id: this.id, department: c.department, reason: c.reason, added_at: received });
    }
    for (const d of [decision.department, ...decision.cohandlers.map((c) => c.department)]) if (d) this.dispatch(d, this.receivedAt);
    const params = { category: this.f.category.code, dueAt: this.rows.clocks[0]!.due_at, clock: firstRule.clock };
    this.mail(decision.department ? 'case_new_department' : 'case_triage', 'department', decision.department ?? `intake-${this.ctx.dir.province}`, received, params);
    for (const c of decision.cohandlers) this.mail('case_new_department', 'department', c.department, received, params);
    if (this.f.identity?.email) this.mail('case_received_reporter', 'reporter', this.id, received, params);
  }

  /** What the rules could not place, the intake centre assigns: to the city's market regulator, else the province's. */
  assignTriaged() {
    if (this.department) return;
    const { dir, rng, now } = this.ctx;
    const target = [`samr-${this.f.region.slice(0, 4)}00`, `samr-${dir.province}`].find((d) => dir.departments.has(d))!;
    const next = new Date(this.at.getTime() + around(rng, 0.8 * DAY));
    if (next > now) return;
    this.at = next;
    this.event('assign', this.iso, 'intake', null, { from: this.status, to: this.status, department: target, previous: null }, false);
    this.department = target;
    this.dispatch(target, this.at);
    this.mail('case_new_department', 'department', target, this.iso, { category: this.f.category.code, dueAt: this.rows.clocks[0]!.due_at });
  }

  /** Signing for it, perhaps a question and its answer, then the kind's own path. */
  handle() {
    if (!this.department) return;
    if (this.act('sign', around(this.ctx.rng, 0.5 * DAY), 'handler')) {
      const a = this.rows.assignments.find((x) => x.department === this.department && !x.signed_at);
      if (a) a.signed_at = this.iso;
    }
    if (chance(this.ctx.rng, 0.1)) this.exchangeMessages();
    if (this.f.kind === 'complaint') this.complaintPath();
    else if (this.f.kind === 'report') this.reportPath();
    else this.injuryPath();
  }

  private exchangeMessages() {
    const { rng, now, keys, random } = this.ctx;
    const asked = new Date(this.at.getTime() + around(rng, 0.5 * DAY));
    if (asked > now) return;
    this.rows.messages.push({ id: this.newId(), case_id: this.id, at: toShanghaiIso(asked), sender: 'department', author: this.staff('handler'), body: pick(rng, QUESTIONS) });
    const answered = new Date(asked.getTime() + around(rng, DAY));
    if (answered > now) return;
    const messageId = this.newId();
    const body = pick(rng, ANSWERS);
    const box = sealSync(keys, random, body, `message:${messageId}`);
    this.rows.messages.push({ id: messageId, case_id: this.id, at: toShanghaiIso(answered), sender: 'reporter', author: null, body });
    this.rows.sealedMessages.push({ message_id: messageId, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext });
  }

  /** Closing carries the result reply, which the reporter reads as a message from the department. */
  private close(delay: number, who: Who) {
    const reply = pick(this.ctx.rng, REPLIES[this.status] ?? REPLIES.accepted!);
    if (!this.act('close', delay, who, { note: reply })) return;
    this.closedAt = this.iso;
    this.rows.messages.push({ id: this.newId(), case_id: this.id, at: this.closedAt, sender: 'department', author: this.staff(who), body: reply });
  }

  private complaintPath() {
    const { rng } = this.ctx;
    if (chance(rng, 0.12)) {
      const ground = pick(rng, NOT_ACCEPT_GROUNDS);
      if (this.act('not_accept', around(rng, 3 * DAY), 'handler', { note: '不符合受理条件', data: { ground } })) this.close(around(rng, DAY), 'handler');
      return;
    }
    if (!this.act('accept', around(rng, 3 * DAY), 'handler') || !this.act('start_mediation', around(rng, DAY), 'handler')) return;
    const outcome = chance(rng, 0.7) ? 'mediated' : 'mediation_failed';
    if (this.act(outcome, around(rng, 18 * DAY), 'handler', { note: outcome === 'mediated' ? '双方达成调解协议' : '商家拒绝调解' })) this.close(around(rng, 2 * DAY), 'handler');
  }

  private reportPath() {
    const { rng } = this.ctx;
    if (!this.act('start_verification', around(rng, 2 * DAY), 'handler')) return;
    if (chance(rng, 0.08)) this.extendOpenDecision();
    if (!chance(rng, 0.35)) {
      if (this.act('not_open', around(rng, 9 * DAY), 'handler', { note: '违法事实不成立' })) this.close(around(rng, 3 * DAY), 'supervisor');
      return;
    }
    if (!this.act('open_case', around(rng, 9 * DAY), 'handler')) return;
    if (chance(rng, 0.75)) {
      const fine = 1_000_00 * Math.ceil(around(rng, 30));
      if (!this.act('decide_penalty', around(rng, 30 * DAY), 'handler', { data: { fineFen: fine } })) return;
      this.fine = fine;
    }
    this.close(around(rng, 7 * DAY), 'supervisor');
  }

  /** The one +15 working days a supervisor may grant (the lifecycle's `extend`). */
  private extendOpenDecision() {
    const clock = this.running.find((c) => c.clock === 'open_decision');
    const delay = around(this.ctx.rng, 12 * DAY);
    if (!clock || new Date(this.at.getTime() + delay) > this.ctx.now) return;
    const moved = toShanghaiIso(extendDue(this.ctx.calendar, new Date(clock.due_at as string), 15).dueAt);
    if (this.act('extend', delay / this.stall, 'supervisor', { note: '案情复杂，需延长核查期限', data: { clock: 'open_decision', from: clock.due_at, dueAt: moved } })) {
      Object.assign(clock, { due_at: moved, extended: 1 });
    }
  }

  private injuryPath() {
    const { rng } = this.ctx;
    if (!this.act('triage', around(rng, this.f.decision.urgent ? 6 * HOUR : 0.8 * DAY), 'handler')) return;
    if (this.act('start_investigation', around(rng, DAY), 'handler')) this.close(around(rng, 25 * DAY), 'handler');
  }

  /** The clock sweeper has been running all along: what it owes a clock now, it sent when it fell due. */
  sweep() {
    const { now, calendar, dir } = this.ctx;
    for (const c of this.running) {
      const owed = noticesFor({ due_at: c.due_at as string, due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null, urgent: this.f.decision.urgent ? 1 : 0 }, now, calendar);
      if (owed.length === 0) continue;
      const dueMs = new Date(c.due_at as string).getTime();
      const when = (ms: number) => toShanghaiIso(new Date(Math.min(now.getTime(), Math.max(new Date(c.started_at as string).getTime(), ms))));
      const params = { category: this.f.category.code, dueAt: c.due_at, clock: c.clock };
      const owner = this.department ?? `intake-${dir.province}`;
      const soon = when(dueMs - 2 * DAY);
      c.due_soon_notified_at = soon;
      this.mail('clock_due_soon', 'department', owner, soon, params);
      if (owed.includes('overdue')) {
        const overdue = when(dueMs + 60_000);
        c.overdue_notified_at = overdue;
        this.mail('clock_overdue', 'department', owner, overdue, params);
      }
      if (!owed.includes('escalate')) continue;
      const at = when(this.f.decision.urgent ? dueMs + 60_000 : escalationTime(new Date(dueMs), calendar).getTime() + 60_000);
      c.escalated_at = at;
      this.escalated = true;
      this.event('escalated', at, 'system', `overdue since ${c.due_at} (${c.clock}): escalated to the intake centre supervisor`, { reason: 'overdue', clock: c.clock, dueAt: c.due_at }, false);
      this.mail('escalation', 'department', `intake-${dir.province}`, at, { ...params, reason: 'overdue', department: this.department });
    }
  }

  /** Overdue cases get urged by the intake centre, as supervisors do; closed ones sometimes rated. */
  followUp() {
    const { rng, now } = this.ctx;
    const nextDue = this.nextDue;
    if (nextDue && new Date(nextDue) < now && this.department && chance(rng, 0.4)) {
      const urgeAt = new Date(new Date(nextDue).getTime() + around(rng, DAY));
      if (urgeAt <= now && urgeAt > this.at) {
        this.at = urgeAt;
        this.urged = this.iso;
        this.event('urge', this.urged, 'intake', null, { from: this.status, to: this.status }, false);
        this.mail('urge', 'department', this.department, this.urged, { category: this.f.category.code, dueAt: nextDue, by: 'intake' });
      }
    }
    if (!this.closedAt || !chance(rng, 0.35)) return;
    const rated = new Date(this.at.getTime() + around(rng, 2 * DAY));
    const rating = RATING(rng);
    if (rated <= now) this.rows.satisfaction.push({ case_id: this.id, rating, resolved: rating >= 3 ? 1 : 0, comment: null, at: toShanghaiIso(rated) });
  }

  /** The case row as the actions left it. */
  finish(): PlannedCase {
    const { f, ctx } = this;
    // What the sweeper marks once a window has ended, so the statistics counters count it (server/stats/counters.service.ts).
    const nowIso = toShanghaiIso(ctx.now);
    for (const c of this.rows.clocks) c.due_counted_at = (c.due_at as string) < nowIso ? c.due_at : null;
    for (const a of this.rows.assignments) a.sign_counted_at = (a.sign_due_at as string) < nowIso ? a.sign_due_at : null;
    const receipt = newReceipt(ctx.random);
    const nextDue = this.nextDue;
    // Drawn in the order the row lists them, so a seed still gives the same cases.
    const occurredOn = shanghaiDate(new Date(this.receivedAt.getTime() - Math.floor(ctx.rng() * 10) * DAY));
    const rewardRequested = f.kind === 'report' && chance(ctx.rng, 0.3);
    const received = toShanghaiIso(this.receivedAt);
    // As the intake files it: a report asking for a reward has its reward, still requested.
    if (rewardRequested) this.rows.rewards.push({ case_id: this.id, status: 'requested', created_at: received, updated_at: received });
    this.rows.cases = {
      id: this.id, kind: f.kind, category: f.category.code, region: f.region, status: this.status, department: this.department,
      routing_rule: f.decision.rule, routing_reason: f.decision.reason, subject_name: f.business.name,
      subject_credit_code: f.business.creditCode, subject_address: f.business.address, credit_code_check_failed: f.business.checkFailed ? 1 : 0,
      product_name: f.product?.name ?? null, product_brand: f.product?.brand ?? null, product_model: f.product?.model ?? null,
      product_batch: f.product?.batch ?? null, product_gtin: f.product?.gtin ?? null, gtin_check_failed: f.product?.gtinCheckFailed ? 1 : 0,
      description: f.description, claim: f.claim, severity: f.severity,
      occurred_on: occurredOn,
      reward_requested: rewardRequested ? 1 : 0, urgent: f.decision.urgent ? 1 : 0, anonymous: f.identity ? 0 : 1,
      pseudonym: pseudonym(ctx.random), receipt_hash: receiptMacSync(ctx.keys, receipt), receipt_key_id: ctx.keys.id, language: f.language,
      received_at: received, updated_at: this.iso, closed_at: this.closedAt, next_due_at: nextDue, fine_fen: this.fine,
      transfer_count: 0, status_before_transfer: null, escalated: this.escalated ? 1 : 0, urge_count: this.urged ? 1 : 0, last_urged_at: this.urged,
      rehandle_count: 0, merged_into: null, legal_hold: 0, purged_at: null,
    };
    return {
      day: shanghaiDate(this.receivedAt).replaceAll('-', ''), receipt, kind: f.kind, status: this.status,
      overdue: nextDue !== null && new Date(nextDue) < ctx.now, rows: this.rows,
    };
  }
}

/**
 * Plans a case received at `receivedAt`: its rows as the intake and the staff actions would have
 * written them. `force` fixes some of what it is about (a planted cluster).
 */
export function planCase(ctx: PlanContext, receivedAt: Date, force?: ForcedFacts): PlannedCase {
  const plan = new CasePlan(ctx, receivedAt, caseFacts(ctx.rng, ctx.dir, receivedAt, force));
  plan.submit();
  plan.assignTriaged();
  plan.handle();
  plan.sweep();
  plan.followUp();
  return plan.finish();
}
