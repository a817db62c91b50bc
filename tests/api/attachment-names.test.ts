import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, migrationsDir } from '../../db/migrate.js';
import { createKeyring, importMasterKey } from '../../server/identity/keys.js';
import { rotateMasterKey } from '../../server/identity/rotation.service.js';
import { purgeExpired } from '../../server/identity/retention.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { basePng, baseJpeg, pdf } from '../helpers/files.js';
import { getPage, signIn, type Session } from '../helpers/pages.js';
import { bearer } from '../helpers/staff.js';

// Names that would give an insider away; none may reach a staff surface or a plaintext column.
const ORIGINALS = ['张三工牌.jpg', '李四的举报材料.pdf', '王五证据.png'];
const STEMS = ['张三工牌', '李四的举报材料', '王五证据'];

let dir: string;
let t: TestApp;
let staff: Session;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intake-names-'));
  t = await createTestApp({ filename: join(dir, 'intake.db'), env: { INTAKE_RECEIPT_DELAY_MS: '5' } });
  staff = await signIn(t, { role: 'handler' });
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An anonymous report with two files, then a third from the follow-up. */
async function fileWithNames() {
  const form = new FormData();
  form.set('case', JSON.stringify(report()));
  form.append('attachments', new File([baseJpeg as Uint8Array<ArrayBuffer>], ORIGINALS[0]!));
  form.append('attachments', new File([pdf as Uint8Array<ArrayBuffer>], `C:\\Users\\insider\\${ORIGINALS[1]}`));
  const filed = await (await t.app.request('/api/v1/cases', { method: 'POST', body: form })).json() as { caseNumber: string; receipt: string };
  const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.receipt });
  const more = new FormData();
  more.append('attachments', new File([basePng as Uint8Array<ArrayBuffer>], ORIGINALS[2]!));
  const added = await t.app.request('/api/v1/followup/attachments', { method: 'POST', body: more, headers: bearer(login.body.token) });
  expect(added.status).toBe(201);
  return { caseNumber: filed.caseNumber, reporter: bearer(login.body.token) };
}

const NEUTRAL = ['attachment-1.jpg', 'attachment-2.pdf', 'attachment-3.png'];

