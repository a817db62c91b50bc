import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.service.js';
import { caseNumberSchema } from '../../server/cases/cases.schema.js';
import { isOpen } from '../../server/cases/lifecycle.js';
import { unseal } from '../../server/identity/seal.js';
import { checkGtin } from '../../server/lib/identifiers.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { listSignalRows } from '../../server/signals/signals.repository.js';
import { recountQueries } from '../../server/stats/counters.repository.js';
import { BUSINESS_CLUSTER, PLANTED_CASES, PRODUCT_CLUSTER, SPIKE_CLUSTER } from '../../tools/demo-data/clusters.js';
import { generateDemoData, type DemoDataSummary } from '../../tools/demo-data/generate.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createStaff } from '../helpers/staff.js';

// createTestApp's master key.
const MASTER_KEY = new Uint8Array(32).fill(7);
// Enough for every month of two years to get cases beside the planted clusters.
const CASES = 450;
const STATES: Record<string, string[]> = {
  complaint: ['received', 'accepted', 'not_accepted', 'mediating', 'mediated', 'mediation_failed', 'closed'],
  report: ['received', 'verifying', 'case_opened', 'not_opened', 'penalty_decided', 'closed'],
  injury: ['received', 'triaged', 'investigating', 'closed'],
};

describe('demo data generator', () => {
  let t: TestApp;
  let dir: string;
  let summary: DemoDataSummary;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-data-'));
    t = await createTestApp();
    summary = await generateDemoData(t.deps, t.store, {
      cases: CASES, masterKey: MASTER_KEY, seed: 1, receiptsFile: join(dir, 'receipts.tsv'), receiptsCount: 20,
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the cases asked for, numbered per day without gaps, spread over two years', async () => {
    expect(summary.cases).toBe(CASES);
    const cases = await t.deps.db.selectFrom('cases').select(['case_number', 'received_at', 'kind', 'status']).execute();
    expect(cases).toHaveLength(CASES);
    expect(new Set(cases.map((c) => c.case_number)).size).toBe(CASES);
    for (const c of cases) expect(caseNumberSchema.safeParse(c.case_number).success).toBe(true);
    const sequences = await t.deps.db.selectFrom('case_sequences').selectAll().execute();
    for (const s of sequences) {
      const numbers = cases.filter((c) => c.case_number.slice(2, 10) === s.day).map((c) => Number(c.case_number.slice(10))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: s.last }, (_, i) => i + 1));
    }
    const months = new Set(cases.map((c) => c.received_at.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['complaint', 'report', 'injury']));
    for (const c of cases) expect(STATES[c.kind]).toContain(c.status);
  });

  it('seals identities and original texts that the app unseals with its keyring', async () => {
    const boxes = await t.deps.db.selectFrom('sealed_records').selectAll().execute();
    const named = await t.deps.db.selectFrom('cases').select('id').where('anonymous', '=', 0).execute();
    expect(boxes.filter((b) => b.purpose === 'identity')).toHaveLength(named.length);
    expect(boxes.filter((b) => b.purpose === 'original_text')).toHaveLength(CASES);
    for (const b of boxes.slice(0, 120)) {
      const value = await unseal<Record<string, unknown>>(t.deps.keys,
        { keyId: b.key_id, wrappedKey: b.wrapped_key, iv: b.iv, ciphertext: b.ciphertext }, `${b.case_id}:${b.purpose}`);
      if (b.purpose === 'identity') expect(value.phone).toMatch(/^1[3-9]\d{9}$/);
      else expect(String(value.description).length).toBeGreaterThanOrEqual(10);
    }
    const messages = await t.deps.db.selectFrom('sealed_messages').selectAll().limit(5).execute();
    for (const m of messages) {
      const text = await unseal<string>(t.deps.keys, { keyId: m.key_id, wrappedKey: m.wrapped_key, iv: m.iv, ciphertext: m.ciphertext }, `message:${m.message_id}`);
      expect(text.length).toBeGreaterThan(0);
    }
  });

  it('names a product on most product cases, with GTINs whose flag agrees with their check digit, and none elsewhere', async () => {
    const rows = await t.deps.db.selectFrom('cases')
      .select(['id', 'category', 'product_name', 'product_brand', 'product_model', 'product_batch', 'product_gtin', 'gtin_check_failed']).execute();
    const product = rows.filter((r) => r.category.startsWith('product.'));
    expect(rows.filter((r) => !r.category.startsWith('product.') && (r.product_name !== null || r.product_gtin !== null))).toEqual([]);
    const named = product.filter((r) => r.product_name !== null);
    expect(named.length).toBeGreaterThan(product.length * 0.6);
    for (const r of named) {
      expect([r.product_brand, r.product_model, r.product_batch].every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
      if (r.product_gtin === null) expect(r.gtin_check_failed).toBe(0);
      else expect(r.gtin_check_failed).toBe(checkGtin(r.product_gtin).checkOk ? 0 : 1);
    }
    const gtins = named.filter((r) => r.product_gtin !== null);
    expect(gtins.length).toBeGreaterThan(named.length / 2);
    expect(gtins.filter((r) => r.gtin_check_failed === 0).length).toBeGreaterThan(gtins.length * 0.9);
    // The sealed original keeps the product as typed, as the intake seals it.
    const withProduct = named.find((r) => r.product_gtin !== null)!;
    const box = await t.deps.db.selectFrom('sealed_records').selectAll().where('case_id', '=', withProduct.id).where('purpose', '=', 'original_text').executeTakeFirstOrThrow();
    const original = await unseal<{ subject: { product: { gtin: string } } }>(t.deps.keys,
      { keyId: box.key_id, wrappedKey: box.wrapped_key, iv: box.iv, ciphertext: box.ciphertext }, `${box.case_id}:original_text`);
    expect(original.subject.product.gtin).toBe(withProduct.product_gtin);
  });

  it('plants recent clusters that raise a business, a product and a spike signal during the load', async () => {
    // The count of each signal is its linked cases (server/signals/signals.repository.ts).
    const signals = await listSignalRows(t.deps.db, undefined, 100_000);
    const byType = (type: string) => signals.filter((s) => s.type === type);
    expect(byType('business').some((s) => s.count >= 5)).toBe(true);
    expect(byType('product').some((s) => s.count >= 5 && /^\d{13}$/.test(s.key))).toBe(true);
    expect(byType('spike').some((s) => s.count >= 10)).toBe(true);
    // The business cluster is the last month's: its signal's window reaches today.
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const business = byType('business').find((s) => s.count >= BUSINESS_CLUSTER)!;
    expect(business).toBeDefined();
    expect(business.window_start <= today).toBe(true);
    const members = await t.deps.db.selectFrom('cases').select(({ fn }) => fn.countAll<number>().as('n'))
      .where('subject_credit_code', '=', business.key).where('received_at', '>=', `${business.window_start}T00:00:00+08:00`).executeTakeFirstOrThrow();
    expect(Number(members.n)).toBeGreaterThanOrEqual(BUSINESS_CLUSTER);
    expect(PLANTED_CASES).toBe(BUSINESS_CLUSTER + PRODUCT_CLUSTER + SPIKE_CLUSTER);
  });

  it('writes events and clocks as the app does, so the statistics counters kept by triggers equal a recount', async () => {
    const snapshot = () => t.store.sqlite.prepare('SELECT metric, month, department, category, city, kind, n FROM stat_counts WHERE n != 0 ORDER BY 1, 2, 3, 4, 5, 6').all();
    const counted = snapshot();
    const metrics = new Set((counted as { metric: string }[]).map((r) => r.metric));
    // Status changes (data.entered), closes with their working days, ended clocks and sign-for windows.
    for (const m of ['received', 'status:closed', 'closed', 'clock_on_time', 'clock_late', 'sign_due', 'signed_on_time', 'rating']) expect(metrics).toContain(m);
    expect([...metrics].some((m) => m.startsWith('close_wd:'))).toBe(true);
    for (const q of recountQueries(t.deps.db)) t.store.sqlite.prepare(q.sql).run(...(q.parameters as unknown[]));
    expect(snapshot()).toEqual(counted);
  });

  it('keeps clocks and the queue key consistent: next_due_at is the earliest running clock', async () => {
    const mismatched = await t.deps.db.selectFrom('cases')
      .select(['case_number', 'next_due_at'])
      .where(({ eb, selectFrom }) => eb(eb.fn.coalesce('next_due_at', eb.val('')), '!=',
        eb.fn.coalesce(selectFrom('clocks').select(({ fn }) => fn.min('due_at').as('d')).whereRef('clocks.case_id', '=', 'cases.id').where('clocks.status', '=', 'running'), eb.val(''))))
      .execute();
    expect(mismatched).toEqual([]);
    const closed = await t.deps.db.selectFrom('cases').select(['status', 'closed_at', 'next_due_at']).where('status', '=', 'closed').execute();
    for (const c of closed) expect([c.closed_at !== null, c.next_due_at]).toEqual([true, null]);
    const open = await t.deps.db.selectFrom('cases').select(['status']).where('next_due_at', 'is not', null).execute();
    for (const c of open) expect(isOpen(c.status)).toBe(true);
    expect(summary.overdue).toBeGreaterThan(0);
    const outboxless = await t.deps.db.selectFrom('cases').select('id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('outbox').select('outbox.id').whereRef('outbox.case_id', '=', 'cases.id'))))
      .execute();
    expect(outboxless).toEqual([]);
    expect((await t.deps.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute())).toEqual([]);
  });

  it('leaves the clock sweeper nothing to send: what the clocks were owed went out when it fell due', async () => {
    const swept = await sweepClocks(t.deps);
    expect([swept.dueSoon, swept.overdue, swept.escalated]).toEqual([0, 0, 0]);
    expect(await t.deps.db.selectFrom('cases').select('id').where('escalated', '=', 1).execute()).not.toHaveLength(0);
  });

  it('writes receipts that log in to the follow-up of their case', async () => {
    const lines = readFileSync(join(dir, 'receipts.tsv'), 'utf8').split('\n').filter((l) => /^\w/.test(l) && !l.startsWith('#'));
    expect(lines).toHaveLength(20);
    for (const line of lines.slice(0, 3)) {
      const [caseNumber, receipt] = line.split('\t');
      const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt });
      expect(login.status).toBe(200);
      const view = await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(login.body.token));
      expect(view.body.caseNumber).toBe(caseNumber);
    }
  });

  it('shows generated cases in the department queue and on the case page, with the complainant contact masked', async () => {
    const handler = await createStaff(t, { role: 'handler', department: 'samr-440106' });
    const token = await handler.login();
    const queue = await call(t.app, 'GET', '/api/v1/staff/cases?limit=200', undefined, bearer(token));
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
    const complaint = await t.deps.db.selectFrom('cases').select('case_number')
      .where('department', '=', 'samr-440106').where('kind', '=', 'complaint').executeTakeFirstOrThrow();
    const page = await call(t.app, 'GET', `/api/v1/staff/cases/${complaint.case_number}`, undefined, bearer(token));
    expect(page.status).toBe(200);
    expect(page.body.reporterContact.name).toMatch(/^.\*+$/);
    expect(page.body.timeline[0].event).toBe('received');
  });

  it('adds one entry to the audit log, and the chain still verifies', async () => {
    const entries = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'demo_data.generated').execute();
    expect(entries).toHaveLength(1);
    expect((await verifyAuditChain(t.deps)).broken).toBeNull();
  });
});

