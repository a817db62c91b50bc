/** The public operations of /api/v1: reference data, filing, the reporter's follow-up, the service itself. */
import { ATTACHMENT_MIMES } from '../../domain/vocabulary.js';
import { MAX_ATTACHMENTS } from '../attachments/limits.js';
import { loginSchema, messageSchema, rewardClaimSchema, satisfactionSchema } from '../followup/followup.schema.js';
import { submissionSchema } from '../intake/intake.schema.js';
import { KEY_RULE } from '../intake/submission-keys.js';
import * as answers from './answers.js';
import type { Operation } from './operation.js';
import { arr, jsonSchemaOf, obj, str } from './schema.js';

const files = arr(
  { type: 'string', contentMediaType: 'application/octet-stream' },
  `up to ${MAX_ATTACHMENTS} files: ${ATTACHMENT_MIMES.join(', ')} (typed from their bytes; metadata is removed)`,
);

const reference: Operation[] = [
  { method: 'get', path: '/api/v1/categories', tag: 'reference', auth: 'none', summary: 'List the categories',
    description: 'Each category with its domain, its names and the kinds of case it takes.',
    success: { status: 200, description: 'The categories.', schema: answers.categories } },
  { method: 'get', path: '/api/v1/regions', tag: 'reference', auth: 'none', summary: 'List the regions',
    success: { status: 200, description: 'The regions (GB/T 2260) with their parents.', schema: answers.regions } },
  { method: 'get', path: '/api/v1/departments', tag: 'reference', auth: 'none', summary: 'List the departments',
    success: { status: 200, description: 'The departments; codes are <agency>-<region code>.', schema: answers.departments } },
];

const intake: Operation[] = [
  { method: 'post', path: '/api/v1/cases', tag: 'intake', auth: 'none', summary: 'File a case',
    description: 'A complaint, report or injury report, as JSON, or as multipart/form-data with the same JSON in the part '
      + '"case" and the files as parts "attachments". The receipt is in this answer only. Beyond the fields\' own rules: a complaint '
      + 'needs a named reporter with phone and address, and only a complaint has a claim; an injury needs a severity, and only an '
      + 'injury has one; only a report may ask for a reward or give the reporter\'s relation. The category must take the kind. '
      + 'A malformed credit code is a 400; a wrong check character is accepted and flagged. '
      + 'An injury may be filed by the responsible enterprise (reporter.enterprise: its name and credit code, with a contact '
      + 'person as the reporter, sealed like any reporter; the enterprise is then the subject unless one is given) with its '
      + 'accident figures; any injury may carry accident figures, which set the severity (one death: fatal; three seriously '
      + 'injured or a direct loss of 1,000,000 yuan: serious) and never lower a severity given.',
    query: obj({ 'lang?': str('the language of the reporter\'s mail', { enum: ['zh', 'zh-Hant', 'en'], default: 'zh' }) }),
    headers: [{ name: 'Idempotency-Key', description: `a repeated post with the same key gets the first answer (header Idempotent-Replayed: true), not a second case; ${KEY_RULE}`,
      schema: str(undefined, { minLength: 16, maxLength: 200 }) }],
    body: submissionSchema,
    multipart: { schema: obj({ case: jsonSchemaOf(submissionSchema), 'attachments?': files }), jsonParts: ['case'], required: true },
    success: { status: 201, description: 'Filed.', schema: answers.submitted },
    errors: ['conflict', 'payload_too_large', 'unsupported_media_type', 'rate_limited'] },
];

const followup: Operation[] = [
  { method: 'post', path: '/api/v1/followup/login', tag: 'followup', auth: 'none', summary: 'Sign in with the receipt',
    description: 'Spaces in the receipt are ignored. A wrong receipt is a 401 after a constant delay; repeated failures a 429.',
    body: loginSchema, success: { status: 200, description: 'The follow-up token.', schema: answers.followupToken },
    errors: ['unauthenticated', 'rate_limited'] },
  { method: 'get', path: '/api/v1/followup', tag: 'followup', auth: 'followup', summary: 'Read the case',
    description: 'The coarse public status, the due dates, the public timeline, messages both ways and the reward, if any.',
    success: { status: 200, description: 'The case as its reporter sees it.', schema: answers.followupView } },
  { method: 'post', path: '/api/v1/followup/logout', tag: 'followup', auth: 'followup', summary: 'Sign out',
    success: { status: 204, description: 'The token stops working.' } },
  { method: 'post', path: '/api/v1/followup/messages', tag: 'followup', auth: 'followup', summary: 'Write to the department',
    body: messageSchema, success: { status: 201, description: 'The message was sent.', schema: answers.sent }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/followup/attachments', tag: 'followup', auth: 'followup', summary: 'Add evidence',
    description: 'Files added after filing, checked like those sent with the case.',
    multipart: { schema: obj({ attachments: files }), required: true },
    success: { status: 201, description: 'The files stored.', schema: answers.evidence },
    errors: ['conflict', 'payload_too_large', 'unsupported_media_type', 'rate_limited'] },
  { method: 'post', path: '/api/v1/followup/satisfaction', tag: 'followup', auth: 'followup', summary: 'Rate the handling',
    description: 'Only once the case is closed; a second rating is a 409.',
    body: satisfactionSchema, success: { status: 201, description: 'Recorded.', schema: answers.created }, errors: ['conflict'] },
  { method: 'post', path: '/api/v1/followup/reward-claim', tag: 'followup', auth: 'followup', summary: 'Claim the reward',
    description: 'Only while the reward is notified and before claimBy (else 409). The payee details are sealed like an identity.',
    body: rewardClaimSchema, success: { status: 201, description: 'Claimed.', schema: answers.created }, errors: ['conflict'] },
];

const meta: Operation[] = [
  { method: 'get', path: '/api/v1/health', tag: 'meta', auth: 'none', summary: 'Health check',
    success: { status: 200, description: 'The service answers.', schema: answers.health } },
  { method: 'get', path: '/api/v1/openapi.json', tag: 'meta', auth: 'none', summary: 'This description',
    description: 'OpenAPI 3.1, generated from the schemas the routes validate with. Readable at /api/docs.',
    success: { status: 200, description: 'The OpenAPI document.', schema: answers.openapi } },
];

export const publicOperations: Operation[] = [...reference, ...intake, ...followup, ...meta];
