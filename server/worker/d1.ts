/** D1 behind the ports: Kysely over kysely-d1, and the atomic batch as one D1 batch. */
import type { D1Database } from '@cloudflare/workers-types';
import { Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from '../../db/schema.js';
import type { Batch } from '../deps.js';

export function d1Kysely(d1: D1Database): Kysely<Database> {
  // kysely-d1 types its binding against an older workers-types; the runtime object is the same.
  return new Kysely<Database>({ dialect: new D1Dialect({ database: d1 as never }) });
}

/**
 * D1 runs a batch as one implicit transaction: every statement or none. That is the only
 * atomicity D1 offers (no BEGIN from a Worker), hence the Batch port. Results keep the row counts
 * the services check to tell a won guard from a lost race.
 */
export function d1Batch(d1: D1Database): Batch {
  return async (queries) => {
    if (queries.length === 0) return [];
    const results = await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...(q.parameters as unknown[]))));
    return results.map((r) => ({
      rows: (r.results ?? []) as unknown[],
      numAffectedRows: BigInt(r.meta?.changes ?? 0),
      ...(typeof r.meta?.last_row_id === 'number' ? { insertId: BigInt(r.meta.last_row_id) } : {}),
    }));
  };
}
