/**
 * Cloudflare Workers entry: the same createApp as Node, over D1 (Kysely + one D1 batch per use
 * case), attachments in R2, mail through an HTTP mail API or the send_email binding, and the cron
 * triggers running the outbox and the clock sweeper. Settings are vars and secrets (wrangler.toml).
 * See README "Running on Cloudflare Workers".
 */
import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types';
import { createApp } from './app.js';
import { applySignalSettings } from './signals/signals.service.js';
import type { Deps } from './deps.js';
import { errorBody } from './errors.js';
import { demoStaffOnce } from './worker/dev.js';
import type { Env } from './worker/env.js';
import { createWorkerDeps } from './worker/runtime.js';
import { runScheduled } from './worker/scheduled.js';

export type { Env } from './worker/env.js';

interface Runtime {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  /** Development only: the demo accounts before the first request is served. */
  ready: () => Promise<void>;
}

// One runtime per isolate and bindings object: building it imports keys and parses settings, which
// should not happen on every request. Nothing request-specific is kept here.
let cached: { env: Env; runtime: Promise<Runtime> } | null = null;

function runtimeFor(env: Env): Promise<Runtime> {
  if (cached?.env === env) return cached.runtime;
  const runtime = createWorkerDeps(env).then(async ({ deps, notes }) => {
    // The thresholds the signal triggers read, from the settings (docs/signals.md): once per isolate.
    await applySignalSettings(deps);
    deps.log(`quality-intake on Workers (${deps.config.NODE_ENV}): ${notes.join('; ')}`);
    const ready = deps.config.NODE_ENV === 'development' ? demoStaffOnce(deps) : async () => {};
    return { deps, app: createApp(deps), ready };
  });
  // A failed start (a missing secret) is not cached: the next request tries again and says why.
  runtime.catch(() => { if (cached?.runtime === runtime) cached = null; });
  cached = { env, runtime };
  return runtime;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    let runtime: Runtime;
    try {
      runtime = await runtimeFor(env);
      await runtime.ready();
    } catch (err) {
      // The operator reads why in the Worker's log; a client gets the API's error shape, no internals.
      console.error(`quality-intake cannot start: ${err instanceof Error ? err.message : String(err)}`);
      return Response.json(errorBody('internal', 'The service is not available.'), { status: 500 });
    }
    return runtime.app.fetch(request, env, ctx);
  },

  /** Cron triggers (wrangler.toml [triggers]); a thrown error marks the run failed in the dashboard. */
  async scheduled(controller: ScheduledController, env: Env): Promise<void> {
    const { deps } = await runtimeFor(env);
    deps.log(await runScheduled(deps, controller.cron));
  },
};
