/** The agency registry entry: who files, of which kind, under whose supervision, with which deadline. */
import * as z from '#shared/zod.ts';
import { CreditCodeSchema } from './credit-code.ts';
import { RegionCodeSchema } from './divisions/division-code.ts';

/**
 * Agency kinds decide the statutory deadline (条例第四十九条) and which rules apply (S2): a government's
 * department, a people's government, a township (乡镇) or subdistrict (街道办事处) government, a development zone's
 * management committee (开发区管委会), or another body (群团组织, 事业单位 and the like).
 */
export const AGENCY_KINDS = [
  'department',
  'government',
  'township',
  'subdistrict',
  'developmentZone',
  'other',
] as const;
export const AgencyKindSchema = z.lazy(() => z.enum(AGENCY_KINDS));
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

export const AgencyIdSchema = z.lazy(() =>
  z
    .string()
    .check(
      z.minLength(2),
      z.maxLength(64),
      z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and inner hyphens only'),
    ),
);

/** A month-day deadline in the year after the report year, e.g. "01-31". */
export const MonthDaySchema = z.lazy(() => z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)));

/** The entry's fields, for readers that take the same fields more loosely (the CLI ignores fields it does not know). */
export function agencyFields() {
  return {
    id: AgencyIdSchema,
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
    kind: AgencyKindSchema,
    /**
     * Where it stands: a division code of the 2023 statistical codes (440205, or 440205100 for a township). Null
     * only on an entry from before codes whose free-text region did not resolve (see `gongkai agencies migrate`).
     */
    regionCode: z._default(z.nullable(RegionCodeSchema), null),
    /** The region as written: the full name of `regionCode` (广东省韶关市曲江区), or an old entry's free text. */
    region: z._default(z.string().check(z.trim(), z.maxLength(100)), ''),
    /** 统一社会信用代码, check character verified. */
    creditCode: z._default(z.nullable(CreditCodeSchema), null),
    /** The agency it files with; on registration it defaults to the government of its region (条例第四十九条). */
    supervisorId: z._default(z.nullable(AgencyIdSchema), null),
    /** Other names it signs reports with (a former name, the name without its city). */
    aliases: z._default(
      z.array(z.string().check(z.trim(), z.minLength(2), z.maxLength(100))).check(z.maxLength(20)),
      [],
    ),
    contactEmails: z._default(z.array(z.email()).check(z.maxLength(10)), []),
    /** Overrides the kind's and the region's deadline for this agency. */
    deadlineOverride: z._default(z.nullable(MonthDaySchema), null),
  };
}

export const AgencySchema = z.lazy(() => z.strictObject(agencyFields()));
export type Agency = z.infer<typeof AgencySchema>;
export type AgencyInput = z.input<typeof AgencySchema>;
