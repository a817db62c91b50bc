/** The signed-in staff member a request acts as; set on the Hono context by requireStaff. */
import type { UserRow } from '../../db/schema.js';
import type { Role } from './roles.js';

export type Actor = {
  userId: string;
  username: string;
  role: Role;
  department: string | null;
  displayName: string;
};

export function actorOf(user: Pick<UserRow, 'id' | 'username' | 'role' | 'department' | 'display_name'>): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    department: user.department,
    displayName: user.display_name,
  };
}

/** What a client is shown about an account (no internal id). */
export function userView(actor: Actor) {
  return { username: actor.username, role: actor.role, department: actor.department, displayName: actor.displayName };
}

/** How the request proved its session; only cookie-borne sessions need a CSRF token. */
export type StaffSession = { idHash: string; csrfToken: string; via: 'bearer' | 'cookie' };

/** Hono env of routes behind requireStaff: `c.get('actor')`, `c.get('staffSession')`. */
export type StaffEnv = { Variables: { actor: Actor; staffSession: StaffSession } };
