/** A department writes to the reporter; the reporter reads it on the follow-up page (and by mail if named). */
import { newRowId } from '../lib/ids.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { outboxInsertQuery } from '../notify/outbox.repository.js';
import type { Actor } from '../staff/actor.js';
import { listClocks, refreshNextDueQuery } from './cases.repository.js';
import { getCase } from './case-page.service.js';
import { findVisibleCase } from './visibility.js';
import { actorMay } from './lifecycle.js';

export async function messageReporter(deps: Deps, actor: Actor, caseNumber: string, body: string) {
  const { row, cohandlers } = await findVisibleCase(deps, actor, caseNumber);
  if (!actorMay('department_or_intake', actor, { ...row, cohandlers })) {
    throw new AppError('forbidden', 'Only the lead department or the intake centre writes to the reporter.');
  }
  if (row.status === 'merged') throw new AppError('conflict', `Case ${caseNumber} was merged; write on the case it was merged into.`);
  const now = toShanghaiIso(deps.clock.now());
  const queries = [
    deps.db.insertInto('case_messages').values({ id: newRowId(), case_id: row.id, at: now, sender: 'department', author: actor.username, body }).compile(),
  ];
  // Telling a real-name reporter the open-case decision is what the 5-working-day notice clock waits for.
  for (const clock of await listClocks(deps.db, row.id)) {
    if (clock.clock === 'reporter_notice' && clock.status !== 'stopped') {
      queries.push(deps.db.updateTable('clocks').set({ status: 'stopped', stopped_at: now }).where('id', '=', clock.id).compile());
    }
  }
  if (row.anonymous === 0) {
    queries.push(outboxInsertQuery(deps.db, {
      case_id: row.id, template: 'department_replied', recipient_type: 'reporter', recipient_ref: row.id,
      params: { language: row.language }, at: now,
    }));
  }
  queries.push(refreshNextDueQuery(deps.db, row.id));
  await commitWithAudit(deps, queries, [{ actor: actor.username, action: 'message.department', caseId: row.id }]);
  return getCase(deps, actor, caseNumber, true);
}
