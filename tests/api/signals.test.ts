/**
 * Quality signals (docs/signals.md): raised by the triggers as cases arrive through POST /api/v1/cases,
 * read and decided by the risk desk through /api/v1/staff/signals.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../server/lib/identifiers.js';
import { LINK_RAISED } from '../../server/signals/settle.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

const CODE = '91440101MA5CJQ4N59';
/** A second business, its check character computed. */
const OTHER_CODE = `91440101MA5CJQ4N7${creditCodeCheckChar('91440101MA5CJQ4N7')}`;

let t: TestApp;
let desk: TestStaff;
beforeEach(async () => {
  // The account is made before every date the tests file on: a session may not predate its password.
  t = await createTestApp({ now: '2026-08-01T10:00:00+08:00' });
  desk = await createStaff(t, { role: 'intake' });
  t.clock.set('2026-11-02T10:00:00+08:00');
});
/** An intake centre session at the test clock's time (the tests move the clock past sessions' ends). */
const intake = async () => bearer(await desk.login());
afterEach(async () => { await t.close(); });

const naming = (creditCode: string, over: Record<string, unknown> = {}) =>
  report({ subject: { name: '某某食品有限公司', creditCode, address: '广州市天河区' }, ...over });

async function file(body: unknown): Promise<string> {
  const res = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(res.status, res.text).toBe(201);
  return res.body.caseNumber as string;
}

async function signals(query = '', who?: Record<string, string>) {
  const res = await call(t.app, 'GET', `/api/v1/staff/signals${query}`, undefined, who ?? await intake());
  expect(res.status, res.text).toBe(200);
  return res.body.items as { id: string; type: string; key: string; count: number; windowDays: number; cases: string[]; status: string; raisedAt: string }[];
}

