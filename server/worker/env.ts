/** What wrangler.toml binds to the Worker: D1, R2, the mail binding, and settings as vars and secrets. */
import type { D1Database, R2Bucket, SendEmail } from '@cloudflare/workers-types';

export interface Env {
  /** D1: the same schema as the Node SQLite file, migrated from db/migrations by wrangler. */
  DB: D1Database;
  /** R2: attachment bytes, under attachments/<random key>. */
  ATTACHMENTS: R2Bucket;
  /** send_email binding, used when MAIL_API_URL is unset. */
  MAIL?: SendEmail;
  /** Secret: base64 of 32 bytes (`wrangler secret put INTAKE_MASTER_KEY`; locally .dev.vars). */
  INTAKE_MASTER_KEY?: string;
  /** Every other setting of server/config.ts, as a var or a secret. */
  [setting: string]: unknown;
}

/** The string-valued bindings: the settings parseConfig reads (bindings are objects, never strings). */
export function settingsOf(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
