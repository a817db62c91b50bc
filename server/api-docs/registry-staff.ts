/** The staff operations of /api/v1/staff: sign-in, the queue and the case, identity access, rewards. */
import { actionBodySchema, caseNumberSchema, messageBodySchema, queueQuerySchema } from '../cases/cases.schema.js';
import { decisionSchema, disclosureRequestSchema, openContactSchema, requestIdSchema } from '../identity/identity.schema.js';
import { payeeRequestSchema, rewardActionSchema, rewardQueueSchema } from '../rewards/rewards.schema.js';
import { loginSchema } from '../staff/auth.schema.js';
import * as answers from './answers.js';
import type { Operation } from './operation.js';
import { described, obj, str } from './schema.js';

const caseParam = { caseNumber: caseNumberSchema };
const requestParam = { id: requestIdSchema };
const IDENTITY = ['handler', 'supervisor'];

const auth: Operation[] = [
  { method: 'post', path: '/api/v1/staff/login', tag: 'staff-auth', auth: 'none', summary: 'Sign in',
    description: 'Roles that need a one-time code send it as totp. Also sets the session cookie for the web pages.',
    body: loginSchema, success: { status: 200, description: 'The staff token.', schema: answers.staffLogin },
    errors: ['unauthenticated', 'rate_limited'] },
  { method: 'post', path: '/api/v1/staff/logout', tag: 'staff-auth', auth: 'staff', summary: 'Sign out',
    success: { status: 204, description: 'The session is ended.' } },
  { method: 'get', path: '/api/v1/staff/me', tag: 'staff-auth', auth: 'staff', summary: 'Who is signed in',
    success: { status: 200, description: 'The account, and the CSRF token when signed in by cookie.', schema: answers.staffMe } },
];

