/** The HTML pages of the endpoint table and their form posts: public, follow-up, staff, custodian, admin. */
import fc from 'fast-check';
import { formBodies, segment } from './arbitraries.js';
import type { BodySpec } from './requests.js';
import { aim, as, each, junkAuth, pageAuth, SAME_ORIGIN, staffForm, withQuery, type Group, type Target } from './targets.js';
import type { World } from './world.js';

export function publicPages(w: World): Group[] {
  return [{
    name: 'public pages and the intake form post',
    runs: 700,
    requests: fc.oneof(
      aim([{ methods: ['GET', 'HEAD'], path: withQuery(each('/', '/submit', '/static/app.css', '/static/form.js', '/static/x.js', '/static/..%2fpackage.json', '/nothing', '/staff/handover.css'),
        { kind: ['complaint', 'report', 'injury', 'x'] }) }], junkAuth),
      aim([{ methods: ['POST'], path: withQuery('/submit'), body: formBodies({
        kind: ['complaint', 'report', 'injury'], category: ['product.food', 'product.child', 'other'], region: ['440106', '440304', '999999'],
        description: ['购买的月饼已经发霉，商家拒绝退款，要求处理。', "'); DROP TABLE cases;--"], occurredOn: ['2026-11-20', '2026-02-30'],
        claim: ['退款'], severity: ['minor', 'fatal'], reward: ['on'], 'subject.name': ['某某食品有限公司'], 'subject.creditCode': ['91440101MA5CJQ4N59', 'bad'],
        'subject.address': [], 'reporter.anonymous': ['on', ''], 'reporter.name': ['张三'], 'reporter.phone': ['13800138000', '12345'],
        'reporter.idNumber': ['34052419800101001X'], 'reporter.email': ['a@b.c'], 'reporter.address': ['广州市天河区'],
      }) }], fc.oneof({ weight: 6, arbitrary: fc.constant(SAME_ORIGIN) }, { weight: 1, arbitrary: junkAuth }, { weight: 1, arbitrary: fc.constant({ origin: 'https://evil.example' }) })),
    ),
  }, {
    name: 'follow-up pages with and without a session',
    runs: 600,
    requests: fc.oneof(
      aim([{ methods: ['GET'], path: withQuery(each('/followup', '/followup/case'), { ended: ['1'], out: ['1'], sent: ['message', 'rating', 'x'] }) }],
        fc.oneof(fc.constant({ cookie: `intake_followup=${w.followupToken}` }), junkAuth)),
      aim([
        { methods: ['POST'], path: withQuery('/followup'), body: formBodies({ receipt: [w.receipt, '1234 5678 9012 3456', '１２３４５６７８９０１２３４５６', ''] }) },
        { methods: ['POST'], path: withQuery('/followup/case/messages'), body: formBodies({ body: ['请问进度？', ''] }) },
        { methods: ['POST'], path: withQuery('/followup/case/satisfaction'), body: formBodies({ rating: ['1', '5', '6', '0', '3.5'], resolved: ['yes', 'no', 'maybe'], comment: ['满意'] }) },
        { methods: ['POST', 'PUT'], path: withQuery(each('/followup/case', '/followup/nothing')), body: formBodies({ body: [] }) },
      ], fc.oneof(
        { weight: 4, arbitrary: fc.constant({ cookie: `intake_followup=${w.followupToken}`, ...SAME_ORIGIN }) },
        { weight: 2, arbitrary: fc.constant(SAME_ORIGIN) }, { weight: 1, arbitrary: junkAuth },
      )),
    ),
  }];
}

