/**
 * The sweeper reads the watched clocks in pages of 500 (server/notify/sweeper.repository.ts): over
 * more than two pages, with many clocks due at the same instant, every clock comes once, in due order,
 * and the sweep sends each of them its notice.
 */
import { afterEach, expect, it } from 'vitest';
import { listWatchedClocks } from '../../server/notify/sweeper.repository.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';

let t: TestApp;
afterEach(async () => t.close());

it('reads more than two pages of watched clocks, ties included, each clock once and in due order', async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
  const filed = await call(t.app, 'POST', '/api/v1/cases', complaint());
  expect(filed.status).toBe(201);
  const { id: caseId } = await t.deps.db.selectFrom('cases').select('id').where('case_number', '=', filed.body.caseNumber).executeTakeFirstOrThrow();
  // 1,200 more running clocks on that case, overdue, three at each instant.
  const insert = t.store.sqlite.prepare(
    "INSERT INTO clocks (id, case_id, clock, started_at, due_at, provisional, status) VALUES (?, ?, 'mediation', ?, ?, 0, 'running')");
  t.store.sqlite.transaction(() => {
    for (let i = 0; i < 1_200; i++) {
      const due = new Date(Date.parse('2026-11-01T00:00:00+08:00') + Math.floor(i / 3) * 60_000);
      const at = new Date(due.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
      insert.run(`pg${String(1_199 - i).padStart(4, '0')}`, caseId, '2026-10-01T09:00:00.000+08:00', at);
    }
  })();

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
