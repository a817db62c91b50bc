import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import { newMasterKeyBytes } from '../../server/identity/keys.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createNodeRuntime, type NodeRuntime } from '../../server/node/bootstrap.js';
import { startSubmissionThread, type SubmissionThread } from '../../server/node/submit-thread.js';
import { call } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';

describe('JSON submissions prepared in a thread of their own (Node)', () => {
  let dir: string;
  let runtime: NodeRuntime;
  let thread: SubmissionThread | null;
  let logs: string[];
  /** The app as the server runs it, submissions going to the thread. */
  let threaded: ReturnType<typeof createApp>;
  /** The same app preparing submissions in place. */
  let inPlace: ReturnType<typeof createApp>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'submit-thread-'));
    logs = [];
    const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(newMasterKeyBytes()) });
    runtime = await createNodeRuntime({ config, log: (line) => logs.push(line) });
    thread = await startSubmissionThread({ filename: runtime.store.filename, config, store: runtime.store, deps: runtime.deps });
    threaded = createApp({ ...runtime.deps, submitter: thread!.submit });
    inPlace = createApp(runtime.deps);
  }, 30_000);
  afterEach(async () => {
    await thread?.stop();
    await runtime.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('files the case through the server connection, sealed under the server keys, with its audit entry', async () => {
    expect(thread).not.toBeNull();
    const filed = await call(threaded, 'POST', '/api/v1/cases?lang=en', complaint());
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'complaint', status: 'received', department: { code: 'samr-440106' } });
    const row = await runtime.store.db.selectFrom('cases').select(['id', 'language', 'anonymous'])
      .where('case_number', '=', filed.body.caseNumber).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ language: 'en', anonymous: 0 });
    const sealed = await runtime.store.db.selectFrom('sealed_records').select('purpose').where('case_id', '=', row.id).orderBy('purpose').execute();
    expect(sealed.map((r) => r.purpose)).toEqual(['identity', 'original_text']);
    const audit = await runtime.store.db.selectFrom('audit_log').select('action').where('case_id', '=', row.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['case.submitted']);
    // The receipt was hashed in the thread; the server (another thread) must recognise it.
    const login = await call(inPlace, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    expect(login.status).toBe(200);
    const seen = await call(inPlace, 'GET', '/api/v1/followup', undefined, { authorization: `Bearer ${login.body.token}` });
    expect(seen.body.caseNumber).toBe(filed.body.caseNumber);
  });

  it('numbers concurrent submissions from the thread and the event loop without a clash', async () => {
    const bodies = [complaint(), report(), injury(), report({ region: '440304' }), complaint({ region: '440100' })];
    const answers = await Promise.all(bodies.flatMap((b) => [call(threaded, 'POST', '/api/v1/cases', b), call(inPlace, 'POST', '/api/v1/cases', b)]));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((a) => a.body.caseNumber)).size).toBe(answers.length);
  });

  it('refuses exactly as the route does in place', async () => {
    const refused: [string, unknown][] = [
      ['malformed JSON', '{"kind": '],
      ['not an object', '[1, 2]'],
      ['unknown category', complaint({ category: 'product.nothing' })],
      ['category that takes no such kind', injury({ category: 'service.telecom' })],
      ['anonymous complaint', complaint({ reporter: { anonymous: true } })],
      ['missing fields', { kind: 'report' }],
      ['SQL-looking, oversized name', complaint({ subject: { name: `'; DROP TABLE cases; --${'x'.repeat(500)}` } })],
    ];
    for (const [what, body] of refused) {
      const there = await call(threaded, 'POST', '/api/v1/cases', body);
      const here = await call(inPlace, 'POST', '/api/v1/cases', body);
      expect({ what, status: there.status, body: there.body }).toEqual({ what, status: here.status, body: here.body });
      expect(there.status).toBe(400);
    }
    const wrongType = await call(threaded, 'POST', '/api/v1/cases', 'kind=report', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    expect(await runtime.store.db.selectFrom('cases').select('id').execute()).toEqual([]);
  });

  it('prepares submissions on the event loop once the thread is lost', async () => {
    await thread!.worker.terminate();
    const filed = await call(threaded, 'POST', '/api/v1/cases', report());
    expect(filed.status).toBe(201);
    expect(logs.join('\n')).toMatch(/Submission thread stopped .*event loop/);
  });
});
