/**
 * The sweeper reads the watched clocks in pages of 500 (server/notify/sweeper.repository.ts): over
 * more than two pages, with many clocks due at the same instant, every clock comes once, in due order,
 * and the sweep sends each of them its notice. The digest reads every running clock the same way, each
 * page starting where the last ended by an index seek.
 */
import { afterEach, expect, it } from 'vitest';
import { listWatchedClocks, owedClockPageQuery, runningClockPageQuery } from '../../server/notify/sweeper.repository.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';

let t: TestApp;
afterEach(async () => t.close());

/** Files a complaint and adds `n` running clocks to it, three due at each minute from 1 November. */
async function caseWithClocks(prefix: string, n: number): Promise<{ caseId: string; caseNumber: string }> {
  const filed = await call(t.app, 'POST', '/api/v1/cases', complaint());
  expect(filed.status).toBe(201);
  const { id: caseId } = await t.deps.db.selectFrom('cases').select('id').where('case_number', '=', filed.body.caseNumber).executeTakeFirstOrThrow();
  const insert = t.store.sqlite.prepare(
    "INSERT INTO clocks (id, case_id, clock, started_at, due_at, provisional, status) VALUES (?, ?, 'mediation', ?, ?, 0, 'running')");
  t.store.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const due = new Date(Date.parse('2026-11-01T00:00:00+08:00') + Math.floor(i / 3) * 60_000);
      const at = new Date(due.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
      insert.run(`${prefix}${String(n - 1 - i).padStart(4, '0')}`, caseId, '2026-10-01T09:00:00.000+08:00', at);
    }
  })();
  return { caseId, caseNumber: filed.body.caseNumber };
}

it('reads more than two pages of watched clocks, ties included, each clock once and in due order', async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
  // 1,200 more running clocks on a filed case, overdue, three at each instant.
  await caseWithClocks('pg', 1_200);

  const watched = await listWatchedClocks(t.deps.db, '2026-12-31T00:00:00.000+08:00', '2026-11-26T10:00:00.000+08:00');
  const ids = watched.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => id.startsWith('pg'))).toHaveLength(1_200);
  const dues = watched.map((c) => c.due_at);
  expect(dues).toEqual([...dues].sort());

  // The sweep gets through all the pages: every overdue clock has its overdue notice queued once.
  await sweepClocks(t.deps);
  const notified = await t.deps.db.selectFrom('clocks').select(({ fn }) => fn.countAll<number>().as('n'))
    .where('id', 'like', 'pg%').where('overdue_notified_at', 'is not', null).executeTakeFirstOrThrow();
  expect(Number(notified.n)).toBe(1_200);
});

/** The query plan's lines, as EXPLAIN QUERY PLAN gives them. */
function planOf(query: { sql: string; parameters: readonly unknown[] }): string {
  return (t.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { detail: string }[]).map((r) => r.detail).join('\n');
}

it('the sweep reads only the clocks owed a notice, the overdue ones and those owed a "due soon", each page by an index seek', async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
  // 600 overdue (1 November from midnight) and 600 due on 26 November from 13:20, three a minute.
  const { caseId } = await caseWithClocks('ow', 1_200);
  t.store.sqlite.prepare("UPDATE clocks SET due_at = replace(due_at, '2026-11-01T0', '2026-11-26T1') WHERE id LIKE 'ow%' AND due_at >= '2026-11-01T03:20'").run();
  // Told already: every other due-soon clock, and an escalated overdue one: owed nothing now.
  t.store.sqlite.prepare("UPDATE clocks SET due_soon_notified_at = '2026-11-26T09:00:00.000+08:00' WHERE id LIKE 'ow%' AND due_at >= '2026-11-26T13:20' AND rowid % 2 = 0").run();
  t.store.sqlite.prepare("UPDATE clocks SET escalated_at = '2026-11-20T09:00:00.000+08:00', overdue_notified_at = '2026-11-20T09:00:00.000+08:00' WHERE id = 'ow1199'").run();

  const owedAt = '2026-11-26T10:00:00.000+08:00';
  const expected = (t.store.sqlite.prepare(`SELECT id FROM clocks WHERE case_id = ? AND id LIKE 'ow%' AND escalated_at IS NULL
    AND (due_at < ? OR (due_soon_notified_at IS NULL AND due_at <= '2026-12-31'))`).all(caseId, owedAt) as { id: string }[]).map((r) => r.id);
  expect(expected.length).toBe(899);
  const watched = await listWatchedClocks(t.deps.db, '2026-12-31T00:00:00.000+08:00', owedAt);
  const ids = watched.filter((c) => c.id.startsWith('ow')).map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...expected].sort());
  const dues = watched.map((c) => c.due_at);
  expect(dues).toEqual([...dues].sort());
  expect(Object.keys(watched[0]!)).not.toContain('rowid');

  // The sweep sends them all, the departments' notices 50 to a batch (escalations one by one, with their audit).
  let batches = 0;
  const summary = await sweepClocks({ ...t.deps, batch: (q, a) => { batches += 1; return t.deps.batch(q, a); } });
  expect(summary).toMatchObject({ overdue: 599, dueSoon: 300 });
  expect(batches - summary.escalated).toBeLessThanOrEqual(Math.ceil((599 + 300) / 50) + 10);

  // Each later page seeks its index where the last one ended; no sort of what went before.
  const after = { due_at: '2026-11-01T02:00:00.000+08:00', rowid: 7 };
  const bounds = { owedAt, horizon: '2026-12-31T00:00:00.000+08:00' };
  const overdue = planOf(owedClockPageQuery('overdue', bounds, after).compile(t.deps.db));
  expect(overdue).toMatch(/SEARCH clocks USING INDEX clocks_watch \(status=\? AND escalated_at=\? AND due_at>\? AND due_at<\?\)/);
  const dueSoon = planOf(owedClockPageQuery('dueSoon', bounds, after).compile(t.deps.db));
  expect(dueSoon).toMatch(/SEARCH clocks USING INDEX clocks_due_soon_owed \(due_at>\? AND due_at<\?\)/);
  for (const plan of [overdue, dueSoon]) expect(plan).not.toMatch(/TEMP B-TREE/);
});

it('reads every running clock for the digest over more than two pages, ties included, and leaves out closed cases', async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
  const open = await caseWithClocks('dg', 1_200);
  const closed = await caseWithClocks('cl', 30);
  t.store.sqlite.prepare("UPDATE cases SET status = 'closed' WHERE id = ?").run(closed.caseId);

  const watched = await listWatchedClocks(t.deps.db, '2026-12-31T00:00:00.000+08:00');
  const ids = watched.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => id.startsWith('dg'))).toHaveLength(1_200);
  expect(ids.filter((id) => id.startsWith('cl'))).toHaveLength(0);
  const dues = watched.map((c) => c.due_at);
  expect(dues).toEqual([...dues].sort());
  expect(watched.find((c) => c.id === 'dg0000')).toMatchObject({ case_number: open.caseNumber, clock: 'mediation' });
  expect(Object.keys(watched[0]!)).not.toContain('rowid');

  // A later page starts at the last one's end by a seek of the (status, due_at) index, not by reading
  // the index from its start again (an OR of "later, or as late and after" is no range).
  const plan = planOf(runningClockPageQuery('2026-12-31T00:00:00.000+08:00', { due_at: '2026-11-01T02:00:00.000+08:00', rowid: 7 }).compile(t.deps.db));
  expect(plan).toMatch(/SEARCH clocks USING INDEX clocks_running_due \(status=\? AND due_at>\? AND due_at<\?\)/);
  expect(plan).not.toMatch(/TEMP B-TREE/);
});
