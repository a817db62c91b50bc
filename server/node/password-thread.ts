/**
 * Password hashing (Deps.pbkdf2) in a thread of its own. Web Crypto's PBKDF2 runs on libuv's thread
 * pool (four threads), which the group commit's WAL fsync also needs: a flood of a hundred logins,
 * each a slow hash by design, held a case submission's answer back for seconds.
 * Here the hashes run one after another in this thread, and the pool stays free for the fsync. One
 * thread: the login throttle caps the checks waiting for it (INTAKE_LOGIN_CHECKS_IN_FLIGHT), and a
 * second one would take the core the event loop and the submission thread share.
 *
 * The thread starts at the first hash and keeps the process alive only while a hash is owed. The thread's code is
 * plain JavaScript given as text, so it runs the same under tsx and in the built bundle.
 */
import { Worker } from 'node:worker_threads';
import type { Pbkdf2 } from '../deps.js';

const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { pbkdf2Sync } = require('node:crypto');
// The lowest scheduling priority, for this thread alone (on Linux a thread's nice value is its own):
// with every core busy, a flood of logins waits for the CPU, not the event loop or the submissions.
try { require('node:os').setPriority(0, 19); } catch {}
parentPort.on('message', ({ id, password, salt, iterations }) => {
  try {
    const hash = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
    password.fill(0);
    parentPort.postMessage({ id, hash });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

interface Pending { resolve(hash: Uint8Array): void; reject(err: Error): void }

export interface PasswordThread {
  pbkdf2: Pbkdf2;
  /** Ends the thread; hashes still waiting are refused. */
  stop(): Promise<void>;
}

export function passwordThread(): PasswordThread {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const lose = (err: Error) => {
    worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  const start = () => {
    const w = new Worker(THREAD_CODE, { eval: true });
    w.unref();
    w.on('message', (m: { id: number; hash?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.hash) p?.resolve(new Uint8Array(m.hash));
      else p?.reject(new Error(`password hashing failed: ${m.error}`));
    });
    w.on('error', (err) => { if (worker === w) lose(err); });
    w.on('exit', (code) => { if (worker === w) lose(new Error(`the password thread exited (${code})`)); });
    return w;
  };

  const pbkdf2: Pbkdf2 = (password, salt, iterations) => new Promise((resolve, reject) => {
    worker ??= start();
    // Alive while a hash is owed to someone, so a command awaiting one does not exit first.
    if (pending.size === 0) worker.ref();
    const id = nextId++;
    pending.set(id, { resolve, reject });
    // A copy crosses to the thread, which wipes it after use; the caller wipes its own.
    worker.postMessage({ id, password: Uint8Array.from(password), salt: Uint8Array.from(salt), iterations });
  });

  return {
    pbkdf2,
    async stop() {
      const w = worker;
      if (!w) return;
      lose(new Error('the password thread was stopped'));
      await w.terminate();
    },
  };
}
