/** The admin operations of /api/v1/admin: accounts, grants, legal holds, directory, routing, the mail queue. */
import {
  changeRoleSchema, changesQuerySchema, createUserSchema, editCategorySchema, editDepartmentSchema, editRuleSchema,
  legalHoldSchema, newRuleSchema, previewQuerySchema, resetPasswordSchema,
} from '../admin/admin.schema.js';
import { caseNumberSchema } from '../cases/cases.schema.js';
import { outboxIdSchema, outboxQuerySchema } from '../notify/outbox.schema.js';
import { usernameSchema } from '../staff/users.schema.js';
import type { Operation } from './operation.js';
import { described, list, obj, str } from './schema.js';

const ADMIN = ['admin'];
const userParam = { username: usernameSchema };
const idParam = { id: str() };
/** A change that needs a second admin answers 202 with the pending grant. */
const accountChange = (what: string): Operation['success'] => ({
  status: 200, description: `${what} (202 with the pending grant when a second admin must approve).`,
  schema: obj({ user: described('The account.'), 'grant?': described('The pending grant.') }),
});

type AdminOp = Omit<Operation, 'tag' | 'auth' | 'roles'>;

const ops: AdminOp[] = [
  { method: 'get', path: '/api/v1/admin/users', summary: 'List accounts', success: { status: 200, description: 'The accounts.', schema: list(described('An account.')) } },
  { method: 'post', path: '/api/v1/admin/users', summary: 'Add an account', body: createUserSchema,
    success: { ...accountChange('The account'), status: 201 }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/admin/users/{username}/disable', summary: 'Disable an account', pathParams: userParam, success: accountChange('The account') },
  { method: 'post', path: '/api/v1/admin/users/{username}/enable', summary: 'Enable an account', pathParams: userParam, success: accountChange('The account') },
  { method: 'post', path: '/api/v1/admin/users/{username}/password', summary: 'Set a new password', pathParams: userParam, body: resetPasswordSchema,
    success: accountChange('The account') },
  { method: 'post', path: '/api/v1/admin/users/{username}/role', summary: 'Change the role or department', pathParams: userParam, body: changeRoleSchema,
    success: accountChange('The account') },
  { method: 'get', path: '/api/v1/admin/grants', summary: 'Pending grants', success: { status: 200, description: 'Changes waiting for a second admin.', schema: list(described('A grant.')) } },
  { method: 'post', path: '/api/v1/admin/grants/{id}/approve', summary: 'Approve a grant', description: 'Not by the admin who asked for it.',
    pathParams: idParam, success: { status: 200, description: 'The grant.', schema: obj({ grant: described('The grant.') }) }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/admin/grants/{id}/deny', summary: 'Deny a grant',
    pathParams: idParam, success: { status: 200, description: 'The grant.', schema: obj({ grant: described('The grant.') }) }, errors: ['conflict'] },
  { method: 'get', path: '/api/v1/admin/holds', summary: 'Cases under legal hold', success: { status: 200, description: 'The holds.', schema: list(described('A hold.')) } },
  { method: 'post', path: '/api/v1/admin/cases/{caseNumber}/hold', summary: 'Set or clear a legal hold', pathParams: { caseNumber: caseNumberSchema },
    body: legalHoldSchema, success: { status: 200, description: 'The hold.', schema: obj({ hold: described('The case\'s hold.') }) } },
  { method: 'get', path: '/api/v1/admin/departments', summary: 'List departments', success: { status: 200, description: 'The departments.', schema: list(described('A department.')) } },
  { method: 'patch', path: '/api/v1/admin/departments/{code}', summary: 'Edit a department', pathParams: { code: str() }, body: editDepartmentSchema,
    success: { status: 200, description: 'The department.', schema: obj({ department: described('The department.') }) } },
  { method: 'get', path: '/api/v1/admin/routing-rules', summary: 'List routing rules', success: { status: 200, description: 'The rules.', schema: list(described('A rule.')) } },
  { method: 'post', path: '/api/v1/admin/routing-rules', summary: 'Add a routing rule', body: newRuleSchema,
    success: { status: 201, description: 'The rule.', schema: obj({ rule: described('The rule.') }) }, errors: ['conflict'] },
  { method: 'patch', path: '/api/v1/admin/routing-rules/{id}', summary: 'Edit a routing rule', pathParams: idParam, body: editRuleSchema,
    success: { status: 200, description: 'The rule.', schema: obj({ rule: described('The rule.') }) }, errors: ['conflict'] },
  { method: 'delete', path: '/api/v1/admin/routing-rules/{id}', summary: 'Deactivate a routing rule', pathParams: idParam,
    success: { status: 200, description: 'The rule, inactive.', schema: obj({ rule: described('The rule.') }) } },
  { method: 'get', path: '/api/v1/admin/categories', summary: 'List categories', success: { status: 200, description: 'The categories.', schema: list(described('A category.')) } },
  { method: 'patch', path: '/api/v1/admin/categories/{code}', summary: 'Edit a category', pathParams: { code: str() }, body: editCategorySchema,
    success: { status: 200, description: 'The category.', schema: obj({ category: described('The category.') }) } },
  { method: 'get', path: '/api/v1/admin/route-preview', summary: 'Where a case would go', query: previewQuerySchema,
    success: { status: 200, description: 'The department, the rule and the reason.', schema: described('The preview.') } },
  { method: 'get', path: '/api/v1/admin/changes', summary: 'The admin change log', query: changesQuerySchema,
    success: { status: 200, description: 'A page of audited admin changes.', schema: described('The changes.') } },
  { method: 'get', path: '/api/v1/admin/outbox', summary: 'The mail queue', description: 'Recipients show as a department code or reporter only.',
    query: outboxQuerySchema, success: { status: 200, description: 'Queued, sent and failed mail with attempts and the last error.', schema: described('The queue.') } },
  { method: 'post', path: '/api/v1/admin/outbox/{id}/retry', summary: 'Retry a failed mail', pathParams: { id: outboxIdSchema },
    success: { status: 200, description: 'Queued again.', schema: obj({ id: str(), status: str('queued') }) }, errors: ['conflict'] },
];

export const adminOperations: Operation[] = ops.map((op) => ({ ...op, tag: 'admin', auth: 'staff', roles: ADMIN }));