export function staffPages(w: World): Group[] {
  const cases = segment(w.caseNumbers);
  return [{
    name: 'staff login page',
    runs: 300,
    requests: aim([
      { methods: ['GET'], path: withQuery('/staff/login') },
      { methods: ['POST'], path: withQuery('/staff/login'), body: formBodies({ username: [w.handler.username, 'nobody', ''], password: ['x', '', 'wrong-password-123'], totp: ['123456', 'abc'] }) },
      { methods: ['PUT', 'DELETE'], path: withQuery(each('/staff/login', '/staff/logout')) },
    ], fc.oneof({ weight: 4, arbitrary: fc.constant(SAME_ORIGIN) }, { weight: 1, arbitrary: junkAuth })),
  }, {
    name: 'staff workspace pages as handler and intake',
    runs: 700,
    requests: as([w.handler, w.intake, w.supervisor], (s) => aim([
      { methods: ['GET'], path: withQuery('/staff', {
        status: ['received', 'x', ''], kind: ['report', 'x'], category: ['product.food'], overdue: ['1', 'x'], dueSoon: ['1'], triage: ['1'],
        cursor: ['x', ''], done: ['accept', 'x', '<b>'], case: [...w.caseNumbers, 'x'] }) },
      { methods: ['GET'], path: withQuery(cases.map((n) => `/staff/cases/${n}`), { done: ['accept', 'sign', 'x'] }) },
      { methods: ['GET'], path: withQuery(cases.map((n) => `/staff/cases/${n}/handover`)) },
      { methods: ['GET'], path: withQuery('/staff/overview', { from: ['2026-11-01', '2026-02-30', 'x'], to: ['2026-11-30', '2025-01-01'] }) },
      { methods: ['POST'], path: cases.map((n) => `/staff/cases/${n}/actions`), body: staffForm(s, {
        action: ['accept', 'sign', 'close', 'assign', 'merge', 'decide_penalty', 'not_accept', 'pause', 'note', 'x'], reason: ['理由'], reply: ['答复'], note: [],
        ground: ['not_consumer', 'x'], fineFen: ['100', '-1', '1e30', 'x'], fineYuan: ['100', '-1', '1e30', '0.001', 'x'], department: ['samr-440106', 'x'],
        into: [...w.caseNumbers] }) },
      { methods: ['POST'], path: cases.map((n) => `/staff/cases/${n}/messages`), body: staffForm(s, { body: ['请补充购买凭证。', ''] }) },
      { methods: ['POST'], path: cases.map((n) => `/staff/cases/${n}/identity/open`), body: staffForm(s, { reason: ['调解需要联系投诉人', ''] }) },
      { methods: ['POST'], path: cases.map((n) => `/staff/cases/${n}/disclosure-requests`), body: staffForm(s, { legalReason: ['依法调查取证需要核实举报人身份', 'x'] }) },
      { methods: ['POST'], path: segment(w.disclosureIds).map((id) => `/staff/disclosures/${id}/view`), body: staffForm(s, { _x: [] }) },
      { methods: ['POST'], path: each('/staff/logout'), body: fc.constant<BodySpec>({ type: 'urlencoded', fields: [['_csrf', 'wrong']] }) },
    ], pageAuth(s))),
  }, {
    name: 'custodian pages',
    runs: 200,
    requests: as([w.custodian, w.handler], (s) => aim([
      { methods: ['GET'], path: withQuery('/staff/disclosures', { done: ['approved', 'denied', 'x'], case: [...w.caseNumbers, 'x'] }) },
      { methods: ['POST'], path: fc.tuple(segment(w.disclosureIds), each('approve', 'deny')).map(([id, d]) => `/staff/disclosures/${id}/${d}`),
        body: staffForm(s, { note: ['理由充分，同意披露', '不足', ''] }) },
    ], pageAuth(s))),
  }, {
    // The auditor is the login fuzz's spare account: signed out at times, then these are redirects.
    name: 'auditor pages',
    runs: 200,
    requests: as([w.spare, w.handler], (s) => aim([
      { methods: ['GET'], path: withQuery('/staff/audit', {
        action: ['case.submitted', 'x y', '<b>', ''], actor: ['system', "'; DROP TABLE audit_log;--"], case: [...w.caseNumbers, 'x'],
        from: ['2026-11-01', '2026-02-30', 'x'], to: ['2026-11-30', '2025-01-01'], before: ['2026-11-26T10:00:00.000+08:00~5', 'x~1', '~'],
        verify: ['started'] }) },
      { methods: ['POST'], path: withQuery('/staff/audit/verify'), body: staffForm(s, { _x: [] }) },
    ], pageAuth(s))),
  }, {
    name: 'admin pages and their forms',
    runs: 600,
    requests: fc.oneof(
      { weight: 5, arbitrary: aim(adminPageTargets(w), pageAuth(w.admin)) },
      { weight: 1, arbitrary: aim(adminPageTargets(w), pageAuth(w.handler)) },
    ),
  }];
}

