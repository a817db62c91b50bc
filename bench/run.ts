/**
 * `npm run bench [-- --cases N --duration S --connections C --page-connections P --quick --keep --only NAME --data-dir DIR]`: fills a fresh temporary
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
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../server/staff/demo.js';
import { startLoginFlood } from './flood.js';
import { formatTable, targetLines, type Measured } from './report.js';
import { scenarios, type ScenarioInputs } from './scenarios.js';
import { buildServer, ROOT, startServer, type RunningServer } from './server.js';

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
  },
});
const quick = values.quick;
const options = {
  cases: Number(values.cases ?? (quick ? 20_000 : 1_000_000)),
  duration: Number(values.duration ?? (quick ? 3 : 10)),
  connections: Number(values.connections ?? 50),
  pageConnections: Number(values['page-connections'] ?? 1),
  deepPages: Number(values['deep-pages'] ?? 100),
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
async function staffLogin(server: RunningServer): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { token } = await api(server, '/api/v1/staff/login', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tianhe.handler', password: DEMO_PASSWORD }),
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
  return { categories, regions, staffToken: token, deepCursor, deepRows: rows, caseNumbers, receipts };
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

async function measure(server: RunningServer, receiptsFile: string): Promise<Measured[]> {
  const out: Measured[] = [];
  const inputs = await prepare(server, receiptsFile);
  const only = values.only?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  const chosen = scenarios(inputs).filter((s, i) => i === 0 || !only || only.some((w) => s.name.toLowerCase().includes(w)));
  for (const s of chosen) {
    await settle(server);
    process.stderr.write(`measuring ${s.name} for ${options.duration} s …\n`);
    await autocannon({ url: server.url, connections: 10, duration: 1, requests: s.requests }); // warm-up
    const connections = s.load === 'pages' ? options.pageConnections : options.connections;
    const flood = s.background === 'login-flood' ? startLoginFlood(server.url, 100) : null;
    const r = await autocannon({ url: server.url, connections, duration: options.duration, requests: s.requests });
    await flood?.stop();
    if (flood) process.stderr.write(`  logins during it: ${JSON.stringify(flood.statuses)} (401: checked, 429: refused before hashing)\n`);
    out.push({
      name: s.name,
      connections,
      target: s.target,
      requestsPerSecond: (r['2xx'] + r.non2xx) / r.duration,
      okPerSecond: r['2xx'] / r.duration,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, v]) => [code, v.count])),
    });
  }
  return out;
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
  const scenariosMeasured = await measure(server, join(dataDir, 'receipts.tsv'));
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
