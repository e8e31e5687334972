/** The agency registry entry: who files, of which kind, under whose supervision, with which deadline. */
import * as z from 'zod';
import { CreditCodeSchema } from './credit-code.ts';
import { RegionCodeSchema } from './divisions/division-code.ts';

/**
 * Agency kinds decide the statutory deadline (条例第四十九条) and which rules apply (S2): a government's
 * department, a people's government, a township (乡镇) or subdistrict (街道办事处) government, a development zone's
 * management committee (开发区管委会), or another body (群团组织, 事业单位 and the like).
 */
export const AgencyKindSchema = z.enum([
  'department',
  'government',
  'township',
  'subdistrict',
  'developmentZone',
  'other',
]);
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
  /**
   * Where it stands: a division code of the 2023 statistical codes (440205, or 440205100 for a township). Null
   * only on an entry from before codes whose free-text region did not resolve (see `gongkai agencies migrate`).
   */
  regionCode: RegionCodeSchema.nullable().default(null),
  /** The region as written: the full name of `regionCode` (广东省韶关市曲江区), or an old entry's free text. */
  region: z.string().trim().max(100).default(''),
  /** 统一社会信用代码, check character verified. */
  creditCode: CreditCodeSchema.nullable().default(null),
  /** The agency it files with; on registration it defaults to the government of its region (条例第四十九条). */
  supervisorId: AgencyIdSchema.nullable().default(null),
  /** Other names it signs reports with (a former name, the name without its city). */
  aliases: z.array(z.string().trim().min(2).max(100)).max(20).default([]),
  contactEmails: z.array(z.email()).max(10).default([]),
  /** Overrides the kind's and the region's deadline for this agency. */
  deadlineOverride: MonthDaySchema.nullable().default(null),
});
export type Agency = z.infer<typeof AgencySchema>;
export type AgencyInput = z.input<typeof AgencySchema>;
