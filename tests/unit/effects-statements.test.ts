/** An action's planned effects become one statement each, in the plan's order. */
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.js';
import { effectStatements } from '../../server/cases/effects.repository.js';
import { facts, MONDAY_AT as AT, planAction } from '../helpers/case-facts.js';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe('effectStatements', () => {
  it('writes the clocks, the event, the case (guarded on what was read) and its sort key, in that order', () => {
    const statements = effectStatements(db, planAction('accept', facts()).effects);
    expect(statements.map((s) => s.sql.split(' ').slice(0, 3).join(' '))).toEqual([
      'update "clocks" set', 'insert into "clocks"', 'insert into "case_events"', 'update "cases" set', 'INSERT INTO write_guards', 'update "cases" set',
    ]);
    expect(statements[3]!.sql).toMatch(/"status" = \? and "department" is \?/);
    expect(statements[4]!.sql).toContain('changes() = 0');
    expect(statements[5]!.sql).toContain('min(due_at)');
  });

  it('stores the event’s data as JSON and its visibility as 0 or 1, with a fresh id', () => {
    const plan = planAction('request_transfer', facts(), { reason: 'not ours' });
    const [a, b] = [effectStatements(db, plan.effects), effectStatements(db, plan.effects)];
    const event = a.find((s) => s.sql.startsWith('insert into "case_events"'))!;
    expect(event.parameters).toEqual(expect.arrayContaining([
      AT, 'request_transfer', 'handler1', 'not ours',
      JSON.stringify({ from: 'received', to: 'transfer_requested', department: 'gz-th-samr', transfers: 1, entered: 'transfer_requested' }), 0,
    ]));
    const idOf = (list: typeof a) => list.find((s) => s.sql.startsWith('insert into "case_events"'))!.parameters[0];
    expect(idOf(a)).not.toEqual(idOf(b));
  });
});
