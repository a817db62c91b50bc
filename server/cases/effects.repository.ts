/** Turns an action's planned effects into the statements of its batch. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newRowId } from '../lib/ids.js';
import { staleWriteGuard } from '../lib/write-guard.js';
import { outboxInsertQuery } from '../notify/outbox.repository.js';
import { refreshNextDueQuery, updateCaseQuery } from './cases.repository.js';
import type { Effect } from './effects/types.js';

function statementOf(db: Kysely<Database>, e: Effect): CompiledQuery {
  switch (e.type) {
    case 'start_clock':
      return db.insertInto('clocks').values({
        id: newRowId(), case_id: e.caseId, clock: e.clock, started_at: e.startedAt, due_at: e.dueAt,
        provisional: e.provisional ? 1 : 0, status: 'running',
      }).compile();
    case 'update_clock':
      return db.updateTable('clocks').set(e.set).where('id', '=', e.id).compile();
    case 'insert_assignment':
      return db.insertInto('case_assignments').values({
        id: newRowId(), case_id: e.caseId, department: e.department, dispatched_at: e.dispatchedAt, sign_due_at: e.signDueAt,
      }).compile();
    case 'update_assignment':
      return db.updateTable('case_assignments').set(e.set).where('id', '=', e.id).compile();
    case 'insert_cohandler':
      return db.insertInto('case_cohandlers').values({
        case_id: e.caseId, department: e.department, reason: e.reason, added_at: e.addedAt,
      }).compile();
    case 'message':
      return db.insertInto('case_messages').values({
        id: newRowId(), case_id: e.caseId, at: e.at, sender: 'department', author: e.author, body: e.body,
      }).compile();
    case 'outbox':
      return outboxInsertQuery(db, {
        case_id: e.caseId, template: e.template, recipient_type: e.toReporter ? 'reporter' : 'department',
        recipient_ref: e.toReporter ? e.caseId : e.department, params: e.params, at: e.at,
      });
    case 'event':
      return db.insertInto('case_events').values({
        id: newRowId(), case_id: e.caseId, at: e.at, event: e.event, actor: e.actor, note: e.note,
        data: e.data === null ? null : JSON.stringify(e.data), public: e.public ? 1 : 0,
      }).compile();
    case 'case_update':
      return updateCaseQuery(db, e.caseId, e.set, e.expect);
    case 'refresh_next_due':
      return refreshNextDueQuery(db, e.caseId);
  }
}

/**
 * One statement per effect, in the plan's order; the case row's update is followed by the write guard,
 * so an action that lost a race with another on the same case rolls back whole.
 */
export function effectStatements(db: Kysely<Database>, effects: readonly Effect[]): CompiledQuery[] {
  return effects.flatMap((e) => (e.type === 'case_update' ? [statementOf(db, e), staleWriteGuard(db)] : [statementOf(db, e)]));
}
