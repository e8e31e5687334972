/**
 * How deadlines and reminders vary between deployments: one JSON value (environment variable
 * `GONGKAI_DEADLINES`, from the CDK context `deadlines`), parsed once with zod. Every field has a default,
 * so an unset variable means the statutory calendar with reminders 14 and 3 days before.
 */

import { parseJsonSetting } from '#shared/json-setting.ts';
import { AgencyKindSchema, MonthDaySchema } from '#shared/registry/agency.ts';
import * as z from '#shared/zod.ts';

export const DEADLINES_CONFIG_ENV = 'GONGKAI_DEADLINES';

const IsoDate = z.lazy(() => z.iso.date());

/** A region's own date for every kind, or per kind (kinds it leaves out keep their default). */
const RegionOverrideSchema = z.lazy(() => z.union([MonthDaySchema, z.partialRecord(AgencyKindSchema, MonthDaySchema)]));

export const DeadlineConfigSchema = z.lazy(() =>
  z.strictObject({
    /**
     * 条例第四十九条 fixes departments (31 January) and governments (31 March). Townships are local people's
     * governments, and other bodies (public institutions, mass organisations) follow the county's date here;
     * both are configurable.
     */
    kindDefaults: z._default(z.partialRecord(AgencyKindSchema, MonthDaySchema), {}),
    /**
     * Keyed by division code (440205; inherited by every region below it, the nearest one deciding), or by a region
     * name matching the end of the agency's region (韶关市曲江区).
     */
    regions: z._default(z.record(z.string().check(z.minLength(1)), RegionOverrideSchema), {}),
    /** Deadlines stay on their date unless `rollForward` is set: the statute names a date, not a workday. */
    holidays: z._default(
      z.strictObject({
        rollForward: z._default(z.boolean(), false),
        /** Public holidays (法定节假日), ISO dates. */
        dates: z._default(z.array(IsoDate), []),
        /** Weekend days that are working days (调休), ISO dates. */
        workingWeekends: z._default(z.array(IsoDate), []),
      }),
      { rollForward: false, dates: [], workingWeekends: [] },
    ),
    reminders: z._default(
      z
        .strictObject({
          /** Days before the deadline on which a `dueSoon` notice goes out. */
          dueSoonDays: z._default(z.array(z.int().check(z.gte(1), z.lte(120))).check(z.maxLength(5)), [14, 3]),
          /** Days after the deadline for the `overdue` notice (1 = the day after). */
          overdueAfterDays: z._default(z.int().check(z.gte(1), z.lte(60)), 1),
          /** Days after the deadline for the `escalated` notice to the supervising office. */
          escalateAfterDays: z._default(z.int().check(z.gte(1), z.lte(365)), 7),
        })
        .check(
          z.refine((r) => r.escalateAfterDays > r.overdueAfterDays, 'escalation must come after the overdue notice'),
        ),
      { dueSoonDays: [14, 3], overdueAfterDays: 1, escalateAfterDays: 7 },
    ),
    /** Base URL of the public site; notices link to `<siteUrl>/file/`. */
    siteUrl: z._default(z.url(), 'http://localhost:3000'),
  }),
);
export type DeadlineConfig = z.output<typeof DeadlineConfigSchema>;
export type ReminderOffsets = DeadlineConfig['reminders'];

export class DeadlineConfigError extends Error {
  override readonly name = 'DeadlineConfigError';
}

/** Parses the variable's raw value (undefined or empty: every default). */
export function parseDeadlineConfig(raw: string | undefined): DeadlineConfig {
  return parseJsonSetting(DeadlineConfigSchema, DEADLINES_CONFIG_ENV, raw, DeadlineConfigError);
}
