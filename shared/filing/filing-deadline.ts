/** The publication deadline a report is checked against (rule S7). */
import type { Agency } from '#shared/registry/agency.ts';

/**
 * 《政府信息公开条例》第四十九条: departments publish by 31 January, local governments by 31 March of the
 * following year. Other kinds have no statutory date here; an agency's own override wins over both.
 */
export function filingDeadline(agency: Agency, year: number): string | null {
  const monthDay =
    agency.deadlineOverride ?? (agency.kind === 'department' ? '01-31' : agency.kind === 'government' ? '03-31' : null);
  return monthDay === null ? null : `${year + 1}-${monthDay}`;
}
