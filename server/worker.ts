/**
 * Cloudflare Workers entry: the same createApp over D1. Thin for now — mail delivery, R2
 * attachments and the scheduled handler arrive with the scale-out work.
 */
import type { D1Database } from '@cloudflare/workers-types';
import { Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from '../db/schema.js';
import { createApp } from './app.js';
import { createCalendarCache } from './clocks/calendar.repository.js';
import { parseConfig } from './config.js';
import type { Batch, Deps, Mailer, Storage } from './deps.js';
import { systemClock } from './deps.js';
import { createKeyring, masterKeyFromBase64 } from './identity/keys.js';

export interface Env {
  DB: D1Database;
  INTAKE_MASTER_KEY: string;
  [setting: string]: unknown;
}

function d1Batch(d1: D1Database): Batch {
  return async (queries) => {
    const results = await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...(q.parameters as unknown[]))));
    return results.map((r) => ({ rows: (r.results ?? []) as unknown[], numAffectedRows: BigInt(r.meta?.changes ?? 0) }));
  };
}

// Until a Workers mailer is configured, sending fails and mail stays queued in the outbox.
const unconfiguredMailer: Mailer = {
  async send() {
    throw new Error('no mailer is configured for this Worker');
  },
};

// Attachments go to R2 once the scale-out work binds a bucket.
const unconfiguredStorage: Storage = {
  async put() { throw new Error('no attachment storage is configured for this Worker'); },
  async get() { return null; },
  async delete() {},
};

let cached: { env: Env; app: ReturnType<typeof createApp> } | null = null;

async function appFor(env: Env) {
  if (cached?.env === env) return cached.app;
  const settings = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const config = parseConfig({ NODE_ENV: 'production', ...settings });
  const db = new Kysely<Database>({ dialect: new D1Dialect({ database: env.DB as never }) });
  const deps: Deps = {
    db,
    batch: d1Batch(env.DB),
    clock: systemClock,
    config,
    keys: createKeyring([await masterKeyFromBase64(env.INTAKE_MASTER_KEY)]),
    mailer: unconfiguredMailer,
    storage: unconfiguredStorage,
    calendar: createCalendarCache(db),
    log: (line) => console.log(line),
  };
  const app = createApp(deps);
  cached = { env, app };
  return app;
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    const app = await appFor(env);
    return app.fetch(request, env, ctx as never);
  },
};
