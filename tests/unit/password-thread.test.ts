import { readdirSync, readFileSync } from 'node:fs';
import { pbkdf2Sync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { passwordThread, type PasswordThread } from '../../server/node/password-thread.js';

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/TID/stat). */
function niceValues(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    } catch {
      return []; // the thread ended while listed
    }
  });
}

let thread: PasswordThread | undefined;
afterEach(async () => {
  await thread?.stop();
  thread = undefined;
});

describe('the password thread', () => {
  it('hashes as node:crypto does', async () => {
    thread = passwordThread();
    const password = new TextEncoder().encode('correct horse');
    const salt = new Uint8Array(16).fill(7);
    const hash = await thread.pbkdf2(password, salt, 1000);
    expect(Buffer.from(hash)).toEqual(pbkdf2Sync(password, salt, 1000, 32, 'sha256'));
  });

  // A flood of logins keeps this thread busy: at the lowest priority it takes a core only when the
  // event loop and the submission thread leave one free.
  it.runIf(process.platform === 'linux')('runs at the lowest priority, and only it', async () => {
    const before = niceValues().filter((n) => n === 19).length;
    thread = passwordThread();
    await thread.pbkdf2(new Uint8Array(8), new Uint8Array(16), 10);
    expect(niceValues().filter((n) => n === 19).length).toBe(before + 1);
    expect(niceValues()).toContain(0);
  });
});
