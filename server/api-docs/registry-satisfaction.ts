/** Satisfaction after closing: the mailed rating link (its token is the credential) and the rehandle suggestions. */
import { ratingSchema } from '../satisfaction/satisfaction.schema.js';
import type { Operation } from './operation.js';
import { described, obj, str, time } from './schema.js';

const tokenParam = { token: str('the single-use token of the mailed link') };

export const satisfactionOperations: Operation[] = [
  { method: 'get', path: '/api/v1/rate/{token}', tag: 'followup', auth: 'none', summary: 'Read a rating link',
    description: 'No sign-in: the mailed link\'s single-use token is the credential.', pathParams: tokenParam,
    success: { status: 200, description: 'The case and whether it can still be rated.', schema: obj({ caseNumber: str(), state: str() }) } },
  { method: 'post', path: '/api/v1/rate/{token}', tag: 'followup', auth: 'none', summary: 'Rate through the mailed link',
    description: 'The same rating as POST /api/v1/followup/satisfaction; the link works once.', pathParams: tokenParam, body: ratingSchema,
    success: { status: 201, description: 'Recorded.', schema: obj({ caseNumber: str(), at: time() }) }, errors: ['conflict'] },
  { method: 'get', path: '/api/v1/staff/rehandle-suggestions', tag: 'cases', auth: 'staff', roles: ['intake'],
    summary: 'Cases to consider handling again', description: 'Closed cases whose reporter was not satisfied (intake centre only).',
    success: { status: 200, description: 'The suggestions.', schema: described('The suggestions.') } },
];
