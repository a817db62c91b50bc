/** What the enterprise routes take: a credit code in the path, a search text in the query. */
import { z } from 'zod';

/** Any text: a code that is not well formed is simply unknown (404), like a code no case names. */
export const creditCodeParam = z.string().max(64);

export const enterpriseSearchSchema = z.object({
  q: z.string().trim().min(1).max(100).describe('the start of a credit code, or of an enterprise name'),
});
export type EnterpriseSearch = z.infer<typeof enterpriseSearchSchema>;
