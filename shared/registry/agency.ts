/** The agency registry entry: who files, of which kind, under whose supervision, with which deadline. */
import { z } from 'zod';

/** Agency kinds decide the statutory deadline (条例第四十九条) and which rules apply (S2). */
export const AgencyKindSchema = z.enum(['department', 'government', 'township', 'other']);
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

export const AgencyIdSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens only');

/** A month-day deadline in the year after the report year, e.g. "01-31". */
export const MonthDaySchema = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const AgencySchema = z.strictObject({
  id: AgencyIdSchema,
  name: z.string().trim().min(2).max(100),
  kind: AgencyKindSchema,
  /** Administrative region code or name (e.g. "440205" or "韶关市曲江区"); deadline overrides key on it. */
  region: z.string().trim().min(1).max(100),
  supervisorId: AgencyIdSchema.nullable().default(null),
  contactEmails: z.array(z.email()).max(10).default([]),
  /** Overrides the kind's and the region's deadline for this agency. */
  deadlineOverride: MonthDaySchema.nullable().default(null),
});
export type Agency = z.infer<typeof AgencySchema>;
export type AgencyInput = z.input<typeof AgencySchema>;
