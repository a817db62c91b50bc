/**
 * Fifty submissions naming one GTIN at once raise one signal with the fifty cases: on the Node
 * runtime as it serves (a database file, so batches share group commits, and JSON submissions
 * prepared in the submission thread) and on the in-memory database the other tests use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import type { Deps } from '../../server/deps.js';
import { newMasterKeyBytes } from '../../server/identity/keys.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createNodeRuntime, type NodeRuntime } from '../../server/node/bootstrap.js';
import { startSubmissionThread, type SubmissionThread } from '../../server/node/submit-thread.js';
import { listSignalCaseNumbers, listSignalRows } from '../../server/signals/signals.repository.js';
import { call, createTestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';

const GTIN = '6901234567892';
const body = (i: number) => report({
  region: i % 2 === 0 ? '440106' : '440304',
  subject: { name: `某某商店${i}`, address: '广州市天河区', product: { name: '冰皮月饼', gtin: GTIN } },
});

async function fileFifty(app: ReturnType<typeof createApp>, deps: Deps) {
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(app, 'POST', '/api/v1/cases', body(i))));
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
  const signals = (await listSignalRows(deps.db, undefined, 100)).filter((s) => s.type === 'product');
  expect(signals).toHaveLength(1);
  expect(signals[0]).toMatchObject({ key: GTIN, count: 50 });
  const linked = (await listSignalCaseNumbers(deps.db, [signals[0]!.id])).get(signals[0]!.id)!;
  expect([...linked].sort()).toEqual(answers.map((a) => a.body.caseNumber as string).sort());
  // The cases counted before the signal was raised are its members; every one of them is linked to it.
  const unlinked = await deps.db.selectFrom('signal_members').select('case_id')
    .where('type', '=', 'product').where('key', '=', GTIN)
    .where('case_id', 'not in', (eb) => eb.selectFrom('signal_cases').select('case_id').where('signal_id', '=', signals[0]!.id)).execute();
  expect(unlinked).toEqual([]);
}

describe('fifty parallel submissions naming one GTIN', () => {
  let dir: string | undefined;
  let runtime: NodeRuntime | undefined;
  let thread: SubmissionThread | null = null;
  afterEach(async () => {
    await thread?.stop();
    await runtime?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    [dir, runtime, thread] = [undefined, undefined, null];
  });

  it('raise one signal on the Node runtime: database file, group commit, submission thread', async () => {
    dir = mkdtempSync(join(tmpdir(), 'signals-'));
    const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(newMasterKeyBytes()) });
    runtime = await createNodeRuntime({ config, log: () => {} });
    thread = await startSubmissionThread({ filename: runtime.store.filename, config, store: runtime.store, deps: runtime.deps });
    expect(thread).not.toBeNull();
    await fileFifty(createApp({ ...runtime.deps, submitter: thread!.submit }), runtime.deps);
  }, 60_000);

  it('raise one signal on the in-memory database, submissions prepared in place', async () => {
    const t = await createTestApp();
    try {
      await fileFifty(t.app, t.deps);
    } finally {
      await t.close();
    }
  }, 60_000);
});
