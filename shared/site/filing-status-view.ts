/** On-time status as the pages print it, from the deadline rules of `#shared/deadlines`. */
import { deadlineFor } from '#shared/deadlines/calendar.ts';
import type { DeadlineConfig } from '#shared/deadlines/config.ts';
import { type AgencyFilingStatus, filingStatus } from '#shared/deadlines/filing-status.ts';
import type { ReportVersion } from '#shared/filing/records.ts';
import type { Agency } from '#shared/registry/agency.ts';
import { escapeHtml } from '#shared/render/escape-html.ts';
import { chineseDay } from '#shared/render/format-date.ts';

export function agencyYearStatus(
  agency: Agency,
  year: number,
  first: ReportVersion | null,
  asOf: string,
  config: DeadlineConfig,
): AgencyFilingStatus {
  return filingStatus(agency.id, deadlineFor(agency, year, config).date, first, asOf);
}

const NAMES = { onTime: '按时提交', late: '逾期提交', due: '未到期', missing: '未提交' } as const;

/** A status badge: the word carries the meaning, the colour only repeats it. */
export function statusBadge(status: AgencyFilingStatus): string {
  const late = status.daysLate > 0 ? `（逾期${status.daysLate}天）` : '';
  return `<span class="badge badge--${status.status}">${NAMES[status.status]}${late}</span>`;
}

export function deadlineText(status: AgencyFilingStatus): string {
  return escapeHtml(chineseDay(status.deadline));
}
