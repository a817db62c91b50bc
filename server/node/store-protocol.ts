/**
 * The messages between the server and its store thread (store-thread.ts), and the batch port another
 * thread uses over a port the store connected it by. Compiled queries cross as their SQL and
 * parameters; errors as wire-error.ts has them.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { CompiledQuery } from 'kysely';
import type { AuditDraft } from '../audit/audit.js';
import type { Batch } from '../deps.js';
import { TurnSlices, WRITE_TURN_BUDGET_MS } from './turn-slices.js';
import { fromWire, toWire, type WireError } from './wire-error.js';

export type Wire = { sql: string; parameters: readonly unknown[] };

export type ToStore =
  | { type: 'query'; id: number; query: Wire }
  | { type: 'batch'; id: number; queries: Wire[]; audit?: readonly AuditDraft[] }
  | { type: 'flush' }
  | { type: 'close'; id: number }
  | { type: 'connect'; port: MessagePort };

/** A message that is answered, without its id (StoreLink.call gives it one). */
export type Call = ToStore extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

export type FromStore =
  | { type: 'ready'; durability: string }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; value?: unknown; error?: WireError }
  | { type: 'log'; line: string };

/** Calls sent and not yet answered, by id. */
export type Waiting = Map<number, { resolve(value: never): void; reject(err: Error): void }>;

/** Settles the call an answer is for (its caller, or nobody if it is gone). */
export function settleAnswer(waiting: Waiting, m: Extract<FromStore, { type: 'done' }>): void {
  const w = waiting.get(m.id);
  waiting.delete(m.id);
  if (m.error) w?.reject(fromWire(m.error));
  else w?.resolve(m.value as never);
}

export const wire = (q: CompiledQuery): Wire => ({ sql: q.sql, parameters: q.parameters });
export const compiled = (w: Wire) => CompiledQuery.raw(w.sql, [...w.parameters]);

/**
 * The batch port over a port from ServerStore.connect(), for another thread (the submission thread):
 * its batches go straight to the store's connection, wherever that runs.
 */
export function batchOver(port: MessagePort): Batch {
  const waiting: Waiting = new Map();
  let nextId = 1;
  port.on('message', (m: FromStore) => {
    if (m.type === 'done') settleAnswer(waiting, m);
  });
  return (queries, audit) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    port.postMessage({ type: 'batch', id, queries: queries.map(wire), audit } satisfies ToStore);
  });
}

/**
 * connect() of a store whose connection runs on this thread: the other end of a port whose batches
 * this thread writes with `batch`, each answered once durable. A port delivers every message waiting for
 * it in one turn of the event loop: under load a hundred batches of about a millisecond each held the
 * loop for 100 ms, so they are written a slice of WRITE_TURN_BUDGET_MS per turn.
 */
export function serveBatchesHere(batch: Batch): MessagePort {
  const { port1: here, port2: there } = new MessageChannel();
  const writes = new TurnSlices<Extract<ToStore, { type: 'batch' }>>((m) => {
    batch(m.queries.map(compiled), m.audit).then(
      (value) => here.postMessage({ type: 'done', id: m.id, value } satisfies FromStore),
      (err: unknown) => here.postMessage({ type: 'done', id: m.id, error: toWire(err) } satisfies FromStore),
    );
  }, WRITE_TURN_BUDGET_MS);
  here.on('message', (m: ToStore) => {
    if (m.type === 'batch') writes.push(m);
  });
  return there;
}
