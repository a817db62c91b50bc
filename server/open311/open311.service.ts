/**
 * Open311 GeoReport v2 over the directory and the intake. A POST is filed by the intake's own
 * submitCase (the same routing, clocks, sealing, redaction and atomic batch as POST /api/v1/cases),
 * with the request's token and coordinates in the same batch. GET answers never carry reporter data.
 */
import { nanoid } from 'nanoid';
import { CASE_STATUSES } from '../../domain/vocabulary.js';
import { authenticateApiKey } from '../api-keys/api-keys.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { directorySnapshot, type DirectorySnapshot } from '../directory/snapshot.js';
import { AppError, zodIssues } from '../errors.js';
import { submitCase, validateSubmission } from '../intake/intake.service.js';
import type { FormBody } from '../lib/body.js';
import { formFields, postRequestSchema, type ListQuery } from './open311.schema.js';
import { findNumberByToken, findRequests, insertOpen311RowQuery } from './open311.repository.js';
import { requestOf, statusesFor, type Open311Request } from './request-map.js';
import { definitionOf, servicesOf, type Open311Service, type ServiceDefinition } from './services.js';
import { open311Issues, submissionInput, unknownAttributes } from './submission-map.js';
import type { Open311Lang } from './texts.js';

/** The spec's cap on one answer of GET requests, and its longest date span. */
export const MAX_REQUESTS = 1000;
const MAX_SPAN_MS = 90 * 24 * 3_600_000;

const invalid = (issues: { path: string; message: string }[]) => new AppError('validation_failed', 'The request is not valid.', issues);

/** Every category serves every jurisdiction; a jurisdiction_id, when given, must still be known. */
export async function listServices(deps: Deps, jurisdiction: string | undefined, lang: Open311Lang): Promise<Open311Service[]> {
  return servicesOf((await checkJurisdiction(deps, jurisdiction)).categories.values(), lang);
}

export async function serviceDefinition(deps: Deps, code: string, jurisdiction: string | undefined, lang: Open311Lang): Promise<ServiceDefinition> {
  const category = (await checkJurisdiction(deps, jurisdiction)).categories.get(code);
  if (!category) throw new AppError('not_found', `No service ${code}.`);
  return definitionOf(category, lang);
}

/** A jurisdiction is a region of the directory; an unknown one is a 404 (the spec's "not found"). */
export async function checkJurisdiction(deps: Deps, code: string | undefined): Promise<DirectorySnapshot> {
  const dir = await directorySnapshot(deps.db);
  if (code !== undefined && code !== '' && !dir.regionParent.has(code)) throw new AppError('not_found', `No jurisdiction ${code}.`);
  return dir;
}

export interface Filed { service_request_id: string; token: string; service_notice?: string }

/** POST requests: the key first (403/429), then the jurisdiction and service (404), then the fields (400). */
export async function fileRequest(deps: Deps, body: FormBody, lang: Open311Lang): Promise<Filed> {
  const apiKey = body['api_key'];
  const client = await authenticateApiKey(deps, typeof apiKey === 'string' ? apiKey : undefined);
  const fields = formFields(body);
  const parsed = postRequestSchema.safeParse(fields);
  const raw = fields as { jurisdiction_id?: unknown; service_code?: unknown };
  const dir = await checkJurisdiction(deps, typeof raw.jurisdiction_id === 'string' && /^\d{6}$/.test(raw.jurisdiction_id.trim()) ? raw.jurisdiction_id.trim() : undefined);
  const code = typeof raw.service_code === 'string' ? raw.service_code.trim() : '';
  const category = dir.categories.get(code);
  if (code !== '' && !category) throw new AppError('not_found', `No service ${code}.`);
  if (!parsed.success || !category) throw invalid(parsed.success ? [] : zodIssues(parsed.error));
  const attributeIssues = unknownAttributes(category, parsed.data.attribute);
  if (attributeIssues.length > 0) throw invalid(attributeIssues);
  let submission;
  try {
    submission = await validateSubmission(deps, submissionInput(parsed.data));
  } catch (err) {
    throw err instanceof AppError && err.issues ? invalid(open311Issues(err.issues)) : err;
  }
  const token = nanoid(24);
  const { lat, long } = parsed.data;
  // The case's language is that of the reporter's mail.
  const filed = await submitCase(deps, submission, lang, [], null, (caseId) => [insertOpen311RowQuery(deps.db, {
    case_id: caseId, token, api_key_id: client.id, lat: lat ?? null, long: long ?? null, created_at: toShanghaiIso(deps.clock.now()),
  })]);
  return { service_request_id: filed.caseNumber, token };
}

/**
 * The code prefix of a region and every region under it (GB/T 2260 codes nest: 440000 → 44,
 * 440100 → 4401, a district itself): one bound parameter, however many regions lie under it.
 */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The received_at window: the spec's default is the last 90 days, and a window may not be longer. */
function window(deps: Deps, q: ListQuery): { from: string; to: string } {
  const end = q.end_date ?? (q.start_date ? new Date(q.start_date.getTime() + MAX_SPAN_MS) : deps.clock.now());
  const start = q.start_date ?? new Date(end.getTime() - MAX_SPAN_MS);
  if (start > end) throw invalid([{ path: 'start_date', message: 'start_date is after end_date' }]);
  if (end.getTime() - start.getTime() > MAX_SPAN_MS) throw invalid([{ path: 'end_date', message: 'start_date and end_date may not span more than 90 days' }]);
  return { from: toShanghaiIso(start), to: toShanghaiIso(end) };
}

/** GET requests: service_request_id overrides every other filter; at most MAX_REQUESTS, newest first. */
export async function listRequests(deps: Deps, q: ListQuery, lang: Open311Lang): Promise<Open311Request[]> {
  const dir = await checkJurisdiction(deps, q.jurisdiction_id);
  const regions = q.jurisdiction_id ? { regionPrefix: regionPrefix(q.jurisdiction_id) } : {};
  const rows = q.service_request_id
    ? await findRequests(deps.db, { numbers: q.service_request_id, ...regions, limit: MAX_REQUESTS })
    : await findRequests(deps.db, {
      ...regions,
      ...(q.service_code ? { categories: [q.service_code] } : {}),
      ...(q.status ? { statuses: q.status.flatMap((s) => statusesFor(s as 'open' | 'closed', CASE_STATUSES)) } : {}),
      ...window(deps, q),
      limit: MAX_REQUESTS,
    });
  const centre = `intake-${deps.config.INTAKE_PROVINCE}`;
  return rows.map((row) => requestOf(row, dir, centre, lang));
}

export async function oneRequest(deps: Deps, number: string, lang: Open311Lang): Promise<Open311Request[]> {
  const found = await listRequests(deps, { service_request_id: [number] } as ListQuery, lang);
  if (found.length === 0) throw new AppError('not_found', `No service request ${number}.`);
  return found;
}

export async function resolveToken(deps: Deps, token: string): Promise<{ service_request_id: string; token: string }[]> {
  const number = /^[A-Za-z0-9_-]{1,64}$/.test(token) ? await findNumberByToken(deps.db, token) : null;
  if (!number) throw new AppError('not_found', `No token ${token}.`);
  return [{ service_request_id: number, token }];
}