const ofType = async (type: string) => (await signals()).filter((s) => s.type === type);
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00+08:00`;

describe('business signals', () => {
  it('raises exactly one signal at the fifth case naming a credit code within 30 days; a sixth joins it', async () => {
    const filed: string[] = [];
    for (const [i, d] of [1, 5, 12, 20].entries()) {
      t.clock.set(day(d));
      filed.push(await file(naming(CODE)));
      // Another business, named as often, stays apart.
      if (i < 2) await file(naming(OTHER_CODE));
    }
    expect(await ofType('business')).toEqual([]);

    t.clock.set(day(28));
    filed.push(await file(naming(CODE)));
    const [raised, ...more] = await ofType('business');
    expect(more).toEqual([]);
    expect(raised).toMatchObject({ key: CODE, count: 5, windowDays: 30, status: 'open', raisedAt: '2026-11-28T10:00:00.000+08:00' });
    expect(raised!.cases).toEqual(filed);

    t.clock.set(day(30));
    filed.push(await file(naming(CODE)));
    const [joined, ...none] = await ofType('business');
    expect(none).toEqual([]);
    expect(joined).toMatchObject({ id: raised!.id, count: 6 });
    expect(joined!.cases).toEqual(filed);
  });

  it('does not count cases more than 30 days apart, nor a credit code whose check character fails', async () => {
    t.clock.set('2026-10-01T10:00:00+08:00');
    const early = await file(naming(CODE));
    t.clock.set(day(1));
    const later = [await file(naming(CODE)), await file(naming(CODE)), await file(naming(CODE))];
    await file(naming(`${CODE.slice(0, 17)}0`));
    // 2026-10-01 is 31 days before 2026-11-01: five cases name the business, four within 30 days.
    later.push(await file(naming(CODE)));
    expect(await ofType('business')).toEqual([]);
    later.push(await file(naming(CODE)));
    const [signal] = await ofType('business');
    expect(signal).toMatchObject({ count: 5, cases: later });
    expect(signal!.cases).not.toContain(early);
  });

  it('counts in Beijing days and ISO weeks', async () => {
    // 00:30 on Monday 30 November in Beijing is still Sunday 29 November in UTC.
    t.clock.set('2026-11-30T00:30:00+08:00');
    await file(naming(CODE));
    const members = await t.deps.db.selectFrom('signal_members').select(['type', 'period']).execute();
    expect(members).toEqual([{ type: 'business', period: '2026-11-30' }]);
    const week = await t.deps.db.selectFrom('signal_week_members').select('period').execute();
    expect(week).toEqual([{ period: '2026-11-30' }]);
  });

  it('counts a merged duplicate once: merged into a case of the same business, it leaves the count and the signal', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 5; i++) filed.push(await file(naming(CODE)));
    expect((await ofType('business'))[0]).toMatchObject({ count: 5 });

    const [original, duplicate] = [filed[3]!, filed[4]!];
    const merged = await call(t.app, 'POST', `/api/v1/staff/cases/${duplicate}/actions`, { action: 'merge', into: original }, await intake());
    expect(merged.status, merged.text).toBe(200);
    const [signal] = await ofType('business');
    expect(signal).toMatchObject({ count: 4 });
    expect(signal!.cases).toEqual(filed.slice(0, 4));

    // A later case joins the same signal; the duplicate stays out.
    const sixth = await file(naming(CODE));
    const [after, ...none] = await ofType('business');
    expect(none).toEqual([]);
    expect(after).toMatchObject({ id: signal!.id, count: 5 });
    expect(after!.cases).toEqual([...filed.slice(0, 4), sixth]);
    // The members are the five cases that raised it, less the duplicate; the sixth is linked, not a member.
    const members = await t.deps.db.selectFrom('signal_members').innerJoin('cases', 'cases.id', 'signal_members.case_id')
      .select('cases.case_number').where('type', '=', 'business').where('key', '=', CODE).orderBy('cases.case_number').execute();
    expect(members.map((m) => m.case_number)).toEqual(filed.slice(0, 4));
    // And its category × city week: counted once less, and no member of it.
    expect(await t.deps.db.selectFrom('signal_week_counts').select(['period', 'n']).execute()).toEqual([{ period: '2026-11-02', n: 5 }]);
    const week = await t.deps.db.selectFrom('signal_week_members').innerJoin('cases', 'cases.id', 'signal_week_members.case_id')
      .select('cases.case_number').orderBy('cases.case_number').execute();
    expect(week.map((m) => m.case_number)).toEqual([...filed.slice(0, 4), sixth].sort());
  });

  it('appends the cases that join a signal, takes a merged one out, and moves a sixteenth of them while 4,096 wait', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 5; i++) filed.push(await file(naming(CODE)));
    const [raised] = await ofType('business');
    const links = (table: 'signal_cases' | 'signal_joins') => t.deps.db.selectFrom(table).innerJoin('cases', 'cases.id', `${table}.case_id`)
      .select('cases.case_number').where(`${table}.signal_id`, '=', raised!.id).orderBy('cases.case_number').execute()
      .then((rows) => rows.map((r) => r.case_number));
    expect(await links('signal_cases')).toEqual(filed);

    // A sixth joins it, appended to signal_joins; merged into the first, it leaves the signal.
    const sixth = await file(naming(CODE));
    expect(await links('signal_joins')).toEqual([sixth]);
    expect((await ofType('business'))[0]).toMatchObject({ count: 6 });
    const merged = await call(t.app, 'POST', `/api/v1/staff/cases/${sixth}/actions`, { action: 'merge', into: filed[0] }, await intake());
    expect(merged.status, merged.text).toBe(200);
    expect(await links('signal_joins')).toEqual([]);
    expect((await ofType('business'))[0]).toMatchObject({ count: 5, cases: filed });

    const seventh = await file(naming(CODE));
    // Two other signals' joined cases fill the table to one short of 4,096: 4,084 of a signal in the
    // same sixteenth as this one (its id begins with the same hex digit), 10 of one in another.
    const digit = raised!.id[0]!;
    const same = `${digit}same`;
    const other = `${digit === 'a' ? 'b' : 'a'}other`;
    for (const [id, gtin] of [[same, '6901234567892'], [other, '06901234567892']] as const) {
      await t.deps.db.insertInto('signals').values({
        id, type: 'product', key: gtin, window_start: '2026-11-01', window_end: '2026-11-30', window_days: 30, count: 5, raised_at: day(1),
      }).execute();
    }
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4094)
      INSERT INTO signal_joins (signal_id, case_id) SELECT CASE WHEN i <= 4084 THEN ${same} ELSE ${other} END, 'case-' || i FROM n`.execute(t.deps.db);
    expect((await ofType('business'))[0]).toMatchObject({ count: 6, cases: [...filed, seventh] });
    expect(await links('signal_cases')).toEqual(filed);

    // The 4,096th moves the sixteenth that comes next: this signal's digit.
    await sql`UPDATE signal_settings SET joins_moved = ${(parseInt(digit, 16) + 15) % 16}`.execute(t.deps.db);
    const eighth = await file(naming(CODE));
    expect(await links('signal_cases')).toEqual([...filed, seventh, eighth]);
    const left = await t.deps.db.selectFrom('signal_joins').select((eb) => ['signal_id', eb.fn.countAll<number>().as('n')]).groupBy('signal_id').execute();
    expect(left).toEqual([{ signal_id: other, n: 10 }]);
    const moved = await t.deps.db.selectFrom('signal_cases').select((eb) => eb.fn.countAll<number>().as('n')).where('signal_id', '=', same).executeTakeFirst();
    expect(moved!.n).toBe(4084);
    expect((await ofType('business'))[0]).toMatchObject({ id: raised!.id, count: 7, cases: [...filed, seventh, eighth] });
    // Below 4,096 nothing moves: the next case stays in signal_joins.
    const ninth = await file(naming(CODE));
    expect(await links('signal_joins')).toEqual([ninth]);
  });

  it('keeps a signal raised once for its window when a merge takes a duplicate out of it', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 4; i++) filed.push(await file(naming(CODE)));
    const duplicate = await file(naming(CODE));
    expect(await ofType('business')).toHaveLength(1);
    await call(t.app, 'POST', `/api/v1/staff/cases/${duplicate}/actions`, { action: 'merge', into: filed[0] }, await intake());
    // Raised once for the window: the signal stays, with the four distinct cases.
    expect((await ofType('business'))[0]).toMatchObject({ count: 4, cases: filed });
  });
});

