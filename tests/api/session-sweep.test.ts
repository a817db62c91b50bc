import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_SWEEP_CHUNK, sweepExpiredSessions } from '../../server/staff/session-sweep.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t.close());

describe('the session sweep', () => {
  it('deletes every ended follow-up session, a chunk at a time, and keeps the live ones', async () => {
    const filed = await call(t.app, 'POST', '/api/v1/cases', report());
    const caseId = (t.store.sqlite.prepare('SELECT id FROM cases WHERE case_number = ?').get(filed.body.caseNumber) as { id: string }).id;
    const insert = t.store.sqlite.prepare('INSERT INTO followup_sessions (id_hash, case_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    const ended = 2 * SESSION_SWEEP_CHUNK + 201;
    t.store.sqlite.transaction(() => {
      for (let i = 0; i < ended; i++) insert.run(`ended-${i}`, caseId, '2026-11-26T08:00:00.000+08:00', '2026-11-26T09:00:00.000+08:00');
      insert.run('live-1', caseId, '2026-11-26T09:50:00.000+08:00', '2026-11-26T10:20:00.000+08:00');
    })();
    // A reporter signs in too: that session is live as well.
    expect((await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt })).status).toBe(200);

    expect(await sweepExpiredSessions(t.deps)).toEqual({ followup: ended });
    const left = t.store.sqlite.prepare('SELECT id_hash FROM followup_sessions ORDER BY id_hash').all() as { id_hash: string }[];
    expect(left).toHaveLength(2);
    expect(left.map((r) => r.id_hash)).toContain('live-1');
    expect(await sweepExpiredSessions(t.deps)).toEqual({ followup: 0 });
  });
});
