/** Node entry: one process, an embedded SQLite file under ./data, served on HOST:PORT. */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { firstAdminHint } from './admin/operator.service.js';
import { flushApiKeyUsage } from './api-keys/api-keys.service.js';
import { createApp } from './app.js';
import { parseConfig, type Config } from './config.js';
import { createServerRuntime } from './node/bootstrap.js';
import { startSubmissionThread } from './node/submit-thread.js';
import { startWorkerLoop } from './node/worker-loop.js';

// Whatever this process creates (database, WAL, keys, mail, backups) is readable by its user only.
process.umask(0o077);

/** How long a stop waits for the requests in flight before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 15_000;

/** The runtime, its store's connection in a thread of its own unless INTAKE_STORE_THREAD=off. */
function startRuntime(config: Config) {
  return createServerRuntime({
    config,
    storeThread: config.INTAKE_STORE_THREAD === 'on',
    // Without its database the server can only fail every request: end, for the supervisor to restart it.
    onStoreLost: (reason) => {
      console.error(`The database thread stopped (${reason}); exiting.`);
      process.exit(1);
    },
  });
}

async function main() {
  const config = parseConfig(process.env);
  const runtime = await startRuntime(config);
  // Production makes no accounts of its own: say exactly how to make the first admin.
  const adminHint = config.NODE_ENV === 'production' ? await firstAdminHint(runtime.deps) : [];
  const submissions = config.INTAKE_SUBMISSION_THREAD === 'on' && runtime.store.filename !== ':memory:'
    ? await startSubmissionThread({ filename: runtime.store.filename, config, store: runtime.store, deps: runtime.deps })
    : null;
  const appDeps = submissions ? { ...runtime.deps, submitter: submissions.submit } : runtime.deps;
  const app = createApp(appDeps);
  let inFlight = 0;
  const fetch: typeof app.fetch = async (request, env, ctx) => {
    inFlight += 1;
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      inFlight -= 1;
    }
  };
  const server = serve({ fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const lines = [
      '',
      `Quality complaint and report intake is running (${config.NODE_ENV}).`,
      `  Public site:   ${config.publicUrl}/`,
      `  JSON API:      ${config.publicUrl}/api/v1/categories`,
      `  Database:      ${runtime.store.filename}`,
      `  Durability:    ${runtime.store.durability}`,
      `  Submissions:   ${submissions ? 'JSON submissions prepared in a thread of their own, written by the server' : 'on the event loop'}`,
      `  Listening on:  ${info.address}:${info.port}`,
      '  Mail worker:   outbox every 5 s, clock sweep and digests every minute',
      ...runtime.notes.map((n) => `  ${n}`),
      ...adminHint.map((n) => `  ${n}`),
      '',
    ];
    console.log(lines.join('\n'));
  });
  const worker = startWorkerLoop(runtime.deps);

  /** Stops accepting connections and resolves once every open one has ended (or the grace is over). */
  const drainHttp = () => new Promise<void>((resolve) => {
    const http = server as Server;
    const done = () => {
      clearInterval(idle);
      clearTimeout(grace);
      resolve();
    };
    server.close(() => done());
    // A keep-alive connection becomes idle once its response is out: close it then, not before.
    const idle = setInterval(() => http.closeIdleConnections?.(), 25);
    http.closeIdleConnections?.();
    const grace = setTimeout(() => {
      console.error(`Stopping: ${inFlight} requests still running after ${SHUTDOWN_GRACE_MS / 1000} s; closing their connections.`);
      http.closeAllConnections?.();
      done();
    }, SHUTDOWN_GRACE_MS);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no longer accepting connections; finishing ${inFlight} requests in flight.`);
    // Requests finish and the mail worker its round (a mail sent but not yet recorded would go out
    // again); then the database is closed, which commits the last group of batches.
    void Promise.all([drainHttp(), worker.stop()])
      // API keys' request counts are kept in memory between writes: write the last ones.
      .then(() => flushApiKeyUsage(appDeps))
      .then(() => submissions?.stop())
      .then(() => runtime.store.close())
      .then(() => {
        console.log('Stopped.');
        process.exit(0);
      }, (err: unknown) => {
        console.error(`Stopping failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
