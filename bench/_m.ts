import { Worker } from 'node:worker_threads';
const code = `
const { register } = await import('tsx/esm/api');
register();
const m = await import(${JSON.stringify(new URL('./_w.ts', import.meta.url).href)});
`;
const w = new Worker(code, { eval: true, type: 'module' } as any);
w.on('message', (m) => { console.log('got', m); void w.terminate(); });
w.on('error', (e) => console.log('err', e.message));
