/** The product travels through the Node submission thread: stored, flagged, refused when malformed. */
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
import { report } from '../helpers/bodies.js';

describe('subject.product through the submission thread', () => {
  let dir: string;
  let runtime: NodeRuntime;
  let thread: SubmissionThread | null;
  let threaded: ReturnType<typeof createApp>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'product-thread-'));
    const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(newMasterKeyBytes()) });
    runtime = await createNodeRuntime({ config, log: () => {} });
    thread = await startSubmissionThread({ filename: runtime.store.filename, config, store: runtime.store, deps: runtime.deps });
    threaded = createApp({ ...runtime.deps, submitter: thread!.submit });
  }, 30_000);
  afterEach(async () => {
    await thread?.stop();
    await runtime.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the product and its flag, and answers 400 for a malformed GTIN', async () => {
    expect(thread).not.toBeNull();
    const subject = { name: '某某食品有限公司', product: { name: '冰皮月饼', brand: '某某牌', gtin: '6901234567893' } };
    const filed = await call(threaded, 'POST', '/api/v1/cases', report({ subject }));
    expect(filed.status).toBe(201);
    expect(filed.body.gtinCheckFailed).toBe(true);
    const row = await runtime.store.db.selectFrom('cases').selectAll().where('case_number', '=', filed.body.caseNumber).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ product_name: '冰皮月饼', product_brand: '某某牌', product_gtin: '6901234567893', gtin_check_failed: 1 });
    const bad = await call(threaded, 'POST', '/api/v1/cases', report({ subject: { ...subject, product: { gtin: '1234567890' } } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toContain('subject.product.gtin');
  }, 30_000);
});
