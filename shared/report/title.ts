/** How a report is named where it has no printed title of its own. */
import type { Report } from './model.ts';

/**
 * The report's own title, or "<agency><year>年政府信息公开工作年度报告" — the name 条例 gives the report — when
 * its file printed none: the public page, the datasets and the filer's receipt all name it so.
 */
export function reportTitle(report: Pick<Report, 'title' | 'year'>, agencyName: string): string {
  return report.title || `${agencyName}${report.year}年政府信息公开工作年度报告`;
}
