/**
 * One-time-code enrolment by the account's owner. An account whose role needs a code but that has
 * no secret yet (made by an admin, or its role changed) is offered a fresh secret when its password
 * is right; the secret becomes the account's only when a code made from it comes back. So the
 * secret is shown once, to whoever holds the password at that sign-in, and never to an admin.
 */
import type { UserRow } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { seal, unseal, type Sealed } from '../identity/seal.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';
import { acceptTotpOfferQuery, findUserByUsername, storeTotpOfferQuery } from './users.repository.js';
import { totpContext } from './users.service.js';

/** What the owner is shown once: the secret for an authenticator app, by hand or as an otpauth:// URI. */
export interface TotpEnrolment { secret: string; otpauthUri: string; expiresAt: string }

// Long enough to open an authenticator app and type the first code; short enough that a forgotten
// offer is not a standing secret.
const OFFER_MS = 10 * 60_000;

/** Whether the account signs in with a code it has not yet enrolled. */
export const needsEnrolment = (user: Pick<UserRow, 'totp_enabled'>) => user.totp_enabled !== 1;

/** Offers a new secret to the account (replacing an older offer). */
export async function offerEnrolment(deps: Deps, username: string): Promise<TotpEnrolment | null> {
  const user = await findUserByUsername(deps.db, username.trim().toLowerCase());
  if (!user || !needsEnrolment(user)) return null;
  const now = deps.clock.now();
  const secret = newTotpSecret();
  const sealed = JSON.stringify(await seal(deps.keys, secret, totpContext(user.id)));
  await deps.batch([storeTotpOfferQuery(deps.db, user.id, sealed, toShanghaiIso(now))]);
  return { secret, otpauthUri: totpUri(secret, user.username), expiresAt: toShanghaiIso(new Date(now.getTime() + OFFER_MS)) };
}

/**
 * Checks a code against the account's live offer: 'enrolled' when it matches (the offer is now the
 * account's secret), 'invalid' for a wrong code, 'none' when there is no live offer to check against.
 */
export async function completeEnrolment(deps: Deps, user: UserRow, code: string): Promise<'enrolled' | 'invalid' | 'none'> {
  const now = deps.clock.now();
  const offer = user.totp_pending_secret;
  if (!offer || !user.totp_pending_at || now.getTime() - Date.parse(user.totp_pending_at) >= OFFER_MS) return 'none';
  const secret = await unseal<string>(deps.keys, JSON.parse(offer) as Sealed, totpContext(user.id));
  const step = await verifyTotp(secret, code, now);
  if (step === null) return 'invalid';
  const [accepted] = await deps.batch([acceptTotpOfferQuery(deps.db, user.id, offer, step, toShanghaiIso(now))]);
  if (Number(accepted?.numAffectedRows ?? 0) !== 1) return 'invalid';
  await recordAudit(deps, [{ actor: user.username, action: 'staff.totp.enrolled' }]);
  return 'enrolled';
}
