/** Bodies of the identity endpoints: every access to a reporter names its reason. */
import { z } from 'zod';

const reasonText = z.string().trim().min(5, 'give the reason (at least 5 characters)').max(2000);

export const openContactSchema = z.object({ reason: reasonText });
export const disclosureRequestSchema = z.object({ legalReason: reasonText });
export const decisionSchema = z.object({ note: reasonText });
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{10,40}$/);
