/**
 * Login throttling under parallel requests, through the real app: every request is sent at once,
 * and the password checks are counted where they happen (Deps.pbkdf2).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Pbkdf2 } from '../../server/deps.js';
import { webPbkdf2 } from '../../server/staff/password.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

/**
 * An app whose password checks are counted. With `gated`, every check waits until the test calls
 * release(), so the checks of parallel requests surely overlap, however slow the machine.
 */
async function countingApp(env: Record<string, string> = {}, gated = false) {
  t = await createTestApp({ env: { INTAKE_PBKDF2_ITERATIONS: '1000', ...env } });
  const checks = { started: 0, running: 0, most: 0 };
  let open!: () => void;
  let gate = new Promise<void>((r) => { open = r; });
  const release = () => {
    open();
    gate = new Promise<void>((r) => { open = r; });
  };
  const pbkdf2: Pbkdf2 = async (password, salt, iterations) => {
    checks.started += 1;
    checks.running += 1;
    checks.most = Math.max(checks.most, checks.running);
    try {
      await (gated ? gate : new Promise((r) => setTimeout(r, 20)));
      return await webPbkdf2(password, salt, iterations);
    } finally {
      checks.running -= 1;
    }
  };
  const app = createApp({ ...t.deps, pbkdf2 });
  const login = async (body: Record<string, string>, from?: string) => {
    const res = await app.request('/api/v1/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() as any };
  };
  /** Sends all at once; the checks are let go once every other request has been answered. */
  const burst = async (requests: [Record<string, string>, string][]) => {
    let answered = 0;
    const pending = requests.map(([body, from]) => login(body, from).then((a) => { answered += 1; return a; }));
    const deadline = Date.now() + 10_000;
    while (answered + checks.running < requests.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    release();
    return Promise.all(pending);
  };
  return { t, checks, login, burst };
}

const NO_CAPS = { INTAKE_LOGIN_CHECKS_IN_FLIGHT: '1000' };
const count = (answers: { status: number }[], status: number) => answers.filter((a) => a.status === status).length;

describe('staff login under parallel requests', () => {
  it('checks at most 5 of 30 parallel logins to one account from one address; the right one sent 21st gets 429', async () => {
    const { t, checks, login } = await countingApp(NO_CAPS);
    const staff = await createStaff(t, { role: 'handler' });
    const bodies = Array.from({ length: 30 }, (_, i) => ({ username: staff.username, password: i === 20 ? staff.password : `guess ${i}` }));
    const answers = await Promise.all(bodies.map((b) => login(b, '198.51.100.7')));
    expect(checks.started).toBeLessThanOrEqual(5);
    expect(count(answers, 401)).toBe(checks.started);
    expect(count(answers, 429)).toBe(30 - checks.started);
    expect(answers[20]!.status).toBe(429);
    expect(answers.find((a) => a.status === 429)!.body.error.code).toBe('rate_limited');
  });

  it('checks at most 50 of 120 parallel logins from one address to different names', async () => {
    const { checks, login } = await countingApp(NO_CAPS);
    const answers = await Promise.all(Array.from({ length: 120 }, (_, i) => login({ username: `name.${i}`, password: 'guess' }, '198.51.100.8')));
    expect(checks.started).toBeLessThanOrEqual(50);
    expect(count(answers, 401)).toBe(checks.started);
    expect(count(answers, 429)).toBe(120 - checks.started);
    // Another address is not held back by it.
    expect((await login({ username: 'name.0', password: 'guess' }, '198.51.100.9')).status).toBe(401);
  });

  it('caps the checks in flight in all, per address and per account, answering 429 with Retry-After over the cap', async () => {
    const { checks, burst } = await countingApp({ INTAKE_LOGIN_CHECKS_IN_FLIGHT: '8' }, true);
    const spread = await burst(Array.from({ length: 30 }, (_, i) => [{ username: `name.${i}`, password: 'guess' }, `203.0.113.${i + 1}`]));
    expect(checks.most).toBe(8);
    expect(count(spread, 401)).toBe(8);
    const refused = spread.find((a) => a.status === 429)!;
    expect(refused.retryAfter).toBe('1');
    checks.most = 0;
    const oneAddress = await burst(Array.from({ length: 10 }, (_, i) => [{ username: `other.${i}`, password: 'guess' }, '203.0.113.200']));
    expect(count(oneAddress, 401)).toBe(4);
    expect(checks.most).toBe(4);
    checks.most = 0;
    const oneAccount = await burst(Array.from({ length: 10 }, (_, i) => [{ username: 'the.same', password: 'guess' }, `192.0.2.${i + 1}`]));
    expect(count(oneAccount, 401)).toBe(2);
    expect(checks.most).toBe(2);
  });

  it('lets the owner in with password and code from another address after 5 wrong guesses locked the guesser out', async () => {
    const { t, login } = await countingApp();
    const custodian = await createStaff(t, { role: 'custodian' });
    for (let i = 0; i < 5; i++) expect((await login({ username: custodian.username, password: `guess ${i}` }, '198.51.100.66')).status).toBe(401);
    const guesser = await login({ username: custodian.username, password: custodian.password, totp: await custodian.code() }, '198.51.100.66');
    expect(guesser.status).toBe(429);
    expect(Number(guesser.retryAfter)).toBeGreaterThan(800);
    const owner = await login({ username: custodian.username, password: custodian.password, totp: await custodian.code() }, '203.0.113.5');
    expect(owner.status).toBe(200);
  });

  it('bounds one account\'s failures from many addresses, while the owner\'s usual address still gets in', async () => {
    const { t, checks, login } = await countingApp();
    const staff = await createStaff(t, { role: 'handler' });
    expect((await login({ username: staff.username, password: staff.password }, '203.0.113.50')).status).toBe(200);
    const before = checks.started;
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await login({ username: staff.username, password: `guess ${i}` }, `198.51.100.${i + 1}`));
    // Ten free failures, then one stranger every 30 seconds: the eleventh, and no more.
    expect(checks.started - before).toBe(11);
    expect(count(answers, 429)).toBe(29);
    expect(Number(answers[39]!.retryAfter)).toBeLessThanOrEqual(30);
    expect((await login({ username: staff.username, password: staff.password }, '203.0.113.50')).status).toBe(200);
    // From a new address the owner waits out the slow-down, then gets in.
    expect((await login({ username: staff.username, password: staff.password }, '203.0.113.51')).status).toBe(429);
    t.clock.advance(30_000);
    expect((await login({ username: staff.username, password: staff.password }, '203.0.113.51')).status).toBe(200);
  });
});

describe('follow-up receipts under parallel requests', () => {
  it('checks at most the limit of 30 parallel wrong receipts from one client', async () => {
    t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '0', INTAKE_RECEIPT_MAX_FAILURES: '10' } });
    const app = t.app;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => app.request('/api/v1/followup/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
      body: JSON.stringify({ receipt: `0000 0000 0000 ${String(i).padStart(4, '0')}` }),
    })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });
});
