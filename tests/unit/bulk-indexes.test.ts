import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPendingIndexes, dropIndexesForLoad } from '../../server/node/bulk-indexes.js';
import { openStore } from '../../server/node/sqlite.js';

const indexesOf = (sqlite: Sqlite.Database, table: string) =>
  (sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table) as { name: string; sql: string }[]);
const pending = (sqlite: Sqlite.Database) => (sqlite.prepare('SELECT name FROM pending_indexes ORDER BY name').all() as { name: string }[]).map((r) => r.name);

describe('indexes set aside for a bulk load', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulk-indexes-'));
    file = join(dir, 'intake.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('drops the secondary indexes of the tables named, keeps unique ones, and builds them again as they were', async () => {
    const store = openStore(file, { backgroundCheckpoint: false });
    try {
      const before = indexesOf(store.sqlite, 'cases');
      expect(before.length).toBeGreaterThan(3);
      const dropped = dropIndexesForLoad(store.sqlite, ['cases']);
      expect(dropped).toEqual(before.map((i) => i.name));
      expect(indexesOf(store.sqlite, 'cases')).toEqual([]);
      expect(pending(store.sqlite)).toEqual(dropped);
      // The constraints stay: a second case with the same number is still refused.
      const auto = store.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NULL").get() as { n: number };
      expect(auto.n).toBeGreaterThanOrEqual(2);
      expect(buildPendingIndexes(store.sqlite)).toEqual(dropped);
      expect(indexesOf(store.sqlite, 'cases')).toEqual(before);
      expect(pending(store.sqlite)).toEqual([]);
      expect(buildPendingIndexes(store.sqlite)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('builds what a load that stopped half-way set aside when the database is next opened', async () => {
    const first = openStore(file, { backgroundCheckpoint: false });
    const before = indexesOf(first.sqlite, 'case_events');
    dropIndexesForLoad(first.sqlite, ['case_events']);
    // The process ends here, as a killed load would: nothing builds the indexes again.
    first.sqlite.close();
    const peek = new Sqlite(file, { readonly: true });
    expect(indexesOf(peek, 'case_events')).toEqual([]);
    peek.close();

    const next = openStore(file, { backgroundCheckpoint: false });
    try {
      expect(indexesOf(next.sqlite, 'case_events')).toEqual(before);
      expect(pending(next.sqlite)).toEqual([]);
    } finally {
      await next.close();
    }
  });

  it('opens the database while a load still holds the write lock, leaving the indexes to it', async () => {
    const loader = openStore(file, { backgroundCheckpoint: false });
    try {
      dropIndexesForLoad(loader.sqlite, ['outbox']);
      loader.sqlite.exec('BEGIN IMMEDIATE');
      // A server started meanwhile waits its busy timeout, then opens without the indexes.
      const server = openStore(file, { backgroundCheckpoint: false });
      try {
        expect(indexesOf(server.sqlite, 'outbox')).toEqual([]);
        expect(pending(server.sqlite).length).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
      loader.sqlite.exec('COMMIT');
      expect(buildPendingIndexes(loader.sqlite).length).toBeGreaterThan(0);
      expect(pending(loader.sqlite)).toEqual([]);
    } finally {
      if (loader.sqlite.inTransaction) loader.sqlite.exec('ROLLBACK');
      await loader.close();
    }
  }, 20_000);
});
