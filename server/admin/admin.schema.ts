/** Bodies and queries of the admin endpoints; the web forms are read into the same shapes. */
import { z } from 'zod';
import { roles } from '../staff/roles.js';
import { newUserSchema } from '../staff/users.schema.js';

const kinds = ['complaint', 'report', 'injury'] as const;
const code = (max: number) => z.string().trim().min(1).max(max);
const nullableText = (max: number) => z.string().trim().max(max).nullable().transform((v) => (v ? v : null));
// The same rule for a reset as for a new account (NIST SP 800-63B: length over complexity).
const password = newUserSchema.shape.password;

export const regionCodeSchema = z.string().trim().regex(/^\d{6}$/, 'a 6-digit region code (GB/T 2260)');

/** A PATCH must name something to change, or it is a mistake the caller wants to hear about. */
const notEmpty = (value: Record<string, unknown>) => Object.values(value).some((v) => v !== undefined);
const NOTHING = { message: 'nothing to change: send at least one field' };

export const createUserSchema = newUserSchema;

export const resetPasswordSchema = z.object({ password });

export const changeRoleSchema = z.object({
  role: z.enum(roles),
  department: z.string().trim().min(1).nullish().transform((v) => v ?? null),
});

export const legalHoldSchema = z.object({
  hold: z.boolean(),
  // The hold's why is for the audit log and whoever lifts it later; a word or two is not enough.
  reason: z.string().trim().min(3).max(500),
});

export const editDepartmentSchema = z.object({
  nameZh: code(100).optional(),
  nameEn: code(200).optional(),
  email: z.union([z.email().max(200), z.literal('').transform(() => null), z.null()]).optional(),
  active: z.boolean().optional(),
  // A department that should get no cases is deactivated, not left with an empty jurisdiction.
  jurisdiction: z.array(regionCodeSchema).min(1).max(500).optional(),
}).refine(notEmpty, NOTHING);

export const newRuleSchema = z.object({
  category: code(64),
  kind: z.enum(kinds).nullish().transform((v) => v ?? null),
  agency: code(40),
  priority: z.number().int().min(-1000).max(1000).default(0),
  note: nullableText(500).optional().transform((v) => v ?? null),
});

export const editRuleSchema = z.object({
  category: code(64).optional(),
  kind: z.enum(kinds).nullable().optional(),
  agency: code(40).optional(),
  priority: z.number().int().min(-1000).max(1000).optional(),
  note: nullableText(500).optional(),
  active: z.boolean().optional(),
}).refine(notEmpty, NOTHING);

export const editCategorySchema = z.object({
  nameZh: code(100).optional(),
  nameEn: code(200).optional(),
  agency: code(40).nullable().optional(),
  kinds: z.array(z.enum(kinds)).min(1).max(3).optional(),
}).refine(notEmpty, NOTHING);

export const previewQuerySchema = z.object({
  category: code(64),
  region: regionCodeSchema,
  kind: z.enum(kinds).optional(),
  severity: z.enum(['minor', 'serious', 'fatal']).optional(),
});

export const changesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Entries before this audit sequence number: the next page. */
  before: z.coerce.number().int().min(1).optional(),
});

export type EditDepartment = z.infer<typeof editDepartmentSchema>;
export type NewRule = z.infer<typeof newRuleSchema>;
export type EditRule = z.infer<typeof editRuleSchema>;
export type EditCategory = z.infer<typeof editCategorySchema>;
export type PreviewQuery = z.infer<typeof previewQuerySchema>;
export type ChangeRole = z.infer<typeof changeRoleSchema>;
