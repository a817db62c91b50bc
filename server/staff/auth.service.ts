/** Staff login, sessions and logout. Routes map the outcomes to HTTP; nothing here sees Hono. */
import type { UserRow } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { actorOf, type Actor } from './actor.js';
import { completeEnrolment, needsEnrolment, offerEnrolment, type TotpEnrolment } from './enrolment.service.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { needsTotp } from './roles.js';
import {
  deleteExpiredSessionsQuery, deleteSessionQuery, findSessionWithUser, insertSessionQuery, touchSessionQuery, type SessionWithUser,
} from './sessions.repository.js';
import { admitLogin, settleLogin, type LoginOutcome, type LoginThrottle } from './throttle.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';
import { verifyTotp } from './totp.js';
import { claimTotpStepQuery, findUserByUsername } from './users.repository.js';
import { readTotpSecret } from './users.service.js';

export interface LoginAttempt {
  username: string;
  password: string;
  totp?: string | undefined;
  /** The hashed client address from addressKey(), or null when unknown. */
  addressKey: string | null;
}

/** 'totp_enrolment': the password is right and the account must first enrol a one-time code. */
export type LoginFailure = 'invalid' | 'totp_required' | 'totp_invalid' | 'totp_not_set_up' | 'totp_enrolment';

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; expiresAt: string; actor: Actor }
  // enrolment: with 'totp_enrolment', the new secret, shown to this caller once.
  | { ok: false; reason: LoginFailure; enrolment?: TotpEnrolment }
  | { ok: false; reason: 'throttled'; retryAfter: number };

/** A live session as the middleware sees it. */
export interface OpenSession { idHash: string; csrfToken: string; actor: Actor }

const MINUTE = 60_000;
// last_seen_at is written at most this often, not on every request; idle expiry is that coarse.
const TOUCH_INTERVAL = MINUTE;

/** The account when the password is right and the account is usable; null otherwise. */
async function checkPassword(deps: Deps, username: string, password: string): Promise<UserRow | null> {
  const user = await findUserByUsername(deps.db, username);
  // Unknown names are verified against a dummy hash: the same work, so timing shows nothing.
  const ok = await verifyPassword(password, user?.password_hash ?? dummyPasswordHash(deps.config.INTAKE_PBKDF2_ITERATIONS), deps.pbkdf2);
  return user && ok && !user.disabled ? user : null;
}

async function checkSecondFactor(deps: Deps, user: UserRow, code: string | undefined): Promise<LoginFailure | null> {
  if (!needsTotp(user.role) && !user.totp_enabled) return null;
  if (needsEnrolment(user)) {
    // The first code from the offered secret completes the enrolment and this sign-in together.
    const enrolled = code?.trim() ? await completeEnrolment(deps, user, code) : 'none';
    return enrolled === 'enrolled' ? null : enrolled === 'invalid' ? 'totp_invalid' : 'totp_enrolment';
  }
  // Fail closed: a role that needs a second factor cannot sign in with the password alone.
  const secret = user.totp_enabled ? await readTotpSecret(deps, user) : null;
  if (!secret) return 'totp_not_set_up';
  if (!code?.trim()) return 'totp_required';
  const step = await verifyTotp(secret, code, deps.clock.now());
  if (step === null) return 'totp_invalid';
  const [claimed] = await deps.batch([claimTotpStepQuery(deps.db, user.id, step)]);
  if (Number(claimed?.numAffectedRows ?? 0) !== 1) return 'totp_invalid';
  return null;
}

async function openSession(deps: Deps, user: UserRow) {
  const now = deps.clock.now();
  const at = toShanghaiIso(now);
  const idleBefore = toShanghaiIso(new Date(now.getTime() - deps.config.INTAKE_SESSION_IDLE_MINUTES * MINUTE));
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = toShanghaiIso(new Date(now.getTime() + deps.config.INTAKE_SESSION_MAX_HOURS * 60 * MINUTE));
  await deps.batch([
    deleteExpiredSessionsQuery(deps.db, at, idleBefore),
    insertSessionQuery(deps.db, {
      id_hash: await hashToken(token), user_id: user.id, created_at: at, last_seen_at: at, expires_at: expiresAt, csrf_token: csrfToken,
    }),
  ]);
  return { token, csrfToken, expiresAt, actor: actorOf(user) };
}

