/** The close's rating link: planned only for a named reporter who gave an e-mail address, read before planning. */
import { describe, expect, it } from 'vitest';
import { caseRow, facts, ofType, planAction as plan } from '../helpers/case-facts.js';

const closing = (over: Parameters<typeof facts>[0]) => plan('close', facts({ row: caseRow({ status: 'mediated', anonymous: 0 }), ...over }), { reply: '已处理' });

describe('planEffects: the rating link on close', () => {
  it('queues one reporter mail in the close\'s plan when the named reporter has e-mail', () => {
    const outbox = ofType(closing({ reporterEmail: true }).effects, 'outbox');
    expect(outbox).toEqual([expect.objectContaining({ template: 'rating_invite', toReporter: true, caseId: 'case-1', params: {} })]);
  });

  it('queues none without e-mail, for an anonymous reporter, or on a second close after re-handling', () => {
    expect(ofType(closing({ reporterEmail: false }).effects, 'outbox')).toEqual([]);
    expect(ofType(closing({}).effects, 'outbox')).toEqual([]);
    expect(ofType(closing({ reporterEmail: true, row: caseRow({ status: 'mediated', anonymous: 1 }) }).effects, 'outbox')).toEqual([]);
    expect(ofType(closing({ reporterEmail: true, row: caseRow({ status: 'mediated', anonymous: 0, rehandle_count: 1 }) }).effects, 'outbox')).toEqual([]);
  });
});
