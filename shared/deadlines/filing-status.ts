/**
 * Where an agency stands for a report year: filed on time, filed late, not yet due, or missing. Lateness is
 * judged on the first accepted version; amendments never make a filing late or on time again.
 */

import type { ReportVersion } from '#shared/filing/records.ts';
import * as z from '#shared/zod.ts';
import { chinaDay, daysBetween } from './calendar.ts';

export const FilingStatusSchema = z.lazy(() => z.enum(['onTime', 'late', 'due', 'missing']));
export type FilingStatus = z.infer<typeof FilingStatusSchema>;

export interface AgencyFilingStatus {
  readonly agencyId: string;
  readonly status: FilingStatus;
  readonly deadline: string;
  /** Day of the first accepted version; null while nothing was filed. */
  readonly filedOn: string | null;
  /** Days past the deadline: of the filing when late, of `asOf` when missing; 0 otherwise. */
  readonly daysLate: number;
}

/**
 * An imported historical report was published before the system knew it, on its `publishedOn` day; a
 * report filed here counts from its acceptance (a self-declared earlier date cannot make it on time).
 */
export function filedOn(first: ReportVersion): string {
  return first.imported && first.publishedOn !== null ? first.publishedOn : chinaDay(first.acceptedAt);
}

export function filingStatus(
  agencyId: string,
  deadline: string,
  first: ReportVersion | null,
  asOf: string,
): AgencyFilingStatus {
  if (first !== null) {
    const day = filedOn(first);
    const late = Math.max(0, daysBetween(deadline, day));
    return { agencyId, status: late > 0 ? 'late' : 'onTime', deadline, filedOn: day, daysLate: late };
  }
  const overdue = daysBetween(deadline, asOf);
  return overdue > 0
    ? { agencyId, status: 'missing', deadline, filedOn: null, daysLate: overdue }
    : { agencyId, status: 'due', deadline, filedOn: null, daysLate: 0 };
}
