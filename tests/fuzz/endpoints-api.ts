/** The JSON API of the endpoint table: public, follow-up, staff and admin. */
import fc from 'fast-check';
import { complaint, injury, report } from '../helpers/bodies.js';
import { anyText, jsonBodies, segment } from './arbitraries.js';
import { aim, apiAuth, as, each, junkAuth, withQuery, type Group, type Target } from './targets.js';
import type { World } from './world.js';

const actionBodies = (w: World) => [
  { action: 'accept' }, { action: 'sign' }, { action: 'not_accept', ground: 'not_consumer', reason: '不属于消费纠纷' },
  { action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 500_000 },
  { action: 'close', reply: '已处理完毕，回复举报人。' }, { action: 'pause', reason: '检验鉴定' }, { action: 'resume' },
  { action: 'request_transfer', reason: '不属于本部门职责' }, { action: 'assign', department: 'samr-440106' },
  { action: 'add_cohandler', department: 'housing-440300' }, { action: 'urge' }, { action: 'merge', into: w.caseNumbers[1] },
  { action: 'rehandle', reason: '举报人不满意' }, { action: 'note', note: '已电话联系商家。' }, { action: 'extend', reason: '案情复杂' },
  { action: 'triage' }, { action: 'start_mediation' }, { action: 'mediated', reason: '双方达成和解' },
];

export function publicApi(w: World): Group[] {
  const submissions = [complaint(), report(), injury(),
    report({ reporter: { anonymous: false, name: '李四', phone: '13800138000', idNumber: '34052419800101001X', email: 'li@example.com' } })];
  return [{
    name: 'public reference data and unknown API paths',
    runs: 300,
    requests: aim([
      { methods: ['GET', 'HEAD'], path: withQuery(each('/api/v1/categories', '/api/v1/regions', '/api/v1/departments', '/api/v1/health')) },
      { methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'], path: withQuery(fc.oneof(
        each('/api/v1', '/api/v1/', '/api/v2/cases', '/api/v1/cases', '/api/v1/openapi.json'),
        anyText.map((s) => `/api/v1/${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))}`),
      )), body: jsonBodies([{}]) },
    ], junkAuth),
  }, {
    name: 'POST /api/v1/cases',
    runs: 1000,
    requests: aim([{ methods: ['POST'], path: withQuery('/api/v1/cases'), body: jsonBodies(submissions) }], junkAuth),
  }, {
    name: 'follow-up API without a token',
    runs: 400,
    requests: aim([
      { methods: ['POST'], path: withQuery('/api/v1/followup/login'),
        body: jsonBodies([{ receipt: w.receipt }, { receipt: '1234567890123456' }, { receipt: '1234 5678 9012 3456' }, { receipt: '１２３４５６７８９０１２３４５６' }]) },
      { methods: ['GET', 'POST'], path: withQuery(each('/api/v1/followup', '/api/v1/followup/messages', '/api/v1/followup/satisfaction', '/api/v1/followup/reward-claim', '/api/v1/followup/logout')),
        body: jsonBodies([{ body: '请问处理进度如何？' }, { rating: 5, resolved: true, comment: '满意' }]) },
    ], junkAuth),
  }, {
    name: 'follow-up API with a token',
    runs: 500,
    requests: aim([
      { methods: ['GET'], path: withQuery('/api/v1/followup') },
      { methods: ['POST'], path: withQuery('/api/v1/followup/messages'), body: jsonBodies([{ body: '请问处理进度如何？' }]) },
      { methods: ['POST'], path: withQuery('/api/v1/followup/satisfaction'), body: jsonBodies([{ rating: 5, resolved: true, comment: '满意' }, { rating: 1, resolved: false }]) },
      { methods: ['POST'], path: withQuery('/api/v1/followup/reward-claim'), body: jsonBodies([{}]) },
    ], fc.oneof({ weight: 5, arbitrary: fc.constant({ authorization: `Bearer ${w.followupToken}` }) }, { weight: 1, arbitrary: junkAuth })),
  }];
}

