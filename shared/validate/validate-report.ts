/**
 * Every rule of the rule table (docs/spec/report-model.md §5), all findings at once, in one fixed order. Rules are
 * pure; the Y-rules need the previous year's report and S2/S7 facts from the registry, which only the
 * filing service has, so an offline check simply runs without them.
 */

import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import { readCellValues } from '#shared/report/paths.ts';
import { sortFindings } from './order-findings.ts';
import { checkApplicantTotal, checkIdentity, checkProcessedTotal } from './rules/applications-arithmetic.ts';
import { checkCarriedOver, checkRulesInForce } from './rules/carried-over.ts';
import { checkCopiedText, checkRepeatedFigures } from './rules/copied-report.ts';
import { checkDeadline } from './rules/deadline.ts';
import { checkFeeNotices } from './rules/fee-notices.ts';
import { checkFeeUnit } from './rules/fee-unit.ts';
import { checkFormatYear } from './rules/format-year.ts';
import { checkMissingCells } from './rules/missing-cells.ts';
import { checkOverviewFigures } from './rules/overview-vs-tables.ts';
import { checkRegulationsMaker } from './rules/regulations-maker.ts';
import { checkReportYear } from './rules/report-year.ts';
import { checkReviewTotals } from './rules/reviews-arithmetic.ts';
import type { Rule, ValidationContext } from './rules/rule.ts';
import { checkTextParts } from './rules/text-parts.ts';
import { checkAmounts, checkCounts } from './rules/value-ranges.ts';
import { checkYearOnYearChange } from './rules/year-on-year-change.ts';

export type { ValidationContext } from './rules/rule.ts';

export const RULES: readonly Rule[] = [
  checkIdentity, // H1
  checkProcessedTotal, // H2
  checkApplicantTotal, // H3
  checkReviewTotals, // H4
  checkCounts, // H5
  checkAmounts, // H6
  checkMissingCells, // H7
  checkCarriedOver, // Y1
  checkRulesInForce, // Y2
  checkYearOnYearChange, // Y3
  checkReportYear, // Y4
  checkOverviewFigures, // S1
  checkRegulationsMaker, // S2
  checkFeeNotices, // S4
  checkTextParts, // S5
  checkFormatYear, // S6
  checkDeadline, // S7
  checkFeeUnit, // S8
  checkCopiedText, // C1
  checkRepeatedFigures, // C2
];

export function validateReport(report: Report, context: ValidationContext = {}): Finding[] {
  const cells = readCellValues(report);
  return sortFindings(
    RULES.flatMap((rule) => rule(report, context, cells)),
    report.shapes,
  );
}
