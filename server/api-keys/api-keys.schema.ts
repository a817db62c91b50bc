/** What an API client's name may be: the same rule for the command line and the admin form. */
import { z } from 'zod';

export const apiKeyNameSchema = z.string().trim()
  .min(1, 'A name is required.')
  .max(64, 'A name is at most 64 characters.')
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'A name has no control characters.');

/** The shape of a key: the prefix and 32 random bytes in base64url. */
export const API_KEY_PREFIX = 'o311_';
export const apiKeyPattern = /^o311_[A-Za-z0-9_-]{43}$/;
