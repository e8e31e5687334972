/**
 * The filing calendar: which day an agency's report for a year is due. Dates are plain ISO days
 * (YYYY-MM-DD) in China's one time zone; arithmetic runs on UTC midnights so no DST or host zone leaks in.
 */
import type { Agency, AgencyKind } from '#shared/registry/agency.ts';
import { selfAndAncestors } from '#shared/registry/divisions/division-code.ts';
import type { DeadlineConfig } from './config.ts';

/** 《政府信息公开条例》第四十九条, and the county's date for the kinds the article does not name. */
export const STATUTORY_MONTH_DAY: Readonly<Record<AgencyKind, string>> = {
  department: '01-31',
  government: '03-31',
  township: '03-31',
  subdistrict: '03-31',
  developmentZone: '03-31',
  other: '03-31',
};

export type DeadlineSource = 'agency' | 'region' | 'kind';

export interface Deadline {
  /** ISO day, in the year after the report year. */
  readonly date: string;
  readonly source: DeadlineSource;
}

const DAY_MS = 86_400_000;

export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar day in China of an instant (UTC+8 all year). */
export function chinaDay(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The agency's own date wins over its region's, which wins over its kind's. */
export function deadlineMonthDay(agency: Agency, config: DeadlineConfig): { monthDay: string; source: DeadlineSource } {
  if (agency.deadlineOverride !== null) return { monthDay: agency.deadlineOverride, source: 'agency' };
  const regional = regionalMonthDay(agency, config);
  if (regional !== undefined) return { monthDay: regional, source: 'region' };
  return { monthDay: config.kindDefaults[agency.kind] ?? STATUTORY_MONTH_DAY[agency.kind], source: 'kind' };
}

/**
 * Region calendars are inherited down the division tree: the nearest region (the agency's own, then its county,
 * city, province) that sets a date for the agency's kind decides — 怀化's dates reach its counties unless a county
 * sets its own. A key that is not a code is a region written as text, matched against the end of the region's name.
 */
function regionalMonthDay(agency: Agency, config: DeadlineConfig): string | undefined {
  const codes = agency.regionCode === null ? [] : selfAndAncestors(agency.regionCode);
  const named = Object.keys(config.regions).filter(
    (key) => !/^\d+$/.test(key) && agency.region !== '' && agency.region.endsWith(key),
  );
  for (const key of [...codes, ...named]) {
    const region = config.regions[key];
    const monthDay = typeof region === 'string' ? region : region?.[agency.kind];
    if (monthDay !== undefined) return monthDay;
  }
  return undefined;
}

export function deadlineFor(agency: Agency, reportYear: number, config: DeadlineConfig): Deadline {
  const { monthDay, source } = deadlineMonthDay(agency, config);
  const date = validDay(reportYear + 1, monthDay);
  return { date: config.holidays.rollForward ? nextWorkingDay(date, config.holidays) : date, source };
}

/** "02-29" in a common year means the last day of February, not 1 March. */
function validDay(year: number, monthDay: string): string {
  const month = Number(monthDay.slice(0, 2));
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(monthDay.slice(3)), lastOfMonth);
  return `${year}-${monthDay.slice(0, 2)}-${String(day).padStart(2, '0')}`;
}

export function isWorkingDay(isoDay: string, holidays: DeadlineConfig['holidays']): boolean {
  if (holidays.dates.includes(isoDay)) return false;
  if (holidays.workingWeekends.includes(isoDay)) return true;
  const weekday = new Date(`${isoDay}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(isoDay: string, holidays: DeadlineConfig['holidays']): string {
  let day = isoDay;
  // A year has no run of 60 non-working days; the bound only guards a misconfigured list.
  for (let i = 0; i < 60 && !isWorkingDay(day, holidays); i += 1) day = addDays(day, 1);
  return day;
}
