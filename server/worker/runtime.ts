/** Builds the Worker's Deps from its bindings: D1, R2, the mailer, the keys and the settings. */
import { createCalendarCache } from '../clocks/calendar.repository.js';
import { parseConfig, type Config } from '../config.js';
import { systemClock, type Deps } from '../deps.js';
import { createKeyring, masterKeyFromBase64 } from '../identity/keys.js';
import { d1Batch, d1Kysely } from './d1.js';
import { settingsOf, type Env } from './env.js';
import { workerMailer } from './mailer.js';
import { r2Storage } from './r2-storage.js';

/** Production Workers refuse PBKDF2 above this many iterations (workerd locally may not). */
export const WORKERS_PBKDF2_LIMIT = 100_000;

/** Settings from vars and secrets; on Workers the iteration default is the platform's limit. */
export function workerConfig(env: Env): Config {
  const config = parseConfig({ NODE_ENV: 'production', INTAKE_PBKDF2_ITERATIONS: String(WORKERS_PBKDF2_LIMIT), ...settingsOf(env) });
  if (config.INTAKE_PBKDF2_ITERATIONS > WORKERS_PBKDF2_LIMIT) {
    throw new Error(`INTAKE_PBKDF2_ITERATIONS=${config.INTAKE_PBKDF2_ITERATIONS}: Cloudflare Workers refuse more than ${WORKERS_PBKDF2_LIMIT}`);
  }
  if (!config.INTAKE_MASTER_KEY) {
    throw new Error('INTAKE_MASTER_KEY is not set: `wrangler secret put INTAKE_MASTER_KEY` (locally: .dev.vars)');
  }
  return config;
}

export async function createWorkerDeps(env: Env): Promise<{ deps: Deps; notes: string[] }> {
  const config = workerConfig(env);
  const current = await masterKeyFromBase64(config.INTAKE_MASTER_KEY!);
  // Keys kept after a rotation still open records not yet re-wrapped and match receipts hashed under them.
  const previous = await Promise.all((config.INTAKE_PREVIOUS_MASTER_KEYS ?? '').split(',').map((t) => t.trim()).filter(Boolean)
    .map((text) => masterKeyFromBase64(text)));
  const db = d1Kysely(env.DB);
  const mail = workerMailer(config, env.MAIL);
  const keys = createKeyring([current, ...previous.filter((k) => k.id !== current.id)]);
  const deps: Deps = {
    db,
    batch: d1Batch(env.DB, keys.current),
    clock: systemClock,
    config,
    keys,
    mailer: mail.mailer,
    storage: r2Storage(env.ATTACHMENTS),
    calendar: createCalendarCache(db),
    log: (line) => console.log(line),
  };
  return { deps, notes: [mail.note] };
}
