/**
 * Issue 7 §7: SIGTERM stops accepting, finishes the requests in flight, leaves nothing half-done,
 * closes the database and exits 0; a restart on the same data goes on where it stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditChainBreak, incompleteCases, openDatabase } from './load.js';
import { request, startServer } from './server.js';

const report = (n: number) => ({
  kind: 'report', category: 'product.food', region: '440106', subject: { name: `停机测试${n}号食品厂` },
  description: `第${n}份停机测试举报：使用过期原料生产。`, reporter: { anonymous: true },
});

function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(true));
  });
}

describe('SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes a slow request in flight, refuses new connections, exits 0, and a restart continues', async () => {
    // A wrong receipt is answered after a fixed delay: a request that is slow on purpose.
    const env = { INTAKE_DATA_DIR: dir, NODE_ENV: 'development', INTAKE_RECEIPT_DELAY_MS: '2000' };
    const server = await startServer(env);
    const before = await request(`${server.url}/api/v1/cases`, 'POST', report(1));
    expect(before.status).toBe(201);

    const slow = request(`${server.url}/api/v1/followup/login`, 'POST', { receipt: '0000 0000 0000 0000' });
    const submissions = Array.from({ length: 5 }, (_, i) => request(`${server.url}/api/v1/cases`, 'POST', report(10 + i)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await refusesConnections(server.url)).toBe(true);

    const answered = await slow;
    expect(answered.status).toBe(401);
    expect(answered.body.error.code).toBe('unauthenticated');
    const submitted = await Promise.all(submissions);
    expect(submitted.map((s) => s.status)).toEqual([201, 201, 201, 201, 201]);
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/SIGTERM: no longer accepting connections[\s\S]*Stopped\./);

    const again = await startServer(env);
    try {
      for (const s of [before, ...submitted]) {
        const login = await request(`${again.url}/api/v1/followup/login`, 'POST', { receipt: s.body.receipt });
        expect(login.status).toBe(200);
      }
      const next = await request(`${again.url}/api/v1/cases`, 'POST', report(99));
      expect(next.status).toBe(201);
      const numbers = [before, ...submitted].map((s) => Number(s.body.caseNumber.slice(-5)));
      expect(Number(next.body.caseNumber.slice(-5))).toBe(Math.max(...numbers) + 1);
      const db = openDatabase(dir);
      try {
        expect(incompleteCases(db)).toEqual([]);
        expect(await auditChainBreak(db, dir)).toBeNull();
      } finally {
        db.close();
      }
    } finally {
      again.child.kill('SIGTERM');
      expect((await again.exited).code).toBe(0);
    }
  });
});
