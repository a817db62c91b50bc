/** All settings in one zod schema, parsed once per runtime from its environment. */
import { z } from 'zod';
import { parseTrustedProxies } from './lib/ip.js';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  INTAKE_DATA_DIR: z.string().default('./data'),
  INTAKE_MASTER_KEY: optionalText,
  /**
   * Earlier master keys (comma-separated base64) kept after `keys rotate`: records not yet re-wrapped
   * and receipts hashed under them (a hash cannot be re-keyed) still need them.
   */
  INTAKE_PREVIOUS_MASTER_KEYS: optionalText,
  /** Read only by `keys rotate`: the key to rotate to (base64, 32 bytes); generated when unset. */
  INTAKE_NEW_MASTER_KEY: optionalText,
  /** Days after closing before identity, original text and attachments are purged (default 3 years). */
  INTAKE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(1095),
  SMTP_URL: optionalText,
  /** SMTP by parts, when SMTP_URL is unset: port 465 means implicit TLS, others STARTTLS when offered. */
  SMTP_HOST: optionalText,
  SMTP_PORT: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  /** The From of every mail. */
  SMTP_FROM: z.string().trim().min(3).default('Quality Intake <no-reply@intake.example>'),
  /** Language of staff and department mail (reporter mail follows the case's language). */
  INTAKE_STAFF_MAIL_LANG: z.enum(['zh', 'en']).default('zh'),
  /** A mail is given up ('failed', kept for admins) after this many attempts. */
  INTAKE_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Hour (Asia/Shanghai) from which each working day's department digest goes out. */
  INTAKE_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  PUBLIC_URL: optionalText,
  /** Prefix of case numbers: the province's short name. */
  INTAKE_CASE_PREFIX: z.string().regex(/^[A-Z]{1,4}$/).default('GD'),
  /** The province the directory serves: its region code is the root of routing. */
  INTAKE_PROVINCE: z.string().regex(/^\d{6}$/).default('440000'),
  /** Largest request body accepted, in bytes. */
  INTAKE_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  /**
   * Node: JSON case submissions are validated, routed and sealed in a thread of their own, so they
   * use the second core; the server's connection still makes every write ('off': on the event loop).
   */
  INTAKE_SUBMISSION_THREAD: z.enum(['on', 'off']).default('on'),
  /**
   * Node: the server's database connection runs in a thread of its own, so a read waiting for the disk
   * does not hold the event loop ('off': on the event loop, as the CLI has it).
   */
  INTAKE_STORE_THREAD: z.enum(['on', 'off']).default('on'),
  /** A staff session ends after this many minutes without a request (an unattended desk). */
  INTAKE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** A staff session ends this many hours after login however active it is (one working day). */
  INTAKE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** Wrong receipts answer after this fixed delay, whatever was wrong about them. */
  INTAKE_RECEIPT_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(600),
  /** Wrong receipts one client may try in 15 minutes before 429. */
  INTAKE_RECEIPT_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  /** A follow-up session ends this many minutes after the receipt was entered. */
  INTAKE_FOLLOWUP_SESSION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /**
   * PBKDF2-SHA256 iterations for NEW password hashes (each hash keeps its own count, so changing
   * this never locks anyone out). 600,000 is OWASP's figure; Cloudflare Workers refuse more than
   * 100,000, so wrangler.toml sets 100000 there.
   */
  INTAKE_PBKDF2_ITERATIONS: z.coerce.number().int().min(1000).max(10_000_000).default(600_000),
  /**
   * Workers only: an HTTP mail API taking `{ from, to, subject, text, html, headers }` as JSON with a
   * bearer key (Resend's shape); when unset the Worker sends through its send_email binding `MAIL`.
   */
  MAIL_API_URL: optionalText.pipe(z.url().optional()),
  /** Workers only: the bearer key of MAIL_API_URL (a secret: `wrangler secret put MAIL_API_KEY`). */
  MAIL_API_KEY: optionalText,
  /**
   * Node, no SMTP configured: write mail as .eml files under the data dir ('on'), or hold it queued in
   * the outbox ('off'). Default: 'on', except in production, where mail files are not left about.
   */
  INTAKE_MAIL_FILES: z.enum(['on', 'off']).optional(),
  /**
   * Reverse proxies in front of the server (addresses or CIDRs, IPv4 or IPv6, comma-separated). Only
   * when a connection comes from one of them is the client read from X-Forwarded-For, for the login
   * and receipt throttles; it is never stored or logged.
   */
  INTAKE_TRUSTED_PROXIES: z.string().default('').superRefine((text, ctx) => {
    try {
      parseTrustedProxies(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
  /**
   * Requests one API key may make per minute (a fixed window, counted in memory per process; on
   * Workers per isolate). Over it: 429 with Retry-After.
   */
  INTAKE_API_KEY_RATE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Staff password checks running at once (each hash is slow by design); half per address, a quarter per account. Over it: 429. */
  INTAKE_LOGIN_CHECKS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
  /**
   * Multipart uploads (cases with attachments, the public form) read at once; over it: 503 with
   * Retry-After. Each may hold up to its 10 attachments (100 MB) while they are checked.
   */
  INTAKE_MAX_UPLOADS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(4),
  /**
   * Where the audit log's daily anchor (its entry count and last hash) is mailed, comma-separated:
   * the auditors' own addresses, outside the system (staff accounts have no e-mail address).
   */
  /**
   * Quality signals (docs/signals.md): the same business or product named in this many cases within
   * INTAKE_SIGNAL_WINDOW_DAYS raises a signal to the risk desk. Written to signal_settings at start.
   */
  INTAKE_SIGNAL_MIN_CASES: z.coerce.number().int().min(2).max(10_000).default(5),
  INTAKE_SIGNAL_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  /** 'off': new cases are not counted for signals at all (the counters' cost can then be measured). */
  INTAKE_SIGNALS: z.enum(['on', 'off']).default('on'),
  INTAKE_AUDITOR_MAIL: z.string().default('').refine(
    (text) => text.split(',').map((a) => a.trim()).filter(Boolean).every((a) => /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(a)),
    'INTAKE_AUDITOR_MAIL must be e-mail addresses separated by commas',
  ),
});

export type Config = z.infer<typeof configSchema> & { publicUrl: string };

/** Parses settings from an environment object (process.env on Node, bindings on Workers). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.parse(env);
  const publicUrl = (parsed.PUBLIC_URL ?? `http://${parsed.HOST}:${parsed.PORT}`).replace(/\/+$/, '');
  if (parsed.NODE_ENV === 'production' && !parsed.INTAKE_MASTER_KEY) {
    throw new Error('INTAKE_MASTER_KEY is required when NODE_ENV=production');
  }
  // Low counts exist for fast tests; a production password store must not run on one.
  if (parsed.NODE_ENV === 'production' && parsed.INTAKE_PBKDF2_ITERATIONS < 100_000) {
    throw new Error('INTAKE_PBKDF2_ITERATIONS must be at least 100000 when NODE_ENV=production');
  }
  return { ...parsed, publicUrl };
}