describe('product signals', () => {
  const product = (p: Record<string, unknown>) => report({ subject: { name: '某某商店', address: '广州市天河区', product: p } });

  it('keys a product by its GTIN (with or without a leading zero), else by brand and model; a failed check digit falls back', async () => {
    for (let i = 0; i < 4; i++) await file(product({ name: '月饼', gtin: '6901234567892' }));
    // The same barcode typed as a GTIN-14 with a leading zero is the same product.
    await file(product({ gtin: '06901234567892' }));
    for (let i = 0; i < 4; i++) await file(product({ brand: '某某牌', model: 'X-1' }));
    await file(product({ brand: ' 某某牌 ', model: 'x-1', gtin: '6901234567893' }));
    const found = await ofType('product');
    expect(found.map((s) => [s.key, s.count]).sort()).toEqual([['6901234567892', 5], ['某某牌|x-1', 5]]);
  });
});

describe('spike signals', () => {
  const shenzhen = () => report({ region: '440304' });
  const zhuhai = () => report({ region: '440402' });
  // 2026-11-02 is a Monday; week w before it starts 7 × w days earlier.
  const weekBefore = (w: number) => new Date(Date.parse('2026-11-03T10:00:00+08:00') - w * 7 * 86_400_000);

  it('raises a spike when a category × city week exceeds 3 × its trailing 12-week mean with at least 10 cases', async () => {
    for (let w = 1; w <= 12; w++) {
      t.clock.set(weekBefore(w));
      for (let i = 0; i < 2; i++) await file(shenzhen());
    }
    t.clock.set('2026-11-05T09:00:00+08:00');
    // Cases of the same week under another key: members of the week, not of this spike.
    for (let i = 0; i < 3; i++) await file(zhuhai());
    const week: string[] = [];
    for (let i = 0; i < 9; i++) week.push(await file(shenzhen()));
    expect(await ofType('spike')).toEqual([]);
    week.push(await file(shenzhen()));
    const [spike, ...more] = await ofType('spike');
    expect(more).toEqual([]);
    expect(spike).toMatchObject({ key: 'product.food@440300', count: 10, windowDays: 7 });
    expect(spike!.cases).toEqual(week);
    week.push(await file(shenzhen()));
    expect((await ofType('spike'))[0]).toMatchObject({ id: spike!.id, count: 11, cases: week });

    // A spike raised reads its own key's members of the week, not the whole week's.
    const plan = (t.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${LINK_RAISED}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH w USING PRIMARY KEY \(period=\? AND key=\?\)/);
  });

  it('needs more than 3 × the mean, weeks without cases counting as zero', async () => {
    // 40 cases in the 12 weeks before (mean 10/3): the week needs more than 10.
    for (const w of [2, 5, 8, 11]) {
      t.clock.set(weekBefore(w));
      for (let i = 0; i < 10; i++) await file(zhuhai());
    }
    const earlier = (await ofType('spike')).map((s) => s.id);
    t.clock.set('2026-11-08T20:00:00+08:00');
    for (let i = 0; i < 10; i++) await file(zhuhai());
    const now = () => ofType('spike').then((all) => all.filter((s) => !earlier.includes(s.id)));
    expect(await now()).toEqual([]);
    await file(zhuhai());
    expect((await now()).map((s) => [s.key, s.count])).toEqual([['product.food@440400', 11]]);
  });
});

