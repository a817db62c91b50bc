import { describe, expect, it } from 'vitest';
import { TurnSlices } from '../../server/node/turn-slices.js';

/** Resolves after the event loop has turned once (the next check phase). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('writes run a slice per turn of the event loop (TurnSlices)', () => {
  it('runs what arrives at once over several turns, in order, within the budget', async () => {
    const ran: number[][] = [[]];
    // Each item takes 3 ms; a budget of 5 ms lets two run in a turn.
    const slices = new TurnSlices<number>((n) => {
      const until = performance.now() + 3;
      while (performance.now() < until) { /* busy */ }
      ran.at(-1)!.push(n);
    }, 5);
    for (let n = 1; n <= 7; n++) slices.push(n);
    expect(ran).toEqual([[]]); // nothing in the turn they arrived in
    while (slices.length > 0) {
      await turn();
      ran.push([]);
    }
    await turn();
    const turns = ran.filter((t) => t.length > 0);
    expect(turns.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(turns.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...turns.map((t) => t.length))).toBe(2);
  });

  it('runs one item a turn with a budget of 0, and an item pushed meanwhile after those waiting', async () => {
    const ran: string[] = [];
    const slices = new TurnSlices<string>((s) => ran.push(s), 0);
    slices.push('a');
    slices.push('b');
    await turn();
    expect(ran).toEqual(['a']);
    slices.push('late');
    await turn();
    await turn();
    await turn();
    expect(ran).toEqual(['a', 'b', 'late']);
  });

  it('starts no slice while stopped, and goes on from where it was at resume()', async () => {
    let stopped = false;
    const ran: number[] = [];
    const slices = new TurnSlices<number>((n) => {
      ran.push(n);
      if (n === 2) stopped = true; // as a commit that begins a pause
    }, 1_000, () => stopped);
    [1, 2, 3, 4].forEach((n) => slices.push(n));
    await turn();
    expect(ran).toEqual([1, 2]);
    await turn();
    await turn();
    expect(ran).toEqual([1, 2]);
    expect(slices.length).toBe(2);
    stopped = false;
    slices.resume();
    await turn();
    expect(ran).toEqual([1, 2, 3, 4]);
  });
});
