import { mkdtempSync } from 'node:fs';
import { createApp } from '/work/main/server/app.js';
import { parseConfig } from '/work/main/server/config.js';
import { createNodeRuntime } from '/work/main/server/node/bootstrap.js';
const dir = mkdtempSync('/tmp/gc/ip-');
const rt = await createNodeRuntime({ config: parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir }), log: () => {} });
if (process.env.SYNC) rt.store.sqlite.pragma('synchronous = ' + process.env.SYNC);
const app = createApp(rt.deps);
let n = 0;
const body = () => JSON.stringify({ kind: 'complaint', category: 'product.food', region: ['440106','440304','440103','441900'][n++ % 4], subject: { name: '某某食品有限公司' + (n % 100) }, description: '购买的月饼已经发霉，商家拒绝退款，要求处理。编号' + n, claim: '退款', reporter: { anonymous: false, name: '张三', phone: '13800138000', address: '广州市天河区天河路2号' } });
const conc = Number(process.env.CONC ?? 1);
const inspector = await import('node:inspector/promises'); const session = new inspector.Session(); session.connect();
for (const round of [1, 2]) {
  if (round === 2 && process.env.PROF) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
  const t0 = performance.now(); let done = 0, fail = 0; const cpu0 = process.cpuUsage(); const el = (await import('node:perf_hooks')).monitorEventLoopDelay(); el.enable();
  await Promise.all(Array.from({ length: conc }, async () => {
    while (performance.now() - t0 < 3000) {
      const r = await app.request('/api/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
      await r.text(); if (r.status === 201) done++; else fail++;
    }
  }));
  const cpu = process.cpuUsage(cpu0); console.log(`cpu/req ${((cpu.user + cpu.system) / 1000 / (done + fail)).toFixed(2)} ms (user ${(cpu.user/1000/(done+fail)).toFixed(2)})`); console.log(`round ${round}: ${(done / ((performance.now() - t0) / 1000)).toFixed(0)}/s ok=${done} fail=${fail}`);
}
if (process.env.PROF) { const { profile } = await session.post('Profiler.stop') as any; (await import('node:fs')).writeFileSync(process.env.PROF, JSON.stringify(profile)); }

await rt.store.close();