export function staffApi(w: World): Group[] {
  const cases = segment(w.caseNumbers);
  const casePath = (what: string) => withQuery(cases.map((n) => `/api/v1/staff/cases/${n}/${what}`));
  return [{
    name: 'staff login, logout and me',
    runs: 400,
    requests: aim([
      { methods: ['POST'], path: withQuery('/api/v1/staff/login'), body: jsonBodies([
        { username: w.handler.username, password: 'wrong-password-123' }, { username: 'nobody', password: 'x', totp: '123456' },
        { username: w.custodian.username, password: 'pw', totp: '000000' }, { username: w.spare.username, password: w.spare.password }]) },
      { methods: ['GET', 'POST'], path: withQuery(each('/api/v1/staff/logout', '/api/v1/staff/me')), body: jsonBodies([{}]) },
    ], fc.oneof({ weight: 2, arbitrary: junkAuth }, { weight: 1, arbitrary: apiAuth(w.spare) })),
  }, {
    name: 'staff queue and case pages (API) as handler and intake',
    runs: 500,
    requests: as([w.handler, w.intake, w.supervisor], (s) => aim([
      { methods: ['GET'], path: withQuery('/api/v1/staff/cases', {
        status: ['received', 'accepted', 'closed', 'transfer_requested'], kind: ['complaint', 'report', 'injury', 'x'],
        category: ['product.food', 'other'], overdue: ['1', 'true', 'yes'], dueSoon: ['0', '1'], triage: ['1'],
        cursor: ['', 'eyJ4IjoxfQ', 'not-a-cursor', 'MjAyNi0xMS0yNg'], limit: ['1', '0', '200', '201', '-5', 'x', '1.5'],
      }) },
      { methods: ['GET'], path: withQuery(cases.map((n) => `/api/v1/staff/cases/${n}`)) },
      { methods: ['GET'], path: withQuery(fc.tuple(cases, segment(w.attachmentIds)).map(([n, id]) => `/api/v1/staff/cases/${n}/attachments/${id}`)) },
      { methods: ['GET'], path: withQuery('/api/v1/staff/overview', {
        from: ['2026-11-01', '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31'], to: ['2026-11-30', '2025-01-01', '2026-11-26'] }) },
    ], apiAuth(s))),
  }, {
    name: 'staff case actions and messages (API) as handler and intake',
    runs: 700,
    requests: as([w.handler, w.intake, w.supervisor], (s) => aim([
      { methods: ['POST'], path: casePath('actions'), body: jsonBodies(actionBodies(w)) },
      { methods: ['POST'], path: casePath('messages'), body: jsonBodies([{ body: '请补充购买凭证。' }]) },
      { methods: ['POST'], path: casePath('identity/open'), body: jsonBodies([{ reason: '调解需要联系投诉人' }]) },
      { methods: ['POST'], path: casePath('disclosure-requests'), body: jsonBodies([{ legalReason: '依法调查取证需要核实举报人身份' }]) },
    ], apiAuth(s))),
  }, {
    name: 'disclosure requests (API) as custodian and handler',
    runs: 240,
    requests: as([w.custodian, w.handler], (s) => aim([
      { methods: ['GET'], path: withQuery('/api/v1/staff/disclosure-requests') },
      { methods: ['POST'], path: withQuery(fc.tuple(segment(w.disclosureIds), each('approve', 'deny', 'view')).map(([id, d]) => `/api/v1/staff/disclosure-requests/${id}/${d}`)),
        body: jsonBodies([{ note: '理由充分，同意' }, { note: '' }, {}]) },
    ], apiAuth(s))),
  }, {
    name: 'admin API as admin',
    runs: 700,
    requests: fc.oneof(
      { weight: 5, arbitrary: aim(adminApiTargets(w), apiAuth(w.admin)) },
      { weight: 1, arbitrary: aim(adminApiTargets(w), apiAuth(w.handler)) },
    ),
  }];
}

function adminApiTargets(w: World): Target[] {
  const user = segment(w.victims);
  return [
    { methods: ['GET'], path: withQuery(each('/api/v1/admin/users', '/api/v1/admin/departments', '/api/v1/admin/routing-rules', '/api/v1/admin/categories')) },
    { methods: ['GET'], path: withQuery('/api/v1/admin/route-preview', { category: ['product.food', 'other'], region: ['440106', '999999', 'x'], kind: ['report', 'x'], severity: ['fatal', 'x'] }) },
    { methods: ['GET'], path: withQuery('/api/v1/admin/changes', { limit: ['1', '0', '500', 'x'], before: ['1', '0', '-1', '1e20', 'x'] }) },
    { methods: ['GET'], path: withQuery('/api/v1/admin/outbox', { status: ['queued', 'sent', 'failed', 'x'], limit: ['1', '0', 'x'], cursor: ['x'] }) },
    { methods: ['POST'], path: withQuery('/api/v1/admin/users'), body: jsonBodies([
      { username: 'new.user', role: 'handler', department: 'samr-440106', password: 'a long enough passphrase' },
      { username: 'new.custodian', role: 'custodian', password: 'a long enough passphrase', displayName: '保管员' }]) },
    { methods: ['POST'], path: user.map((u) => `/api/v1/admin/users/${u}/password`), body: jsonBodies([{ password: 'another long passphrase' }]) },
    { methods: ['POST'], path: user.map((u) => `/api/v1/admin/users/${u}/role`), body: jsonBodies([{ role: 'supervisor', department: 'samr-440106' }, { role: 'reward_approver', department: null }]) },
    { methods: ['POST'], path: fc.tuple(user, each('disable', 'enable')).map(([u, a]) => `/api/v1/admin/users/${u}/${a}`) },
    { methods: ['PATCH'], path: segment(['samr-440106', 'housing-440300', 'intake-440000']).map((d) => `/api/v1/admin/departments/${d}`),
      body: jsonBodies([{ nameZh: '天河区市场监管局', email: 'x@example.com', active: true, jurisdiction: ['440106'] }, { email: '' }, { email: null }]) },
    { methods: ['POST'], path: withQuery('/api/v1/admin/routing-rules'), body: jsonBodies([{ category: 'product.food', kind: 'report', agency: 'samr', priority: 5, note: 'fuzz' }]) },
    { methods: ['PATCH', 'DELETE'], path: segment(['1', '2', '3']).map((id) => `/api/v1/admin/routing-rules/${id}`), body: jsonBodies([{ priority: 1, active: false }, { kind: null, note: null }]) },
    { methods: ['PATCH'], path: segment(['product.food', 'other', 'service.telecom']).map((c) => `/api/v1/admin/categories/${c}`),
      body: jsonBodies([{ nameZh: '食品', kinds: ['complaint', 'report'], agency: null }, { nameEn: 'Food' }]) },
    { methods: ['POST'], path: segment(['1', 'abc']).map((id) => `/api/v1/admin/outbox/${id}/retry`) },
    { methods: ['PUT', 'DELETE', 'OPTIONS'], path: withQuery(each('/api/v1/admin/users', '/api/v1/admin/departments')), body: jsonBodies([{}]) },
  ];
}