/**
 * Signs a staff member in; the token in a successful result is shown once and stored only hashed.
 * Successes and failures go into the audit log (never the password); throttled attempts do not,
 * as no credential was tried.
 */
export async function login(deps: Deps, throttle: LoginThrottle, attempt: LoginAttempt): Promise<LoginResult> {
  const result = await attemptLogin(deps, throttle, attempt);
  if (result.ok || result.reason !== 'throttled') await auditLogin(deps, attempt.username, result);
  // Offered only after the password was found right: the secret goes to whoever holds it.
  if (!result.ok && result.reason === 'totp_enrolment') {
    const enrolment = await offerEnrolment(deps, attempt.username);
    return enrolment ? { ...result, enrolment } : { ok: false, reason: 'totp_not_set_up' };
  }
  return result;
}

async function auditLogin(deps: Deps, typed: string, result: LoginResult): Promise<void> {
  const username = typed.trim().toLowerCase();
  // A name that is no account is recorded as 'unknown': people type passwords into the name field.
  const actor = result.ok ? result.actor.username : (await findUserByUsername(deps.db, username)) ? username : 'unknown';
  await recordAudit(deps, [result.ok
    ? { actor, action: 'staff.login.success' }
    : { actor, action: 'staff.login.failure', detail: { reason: result.reason } }]);
}

async function attemptLogin(deps: Deps, throttle: LoginThrottle, attempt: LoginAttempt): Promise<LoginResult> {
  const username = attempt.username.trim().toLowerCase();
  // Admitted and counted before the password is hashed (see throttle.ts): nothing awaits in between.
  const admitted = admitLogin(throttle, username, attempt.addressKey, deps.clock.now().getTime());
  if (!admitted.ok) return { ok: false, reason: 'throttled', retryAfter: admitted.retryAfter };
  // A check that throws stays counted as a failure: no way around the count through an error.
  let outcome: LoginOutcome = 'failure';
  try {
    const user = await checkPassword(deps, username, attempt.password);
    const second = user ? await checkSecondFactor(deps, user, attempt.totp) : 'invalid';
    if (!user || second) {
      const reason = second ?? 'invalid';
      // Asking for the missing code (or its enrolment) is not a failed guess; a wrong code is.
      outcome = reason === 'invalid' || reason === 'totp_invalid' ? 'failure' : 'not_a_guess';
      return { ok: false, reason };
    }
    const session = await openSession(deps, user);
    outcome = 'success';
    return { ok: true, ...session };
  } finally {
    settleLogin(throttle, admitted.ticket, outcome, deps.clock.now().getTime());
  }
}

type SessionTimes = Pick<SessionWithUser, 'created_at' | 'last_seen_at' | 'expires_at' | 'password_changed_at'>;

function isExpired(deps: Deps, row: SessionTimes, now: number): boolean {
  const idleMs = deps.config.INTAKE_SESSION_IDLE_MINUTES * MINUTE;
  return now >= Date.parse(row.expires_at)
    || now - Date.parse(row.last_seen_at) >= idleMs
    // A password change ends every session opened with the old one.
    || Date.parse(row.created_at) < Date.parse(row.password_changed_at);
}

/** The live session for a token, or null (unknown, expired, or the account is disabled). */
export async function resolveSession(deps: Deps, token: string): Promise<OpenSession | null> {
  if (!isTokenShaped(token)) return null;
  const idHash = await hashToken(token);
  const row = await findSessionWithUser(deps.db, idHash);
  if (!row) return null;
  const now = deps.clock.now().getTime();
  if (isExpired(deps, row, now)) {
    await deps.batch([deleteSessionQuery(deps.db, idHash)]);
    return null;
  }
  if (row.disabled) return null;
  if (now - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL) await deps.batch([touchSessionQuery(deps.db, idHash, toShanghaiIso(new Date(now)))]);
  return { idHash, csrfToken: row.csrf_token, actor: actorOf(row) };
}

/** Ends a session; the token stops working at once. */
export async function logout(deps: Deps, idHash: string): Promise<void> {
  await deps.batch([deleteSessionQuery(deps.db, idHash)]);
}
