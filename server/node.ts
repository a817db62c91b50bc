/** Node entry: one process, an embedded SQLite file under ./data, served on HOST:PORT. */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { parseConfig } from './config.js';
import { createNodeRuntime } from './node/bootstrap.js';
import { startWorkerLoop } from './node/worker-loop.js';

async function main() {
  const config = parseConfig(process.env);
  const runtime = await createNodeRuntime({ config });
  const app = createApp(runtime.deps);
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const lines = [
      '',
      `Quality complaint and report intake is running (${config.NODE_ENV}).`,
      `  Public site:   ${config.publicUrl}/`,
      `  JSON API:      ${config.publicUrl}/api/v1/categories`,
      `  Database:      ${runtime.store.sqlite.name}`,
      `  Listening on:  ${info.address}:${info.port}`,
      '  Mail worker:   outbox every 5 s, clock sweep and digests every minute',
      ...runtime.notes.map((n) => `  ${n}`),
      '',
    ];
    console.log(lines.join('\n'));
  });
  const worker = startWorkerLoop(runtime.deps);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // The worker finishes its round first: a mail sent but not yet recorded would go out again.
    void worker.stop().then(() => server.close(() => {
      void runtime.store.close().then(() => process.exit(0));
    }));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
