/**
 * Production without SMTP: mail is held in the outbox, never written to .eml files unless
 * INTAKE_MAIL_FILES=on asks for it, and the start banner says so. Over real files and the real server.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import { newMasterKeyBytes } from '../../server/identity/keys.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createNodeRuntime } from '../../server/node/bootstrap.js';
import { startWorkerLoop } from '../../server/node/worker-loop.js';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { workerMailer } from '../../server/worker/mailer.js';
import { startServer } from '../crash/server.js';
import { report } from '../helpers/bodies.js';

const production = (dir: string, extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(newMasterKeyBytes()), ...extra,
});
const withMail = report({ reporter: { anonymous: false, name: '张三', phone: '13800138000', email: 'zhang@example.com' } });

let dir: string;
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

async function runtimeWithQueuedMail(env: Record<string, string>) {
  const runtime = await createNodeRuntime({ config: parseConfig(env), log: () => {}, backgroundCheckpoint: false });
  const res = await createApp(runtime.deps).request('/api/v1/cases', {
    method: 'POST', body: JSON.stringify(withMail), headers: { 'content-type': 'application/json' },
  });
  expect(res.status).toBe(201);
  const outbox = () => runtime.deps.db.selectFrom('outbox').select(['status', 'attempts', 'last_error']).execute();
  expect((await outbox()).length).toBeGreaterThan(0);
  return { runtime, outbox };
}

describe('production mail without SMTP', () => {
  it('is held in the outbox, untouched by the worker, and no .eml file is written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-prodmail-'));
    const { runtime, outbox } = await runtimeWithQueuedMail(production(dir));
    try {
      expect(runtime.notes.join('\n')).toContain('mail is held in the outbox');
      expect(await drainOutbox(runtime.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
      const loop = startWorkerLoop(runtime.deps, { drainEveryMs: 10 });
      await new Promise((r) => setTimeout(r, 200));
      await loop.stop();
      // Still queued, no attempt spent: it goes out as soon as SMTP is configured.
      for (const row of await outbox()) expect(row).toEqual({ status: 'queued', attempts: 0, last_error: null });
      expect(existsSync(join(dir, 'mail'))).toBe(false);
    } finally {
      await runtime.store.close();
    }
  });

  it('is written to .eml files when INTAKE_MAIL_FILES=on asks for it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-prodmail-'));
    const { runtime, outbox } = await runtimeWithQueuedMail(production(dir, { INTAKE_MAIL_FILES: 'on' }));
    try {
      expect(runtime.notes.join('\n')).toContain('mail is written as .eml files');
      const queued = (await outbox()).length;
      expect((await drainOutbox(runtime.deps)).sent).toBe(queued);
      expect(readdirSync(join(dir, 'mail')).filter((n) => n.endsWith('.eml')).length).toBe(queued);
    } finally {
      await runtime.store.close();
    }
  });

  it('development still writes .eml files by default; INTAKE_MAIL_FILES=off holds them there too', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-prodmail-'));
    const held = await runtimeWithQueuedMail({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir, INTAKE_MAIL_FILES: 'off' });
    try {
      expect(await drainOutbox(held.runtime.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    } finally {
      await held.runtime.store.close();
    }
    const files = await runtimeWithQueuedMail({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir });
    try {
      expect((await drainOutbox(files.runtime.deps)).sent).toBeGreaterThan(0);
      expect(readdirSync(join(dir, 'mail')).some((n) => n.endsWith('.eml'))).toBe(true);
    } finally {
      await files.runtime.store.close();
    }
  });

  it('a Worker with neither MAIL_API_URL nor a MAIL binding holds mail the same way', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-prodmail-'));
    const { runtime, outbox } = await runtimeWithQueuedMail(production(dir));
    try {
      const unconfigured = workerMailer(runtime.deps.config, undefined);
      expect(unconfigured.note).toContain('mail stays queued in the outbox');
      expect(await drainOutbox({ ...runtime.deps, mailer: unconfigured.mailer })).toEqual({ sent: 0, retried: 0, failed: 0 });
      for (const row of await outbox()) expect(row).toEqual({ status: 'queued', attempts: 0, last_error: null });
    } finally {
      await runtime.store.close();
    }
  });

  it('the real production server says so at start and leaves no mail file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-prodmail-'));
    const server = await startServer({ ...production(dir), INTAKE_SUBMISSION_THREAD: 'off' });
    try {
      expect(server.output()).toMatch(/mail is held in the outbox \(not sent, not written to files\)/);
      const res = await fetch(`${server.url}/api/v1/cases`, { method: 'POST', body: JSON.stringify(withMail), headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(201);
      // The worker's first round ran at start; the next is 5 s later: wait past it.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(existsSync(join(dir, 'mail'))).toBe(false);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});
