/** What an account must look like, checked before anything is hashed or stored. */
import { z } from 'zod';
import { roles } from './roles.js';

export const usernameSchema = z.string().trim().toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$/, '3–64 characters: letters, digits, dot, dash, underscore');

export const newUserSchema = z.object({
  username: usernameSchema,
  role: z.enum(roles),
  department: z.string().trim().min(1).nullish().transform((v) => v ?? null),
  // Long passphrases over complexity rules (NIST SP 800-63B); the upper bound only limits hashing work.
  password: z.string().min(12, 'at least 12 characters').max(1024),
  displayName: z.string().trim().min(1).max(100).optional(),
});

/** Loosely typed on purpose: the CLI passes what an operator typed; the schema decides. */
export interface NewUserInput {
  username: string;
  role: string;
  department?: string | null | undefined;
  password: string;
  displayName?: string | undefined;
}
