import type { Report } from '#shared/report/model.ts';
import type { ValidationContext } from './rule.ts';

/**
 * The previous report only when it is for the year just before: a gap year (an agency that did not file)
 * breaks every carried-over identity, so comparing across it would only produce noise.
 */
export function previousYearReport(report: Report, context: ValidationContext): Report | null {
  const previous = context.previous;
  return previous && previous.year === report.year - 1 ? previous : null;
}
