/**
 * Everything the server writes under INTAKE_DATA_DIR is its user's alone: folders 0700, files 0600.
 * Checked on real files: a runtime over a temp folder (this process's umask is the usual 022, so the
 * adapters' own modes are what is tested), the real server process (node.ts sets umask 077) and
 * the real command line's backup.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import { createNodeRuntime } from '../../server/node/bootstrap.js';
import { startWorkerLoop } from '../../server/node/worker-loop.js';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { startServer } from '../crash/server.js';
import { report } from '../helpers/bodies.js';
import { jpegWithMetadata } from '../helpers/files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every path under dir (dir included) whose mode lets group or others in, with its mode. */
function openEntries(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const st = lstatSync(path);
    if ((st.mode & 0o077) !== 0) out.push(`${path.slice(dir.length) || '/'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out;
}

const listAll = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).sort();

/** A report with an e-mail for notices and a photo: a sealed identity, an attachment file, a mail. */
function submission(): FormData {
  const form = new FormData();
  form.set('case', JSON.stringify(report({ reporter: { anonymous: false, name: '张三', phone: '13800138000', email: 'zhang@example.com' } })));
  form.append('attachments', new File([jpegWithMetadata()], 'photo.jpg', { type: 'image/jpeg' }));
  return form;
}

let dir: string;
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('data files are private', () => {
  it('a runtime over a new data folder creates every folder 0700 and every file 0600', async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'intake-modes-')), 'data');
    const runtime = await createNodeRuntime({ config: parseConfig({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir }), log: () => {}, backgroundCheckpoint: false });
    try {
      const res = await createApp(runtime.deps).request('/api/v1/cases', { method: 'POST', body: submission() });
      expect(res.status).toBe(201);
      expect((await drainOutbox(runtime.deps)).sent).toBeGreaterThan(0);
      await startWorkerLoop(runtime.deps).stop(); // one round: the sweep, which appends an audit anchor
    } finally {
      await runtime.store.close();
    }
    // What there is to check: the database, the key, an attachment and at least one mail.
    const all = listAll(dir);
    expect(all).toEqual(expect.arrayContaining(['intake.sqlite', 'master.key', 'mail', 'attachments', 'audit-anchors.log']));
    expect(all.some((p) => p.startsWith('attachments/'))).toBe(true);
    expect(all.some((p) => p.endsWith('.eml'))).toBe(true);
    expect(openEntries(dir)).toEqual([]);
  });

  it('the WAL and shared-memory files of a running database are 0600', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-modes-'));
    const runtime = await createNodeRuntime({ config: parseConfig({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir }), log: () => {}, backgroundCheckpoint: false });
    try {
      expect(existsSync(join(dir, 'intake.sqlite-wal'))).toBe(true);
      expect(existsSync(join(dir, 'intake.sqlite-shm'))).toBe(true);
      expect(openEntries(dir)).toEqual([]);
    } finally {
      await runtime.store.close();
    }
  });

  it('a data folder left open by an earlier version is made private at start, and the banner says so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-modes-'));
    const first = await createNodeRuntime({ config: parseConfig({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir }), log: () => {}, backgroundCheckpoint: false });
    await first.store.close();
    mkdirSync(join(dir, 'mail'));
    closeSync(openSync(join(dir, 'master.key.old-abc'), 'w'));
    closeSync(openSync(join(dir, 'audit-anchors.log'), 'a'));
    const loosened = [['', 0o755], ['intake.sqlite', 0o644], ['master.key', 0o644], ['master.key.old-abc', 0o644], ['mail', 0o755], ['audit-anchors.log', 0o644]] as const;
    for (const [path, mode] of loosened) chmodSync(join(dir, path), mode);
    expect(openEntries(dir).length).toBe(loosened.length);
    const again = await createNodeRuntime({ config: parseConfig({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir }), log: () => {}, backgroundCheckpoint: false });
    await again.store.close();
    expect(openEntries(dir)).toEqual([]);
    expect(again.notes.join('\n')).toMatch(/Data files made private.*intake\.sqlite 644 → 600/);
  });

  it('the real server writes its database, key, attachments and .eml mail privately', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-modes-'));
    chmodSync(dir, 0o755);
    const server = await startServer({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir, INTAKE_SUBMISSION_THREAD: 'off' });
    try {
      const res = await fetch(`${server.url}/api/v1/cases`, { method: 'POST', body: submission() });
      expect(res.status).toBe(201);
      // The worker drains the outbox every 5 s.
      for (let i = 0; i < 150 && !(existsSync(join(dir, 'mail')) && readdirSync(join(dir, 'mail')).length > 0); i++) await new Promise((r) => setTimeout(r, 100));
      expect(readdirSync(join(dir, 'mail')).some((n) => n.endsWith('.eml'))).toBe(true);
      expect(listAll(dir).some((p) => p.startsWith('attachments/'))).toBe(true);
      expect(openEntries(dir)).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(openEntries(dir)).toEqual([]);
  }, 60_000);

  it('the command line writes a backup its user alone can read', () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-modes-'));
    const out = join(tmpdir(), `intake-backup-${process.pid}.sqlite`);
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'backup', out], {
        cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', INTAKE_DATA_DIR: dir },
      });
      expect(run.stderr + run.stdout).toContain('Backed up');
      expect(statSync(out).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(out, { force: true });
    }
  }, 60_000);
});
