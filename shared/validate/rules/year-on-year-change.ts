/**
 * Y3: a key figure that grew more than ×5 or fell below ×0.2 against last year is worth a second look
 * (a shifted column, 元 typed as 万元, a sub-unit's figures added in). The threshold follows the ×5/×0.2
 * year-on-year rule of the public checkers described in the format notes.
 */

import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { type CellValues, cellAt } from '#shared/report/paths.ts';
import { cellName, finding, printed } from '../messages.ts';
import { previousYearReport } from './previous-report.ts';
import type { ValidationContext } from './rule.ts';

/** Present in both formats under the same path, except the 2021-only fee amount (skipped when absent). */
const KEY_FIGURES = [
  'proactiveDisclosure.licensing.decisions',
  'proactiveDisclosure.penalty.decisions',
  'proactiveDisclosure.coercion.decisions',
  'proactiveDisclosure.adminFees.amountWanYuan',
  'applications.newReceived.total',
  'applications.totalProcessed.total',
  'reviewsAndLawsuits.review.total',
] as const;

const GROWTH = 5;
const SHRINK = 0.2;
/**
 * Below this on both sides a ratio says nothing: an office that had 1 application and now has 6 is
 * ordinary, and 10 is roughly where a 5-fold swing stops being chance for counts of cases (and 10 万元
 * for the fee amount).
 */
const SMALL_BASE = 10;

function isJump(before: number, now: number): boolean {
  if (Math.max(before, now) < SMALL_BASE) return false;
  if (before === 0) return true;
  const ratio = now / before;
  return ratio > GROWTH || ratio < SHRINK;
}

export function checkYearOnYearChange(report: Report, context: ValidationContext, cells: CellValues): Finding[] {
  const previous = previousYearReport(report, context);
  if (!previous) return [];
  return KEY_FIGURES.flatMap((path) => {
    const now = cells.at(path);
    const before = cellAt(previous, path);
    if (now === null || now === undefined || before === null || before === undefined) return [];
    // A negative count is an H5 error; a ratio against it means nothing.
    if (now < 0 || before < 0 || !isJump(before, now)) return [];
    const ratio = before === 0 ? null : printed(now / before, 2);
    return [
      finding(
        'Y3',
        [path],
        {
          zh:
            `${cellName(report, path)}：${previous.year}年度为 ${printed(before)}，本年度为 ${printed(now)}` +
            `${ratio === null ? '' : `（为上年的 ${ratio} 倍）`}，变化超过 5 倍或不足五分之一，` +
            '请核对是否填错列、错单位或混入了下属单位的数字。',
          en:
            `${path} went from ${printed(before)} (${previous.year}) to ${printed(now)}` +
            `${ratio === null ? '' : ` (×${ratio})`}, more than ×5 or under ×0.2; ` +
            'check for a shifted column, a wrong unit or figures of sub-units.',
        },
        { expected: before, actual: now },
      ),
    ];
  });
}
