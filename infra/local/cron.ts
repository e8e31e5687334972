/**
 * EventBridge Scheduler expressions → croner. AWS cron has six fields (minutes … year) and numbers
 * weekdays 1 = SUN; croner reads a six-field pattern as seconds-first and numbers weekdays 0 = SUN.
 * So a seconds field is prepended, the year kept in croner's 7-part mode, and Quartz weekday
 * numbering switched on — the declared expression is never rewritten by hand.
 */
import type { CronOptions } from 'croner';

export type ScheduleTiming =
  | { readonly kind: 'cron'; readonly pattern: string; readonly options: CronOptions }
  | { readonly kind: 'rate'; readonly everyMs: number };

const RATE_UNIT_MS: Readonly<Record<string, number>> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/** Reads `cron(…)`, a bare six-field AWS cron, or `rate(n unit)`, in the schedule's IANA time zone. */
export function toScheduleTiming(expression: string, timezone: string): ScheduleTiming {
  const trimmed = expression.trim();
  const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/.exec(trimmed);
  if (rate) return { kind: 'rate', everyMs: rateMs(Number(rate[1]), rate[2] ?? '') };
  if (trimmed.startsWith('at(')) throw new Error(`one-time schedule ${trimmed} is not supported by the local runner`);
  const body = /^cron\((.*)\)$/.exec(trimmed)?.[1] ?? trimmed;
  return { kind: 'cron', pattern: toCronerPattern(body), options: cronerOptions(timezone) };
}

/** `0 18 ? * MON-FRI *` → `0 0 18 ? * MON-FRI *` (seconds prepended, year kept). */
export function toCronerPattern(awsCron: string): string {
  const fields = awsCron.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new Error(`AWS cron needs 6 fields (minutes hours day-of-month month day-of-week year): "${awsCron}"`);
  }
  const [, , dayOfMonth, , dayOfWeek] = fields;
  // AWS rejects an expression that constrains both day fields; catching it here keeps local
  // schedules from running on an expression that would fail to deploy.
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new Error(`AWS cron needs "?" in exactly one of day-of-month and day-of-week: "${awsCron}"`);
  }
  return `0 ${fields.join(' ')}`;
}

export function cronerOptions(timezone: string): CronOptions {
  // Quartz weekdays (1 = SUN … 7 = SAT) are AWS's; sloppy ranges accept AWS's `0/15` steps.
  return { mode: '7-part', alternativeWeekdays: true, sloppyRanges: true, timezone };
}

function rateMs(value: number, unit: string): number {
  const unitMs = RATE_UNIT_MS[unit];
  if (unitMs === undefined || value < 1) throw new Error(`unsupported rate: ${value} ${unit}`);
  return value * unitMs;
}
