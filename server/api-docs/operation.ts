/** What the API description says about one /api/v1 operation (docs/architecture.md). */
import type { ZodType } from 'zod';
import type { ErrorCode } from '../errors.js';
import type { JsonSchema } from './schema.js';

/** none: public; staff: a staff token (bearer) or the session cookie; followup: the receipt's token. */
export type Auth = 'none' | 'staff' | 'followup';

export const TAGS = {
  reference: 'Reference data: public and cacheable.',
  intake: 'Filing a complaint, report or injury report.',
  followup: 'The reporter\'s follow-up, signed in with the receipt.',
  'staff-auth': 'Staff sign-in and sign-out.',
  cases: 'The department\'s queue, the case, its actions and messages.',
  identity: 'Access to a reporter\'s identity: each access names its reason and is audited.',
  rewards: 'Rewards for reports: assessment, proposal, approval, payout.',
  admin: 'Administration: accounts, grants, legal holds, directory, routing, mail queue.',
  meta: 'The service itself: health and this description.',
} as const;
export type Tag = keyof typeof TAGS;

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI style: `/api/v1/staff/cases/{caseNumber}`. */
  path: string;
  summary: string;
  description?: string;
  tag: Tag;
  auth: Auth;
  /** Staff roles allowed, when not every role is. */
  roles?: readonly string[];
  /** The schema each path parameter is checked with; a malformed value is a 404. */
  pathParams?: Record<string, ZodType | JsonSchema>;
  /** The query, as the route parses it: one parameter per property. */
  query?: ZodType | JsonSchema;
  headers?: { name: string; description: string; schema: JsonSchema }[];
  /** A JSON body as the route parses it. */
  body?: ZodType;
  /** A multipart/form-data body: its parts, and which parts hold JSON. */
  multipart?: { schema: JsonSchema; jsonParts?: string[]; required: boolean };
  success: { status: number; description: string; schema?: ZodType | JsonSchema; contentType?: string; headers?: string[] };
  /** Refusals beyond those that follow from the rest (400 for input, 401/403 for auth, 404 for a path). */
  errors?: ErrorCode[];
}