function adminPageTargets(w: World): Target[] {
  const user = segment(w.victims);
  const form = (fields: Record<string, readonly string[]>) => staffForm(w.admin, fields);
  return [
    { methods: ['GET'], path: withQuery(fc.oneof(
      each('/staff/admin', '/staff/admin/users', '/staff/admin/departments', '/staff/admin/routing', '/staff/admin/changes', '/staff/admin/preview', '/staff/admin/outbox'),
      segment([...w.victims, w.admin.username]).map((u) => `/staff/admin/users/${u}`),
      segment(['samr-440106', 'intake-440000']).map((d) => `/staff/admin/departments/${d}`),
      segment(['1', '2']).map((id) => `/staff/admin/routing/rules/${id}`),
      segment(['product.food', 'other']).map((c) => `/staff/admin/routing/categories/${c}`),
    ), { category: ['product.food', 'x'], region: ['440106', 'x'], kind: ['report'], severity: ['fatal'], limit: ['1', 'x'], before: ['1', 'x'],
      agency: ['samr', 'x'], status: ['failed', 'x'], done: ['created', 'x'] }) },
    { methods: ['POST'], path: each('/staff/admin/users'), body: form({ username: ['new.page.user', 'X'], displayName: [], role: ['handler', 'admin', 'custodian', 'x'],
      department: ['samr-440106', 'x', ''], password: ['a long enough passphrase', 'short'] }) },
    { methods: ['POST'], path: fc.tuple(user, each('disable', 'enable', 'password', 'role')).map(([u, a]) => `/staff/admin/users/${u}/${a}`),
      body: form({ password: ['a long enough passphrase', 'short'], role: ['handler', 'reward_approver', 'x'], department: ['samr-440106', ''] }) },
    { methods: ['POST'], path: segment(['samr-440106', 'intake-440000']).map((d) => `/staff/admin/departments/${d}`),
      body: form({ nameZh: ['名称'], nameEn: ['Name'], email: ['a@b.c', 'x', ''], active: ['on'], jurisdiction: ['440106', '440106, 440104', '440106\n440104', 'x'] }) },
    { methods: ['POST'], path: each('/staff/admin/routing/rules'), body: form({ category: ['product.food', 'x'], kind: ['report', ''], agency: ['samr', 'x'], priority: ['1', 'x', '1e9', ''], note: [] }) },
    { methods: ['POST'], path: fc.tuple(segment(['1', '2']), each('', '/deactivate')).map(([id, a]) => `/staff/admin/routing/rules/${id}${a}`),
      body: form({ category: ['product.food'], kind: ['report', ''], agency: ['samr'], priority: ['1', 'x'], note: [], active: ['on', ''] }) },
    { methods: ['POST'], path: segment(['product.food', 'other']).map((c) => `/staff/admin/routing/categories/${c}`),
      body: form({ nameZh: ['名称'], nameEn: ['Name'], agency: ['samr', 'x', ''], kinds: ['complaint', 'report', 'x'] }) },
    { methods: ['POST'], path: segment(['1', 'x']).map((id) => `/staff/admin/outbox/${id}/retry`), body: form({ _x: [] }) },
  ];
}
