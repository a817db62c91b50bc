/** A fresh app over a fresh in-memory database, seeded like a first start. */
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import type { Clock } from '../../server/deps.js';
import { importMasterKey } from '../../server/identity/keys.js';
import { createNodeRuntime } from '../../server/node/bootstrap.js';

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now() { return new Date(this.current); }
  set(at: Date | string) { this.current = new Date(at); }
  advance(ms: number) { this.current = new Date(this.current.getTime() + ms); }
}

export interface TestAppOptions {
  now?: string;
  filename?: string;
  env?: Record<string, string>;
}

export async function createTestApp(options: TestAppOptions = {}) {
  const clock = new TestClock(new Date(options.now ?? '2026-11-26T10:00:00+08:00'));
  const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: '/nonexistent-test-data', ...options.env });
  const masterKey = await importMasterKey(new Uint8Array(32).fill(7));
  const logs: string[] = [];
  const runtime = await createNodeRuntime({
    config, clock, masterKey, filename: options.filename ?? ':memory:', log: (l) => logs.push(l),
  });
  const app = createApp(runtime.deps);
  return { app, clock, logs, ...runtime, close: () => runtime.store.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** JSON request helper: returns status, parsed body and headers. */
export async function call(app: TestApp['app'], method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, init);
  const text = await res.text();
  let json: any = undefined;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: json, text, headers: res.headers };
}