describe('deciding a signal', () => {
  async function raised() {
    for (let i = 0; i < 5; i++) await file(naming(CODE));
    return (await ofType('business'))[0]!;
  }
  const decide = async (id: string, body: unknown, who?: Record<string, string>) =>
    call(t.app, 'POST', `/api/v1/staff/signals/${id}`, body, who ?? await intake());

  it('refuses a dismissal without a reason with 400, and a second decision with 409', async () => {
    const s = await raised();
    for (const body of [{ action: 'dismiss' }, { action: 'dismiss', reason: '   ' }]) {
      const res = await decide(s.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    }
    expect((await decide(s.id, { action: 'escalate' })).status).toBe(400);
    const dismissed = await decide(s.id, { action: 'dismiss', reason: '同一消费者重复投诉，已核实' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ id: s.id, status: 'dismissed', reason: '同一消费者重复投诉，已核实', count: 5 });
    const again = await decide(s.id, { action: 'acknowledge' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect((await signals('?status=dismissed')).map((x) => x.id)).toEqual([s.id]);
    expect(await signals('?status=open')).toEqual([]);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'signal.%').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('signal.dismiss');
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ signal: s.id, type: 'business', key: CODE });
  });

  it('acknowledges without a reason; an unknown or malformed id is 404; a bad status filter 400', async () => {
    const s = await raised();
    const ack = await decide(s.id, { action: 'acknowledge' });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', reason: null, decidedBy: expect.any(String) });
    expect((await decide('0'.repeat(24), { action: 'acknowledge' })).status).toBe(404);
    expect((await decide('nope', { action: 'acknowledge' })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/v1/staff/signals?status=closed', undefined, await intake())).status).toBe(400);
  });

  it('lets only the intake centre and the provincial market regulator read and decide', async () => {
    const s = await raised();
    const as = async (role: 'handler' | 'supervisor' | 'admin' | 'auditor', department?: string) =>
      bearer(await (await createStaff(t, { role, ...(department ? { department } : {}) })).login());
    for (const who of [await as('handler'), await as('supervisor', 'samr-440100'), await as('admin'), await as('auditor')]) {
      expect((await call(t.app, 'GET', '/api/v1/staff/signals', undefined, who)).status).toBe(403);
      expect((await decide(s.id, { action: 'acknowledge' }, who)).status).toBe(403);
    }
    expect((await call(t.app, 'GET', '/api/v1/staff/signals')).status).toBe(401);
    const provincial = await as('supervisor', 'samr-440000');
    expect((await signals('', provincial)).map((x) => x.id)).toEqual([s.id]);
    expect((await signals('', await as('handler', 'intake-440000'))).map((x) => x.id)).toEqual([s.id]);
    expect((await decide(s.id, { action: 'acknowledge' }, provincial)).status).toBe(200);
  });
});

describe('the OpenAPI description', () => {
  it('describes the list and the decision as they are answered', async () => {
    for (let i = 0; i < 5; i++) await file(naming(CODE));
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const check = (path: string, method: string, body: unknown) => {
      const schema = doc.paths[path][method].responses['200'].content['application/json'].schema;
      expect(ajv.validate(schema, body), JSON.stringify(ajv.errors)).toBe(true);
    };
    const list = await call(t.app, 'GET', '/api/v1/staff/signals', undefined, await intake());
    check('/api/v1/staff/signals', 'get', list.body);
    const decided = await call(t.app, 'POST', `/api/v1/staff/signals/${list.body.items[0].id}`, { action: 'acknowledge' }, await intake());
    check('/api/v1/staff/signals/{id}', 'post', decided.body);
    expect(doc.paths['/api/v1/staff/signals/{id}'].post.responses['409']).toBeDefined();
  });
});

describe('settings', () => {
  it('takes N and D from the settings, and counts nothing with INTAKE_SIGNALS=off', async () => {
    await t.close();
    t = await createTestApp({ now: '2026-11-02T10:00:00+08:00', env: { INTAKE_SIGNAL_MIN_CASES: '3', INTAKE_SIGNAL_WINDOW_DAYS: '7' } });
    desk = await createStaff(t, { role: 'intake' });
    t.clock.set(day(1));
    await file(naming(CODE));
    t.clock.set(day(8));
    await file(naming(CODE));
    await file(naming(CODE));
    expect(await ofType('business')).toEqual([]);
    await file(naming(CODE));
    expect((await ofType('business'))[0]).toMatchObject({ count: 3, windowDays: 7 });

    await t.close();
    t = await createTestApp({ env: { INTAKE_SIGNALS: 'off' } });
    desk = await createStaff(t, { role: 'intake' });
    for (let i = 0; i < 6; i++) await file(naming(CODE));
    expect(await signals()).toEqual([]);
    expect(await t.deps.db.selectFrom('signal_members').select('case_id').execute()).toEqual([]);
  });
});
