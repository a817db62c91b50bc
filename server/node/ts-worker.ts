/**
 * Worker threads that run one function of a module. Under `npm run dev`, the CLI and the tests the
 * code is TypeScript run through tsx, whose loader a worker does not inherit: for a .ts entry the
 * bootstrap registers it before importing the module. A built entry (.mjs) is imported as it is.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a thread that imports `entry` (a module URL) and calls its export `run` with the worker's
 * data. If that fails, the error is printed and the thread exits with code 1.
 */
export function startModuleWorker(entry: string, run: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const tsx = entry.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
  const bootstrap = `(async () => {
    const { workerData } = await import('node:worker_threads');
    ${tsx ? `(await import(${JSON.stringify(tsx)})).register();` : ''}
    await (await import(${JSON.stringify(entry)}))[${JSON.stringify(run)}](workerData);
  })().catch((err) => { console.error(err); process.exit(1); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
