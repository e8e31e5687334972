/**
 * Y1 and Y2: figures that must continue from the previous year's report. Y1 is exact (what was carried
 * forward is what is carried over); Y2 only warns, because amendments and expiry ("55（含自然失效 29 件）")
 * change the count of rules in force without an issue or repeal.
 */

import type { Finding } from '#shared/report/findings.ts';
import { APPLICANT_COLUMNS, PROACTIVE_2021_ROWS } from '#shared/report/labels.ts';
import type { Report } from '#shared/report/model.ts';
import { type CellValues, cellAt } from '#shared/report/paths.ts';
import { cellName, finding, numbersAt, printed, sameAmount } from '../messages.ts';
import { previousYearReport } from './previous-report.ts';
import type { ValidationContext } from './rule.ts';

/** Y1: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column. */
export function checkCarriedOver(report: Report, context: ValidationContext, cells: CellValues): Finding[] {
  const previous = previousYearReport(report, context);
  if (!previous) return [];
  return APPLICANT_COLUMNS.flatMap(({ key }) => {
    const path = `applications.carriedOver.${key}`;
    const current = cells.at(path);
    const before = cellAt(previous, `applications.carriedForward.${key}`);
    if (current === null || current === undefined || before === null || before === undefined) return [];
    if (sameAmount(current, before, 0)) return [];
    return [
      finding(
        'Y1',
        [path],
        {
          zh:
            `${cellName(report, path)}（${printed(current)}）不等于${previous.year}年度报告` +
            `“四、结转下年度继续办理”同一列的数字（${printed(before)}）。`,
          en: `${path} is ${printed(current)} but the ${previous.year} report carried ${printed(before)} forward in this column.`,
        },
        { expected: before, actual: current },
      ),
    ];
  });
}

const ITEM1_ROWS = PROACTIVE_2021_ROWS.filter((r) => r.item === 'item1');

/** Y2 (2021 format): 现行有效件数 ≈ last year's + 本年制发 − 本年废止, for 规章 and 行政规范性文件. */
export function checkRulesInForce(report: Report, context: ValidationContext, cells: CellValues): Finding[] {
  const previous = previousYearReport(report, context);
  if (!previous || report.shapes.proactiveDisclosure !== '2021' || previous.shapes.proactiveDisclosure !== '2021') {
    return [];
  }
  return ITEM1_ROWS.flatMap(({ key }) => {
    const [issuedPath, repealedPath, inForcePath] = ['issued', 'repealed', 'inForce'].map(
      (c) => `proactiveDisclosure.${key}.${c}`,
    ) as [string, string, string];
    const values = numbersAt(cells, [issuedPath, repealedPath, inForcePath]);
    const before = cellAt(previous, inForcePath);
    if (!values || before === null || before === undefined) return [];
    const [issued = 0, repealed = 0, inForce = 0] = values;
    const expected = before + issued - repealed;
    if (sameAmount(inForce, expected, 0)) return [];
    return [
      finding(
        'Y2',
        [inForcePath, issuedPath, repealedPath],
        {
          zh:
            `${cellName(report, inForcePath)}（${printed(inForce)}）与推算值不符：${previous.year}年度现行有效 ` +
            `${printed(before)} + 本年制发 ${printed(issued)} − 本年废止 ${printed(repealed)} = ${printed(expected)}。` +
            '如有修订或自然失效，请在单元格或正文中说明。',
          en:
            `${inForcePath} is ${printed(inForce)}; ${previous.year}'s ${printed(before)} in force + ` +
            `${printed(issued)} issued − ${printed(repealed)} repealed = ${printed(expected)}. ` +
            'Explain amendments or expiry if they account for the difference.',
        },
        { expected, actual: inForce },
      ),
    ];
  });
}
