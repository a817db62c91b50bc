/** Body of POST /api/v1/staff/login. */
import { z } from 'zod';

export const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  totp: z.string().max(16).optional(),
});

export type LoginBody = z.infer<typeof loginSchema>;
