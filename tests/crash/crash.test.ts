/**
 * Issue 7 §4: clients submit continuously, the server is killed with SIGKILL mid-load (no chance to
 * flush anything) and started again. Every case that got a 201 must be there whole; no case may be
 * there in part; and the outbox must still send each mail once. CRASH_LOAD_SECONDS and
 * CRASH_CLIENTS make the load bigger (CI runs the small default).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.js';
import { createNodeRuntime } from '../../server/node/bootstrap.js';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp-server.js';
import { auditChainBreak, incompleteCases, openDatabase, submitContinuously, unsealIdentity, type Acknowledged } from './load.js';
import { request, startServer } from './server.js';

const LOAD_MS = Number(process.env.CRASH_LOAD_SECONDS ?? 7) * 1000;
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 12);

describe('a SIGKILL under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-crash-'));
  let smtp: TestSmtp;
  afterAll(async () => {
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged case whole, leaves no case half-written, and mails each outbox row once', async () => {
    smtp = await startTestSmtp();
    const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
    // The servers send through a pooled transport: a few kept connections, not one per mail.
    const env = { INTAKE_DATA_DIR: dir, NODE_ENV: 'development', SMTP_URL: `${smtpUrl}/?pool=true` };
    const first = await startServer(env);
    const load = submitContinuously(first.url, CLIENTS);
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    // Mid-load: requests are in flight and batches are being committed.
    first.child.kill('SIGKILL');
    await load.stop();
    expect((await first.exited).signal).toBe('SIGKILL');
    const acked: Acknowledged[] = load.acked;
    expect(acked.length).toBeGreaterThan(20);

    // Rows the killed process had claimed but not recorded: the only ones that may go out twice.
    const crashed = openDatabase(dir);
    const claimedByTheDead = new Set((crashed.prepare("SELECT message_id FROM outbox WHERE status = 'sending'").all() as { message_id: string }[]).map((r) => r.message_id));
    crashed.close();

    const second = await startServer(env);
    const db = openDatabase(dir);
    try {
      // Every acknowledged case number is there, whole.
      const numbers = new Set((db.prepare('SELECT case_number FROM cases').all() as { case_number: string }[]).map((r) => r.case_number));
      expect(acked.filter((a) => !numbers.has(a.caseNumber))).toEqual([]);
      expect(new Set(acked.map((a) => a.caseNumber)).size).toBe(acked.length);
      // No case anywhere in part: acknowledged or not, each has all its batch wrote.
      expect(incompleteCases(db)).toEqual([]);
      expect(await auditChainBreak(db, dir)).toBeNull();

      // The sealed identity opens, and the receipt finds its case, through the restarted server.
      const named = acked.filter((a) => a.named).slice(-5);
      for (const a of named) expect((await unsealIdentity(db, dir, a.caseNumber))?.name).toBe('李四');
      for (const a of acked.slice(-5)) {
        const login = await request(`${second.url}/api/v1/followup/login`, 'POST', { receipt: a.receipt });
        expect(login.status).toBe(200);
        const view = await request(`${second.url}/api/v1/followup`, 'GET', undefined, { authorization: `Bearer ${login.body.token}` });
        expect(view.body.caseNumber).toBe(a.caseNumber);
      }

      // The restarted server goes on numbering after the last case of the day.
      const after = await request(`${second.url}/api/v1/cases`, 'POST', { kind: 'report', category: 'product.food', region: '440106', subject: { name: '重启后有限公司' }, description: '重启之后的第一份举报材料。', reporter: { anonymous: true } });
      expect(after.status).toBe(201);
      expect(numbers.has(after.body.caseNumber)).toBe(false);
      // The restarted server's mail worker sends what was queued, 200 a round every 5 s: at least
      // one full round here. (The load queues thousands of mails; the rest go out below.)
      const sent = db.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'");
      const sentBefore = (sent.get() as { n: number }).n;
      for (let waited = 0; (sent.get() as { n: number }).n < sentBefore + 200 && waited < 60; waited++) await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((sent.get() as { n: number }).n).toBeGreaterThanOrEqual(sentBefore + 200);
    } finally {
      db.close();
    }

    // A graceful stop lets the mail worker finish its round. The rest of the queue and the dead
    // process's claims are sent here, by the worker's own drain over the same pooled transport
    // (lease 0: nobody else is running now, so the 10-minute lease need not pass).
    const stopped = second.exited;
    second.child.kill('SIGTERM');
    expect((await stopped).code).toBe(0);
    const runtime = await createNodeRuntime({ config: parseConfig({ ...env, NODE_ENV: 'test' }), log: () => {} });
    try {
      await drainOutbox(runtime.deps, { leaseMs: 0, maxRows: 100_000, batchSize: 100 });
    } finally {
      await runtime.store.close();
    }
    const final = openDatabase(dir);
    const rows = final.prepare('SELECT message_id, status FROM outbox').all() as { message_id: string; status: string }[];
    final.close();
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const received = smtp.received.map((m) => m.messageId);
    const outboxIds = new Set(rows.map((r) => r.message_id));
    expect(received.filter((id) => !outboxIds.has(id!))).toEqual([]);
    expect(rows.filter((r) => !received.includes(r.message_id))).toEqual([]);
    // Once each; a mail whose sending the kill interrupted may arrive again with the same
    // Message-ID (at-least-once by design: server/notify/outbox.service.ts).
    expect(smtp.duplicates().filter((id) => !claimedByTheDead.has(id))).toEqual([]);
    console.log(`crash test: ${acked.length} cases acknowledged in ${LOAD_MS / 1000} s by ${CLIENTS} clients, ${load.refused.length} refused ` +
      `(${[...new Set(load.refused)].join(', ') || 'none'}); ${rows.length} mails, ${claimedByTheDead.size} claimed by the killed process, ${smtp.duplicates().length} sent twice`);
  });
});
