/** The OpenAPI 3.1 document of /api/v1, built from the registry (and so from the routes' own zod schemas). */
import { errorStatus, type ErrorCode } from '../errors.js';
import { TAGS, type Auth, type Operation } from './operation.js';
import { operationId, operations } from './registry.js';
import { asJsonSchema, errorSchema, type JsonSchema } from './schema.js';

export type OpenApiDocument = { openapi: string; info: JsonSchema; paths: Record<string, Record<string, OpenApiOperation>> } & JsonSchema;
export type OpenApiOperation = JsonSchema & { summary: string; tags: string[]; operationId: string };

const ERROR_TEXT: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid; issues names every problem.',
  unauthenticated: 'Not signed in, or the token has expired.',
  forbidden: 'The role may not do this (or the CSRF token is missing).',
  not_found: 'No such thing, or not one the caller may see.',
  method_not_allowed: 'Not with this method.',
  conflict: 'Not allowed in the current state, or already done.',
  payload_too_large: 'The body or a file is too large.',
  unsupported_media_type: 'The body is not of a type this endpoint takes.',
  rate_limited: 'Too many requests; wait as Retry-After says.',
  internal: 'Internal error (no details are given).',
  unavailable: 'The service cannot answer now; try again later.',
};

const SECURITY: Record<Auth, JsonSchema[]> = {
  none: [],
  staff: [{ staffBearer: [] }, { staffCookie: [] }],
  followup: [{ followupBearer: [] }],
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function parameters(op: Operation): JsonSchema[] {
  const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const path = inPath.map((name) => {
    const given = op.pathParams?.[name];
    return { name, in: 'path', required: true, schema: given ? asJsonSchema(given) : { type: 'string' } };
  });
  const query = op.query ? asJsonSchema(op.query) : undefined;
  const properties = (query?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query?.required ?? []) as string[]);
  const queryParams = Object.entries(properties).map(([name, schema]) => ({
    name, in: 'query', required: required.has(name), schema,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
  }));
  const headers = (op.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: false, description: h.description, schema: h.schema }));
  return [...path, ...queryParams, ...headers];
}

function requestBody(op: Operation): JsonSchema | undefined {
  if (!op.body && !op.multipart) return undefined;
  const content: JsonSchema = {};
  if (op.body) content['application/json'] = { schema: asJsonSchema(op.body) };
  if (op.multipart) {
    const encoding = Object.fromEntries((op.multipart.jsonParts ?? []).map((part) => [part, { contentType: 'application/json' }]));
    content['multipart/form-data'] = { schema: op.multipart.schema, ...(Object.keys(encoding).length ? { encoding } : {}) };
  }
  return { required: op.multipart?.required ?? true, content };
}

/** The refusals an operation can give: those that follow from its input and auth, and those it names. */
export function errorCodes(op: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (op.body || op.multipart || op.query || op.headers) codes.add('validation_failed');
  if (op.auth !== 'none') codes.add('unauthenticated');
  if (op.auth === 'staff') codes.add('forbidden');
  if (op.path.includes('{')) codes.add('not_found');
  if (op.body) ['payload_too_large', 'unsupported_media_type'].forEach((c) => codes.add(c as ErrorCode));
  for (const code of op.errors ?? []) codes.add(code);
  return [...codes].sort((a, b) => errorStatus[a] - errorStatus[b]);
}

function responses(op: Operation): JsonSchema {
  const { status, description, schema, contentType = 'application/json' } = op.success;
  const ok = schema ? { description, content: { [contentType]: { schema: asJsonSchema(schema) } } } : { description };
  const refusals = Object.fromEntries(errorCodes(op).map((code) => [String(errorStatus[code]), { $ref: `#/components/responses/${code}` }]));
  return { [String(status)]: ok, ...refusals, default: { $ref: '#/components/responses/internal' } };
}

function describe(op: Operation): string | undefined {
  const roles = op.roles ? `Roles: ${op.roles.join(', ')}.` : '';
  const text = [op.description ?? '', roles].filter(Boolean).join(' ');
  return text || undefined;
}

function operationObject(op: Operation): OpenApiOperation {
  const params = parameters(op);
  const body = requestBody(op);
  const description = describe(op);
  return {
    operationId: operationId(op), summary: op.summary, tags: [op.tag],
    ...(description ? { description } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(op),
    security: SECURITY[op.auth],
  };
}

function components(): JsonSchema {
  const errorResponses = Object.fromEntries((Object.keys(errorStatus) as ErrorCode[]).map((code) => [code, {
    description: `${errorStatus[code]} ${code}: ${ERROR_TEXT[code]}`,
    ...(code === 'rate_limited' ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } } : {}),
    content: json({ $ref: '#/components/schemas/Error' }),
  }]));
  return {
    schemas: { Error: errorSchema },
    responses: errorResponses,
    securitySchemes: {
      staffBearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/v1/staff/login.' },
      staffCookie: { type: 'apiKey', in: 'cookie', name: 'intake_session',
        description: 'The staff pages\' session cookie; a change also needs its CSRF token in the x-csrf-token header (GET /api/v1/staff/me).' },
      followupBearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/v1/followup/login (the receipt).' },
    },
  };
}

export function buildDocument(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quality complaint and report intake API', version: '1',
      description: 'JSON is UTF-8; times are ISO 8601 with offset; money is an integer number of fen (分) in fields ending Fen. '
        + 'Every 4xx/5xx answer is { error: { code, message, issues? } }. Readable at /api/docs.',
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: components(),
  };
}

let built: OpenApiDocument | undefined;

/** Built once: the schemas do not change while the process runs. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildDocument();
  return built;
}
