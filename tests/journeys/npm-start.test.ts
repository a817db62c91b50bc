/** The README's first command: `npm start` builds the server, serves, and stops cleanly on a signal to npm. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './runtimes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('npm start', () => {
  let dir: string;
  let group: number | undefined;
  afterEach(() => {
    // Whatever the test saw, nothing it started outlives it (SIGTERM went to npm alone).
    if (group) try { process.kill(-group, 'SIGKILL'); } catch { /* all gone */ }
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds, serves the API, and stops gracefully when npm is sent SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-npm-start-'));
    const port = await freePort();
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), INTAKE_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    group = npm.pid;
    let output = '';
    npm.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
    npm.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 600 && !output.includes('Listening on:'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain(`Listening on:  127.0.0.1:${port}`);
      expect(output).toContain('demo-pass-2026');
      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      expect(health.status).toBe(200);
    } finally {
      npm.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
    // Nothing left listening: the server itself got the signal, not only npm's shell.
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
  }, 90_000);
});
