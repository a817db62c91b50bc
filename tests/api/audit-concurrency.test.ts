import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';

let t: TestApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the audit chain under concurrent writers', () => {
  it('accepts 200 simultaneous submissions on a file database and keeps one unbroken chain', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-audit-'));
    t = await createTestApp({ filename: join(dir, 'intake.sqlite') });
    const bodies = Array.from({ length: 200 }, (_, i) => (i % 2 ? complaint() : report()));
    const answers = await Promise.all(bodies.map((b) => call(t!.app, 'POST', '/api/v1/cases', b)));
    expect(answers.map((a) => a.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.caseNumber)).size).toBe(200);
    const chain = await verifyAuditChain(t.deps);
    expect(chain).toEqual({ checked: 200, broken: null });
    expect(t.logs.filter((l) => l.includes('internal error'))).toEqual([]);
  });
});
