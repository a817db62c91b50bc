/**
 * Behind a reverse proxy, through the real Node server on a real socket: the socket peer is
 * 127.0.0.1, which plays the proxy. Trusted, it tells clients apart by X-Forwarded-For; not trusted,
 * the header is ignored and everyone behind it is one client.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp | undefined;
let server: ServerType | undefined;
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await t?.close();
  server = undefined;
  t = undefined;
});

async function startServer(trusted: string) {
  t = await createTestApp({
    env: { INTAKE_TRUSTED_PROXIES: trusted, INTAKE_RECEIPT_MAX_FAILURES: '3', INTAKE_RECEIPT_DELAY_MS: '0', INTAKE_PBKDF2_ITERATIONS: '1000' },
  });
  const app = t.app;
  const port = await new Promise<number>((done) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => done(info.port));
  });
  const post = async (path: string, body: unknown, xff?: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(xff ? { 'x-forwarded-for': xff } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() as any };
  };
  const filed = await post('/api/v1/cases', report());
  expect(filed.status).toBe(201);
  return { t: t!, post, receipt: filed.body.receipt as string };
}

const X = '198.51.100.1';
const Y = '198.51.100.2';

describe('behind a reverse proxy (INTAKE_TRUSTED_PROXIES)', () => {
  it('locks out the client who guessed receipts and staff passwords, not the other client behind the same proxy', async () => {
    const { t, post, receipt } = await startServer('127.0.0.1, ::1');
    for (let i = 0; i < 3; i++) expect((await post('/api/v1/followup/login', { receipt: `0000 0000 0000 000${i}` }, X)).status).toBe(401);
    expect((await post('/api/v1/followup/login', { receipt }, X)).status).toBe(429);
    // What the client writes before the proxy's own entry is not believed.
    expect((await post('/api/v1/followup/login', { receipt }, `${Y}, ${X}`)).status).toBe(429);
    expect((await post('/api/v1/followup/login', { receipt }, Y)).status).toBe(200);

    const staff = await createStaff(t, { role: 'handler' });
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/staff/login', { username: staff.username, password: `guess ${i}` }, X)).status).toBe(401);
    expect((await post('/api/v1/staff/login', { username: staff.username, password: staff.password }, X)).status).toBe(429);
    expect((await post('/api/v1/staff/login', { username: staff.username, password: staff.password }, Y)).status).toBe(200);
  });

  it('ignores X-Forwarded-For when the socket peer is not a trusted proxy', async () => {
    const { post, receipt } = await startServer('10.0.0.0/8');
    for (let i = 0; i < 3; i++) expect((await post('/api/v1/followup/login', { receipt: `0000 0000 0000 000${i}` }, X)).status).toBe(401);
    // Every client is the peer 127.0.0.1, whatever it claims.
    expect((await post('/api/v1/followup/login', { receipt }, Y)).status).toBe(429);
    expect((await post('/api/v1/followup/login', { receipt })).status).toBe(429);
  });
});
