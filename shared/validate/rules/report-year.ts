/**
 * Y4: a report covers a year that has ended, and none before 2008 — the Regulations (国务院令第492号) took
 * effect on 1 May 2008, so the first annual reports are for 2008. Only the filing service knows today's
 * date, so it passes the latest year that can have a report; an offline check applies the lower bound alone.
 */
import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { finding } from '../messages.ts';
import type { ValidationContext } from './rule.ts';

export const FIRST_REPORT_YEAR = 2008;

export function checkReportYear(report: Report, context: ValidationContext): Finding[] {
  const latest = context.latestReportYear;
  if (report.year < FIRST_REPORT_YEAR) {
    return [
      finding(
        'Y4',
        ['year'],
        {
          zh: `报告年度为 ${report.year} 年：政府信息公开工作年度报告自 ${FIRST_REPORT_YEAR} 年度起编制（《政府信息公开条例》2008年5月1日施行）。`,
          en: `The report is for ${report.year}; annual reports exist from ${FIRST_REPORT_YEAR}, when the Regulations took effect.`,
        },
        { expected: FIRST_REPORT_YEAR, actual: report.year },
      ),
    ];
  }
  if (latest === undefined || latest === null || report.year <= latest) return [];
  return [
    finding(
      'Y4',
      ['year'],
      {
        zh: `报告年度为 ${report.year} 年，该年度尚未结束或尚未到来，目前最晚只能报送 ${latest} 年度报告。`,
        en: `The report is for ${report.year}, a year that has not ended; the latest year a report can cover is ${latest}.`,
      },
      { expected: latest, actual: report.year },
    ),
  ];
}