const cases: Operation[] = [
  { method: 'get', path: '/api/v1/staff/cases', tag: 'cases', auth: 'staff', summary: 'The queue',
    description: 'Only the caller\'s department (lead or co-handler); the intake centre sees all. Sorted by next due date, paged by cursor.',
    query: queueQuerySchema, success: { status: 200, description: 'A page of cases.', schema: answers.queue } },
  { method: 'get', path: '/api/v1/staff/cases/{caseNumber}', tag: 'cases', auth: 'staff', summary: 'Read a case',
    description: 'A case of another department is a 404, never a 403.', pathParams: caseParam,
    success: { status: 200, description: 'The case, redacted.', schema: answers.caseView } },
  { method: 'post', path: '/api/v1/staff/cases/{caseNumber}/actions', tag: 'cases', auth: 'staff', summary: 'Take an action',
    description: 'accept, not_accept, start_mediation, mediated, mediation_failed, start_verification, open_case, not_open, extend, '
      + 'decide_penalty (fineFen), close, sign, pause / resume (reason), request_transfer, assign (department), add_cohandler '
      + '(department), urge, merge (into), rehandle, refer_prosecution. An action not allowed now is a 409.',
    pathParams: caseParam, body: actionBodySchema,
    success: { status: 200, description: 'The updated case.', schema: answers.caseView }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/staff/cases/{caseNumber}/messages', tag: 'cases', auth: 'staff', summary: 'Write to the reporter',
    pathParams: caseParam, body: messageBodySchema,
    success: { status: 201, description: 'The case with the message.', schema: answers.caseView }, errors: ['conflict'] },
  { method: 'get', path: '/api/v1/staff/cases/{caseNumber}/attachments/{id}', tag: 'cases', auth: 'staff', summary: 'Download an attachment',
    pathParams: { ...caseParam, id: str(undefined, { pattern: '^[A-Za-z0-9_-]{10,64}$' }) },
    success: { status: 200, description: 'The file, as a download.', schema: answers.download, contentType: 'application/octet-stream' } },
  { method: 'get', path: '/api/v1/staff/overview', tag: 'cases', auth: 'staff', roles: ['intake', 'supervisor'], summary: 'Deadlines and KPIs per department',
    query: obj({
      'from?': str('YYYY-MM-DD or YYYY-MM; the KPIs count from the first of its month; default: this month', { pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' }),
      'to?': str('YYYY-MM-DD or YYYY-MM; the KPIs count to the end of its month; default: today', { pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' }),
    }),
    success: {
      status: 200, description: 'Per department: clocks due and overdue now, hotline KPIs for the whole months of the period (`months`).',
      schema: described('The overview.'),
    } },
];

const identity: Operation[] = [
  { method: 'post', path: '/api/v1/staff/cases/{caseNumber}/identity/open', tag: 'identity', auth: 'staff', roles: IDENTITY,
    summary: 'Open a complainant\'s contact', pathParams: caseParam, body: openContactSchema,
    success: { status: 200, description: 'The contact details; the opening is audited.', schema: described('The contact.') } },
  { method: 'post', path: '/api/v1/staff/cases/{caseNumber}/disclosure-requests', tag: 'identity', auth: 'staff', roles: IDENTITY,
    summary: 'Ask for a sealed identity', pathParams: caseParam, body: disclosureRequestSchema,
    success: { status: 201, description: 'The request, for a custodian to decide.', schema: described('The disclosure request.') },
    errors: ['conflict'] },
  { method: 'get', path: '/api/v1/staff/disclosure-requests', tag: 'identity', auth: 'staff', roles: ['custodian'],
    summary: 'Pending disclosure requests', success: { status: 200, description: 'The requests waiting.', schema: described('The requests.') } },
  { method: 'post', path: '/api/v1/staff/disclosure-requests/{id}/approve', tag: 'identity', auth: 'staff', roles: ['custodian'],
    summary: 'Approve a disclosure', pathParams: requestParam, body: decisionSchema,
    success: { status: 200, description: 'The request.', schema: described('The disclosure request.') }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/staff/disclosure-requests/{id}/deny', tag: 'identity', auth: 'staff', roles: ['custodian'],
    summary: 'Deny a disclosure', pathParams: requestParam, body: decisionSchema,
    success: { status: 200, description: 'The request.', schema: described('The disclosure request.') }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/staff/disclosure-requests/{id}/view', tag: 'identity', auth: 'staff', roles: IDENTITY,
    summary: 'View a disclosed identity, once', pathParams: requestParam,
    success: { status: 200, description: 'The identity; a second view is a 409.', schema: described('The identity.') }, errors: ['conflict'] },
];

const rewards: Operation[] = [
  { method: 'get', path: '/api/v1/staff/rewards', tag: 'rewards', auth: 'staff', roles: ['reward_officer', 'reward_approver'],
    summary: 'The reward queue', query: rewardQueueSchema,
    success: { status: 200, description: 'A page of rewards, province-wide.', schema: answers.rewardQueue } },
  { method: 'get', path: '/api/v1/staff/rewards/rules', tag: 'rewards', auth: 'staff', roles: ['admin', 'reward_officer', 'reward_approver'],
    summary: 'The reward rules in force', success: { status: 200, description: 'Levels, rates and caps.', schema: described('The rules.') } },
  { method: 'post', path: '/api/v1/staff/cases/{caseNumber}/reward', tag: 'rewards', auth: 'staff', roles: ['reward_officer', 'reward_approver'],
    summary: 'Act on a reward',
    description: 'assess (officer), propose (officer; the amount is computed), approve / reject (an approver who is not the proposer; '
      + '500,000 CNY or more needs financeSignOff), record_payment (officer, once claimed). An action not allowed now is a 409.',
    pathParams: caseParam, body: rewardActionSchema,
    success: { status: 200, description: 'The reward.', schema: answers.rewardState }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/staff/cases/{caseNumber}/reward/payee-requests', tag: 'rewards', auth: 'staff', roles: ['reward_officer'],
    summary: 'Ask for the payee details', description: 'At payout of an anonymous reporter\'s reward: a custodian decides.',
    pathParams: caseParam, body: payeeRequestSchema,
    success: { status: 201, description: 'The request.', schema: described('The payee request.') }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/staff/cases/{caseNumber}/reward/payee', tag: 'rewards', auth: 'staff', roles: ['reward_officer'],
    summary: 'View the payee details', pathParams: caseParam,
    success: { status: 200, description: 'Where the reward is paid; the view is audited.', schema: described('The payee.') }, errors: ['conflict'] },
];

export const staffOperations: Operation[] = [...auth, ...cases, ...identity, ...rewards];
