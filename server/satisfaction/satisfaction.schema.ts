/** The rating a reporter gives a closed case: the follow-up's survey and the mailed link take the same. */
import { z } from 'zod';

export const ratingSchema = z.object({
  rating: z.number().int().min(1).max(5),
  resolved: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});
