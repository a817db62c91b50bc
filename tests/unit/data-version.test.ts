/**
 * Deps.dataVersion and the statistics kept by it: an answer is computed once while the data stands
 * still, and again as soon as anything is written — through the store, straight through `db`, or by
 * another connection to the same file (the CLI).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStats } from '../../server/stats/stats.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';

let t: TestApp;
let dir: string;
const period = { from: '2026-01', to: '2026-12' };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'data-version-'));
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00', filename: join(dir, 'intake.sqlite') });
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the data version and the statistics kept by it', () => {
  it('stays while only reads happen, and moves with a batch, a write through db and another connection', async () => {
    const version = t.deps.dataVersion!;
    const v1 = await version();
    await t.deps.db.selectFrom('cases').select('id').execute();
    expect(await version()).toBe(v1);
    await t.deps.batch([t.deps.db.insertInto('case_sequences').values({ day: 'dv-1', last: 1 }).compile()]);
    const v2 = await version();
    expect(v2).not.toBe(v1);
    await t.deps.db.insertInto('case_sequences').values({ day: 'dv-2', last: 1 }).execute();
    const v3 = await version();
    expect(v3).not.toBe(v2);
    const other = new Sqlite(join(dir, 'intake.sqlite'));
    try {
      other.pragma('busy_timeout = 5000');
      other.prepare("INSERT INTO case_sequences (day, last) VALUES ('dv-3', 1)").run();
    } finally {
      other.close();
    }
    expect(await version()).not.toBe(v3);
  });

  it('computes a period once while nothing is written, and again after a case is filed', async () => {
    const first = await loadStats(t.deps, period);
    expect(await loadStats(t.deps, period)).toBe(first);
    expect(await loadStats(t.deps, { from: '2026-06', to: '2026-12' })).not.toBe(first);
    for (let i = 0; i < 5; i++) {
      const res = await call(t.app, 'POST', '/api/v1/cases', report({ category: 'product.food', region: '440106' }));
      expect(res.status, res.text).toBe(201);
    }
    const after = await loadStats(t.deps, period);
    expect(after).not.toBe(first);
    expect(after.total).toBe((first.total ?? 0) + 5);
    const published = await call(t.app, 'GET', '/api/v1/stats?from=2026-01&to=2026-12');
    expect(published.body.total).toBe(after.total);
  });
});
