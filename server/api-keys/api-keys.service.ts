/**
 * API clients (issue 17): keys given out by the operator (CLI) or an admin, checked on every API
 * request that needs one (Open311 `api_key`). A key is `o311_` + 32 random bytes (base64url),
 * shown once; the database holds its SHA-256 only (see db/migrations/0023_api_keys.sql for why a
 * plain hash). Each key is limited per minute and its requests counted in memory (usage.ts), with
 * the counts written in batches, so a request makes no write of its own.
 */
import type { Deps } from '../deps.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import { AppError } from '../errors.js';
import { newRowId } from '../lib/ids.js';
import { hashToken, newToken } from '../staff/tokens.js';
import {
  addKeyUsageQuery, findActiveKeyByHash, findActiveKeyByName, insertKeyQuery, listKeyRows, revokeKeyQuery,
} from './api-keys.repository.js';
import { API_KEY_PREFIX, apiKeyNameSchema, apiKeyPattern } from './api-keys.schema.js';
import { countRequest, createKeyUsage, restorePending, takePending, type KeyUsage } from './usage.js';

export interface ApiClient { id: string; name: string }

export interface ApiKeyView {
  name: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  requests: number;
  revokedAt: string | null;
  revokedBy: string | null;
}

const usages = new WeakMap<Deps, KeyUsage>();

function usageOf(deps: Deps): KeyUsage {
  let usage = usages.get(deps);
  if (!usage) {
    usage = createKeyUsage(deps.config.INTAKE_API_KEY_RATE);
    usages.set(deps, usage);
  }
  return usage;
}

/**
 * The client a presented key belongs to, its request counted. A missing, malformed, unknown or
 * revoked key is 403; a key over its rate is 429 with Retry-After.
 */
export async function authenticateApiKey(deps: Deps, presented: string | undefined): Promise<ApiClient> {
  const text = presented?.trim() ?? '';
  if (text === '') throw new AppError('forbidden', 'An API key is required (api_key).');
  if (!apiKeyPattern.test(text)) throw new AppError('forbidden', 'The API key is not valid.');
  const row = await findActiveKeyByHash(deps.db, await hashToken(text));
  if (!row) throw new AppError('forbidden', 'The API key is not valid or was revoked.');
  const usage = usageOf(deps);
  const nowMs = deps.clock.now().getTime();
  const wait = usage.limiter.retryAfter(row.id, nowMs);
  if (wait !== null) {
    throw new AppError('rate_limited', `Too many requests with this API key: try again in ${wait} s.`, undefined, { 'Retry-After': String(wait) });
  }
  // No await between the check above and this count: parallel requests each see the others.
  usage.limiter.count(row.id, nowMs);
  if (countRequest(usage, row.id, nowMs)) await flushKey(deps, usage, row.id, nowMs);
  return { id: row.id, name: row.name };
}

async function flushKey(deps: Deps, usage: KeyUsage, id: string, nowMs: number): Promise<void> {
  const pending = takePending(usage, id, nowMs);
  if (!pending) return;
  try {
    await deps.batch([addKeyUsageQuery(deps.db, id, pending.requests, toShanghaiIso(new Date(pending.lastUsedMs)))]);
  } catch (err) {
    // Counting must not fail the client's request: the counts go with the next flush.
    restorePending(usage, id, pending);
    deps.log(`api key usage not written: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Writes every count this process holds (before a list is shown, so it is up to date here). */
export async function flushApiKeyUsage(deps: Deps): Promise<void> {
  const usage = usages.get(deps);
  if (!usage) return;
  const nowMs = deps.clock.now().getTime();
  for (const id of [...usage.pending.keys()]) await flushKey(deps, usage, id, nowMs);
}

export function parseApiKeyName(name: unknown): string {
  const parsed = apiKeyNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new AppError('validation_failed', parsed.error.issues[0]!.message, [{ path: 'name', message: parsed.error.issues[0]!.message }]);
  }
  return parsed.data;
}

const isNameConflict = (err: unknown) => err instanceof Error && /UNIQUE constraint failed: api_keys\.name/.test(err.message);

/** Makes a key; the returned `key` is the only time its text exists outside the client. */
export async function createApiKey(deps: Deps, actor: string, rawName: unknown): Promise<{ name: string; key: string }> {
  const name = parseApiKeyName(rawName);
  const taken = () => new AppError('conflict', `An active API key is already named ${name}.`);
  if (await findActiveKeyByName(deps.db, name)) throw taken();
  const key = API_KEY_PREFIX + newToken();
  const id = newRowId(deps.clock.now());
  const row = {
    id, name, key_hash: await hashToken(key), created_at: toShanghaiIso(deps.clock.now()), created_by: actor,
    revoked_at: null, revoked_by: null, last_used_at: null, request_count: 0,
  };
  try {
    await commitWithAudit(deps, [insertKeyQuery(deps.db, row)], [{ actor, action: 'api_key.add', detail: { id, name } }]);
  } catch (err) {
    if (isNameConflict(err)) throw taken();
    throw err;
  }
  return { name, key };
}

/** Revokes the active key of that name: it is refused from the next request on. */
export async function revokeApiKey(deps: Deps, actor: string, rawName: unknown): Promise<{ name: string }> {
  const name = parseApiKeyName(rawName);
  const row = await findActiveKeyByName(deps.db, name);
  if (!row) throw new AppError('not_found', `No active API key is named ${name}.`);
  const at = toShanghaiIso(deps.clock.now());
  await flushApiKeyUsage(deps);
  await commitWithAudit(deps, [revokeKeyQuery(deps.db, row.id, at, actor)], [{ actor, action: 'api_key.revoke', detail: { id: row.id, name } }]);
  return { name };
}

/** Every key, active ones first, with its counts (this process's pending counts written first). */
export async function listApiKeys(deps: Deps): Promise<ApiKeyView[]> {
  await flushApiKeyUsage(deps);
  const rows = await listKeyRows(deps.db);
  return rows.map((r) => ({
    name: r.name, createdAt: r.created_at, createdBy: r.created_by, lastUsedAt: r.last_used_at,
    requests: Number(r.request_count), revokedAt: r.revoked_at, revokedBy: r.revoked_by,
  }));
}
