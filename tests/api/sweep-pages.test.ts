/**
 * The sweeper reads the watched clocks in pages of 500 (server/notify/sweeper.repository.ts): over
 * more than two pages, with many clocks due at the same instant, every clock comes once, in due order,
 * and the sweep sends each of them its notice. The digest reads every running clock the same way, each
 * page starting where the last ended by an index seek.
 */
import { afterEach, expect, it } from 'vitest';
import { listWatchedClocks, runningClockPageQuery } from '../../server/notify/sweeper.repository.js';
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
  const order = watched.map((c) => `${c.due_at} ${c.id}`);
  expect(order).toEqual([...order].sort());

  // The sweep gets through all the pages: every overdue clock has its overdue notice queued once.
  await sweepClocks(t.deps);
  const notified = await t.deps.db.selectFrom('clocks').select(({ fn }) => fn.countAll<number>().as('n'))
    .where('id', 'like', 'pg%').where('overdue_notified_at', 'is not', null).executeTakeFirstOrThrow();
  expect(Number(notified.n)).toBe(1_200);
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
  const { sql: text, parameters } = runningClockPageQuery(t.deps.db, '2026-12-31T00:00:00.000+08:00', { due_at: '2026-11-01T02:00:00.000+08:00', rowid: 7 }).compile();
  const plan = (t.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as { detail: string }[]).map((r) => r.detail).join('\n');
  expect(plan).toMatch(/SEARCH clocks USING INDEX clocks_running_due \(status=\? AND due_at>\? AND due_at<\?\)/);
  expect(plan).not.toMatch(/TEMP B-TREE/);
});
