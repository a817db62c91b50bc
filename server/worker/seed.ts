/**
 * The directory and calendar seed for D1, as a SQL script for `wrangler d1 execute --file`
 * (scripts/seed-d1.ts). The statements are the very ones the Node runtime runs at its first start
 * (db/seed/directory.ts, server/clocks/calendar-import.ts), compiled without a database and with their
 * parameters written in as SQLite literals: a script file cannot carry bound parameters.
 */
import {
  DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery,
} from 'kysely';
import { nanoid } from 'nanoid';
import { directoryQueries, type DirectoryFiles } from '../../db/seed/directory.js';
import type { Database } from '../../db/schema.js';
import { importPublishedCalendars } from '../clocks/calendar-import.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import { toHex } from '../lib/encoding.js';
import { hashPassword } from '../staff/password.js';
import { newUserSchema } from '../staff/users.schema.js';

/** A Kysely that compiles SQLite statements and cannot run any. */
export function compileOnlyDb(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

/** A value as a SQLite literal. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} has no SQLite literal`);
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (value instanceof Uint8Array) return `X'${toHex(value)}'`;
  throw new TypeError(`no SQLite literal for a ${typeof value}`);
}

/** The statement with each `?` placeholder (outside quotes and comments) replaced by its literal. */
export function inlineParameters(query: Pick<CompiledQuery, 'sql' | 'parameters'>): string {
  const { sql, parameters } = query;
  let out = '';
  let next = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    const quote = ch === "'" || ch === '"' || ch === '`' ? ch : ch === '[' ? ']' : null;
    if (quote) {
      // A quote inside a quoted run is written doubled, so the run ends at the first lone one.
      let end = i + 1;
      for (; end < sql.length; end++) {
        if (sql[end] === quote) {
          if (quote !== ']' && sql[end + 1] === quote) end++;
          else break;
        }
      }
      out += sql.slice(i, end + 1);
      i = end;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      out += end < 0 ? sql.slice(i) : sql.slice(i, end);
      i = end < 0 ? sql.length : end - 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      out += end < 0 ? sql.slice(i) : sql.slice(i, end + 2);
      i = end < 0 ? sql.length : end + 1;
    } else if (ch === '?') {
      if (next >= parameters.length) throw new Error(`more placeholders than parameters in: ${sql}`);
      out += sqlLiteral(parameters[next++]);
    } else {
      out += ch;
    }
  }
  if (next !== parameters.length) throw new Error(`${parameters.length} parameters for ${next} placeholders in: ${sql}`);
  return out;
}

export interface SeedParts {
  directory: boolean;
  calendars: boolean;
}

/** The seed as one SQL script: directory upserts, then each published calendar year. */
export async function seedScript(files: DirectoryFiles, loadedAt: string, parts: SeedParts): Promise<string> {
  const db = compileOnlyDb();
  const queries: CompiledQuery[] = parts.directory ? directoryQueries(db, files) : [];
  if (parts.calendars) {
    await importPublishedCalendars(db, loadedAt, async (batch) => {
      queries.push(...batch);
      return batch.map(() => ({ rows: [] }));
    });
  }
  return queries.map((q) => `${inlineParameters(q)};\n`).join('');
}

/**
 * The first admin of a Worker's database, as a SQL statement (`npm run seed:worker -- --admin NAME
 * --password-stdin`): production creates no demo accounts, and every later account is made by an
 * admin through /api/v1/admin/users. An admin needs no department, and the one-time-code secret is
 * enrolled by the admin at the first sign-in (server/staff/enrolment.service.ts), so nothing has to be
 * sealed under the master key here. A taken username fails on the UNIQUE constraint.
 */
export async function firstAdminScript(input: { username: string; password: string }, now: Date, iterations: number): Promise<string> {
  const v = newUserSchema.parse({ ...input, role: 'admin', department: null });
  const at = toShanghaiIso(now);
  const query = compileOnlyDb().insertInto('users').values({
    id: nanoid(), username: v.username, role: 'admin', department: null, display_name: v.displayName ?? v.username,
    password_hash: await hashPassword(v.password, iterations), totp_secret: null, totp_enabled: 0,
    created_at: at, updated_at: at, password_changed_at: at,
  }).compile();
  return `${inlineParameters(query)};\n`;
}
