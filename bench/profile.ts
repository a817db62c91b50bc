/**
 * In-process timings of the hot routes, without HTTP or a load generator, on a data folder an earlier
 * `npm run bench -- --keep` left: `npx tsx bench/profile.ts DIR [queue|case|submit|stats|overview]`.
 * Besides wall time it prints the CPU time per request (process.cpuUsage), which a busy machine
 * disturbs less. SQLTIME=1 adds
 * the time spent in each SQL statement; `node --import tsx --cpu-prof bench/profile.ts …` a profile.
 * It writes to the folder (submissions, a sign-in): use a copy.
 */
import { createApp } from '../server/app.js';
import { parseConfig } from '../server/config.js';
import { createNodeRuntime } from '../server/node/bootstrap.js';
import { DEMO_PASSWORD } from '../server/staff/demo.js';
import { shanghaiDate } from '../server/clocks/clocks.js';
import { monthsBefore, submissionBodies } from './scenarios.js';

const dir = process.argv[2]!;
const what = process.argv[3] ?? 'all';
const config = parseConfig({ ...process.env, INTAKE_DATA_DIR: dir, NODE_ENV: 'development' });
const runtime = await createNodeRuntime({ config, log: process.env.LOG ? (l) => console.error(l) : () => {} });
if (process.env.PRAGMAS) for (const p of process.env.PRAGMAS.split(';')) console.log(p, runtime.store.sqlite.pragma(p));
const app = createApp(runtime.deps);
const times = new Map<string, { n: number; ms: number }>();
if (process.env.SQLTIME) {
  const sqlite = runtime.store.sqlite as any;
  const orig = sqlite.prepare.bind(sqlite);
  sqlite.prepare = (sql: string) => {
    const st = orig(sql);
    for (const m of ['all', 'get', 'run']) {
      const f = st[m].bind(st);
      st[m] = (...a: unknown[]) => { const t0 = performance.now(); try { return f(...a); } finally { const t = times.get(sql) ?? { n: 0, ms: 0 }; t.n++; t.ms += performance.now() - t0; times.set(sql, t); } };
    }
    return st;
  };
}
const login = await app.request('/api/v1/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tianhe.handler', password: DEMO_PASSWORD }) });
const { token } = await login.json() as { token: string };
const auth = { authorization: `Bearer ${token}` };
// Case numbers from the first 20 pages of the queue, as the benchmark walks them.
const numbers: string[] = [];
for (let page = 0, cursor = ''; page < 20; page++) {
  const q = await (await app.request(`/api/v1/staff/cases?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: auth })).json() as any;
  numbers.push(...q.items.map((i: any) => i.caseNumber));
  if (!q.nextCursor) break;
  cursor = q.nextCursor;
}

async function time(name: string, n: number, f: (i: number) => Response | Promise<Response>, concurrency = 1) {
  const lat: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let i = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (i < n) {
      const k = i++;
      const s = performance.now();
      const res = await f(k);
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`${name}: ${res.status}`);
      lat.push(performance.now() - s);
    }
  }));
  const total = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  lat.sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} ${(n / total * 1000).toFixed(0).padStart(6)}/s  mean ${(total / n).toFixed(3)} ms  p50 ${lat[Math.floor(n * 0.5)]!.toFixed(2)}  p99 ${lat[Math.floor(n * 0.99)]!.toFixed(2)}  max ${lat[n - 1]!.toFixed(2)}  cpu ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/request`);
}
const cats = (await (await app.request('/api/v1/categories')).json() as any).items.map((c: any) => ({ code: c.code, kinds: c.kinds }));
const regions = (await (await app.request('/api/v1/regions')).json() as any).items.map((r: any) => r.code).filter((c: string) => !c.endsWith('0000'));
const next = submissionBodies({ categories: cats, regions });
const intakeLogin = await app.request('/api/v1/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'intake', password: DEMO_PASSWORD }) });
const intake = { authorization: `Bearer ${((await intakeLogin.json()) as { token: string }).token}` };
const month = shanghaiDate(new Date()).slice(0, 7);
for (let round = 0; round < 2; round++) {
  if (what === 'all' || what === 'stats') await time('stats 12 months', 50, () => app.request(`/api/v1/stats?from=${monthsBefore(month, 11)}&to=${month}`));
  if (what === 'all' || what === 'overview') await time('overview 2 years (intake)', 50, () => app.request(`/api/v1/staff/overview?from=${monthsBefore(month, 23)}-01&to=${shanghaiDate(new Date())}`, { headers: intake }));
  if (what === 'all' || what === 'queue') await time('queue first page', 300, () => app.request('/api/v1/staff/cases?limit=50', { headers: auth }));
  if (what === 'all' || what === 'case') await time('case page', 500, (i) => app.request(`/api/v1/staff/cases/${numbers[i % numbers.length]}`, { headers: auth }));
  if (what === 'all' || what === 'submit') await time('submission x50', 3000, () => app.request('/api/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: next() }), 50);
}
for (const [sql, t] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.TOPSQL ?? 15))) console.log(t.ms.toFixed(0).padStart(7), 'ms', String(t.n).padStart(6), sql.slice(0, 150));
await runtime.store.close();
