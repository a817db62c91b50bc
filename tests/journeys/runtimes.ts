/**
 * The two runtimes as the journey suite meets them: real processes on 127.0.0.1, started here and
 * stopped here. Node: `server/node.ts` built and run as `npm start` does, over a fresh data folder. Workers:
 * `scripts/dev-worker.ts` (what `npm run dev:worker` runs: D1 migrations, directory, then
 * `wrangler dev --local`) over a fresh local state folder. Both in development mode, which creates
 * the demo staff accounts the journeys sign in with.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newMasterKeyBytes } from '../../server/identity/keys.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { wranglerEnv } from '../../scripts/wrangler.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface RunningRuntime {
  name: 'node' | 'worker';
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Seconds from spawn to the first healthy answer. */
  startSeconds: number;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the runtime exited before answering:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no healthy answer from ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/** Spawns in a process group of its own, so stopping it ends wrangler's and tsx's children too. */
async function launch(name: RunningRuntime['name'], args: string[], env: NodeJS.ProcessEnv, port: number, cleanup: () => void, timeoutMs: number): Promise<RunningRuntime> {
  const started = Date.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { text += chunk.toString(); });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!killed) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    cleanup();
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, () => text, timeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }
  return { name, url, output: () => text, startSeconds: (Date.now() - started) / 1000, stop };
}

export async function startNode(): Promise<RunningRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'intake-journey-node-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR,
    NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), INTAKE_DATA_DIR: dir,
  };
  // Built and run as `npm start` does, into a folder of this run's own inside the project.
  const outdir = join(ROOT, '.build', `journeys-${process.pid}-${port}`);
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the server build failed:\n${built.stderr}`);
  return launch('node', [join(outdir, 'server.mjs')], env, port, () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  }, 60_000);
}

export async function startWorker(): Promise<RunningRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'intake-journey-worker-'));
  const [port, inspectorPort] = [await freePort(), await freePort()];
  // An env file of its own: wrangler then ignores any .dev.vars a developer keeps in the project.
  const envFile = join(dir, 'test.env');
  writeFileSync(envFile, `NODE_ENV=development\nINTAKE_MASTER_KEY=${toBase64(newMasterKeyBytes())}\n`, { mode: 0o600 });
  // Not the test runner's environment (NODE_ENV=test, VITEST…): what a developer's shell would have.
  const env = wranglerEnv({}, { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, PORT: String(port) });
  return launch('worker', [
    TSX, 'scripts/dev-worker.ts', '--persist-to', join(dir, 'state'), '--env-file', envFile,
    '--inspector-port', String(inspectorPort),
  ], env, port, () => rmSync(dir, { recursive: true, force: true }), 240_000);
}
