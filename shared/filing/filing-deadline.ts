/** The publication deadline a report is checked against (rule S7). */
import { deadlineFor } from '#shared/deadlines/calendar.ts';
import { type DeadlineConfig, parseDeadlineConfig } from '#shared/deadlines/config.ts';
import type { Agency } from '#shared/registry/agency.ts';

const STATUTORY_ONLY = parseDeadlineConfig(undefined);

/**
 * The same calendar the overdue notices use (条例第四十九条 defaults, then region and agency overrides), so a
 * filer is never warned about a date the reminders did not announce.
 */
export function filingDeadline(agency: Agency, year: number, config: DeadlineConfig = STATUTORY_ONLY): string {
  return deadlineFor(agency, year, config).date;
}