describe('demo data generator on a file, in worker threads', () => {
  it('shares the days between workers without duplicate numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-data-file-'));
    const t = await createTestApp({ filename: join(dir, 'intake.sqlite') });
    try {
      const indexes = () => t.store.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
      const before = indexes();
      const progress: number[] = [];
      const s = await generateDemoData(t.deps, t.store, { cases: 300, masterKey: MASTER_KEY, seed: 2, workers: 2, onProgress: (done) => progress.push(done) });
      expect(s.cases).toBe(300);
      expect(progress.at(-1)).toBe(300);
      // A load into an empty database sets the loaded tables' indexes and counter triggers aside and
      // puts them back after it; the counters are then counted from the rows.
      expect(indexes()).toEqual(before);
      const received = t.store.sqlite.prepare("SELECT sum(n) AS n FROM stat_counts WHERE metric = 'received'").get();
      expect(received).toEqual({ n: 300 });
      const enterprises = t.store.sqlite.prepare("SELECT sum(n) AS n FROM enterprise_counts WHERE measure IN ('complaints_received', 'reports_received')").get();
      expect(enterprises).toEqual(t.store.sqlite.prepare("SELECT count(*) AS n FROM cases WHERE kind IN ('complaint', 'report') AND subject_credit_code IS NOT NULL AND status != 'merged'").get());
      expect(t.store.sqlite.prepare('SELECT count(*) AS n FROM pending_indexes').get()).toEqual({ n: 0 });
      // Foreign keys were off for the load only: every row it wrote has its case.
      expect(t.store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(t.store.sqlite.pragma('foreign_key_check')).toEqual([]);
      // Temporary storage was in memory for the load only: the server's own queries sort on disk.
      expect(t.store.sqlite.pragma('temp_store', { simple: true })).toBe(0);
      const numbers = await t.deps.db.selectFrom('cases').select('case_number').execute();
      expect(new Set(numbers.map((n) => n.case_number)).size).toBe(300);
      expect((await verifyAuditChain(t.deps)).broken).toBeNull();
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
