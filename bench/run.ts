/**
 * `npm run bench [-- --cases N --duration S --connections C --page-connections P --quick --keep --only NAME --data-dir DIR --generator-nice N]`: fills a fresh temporary
 * database with the demo data generator, starts the real server on it, and measures each scenario with
 * autocannon on loopback for a bounded time. Prints a table (req/s, p50, p99, ratio to a trivial route of
 * the same server, the server's peak RSS, the durable-commit setting) and writes bench/results/<time>.json.
 * --only runs the scenarios whose names contain one of the words given (the baseline always runs);
 * --data-dir measures on a folder an earlier --keep run left (no new demo data; the folder is kept).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request, type Result } from 'autocannon';
import Sqlite from 'better-sqlite3';
import { shanghaiDate } from '../server/clocks/clocks.js';
import { DEMO_PASSWORD } from '../server/staff/demo.js';
import { startLoginFlood } from './flood.js';
import { generatorNice, lowerGeneratorPriority } from './nice.js';
import { formatTable, targetLines, type Measured } from './report.js';
import { SIGNAL_TURNS, scenarios, type Scenario, type ScenarioInputs } from './scenarios.js';
import { buildServer, ROOT, startServer, type LoopDelay, type RunningServer } from './server.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    'page-connections': { type: 'string' },
    'deep-pages': { type: 'string' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    'data-dir': { type: 'string' },
    'generator-nice': { type: 'string' },
  },
});
const quick = values.quick;
const options = {
  cases: Number(values.cases ?? (quick ? 20_000 : 1_000_000)),
  duration: Number(values.duration ?? (quick ? 3 : 10)),
  connections: Number(values.connections ?? 50),
  pageConnections: Number(values['page-connections'] ?? 1),
  deepPages: Number(values['deep-pages'] ?? 100),
  generatorNice: generatorNice(values['generator-nice']),
};

function generate(dataDir: string, receipts: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'demo-data', '--cases', String(options.cases), '--receipts', receipts, '--receipts-count', '5000'], {
    cwd: ROOT, env: { ...process.env, INTAKE_DATA_DIR: dataDir, NODE_ENV: 'development' }, stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => child.on('exit', (code) =>
    (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`demo-data exited with ${code}`)))));
}

async function api(server: RunningServer, path: string, init: RequestInit = {}) {
  const res = await fetch(server.url + path, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

/**
 * The Tianhe handler's token. Tried a few times: a login is audited, and while the clock sweeper
 * writes its own audited batches the audit chain's optimistic append can lose every retry (500).
 */