describe('attachment names staff see', () => {
  it('are attachment-N in the JSON API, the case page, the hand-over form and every download', async () => {
    const { caseNumber } = await fileWithNames();
    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, bearer(staff.token));
    expect(view.body.attachments.map((a: { name: string }) => a.name)).toEqual(NEUTRAL);
    const page = await getPage(t, `/staff/cases/${caseNumber}`, staff);
    const handover = await getPage(t, `/staff/cases/${caseNumber}/handover`, staff);
    expect(page.status).toBe(200);
    expect(handover.status).toBe(200);
    for (const name of NEUTRAL) {
      expect(page.html).toContain(name);
      expect(handover.html).toContain(name);
    }
    const downloads: string[] = [];
    for (const a of view.body.attachments as { url: string }[]) {
      const res = await t.app.request(a.url, { headers: bearer(staff.token) });
      expect(res.status).toBe(200);
      downloads.push(res.headers.get('content-disposition') ?? '');
    }
    expect(downloads).toEqual(NEUTRAL.map((n) => `attachment; filename="${n}"`));
    for (const text of [view.text, page.html, handover.html, ...downloads]) {
      for (const stem of STEMS) {
        expect(text).not.toContain(stem);
        expect(text).not.toContain(encodeURIComponent(stem));
      }
    }
  });

  it('leave the names as sent to the reporter alone, sealed: no plaintext column and no byte of the database file holds them', async () => {
    const { reporter } = await fileWithNames();
    const view = await call(t.app, 'GET', '/api/v1/followup', undefined, reporter);
    expect(view.body.attachments.map((a: { sentAs: string }) => a.sentAs)).toEqual(ORIGINALS);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.deps.db);
    const found: string[] = [];
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(t.deps.db);
      for (const column of columns.rows) {
        const values = await sql<{ v: unknown }>`select ${sql.ref(column.name)} as v from ${sql.table(name)}`.execute(t.deps.db);
        for (const { v } of values.rows) {
          if (typeof v === 'string' && STEMS.some((s) => v.includes(s))) found.push(`${name}.${column.name}`);
        }
      }
    }
    expect(found).toEqual([]);
    const files = readdirSync(dir).filter((f) => f.startsWith('intake.db'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      for (const stem of STEMS) expect(bytes.includes(Buffer.from(stem, 'utf8')), `${stem} in ${file}`).toBe(false);
    }
    expect(await t.deps.db.selectFrom('sealed_attachment_names').select('attachment_id').execute()).toHaveLength(3);
  });

  it('are re-wrapped by key rotation and deleted by the retention purge', async () => {
    const { caseNumber, reporter } = await fileWithNames();
    const next = await importMasterKey(new Uint8Array(32).fill(9));
    const rotated = await rotateMasterKey(t.deps, next);
    expect(rotated.attachmentNames).toBe(3);
    // The new key alone opens them.
    t.deps.keys = createKeyring([next]);
    const view = await call(t.app, 'GET', '/api/v1/followup', undefined, reporter);
    expect(view.body.attachments.map((a: { sentAs: string }) => a.sentAs)).toEqual(ORIGINALS);

    await t.deps.db.updateTable('cases').set({ status: 'closed', closed_at: '2026-11-26T12:00:00.000+08:00' })
      .where('case_number', '=', caseNumber).execute();
    t.clock.advance((t.deps.config.INTAKE_RETENTION_DAYS + 1) * 86_400_000);
    const purge = await purgeExpired(t.deps);
    expect(purge.purged.map((p) => p.attachments)).toEqual([3]);
    expect(await t.deps.db.selectFrom('sealed_attachment_names').select('attachment_id').execute()).toEqual([]);
  });
});

describe('migration 0018', () => {
  it('replaces the plain names kept before it with the neutral names, numbered per case in received order', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'intake-0018-'));
    try {
      const all = readdirSync(migrationsDir).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
      for (const f of all.filter((n) => n < '0018')) copyFileSync(join(migrationsDir, f), join(tmp, f));
      const db = new Sqlite(':memory:');
      // Rows without their cases: only the names matter here.
      db.pragma('foreign_keys = OFF');
      applyMigrations(db, tmp);
      const insert = db.prepare(`INSERT INTO attachments (id, case_id, storage_key, type, size, sha256, display_name, metadata_removed, created_at)
        VALUES (?, ?, ?, ?, 1, 'x', ?, 1, ?)`);
      insert.run('a2', 'case-a', 'k2', 'application/pdf', '李四的举报材料.pdf', '2026-11-26T11:00:00.000+08:00');
      insert.run('a1', 'case-a', 'k1', 'image/jpeg', '张三工牌.jpg', '2026-11-26T10:00:00.000+08:00');
      insert.run('a3', 'case-a', 'k3', 'image/png', null, '2026-11-26T11:00:00.000+08:00');
      insert.run('b1', 'case-b', 'k4', 'video/mp4', 'clip.mp4', '2026-11-27T10:00:00.000+08:00');
      for (const f of all.filter((n) => n >= '0018')) copyFileSync(join(migrationsDir, f), join(tmp, f));
      applyMigrations(db, tmp);
      const rows = db.prepare('SELECT id, display_name FROM attachments ORDER BY id').all();
      expect(rows).toEqual([
        { id: 'a1', display_name: 'attachment-1.jpg' }, { id: 'a2', display_name: 'attachment-2.pdf' },
        { id: 'a3', display_name: 'attachment-3.png' }, { id: 'b1', display_name: 'attachment-1.mp4' },
      ]);
      db.close();
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
