/** The real server as a child process: started on a data dir, watched for memory, stopped with SIGTERM. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** The durable-commit setting the server reports at start. */
  durability: string;
  /** Everything the server printed, for a failed run's report. */
  output: string[];
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRss(): number;
  /**
   * The server's event-loop delays since the last reset (bench/loop-monitor.mjs, loaded into it with
   * --import), resetting them again when `reset` is true.
   */
  loopDelay(reset?: boolean): Promise<LoopDelay>;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** What the server's event-loop monitor measured, in ms. */
export interface LoopDelay { maxMs: number; p99Ms: number; meanMs: number; samples: number; resolutionMs: number; wholeRunMaxMs: number }

/** The preload that watches the server's event loop (plain JavaScript: the server runs without tsx). */
const LOOP_MONITOR = pathToFileURL(join(ROOT, 'bench', 'loop-monitor.mjs')).href;

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Builds the server as `npm start` does (scripts/build-server.mjs), into a folder of the benchmark's
 * own inside the project (the bundle finds its packages in node_modules from there).
 */
export function buildServer(): { entry: string; remove(): void } {
  const outdir = join(ROOT, '.build', `bench-${process.pid}`);
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the server build failed:\n${built.stderr}`);
  return { entry: join(outdir, 'server.mjs'), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The node options `npm start` runs the built server with (package.json is their one source). */
export function startNodeOptions(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const options = /\bnode((?:\s+--\S+)*)\s+dist\/server\.mjs/.exec(scripts.start ?? '');
  if (!options) throw new Error(`package.json's start script does not run dist/server.mjs: ${scripts.start}`);
  return options[1]!.trim().split(/\s+/).filter(Boolean);
}

/**
 * Runs the built server with node directly, with npm start's node options, so the pid whose memory is
 * read is the server's own. PORT=0: the server prints the port it was given. BENCH_SERVER_NODE_ARGS
 * adds options for that node only (NODE_OPTIONS refuses some, e.g. `--cpu-prof --cpu-prof-dir=DIR`
 * for a profile of the server).
 */
export function startServer(entry: string, env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // An IPC channel for the event-loop monitor's answers (bench/loop-monitor.mjs).
  const child = spawn(process.execPath, [...startNodeOptions(), ...nodeArgs, '--import', LOOP_MONITOR, entry], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let asked = 0;
  const answers = new Map<number, (d: LoopDelay) => void>();
  child.on('message', (m: { type?: string; id?: number } & LoopDelay) => {
    if (m?.type !== 'loop-delay' || m.id === undefined) return;
    answers.get(m.id)?.({ maxMs: m.maxMs, p99Ms: m.p99Ms, meanMs: m.meanMs, samples: m.samples, resolutionMs: m.resolutionMs, wholeRunMaxMs: m.wholeRunMaxMs });
    answers.delete(m.id);
  });
  const loopDelay = (reset = false) => new Promise<LoopDelay>((resolve, reject) => {
    const id = ++asked;
    const timer = setTimeout(() => {
      answers.delete(id);
      reject(new Error('the server did not answer the event-loop monitor within 60 s'));
    }, 60_000);
    answers.set(id, (d) => {
      clearTimeout(timer);
      resolve(d);
    });
    child.send({ type: 'loop-delay', id, reset });
  });
  const output: string[] = [];
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    exited = code;
    resolve(code);
  }));
  return new Promise((resolve, reject) => {
    let port: number | null = null;
    let durability = 'unknown';
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output.join('')}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      durability = /Durability:\s+(.+)/.exec(text)?.[1]?.trim() ?? durability;
      const listening = /Listening on:\s+\S+:(\d+)/.exec(text);
      if (listening && port === null) {
        port = Number(listening[1]);
        clearTimeout(timer);
        resolve({
          child,
          url: `http://127.0.0.1:${port}`,
          get durability() { return durability; },
          output,
          peakRss: () => statusField(child.pid!, 'VmHWM'),
          loopDelay,
          async stop() {
            if (exited === undefined) child.kill('SIGTERM');
            return exit;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // BENCH_SERVER_LOG=FILE: the server's whole output there too (e.g. with BENCH_SERVER_NODE_ARGS=--trace-gc).
    if (process.env.BENCH_SERVER_LOG) {
      const log = createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' });
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
    }
    void exit.then((code) => {
      clearTimeout(timer);
      if (port === null) reject(new Error(`the server exited (${code}) before listening:\n${output.join('')}`));
    });
  });
}
