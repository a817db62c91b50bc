/**
 * Property-based hostile input (issue 7, part 5): thousands of random and malformed bodies, headers,
 * multipart parts and query strings at every public and staff endpoint. Whatever arrives, the
 * answer is never a 5xx, never shows internals, and every JSON error has the API's error shape.
 * The seed is fixed, so a failure is reproducible; FUZZ_SEED and FUZZ_RUNS (a multiplier) vary it,
 * FUZZ_STATS=1 prints the statuses each group got.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups } from './endpoints.js';
import { checkAnswer, send } from './requests.js';
import { buildWorld, type World } from './world.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);

let w: World;
beforeAll(async () => { w = await buildWorld(); });
afterAll(async () => {
  await w?.t.close();
});

describe('hostile input at every endpoint', () => {
  // The groups are built from the world, which exists only once beforeAll ran: look them up by name.
  const names = [
    'public reference data and unknown API paths', 'POST /api/v1/cases', 'follow-up API without a token', 'follow-up API with a token',
    'staff login, logout and me', 'staff queue and case pages (API) as handler and intake',
    'staff case actions and messages (API) as handler and intake', 'disclosure requests (API) as custodian and handler',
    'admin API as admin', 'public pages and the intake form post', 'follow-up pages with and without a session', 'staff login page',
    'staff workspace pages as handler and intake', 'custodian pages', 'admin pages and their forms', 'auditor pages',
  ];
  for (const [i, name] of names.entries()) {
    it(`${name}: no 5xx, no internals, errors in the API.md shape`, async () => {
      const group = groups(w).find((g) => g.name === name);
      expect(group, name).toBeDefined();
      const seen = new Map<number, number>();
      await fc.assert(fc.asyncProperty(group!.requests, async (spec) => {
        const answer = await send(w.t.app, spec);
        seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
        checkAnswer(spec, answer);
      }), { seed: SEED + i, numRuns: Math.max(1, Math.round(group!.runs * SCALE)) });
      const statuses = Object.fromEntries([...seen].sort((a, b) => a[0] - b[0]));
      if (process.env.FUZZ_STATS) console.log(name, JSON.stringify(statuses));
      // A fuzzer that only ever hears 401 or 404 tests nothing behind them: some requests must get through.
      expect([...seen.keys()].some((status) => status < 400), `${name}: ${JSON.stringify(statuses)}`).toBe(true);
    }, 60_000);
  }

  it('covers every group the endpoint table defines', () => {
    expect(groups(w).map((g) => g.name).sort()).toEqual([...names].sort());
  });

  it('logged no internal error while it ran', () => {
    expect(w.t.logs.filter((line) => /internal error/i.test(line))).toEqual([]);
  });
});
