/**
 * A flood of staff logins must not hold back a case submission's durable commit. The real server,
 * built and run as `npm start` runs it, on a database file: its group commit fsyncs the WAL on libuv's
 * thread pool, and password checks (PBKDF2, 600,000 iterations) used to run on that same pool, where a
 * hundred of them kept a submission waiting 6 to 7 seconds. The caps on checks in flight are lifted
 * here (INTAKE_LOGIN_CHECKS_IN_FLIGHT=1000): the hashing thread alone must keep the commit free.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLoginFlood } from '../../bench/flood.js';
import { buildServer, startServer, type RunningServer } from '../../bench/server.js';
import { report } from '../helpers/bodies.js';

let server: RunningServer | undefined;
let build: ReturnType<typeof buildServer> | undefined;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'intake-login-flood-'));
  build = buildServer();
  server = await startServer(build.entry, {
    NODE_ENV: 'development', INTAKE_DATA_DIR: dir, INTAKE_TRUSTED_PROXIES: '127.0.0.1', INTAKE_LOGIN_CHECKS_IN_FLIGHT: '1000',
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  build?.remove();
  rmSync(dir, { recursive: true, force: true });
});

async function submitMs(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report()) });
  await res.arrayBuffer();
  expect(res.status).toBe(201);
  return performance.now() - started;
}

it('answers a case submission in normal time while a hundred logins are being hashed', async () => {
  const url = server!.url;
  const quiet: number[] = [];
  for (let i = 0; i < 5; i++) quiet.push(await submitMs(url));
  const logins = startLoginFlood(url, 100);
  // Measured once the hashing is under way: the first wrong logins have been answered.
  const deadline = Date.now() + 60_000;
  while ((logins.statuses[401] ?? 0) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const during: number[] = [];
  for (let i = 0; i < 5; i++) during.push(await submitMs(url));
  await logins.stop();
  const checked = logins.statuses[401] ?? 0;
  console.log(`submission ms quiet: ${quiet.map(Math.round).join(', ')}; during the flood: ${during.map(Math.round).join(', ')}; logins answered: ${JSON.stringify(logins.statuses)}`);
  // The logins really were checked (401), not turned away before their hash.
  expect(checked).toBeGreaterThanOrEqual(2);
  // Normally tens of milliseconds; on the thread pool behind the hashes, seconds.
  expect(Math.max(...during)).toBeLessThan(3_000);
}, 120_000);