async function staffLogin(server: RunningServer, username = 'tianhe.handler'): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { token } = await api(server, '/api/v1/staff/login', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      return token as string;
    } catch (err) {
      if (attempt >= 5) throw err;
      process.stderr.write(`staff login failed (${err instanceof Error ? err.message : String(err)}); trying again\n`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Logs in as the Tianhe handler and walks its queue's cursors for the deep page and case numbers. */
async function prepare(server: RunningServer, receiptsFile: string): Promise<ScenarioInputs> {
  const token = await staffLogin(server);
  const auth = { authorization: `Bearer ${token}` };
  let cursor: string | null = null;
  let deepCursor = '';
  let rows = 0;
  const caseNumbers: string[] = [];
  for (let page = 0; page < options.deepPages; page++) {
    const q: any = await api(server, `/api/v1/staff/cases?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: auth });
    caseNumbers.push(...q.items.map((i: { caseNumber: string }) => i.caseNumber));
    if (!q.nextCursor) break;
    cursor = q.nextCursor;
    deepCursor = q.nextCursor;
    rows = caseNumbers.length;
  }
  const categories = (await api(server, '/api/v1/categories')).items.map((c: any) => ({ code: c.code, kinds: c.kinds }));
  const regions = (await api(server, '/api/v1/regions')).items.map((r: any) => r.code).filter((c: string) => !c.endsWith('0000'));
  const receipts = readFileSync(receiptsFile, 'utf8').split('\n').filter((l) => /^[A-Z]/.test(l)).map((l) => l.split('\t')[1]!);
  if (!deepCursor || caseNumbers.length === 0 || receipts.length === 0) throw new Error('the demo data has no queue for tianhe.handler, or no receipts');
  const intakeToken = await staffLogin(server, 'intake');
  return {
    categories, regions, staffToken: token, intakeToken, today: shanghaiDate(new Date()), enterpriseCode: busiestEnterprise(),
    deepCursor, deepRows: rows, caseNumbers, receipts,
  };
}

/** The database file the server runs on, opened beside it (WAL: the server keeps writing). */
function openDatabase(readonly: boolean): Sqlite.Database {
  const db = new Sqlite(join(dataDir, 'intake.sqlite'), { readonly, fileMustExist: true });
  db.pragma('busy_timeout = 30000');
  return db;
}

/** The credit code with the most complaints and reports (migration 0029's counters), if any. */
function busiestEnterprise(): string | null {
  const db = openDatabase(true);
  try {
    const row = db.prepare('SELECT credit_code AS code FROM enterprise_counts GROUP BY credit_code ORDER BY sum(n) DESC LIMIT 1').get() as { code: string } | undefined;
    return row?.code ?? null;
  } catch {
    return null; // no enterprise counters in this database
  } finally {
    db.close();
  }
}

/**
 * Turns the quality-signal counting on or off (signal_settings.enabled, migration 0030): the
 * triggers read the row at every case insert, so the running server follows at its next submission.
 * Returns what it was, or null when the database has no such setting.
 */
function setSignalCounting(on: boolean): boolean | null {
  const db = openDatabase(false);
  try {
    const before = db.prepare('SELECT enabled FROM signal_settings WHERE id = 1').get() as { enabled: number } | undefined;
    if (!before) return null;
    db.prepare('UPDATE signal_settings SET enabled = ? WHERE id = 1').run(on ? 1 : 0);
    return before.enabled === 1;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/**
 * Waits until the server answers the trivial route quickly again: a scenario that overloads it leaves
 * requests queued inside after autocannon stops, and the next scenario must not pay for them.
 */
async function settle(server: RunningServer, maxSeconds = 300): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  while (Date.now() < deadline) {
    const started = performance.now();
    try {
      await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(30_000) });
      if (performance.now() - started < 20) return;
    } catch { /* still busy */ }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stderr.write(`the server was still busy after ${maxSeconds} s; measuring anyway\n`);
}

/** One autocannon run with the server's event-loop delays over exactly that run. */
async function run(server: RunningServer, requests: Request[], connections: number, duration: number): Promise<{ r: Result; loop: LoopDelay }> {
  await server.loopDelay(true);
  const r = await autocannon({ url: server.url, connections, duration, requests });
  return { r, loop: await server.loopDelay(true) };
}

function measured(s: Scenario, connections: number, runs: { r: Result; loop: LoopDelay }[]): Measured {
  const sum = (f: (r: Result) => number) => runs.reduce((t, x) => t + f(x.r), 0);
  const seconds = sum((r) => r.duration);
  const codes: Record<string, number> = {};
  for (const { r } of runs) for (const [code, v] of Object.entries(r.statusCodeStats)) codes[code] = (codes[code] ?? 0) + v.count;
  return {
    name: s.name,
    connections,
    target: s.target,
    requestsPerSecond: (sum((r) => r['2xx']) + sum((r) => r.non2xx)) / seconds,
    okPerSecond: sum((r) => r['2xx']) / seconds,
    // Several runs (the signal pair's turns): the middle of their medians, the worst of their tails.
    p50: sum((r) => r.latency.p50) / runs.length,
    p99: Math.max(...runs.map((x) => x.r.latency.p99)),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors + r.timeouts),
    statusCodes: codes,
    loopMaxMs: Math.max(...runs.map((x) => x.loop.maxMs)),
    loopP99Ms: Math.max(...runs.map((x) => x.loop.p99Ms)),
  };
}

/**
 * The submissions with the signal counters on and off, in turns (SIGNAL_TURNS, the whole duration
 * each). Turns of half the duration (5 s) gave ratios from 0.86 to 0.95 on the same build; four
 * turns of 10 s from 0.80 to 1.00 (the machine's speed swings by a fifth within seconds), so eight.
 */
async function measureSignalPair(server: RunningServer, on: Scenario, off: Scenario): Promise<Measured[]> {
  const was = setSignalCounting(true);
  if (was === null) {
    process.stderr.write('this database has no signal_settings (migration 0030): the signal counters are not compared\n');
    return [];
  }
  const seconds = options.duration;
  const runs = { on: [] as { r: Result; loop: LoopDelay }[], off: [] as { r: Result; loop: LoopDelay }[] };
  try {
    await autocannon({ url: server.url, connections: 10, duration: 1, requests: on.requests }); // warm-up
    for (const turn of SIGNAL_TURNS) {
      setSignalCounting(turn === 'on');
      await settle(server);
      process.stderr.write(`measuring submissions, signal counters ${turn}, for ${seconds} s …\n`);
      runs[turn].push(await run(server, (turn === 'on' ? on : off).requests, options.connections, seconds));
    }
  } finally {
    setSignalCounting(was);
  }
  return [measured(on, options.connections, runs.on), measured(off, options.connections, runs.off)];
}

async function measure(server: RunningServer, receiptsFile: string): Promise<{ scenarios: Measured[]; wholeRunLoopMaxMs: number }> {
  const out: Measured[] = [];
  const inputs = await prepare(server, receiptsFile);
  const only = values.only?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  const chosen = scenarios(inputs).filter((s, i) => i === 0 || !only || only.some((w) => s.name.toLowerCase().includes(w)));
  const pair = { on: chosen.find((s) => s.signals === 'on'), off: chosen.find((s) => s.signals === 'off') };
  for (const s of chosen) {
    if (s.signals) {
      // Both of the pair are measured when the first of them comes up.
      if (pair.on && pair.off && (s === pair.on || s === pair.off) && !out.some((m) => m.name === pair.on!.name)) {
        out.push(...await measureSignalPair(server, pair.on, pair.off));
      }
      continue;
    }
    await settle(server);
    process.stderr.write(`measuring ${s.name} for ${options.duration} s …\n`);
    await autocannon({ url: server.url, connections: 10, duration: 1, requests: s.requests }); // warm-up
    const connections = s.load === 'pages' ? options.pageConnections : options.connections;
    const flood = s.background === 'login-flood' ? startLoginFlood(server.url, 100) : null;
    const result = await run(server, s.requests, connections, options.duration);
    await flood?.stop();
    if (flood) process.stderr.write(`  logins during it: ${JSON.stringify(flood.statuses)} (401: checked, 429: refused before hashing)\n`);
    out.push(measured(s, connections, [result]));
  }
  return { scenarios: out, wholeRunLoopMaxMs: (await server.loopDelay()).wholeRunMaxMs };
}

const reuse = values['data-dir'];
const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'intake-bench-'));
let server: RunningServer | null = null;
const build = buildServer();
try {
  let generatorSeconds = Number.NaN;
  if (reuse) {
    process.stderr.write(`measuring on the existing data in ${dataDir}\n`);
  } else {
    process.stderr.write(`demo data: ${options.cases} cases into ${dataDir}\n`);
    generatorSeconds = await generate(dataDir, join(dataDir, 'receipts.tsv'));
  }
  const dbBytes = statSync(join(dataDir, 'intake.sqlite')).size;
  // 127.0.0.1 as the trusted proxy: the load generator speaks for many clients (X-Forwarded-For).
  server = await startServer(build.entry, { INTAKE_DATA_DIR: dataDir, NODE_ENV: 'development', INTAKE_TRUSTED_PROXIES: '127.0.0.1' });
  lowerGeneratorPriority(options.generatorNice); // once the server runs: it keeps the priority it was spawned with
  const { scenarios: scenariosMeasured, wholeRunLoopMaxMs } = await measure(server, join(dataDir, 'receipts.tsv'));
  const peakRss = server.peakRss();
  const durability = server.durability;
  const exitCode = await server.stop();
  server = null;
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', node: process.version },
    options,
    generator: reuse ? null : { cases: options.cases, seconds: generatorSeconds, casesPerSecond: options.cases / generatorSeconds },
    dbBytes,
    durability,
    peakRssBytes: peakRss,
    wholeRunLoopMaxMs,
    serverExitCode: exitCode,
    scenarios: scenariosMeasured,
  };
  console.log(formatTable(result));
  console.log(targetLines(result).join('\n'));
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nResults written to ${file}`);
} catch (err) {
  if (server) process.stderr.write(`server output:\n${server.output.join('').split('\n').slice(-40).join('\n')}\n`);
  throw err;
} finally {
  if (server) await server.stop();
  build.remove();
  if (values.keep || reuse) process.stderr.write(`kept ${dataDir}\n`);
  else rmSync(dataDir, { recursive: true, force: true });
}
