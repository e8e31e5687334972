/**
 * S7: published after the agency's deadline (条例第四十九条: 31 January for departments, 31 March for a
 * government's own report; local dates for townships). The filing service resolves the deadline.
 */

import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { finding } from '../messages.ts';
import type { ValidationContext } from './rule.ts';

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function checkDeadline(report: Report, context: ValidationContext): Finding[] {
  const { deadline } = context;
  const published = report.publishedOn;
  if (!deadline || !published || published <= deadline) return [];
  const late = daysBetween(deadline, published);
  return [
    finding('S7', ['publishedOn'], {
      zh: `报告落款日期 ${published} 晚于公开期限 ${deadline}（逾期 ${late} 天）。`,
      en: `The report is dated ${published}, ${late} day(s) after the deadline ${deadline}.`,
    }),
  ];
}
