import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Batch } from '../../server/deps.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

/**
 * Sessions are written through the batch port, never straight through `db`: on Node a write made
 * through `db` outside a group commit was its own transaction, whose fsync (synchronous=FULL) held
 * the event loop; through the port it is group-committed with the fsync on the thread pool, and the
 * token is handed out only once its session is on disk.
 */
const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode']);

/** Notes every write executed through the query builder's connection (compiling one for a batch is fine). */
const compiledWrites = new WeakSet<object>();
const direct: string[] = [];
const watchWrites: KyselyPlugin = {
  transformQuery({ node, queryId }): RootOperationNode {
    if (WRITES.has(node.kind)) compiledWrites.add(queryId);
    return node;
  },
  async transformResult({ result, queryId }) {
    if (compiledWrites.has(queryId)) direct.push(String(queryId.queryId));
    return result;
  },
};

let t: TestApp;
let guarded: ReturnType<typeof createApp>;
const batched: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const batch: Batch = (queries, audit) => {
    batched.push(...queries.map((q) => q.sql));
    return t.deps.batch(queries, audit);
  };
  guarded = createApp({ ...t.deps, db: t.deps.db.withPlugin(watchWrites), batch });
});
afterAll(() => t.close());

const wrote = (table: string, verb: 'insert into' | 'update' | 'delete from') =>
  batched.some((sql) => sql.startsWith(`${verb} "${table}"`));

describe('session writes', () => {
  it('a follow-up sign-in and sign-out write their session in a batch', async () => {
    const filed = await call(t.app, 'POST', '/api/v1/cases', report());
    expect(filed.status).toBe(201);
    const login = await call(guarded, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    expect(login.status).toBe(200);
    expect(wrote('followup_sessions', 'insert into')).toBe(true);
    // The session works on the ordinary app: it was committed.
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(login.body.token))).status).toBe(200);
    const out = await call(guarded, 'POST', '/api/v1/followup/logout', undefined, bearer(login.body.token));
    expect(out.status).toBeLessThan(300);
    expect(wrote('followup_sessions', 'delete from')).toBe(true);
    expect(direct).toEqual([]);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(login.body.token))).status).toBe(401);
  });

  it('a staff sign-in, its idle touch and its sign-out write the session in a batch', async () => {
    const staff = await createStaff(t, { role: 'intake', department: null, username: 'session.writes', totp: true });
    const login = await call(guarded, 'POST', '/api/v1/staff/login', { username: staff.username, password: staff.password, totp: await staff.code() });
    expect(login.status).toBe(200);
    expect(wrote('sessions', 'insert into')).toBe(true);
    // The one-time code's step was claimed in a batch too.
    expect(wrote('users', 'update')).toBe(true);
    t.clock.advance(10 * 60_000);
    expect((await call(guarded, 'GET', '/api/v1/staff/me', undefined, bearer(login.body.token))).status).toBe(200);
    expect(wrote('sessions', 'update')).toBe(true);
    const out = await call(guarded, 'POST', '/api/v1/staff/logout', undefined, bearer(login.body.token));
    expect(out.status).toBeLessThan(300);
    expect(wrote('sessions', 'delete from')).toBe(true);
    expect(direct).toEqual([]);
    expect((await call(t.app, 'GET', '/api/v1/staff/me', undefined, bearer(login.body.token))).status).toBe(401);
  });
});
