/**
 * The ports the app core needs, injected by each runtime entry (server/node.ts, server/worker.ts)
 * and by tests. No module-level singletons: a test builds a fresh app over a fresh database.
 */
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CaseLanguage } from '../domain/vocabulary.js';
import type { AuditDraft } from './audit/audit.js';
import type { AuditAnchor } from './audit/audit-anchor.js';
import type { AuditHasher } from './audit/audit-key.js';
import type { CalendarData } from './clocks/calendar.js';
import type { Config } from './config.js';
import type { Keyring } from './identity/keys.js';
import type { Sha256Hex } from './lib/client.js';
import type { SubmittedCase } from './intake/intake.schema.js';

/**
 * Runs queries as one atomic unit. D1 has no interactive transactions, so every use case that
 * writes more than one row compiles its statements and hands them over here together. `audit`
 * entries are appended to the hash-chained audit log in the same unit: the adapter reads the
 * chain's tail and links them where no other writer can take the same tail.
 */
export type Batch = (queries: CompiledQuery[], audit?: readonly AuditDraft[]) => Promise<QueryResult<unknown>[]>;

export interface Clock {
  now(): Date;
}

export interface MailMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** No delivery configured (Node production without SMTP): the outbox keeps its rows queued. */
  holds?: boolean;
}

/** Attachment bytes: disk under the data dir on Node, R2 on Workers. Keys are random, never file names. */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export interface CalendarSource {
  get(): Promise<CalendarData>;
  invalidate(): void;
}

/**
 * Files a JSON case submission (the body's text) and returns what POST /api/v1/cases answers, or
 * throws what it would refuse. On Node a thread of its own does this work (server/node/submit-thread.ts);
 * unset, the route does it in place.
 */
export type Submitter = (jsonText: string, language: CaseLanguage) => Promise<SubmittedCase>;

/**
 * PBKDF2-SHA256 of a password (its UTF-8 bytes) for a 32-byte hash. Unset: Web Crypto, as on Workers.
 * On Node it runs in a thread of its own (server/node/password-thread.ts): Web Crypto's PBKDF2 runs
 * on libuv's thread pool, where a flood of logins queued the group commit's WAL fsync behind it.
 */
export type Pbkdf2 = (password: Uint8Array, salt: Uint8Array, iterations: number) => Promise<Uint8Array>;

/**
 * Checkpoints of the audit log outside its database, append-only (Node: a 0600 file beside the
 * database, server/node/audit-anchors.ts). Workers have no such file: the daily mail to the auditors
 * is their only anchor.
 */
export interface AuditAnchors {
  /** Where the anchors are kept, for messages. */
  where: string;
  append(anchor: AuditAnchor): Promise<void>;
  /** The last anchor written, read without going through the whole file. */
  latest(): Promise<AuditAnchor | null>;
  /** Every anchor in order, and how many lines were not anchors. */
  list(): Promise<{ anchors: AuditAnchor[]; unreadable: number }>;
}

export interface Deps {
  db: Kysely<Database>;
  batch: Batch;
  clock: Clock;
  config: Config;
  keys: Keyring;
  mailer: Mailer;
  storage: Storage;
  calendar: CalendarSource;
  /** Operational log lines; never given reporter data, receipts or network metadata. */
  log: (line: string) => void;
  submitter?: Submitter;
  /** Password hashing off the shared thread pool (Node); unset, Web Crypto. */
  pbkdf2?: Pbkdf2;
  /** Audit-log anchors outside the database (Node); unset on Workers. */
  auditAnchors?: AuditAnchors;
  /** Synchronous hashes for verifying the audit log (Node: server/node/audit-hash.ts); unset, Web Crypto. */
  auditHasher?: AuditHasher;
  /** Synchronous SHA-256 as hex for hashes taken per request (Node: node:crypto); unset, Web Crypto. */
  sha256?: Sha256Hex;
  /**
   * A value that changes whenever the database's data may have changed, by this process or another
   * (Node: server/node/data-version.ts). Answers computed from the data are kept until it moves; unset
   * (Workers), nothing is kept.
   */
  dataVersion?: () => Promise<string>;
}

export const systemClock: Clock = { now: () => new Date() };
