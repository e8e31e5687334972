/**
 * H1–H3: the arithmetic printed into 表三. H1 is the note in the table's corner (本列数据的勾稽关系为：
 * 第一项加第二项之和，等于第三项加第四项之和), which holds per column, not only in 总计.
 */

import type { Finding } from '#shared/report/findings.ts';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_23,
  APPLICATION_ROWS_25,
  type ColumnLabel,
  RESULT_ROW_KEYS_23,
  RESULT_ROW_KEYS_25,
  TABLE_LABELS,
} from '#shared/report/labels.ts';
import type { ApplicationsShape, Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import { finding, numbersAt, printed, sameAmount, sumOf } from '../messages.ts';
import type { ValidationContext } from './rule.ts';
import { checkTotal, type TotalRule } from './total-check.ts';

const SIX_APPLICANTS = APPLICANT_COLUMNS.filter((c) => c.key !== 'total');

const at = (row: string, column: string) => `applications.${row}.${column}`;

/** 表三 › 法人或其他组织 › 商业企业 */
function columnName(column: ColumnLabel): string {
  return [TABLE_LABELS.applications.short, ...(column.group ? [column.group] : []), column.label].join(' › ');
}

const IDENTITY = APPLICANT_COLUMNS.map((column: ColumnLabel) => ({
  column,
  paths: ['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map((r) => at(r, column.key)),
}));

/** H1: 一 + 二 = 三（七）+ 四, per column. */
export function checkIdentity(_report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  return IDENTITY.flatMap(({ column, paths }) => {
    const values = numbersAt(cells, paths);
    if (!values) return [];
    const [received = 0, carried = 0, processed = 0, forward = 0] = values;
    const { decimals } = sumOf(values);
    const left = received + carried;
    const right = processed + forward;
    if (sameAmount(left, right, decimals)) return [];
    const [l, r] = [printed(left, decimals), printed(right, decimals)];
    const name = columnName(column);
    return [
      finding(
        'H1',
        paths,
        {
          zh:
            `${name}列：第一项加第二项之和（${l}）不等于第三项加第四项之和（${r}）（勾稽关系）。` +
            `一、本年新收 ${printed(received)} + 二、上年结转 ${printed(carried)}；` +
            `（七）总计 ${printed(processed)} + 四、结转下年度继续办理 ${printed(forward)}。`,
          en:
            `${name} column: new (${printed(received)}) + carried over (${printed(carried)}) = ${l}, ` +
            `but processed (${printed(processed)}) + carried forward (${printed(forward)}) = ${r}; ` +
            'the identity printed in table 3 requires them to be equal.',
        },
        { expected: left, actual: right },
      ),
    ];
  });
}

/** H2: （七）总计 = the sum of the result rows （一） to （六）, per column. */
function processedTotals(resultRows: readonly string[]): TotalRule[] {
  return APPLICANT_COLUMNS.map(({ key }) => ({
    code: 'H2',
    totalPath: at('totalProcessed', key),
    partPaths: resultRows.map((r) => at(r, key)),
    describe: ({ total, actual, expected }) => ({
      zh: `${total}（${actual}）不等于（一）至（六）各项办理结果之和（${expected}）`,
      en: `${at('totalProcessed', key)} is ${actual} but the result rows （一）–（六） above it sum to ${expected}`,
    }),
  }));
}

/** H3: 总计 = the six applicant columns, per row. */
function applicantTotals(rows: readonly { readonly key: string }[]): TotalRule[] {
  return rows.map(({ key }) => ({
    code: 'H3',
    totalPath: at(key, 'total'),
    partPaths: SIX_APPLICANTS.map((c) => at(key, c.key)),
    describe: ({ total, actual, expected }) => ({
      zh: `${total}（${actual}）不等于自然人与法人或其他组织各列之和（${expected}）`,
      en: `${at(key, 'total')} is ${actual} but the six applicant columns of the row sum to ${expected}`,
    }),
  }));
}

/** The totals of each shape, worked out once: a check only reads cells. */
const PROCESSED_TOTALS: Readonly<Record<ApplicationsShape, readonly TotalRule[]>> = {
  '25-row': processedTotals(RESULT_ROW_KEYS_25),
  '23-row': processedTotals(RESULT_ROW_KEYS_23),
};
const APPLICANT_TOTALS: Readonly<Record<ApplicationsShape, readonly TotalRule[]>> = {
  '25-row': applicantTotals(APPLICATION_ROWS_25),
  '23-row': applicantTotals(APPLICATION_ROWS_23),
};

export function checkProcessedTotal(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  return PROCESSED_TOTALS[report.shapes.applications].flatMap((rule) => checkTotal(report, cells, rule));
}

export function checkApplicantTotal(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  return APPLICANT_TOTALS[report.shapes.applications].flatMap((rule) => checkTotal(report, cells, rule));
}
