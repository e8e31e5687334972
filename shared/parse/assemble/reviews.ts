/**
 * 四、政府信息公开行政复议、行政诉讼情况: one row of 15 figures under three header rows, in template
 * order (行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持, 结果纠正, 其他结果, 尚未审结, 总计). A report
 * may wrap the figures over several lines, so every figure of the part is read in order.
 */
import { REVIEW_COLUMNS, REVIEW_GROUPS, TABLE_LABELS } from '#shared/report/labels.ts';
import { blankGrid, type Cell, type ReviewsAndLawsuits } from '#shared/report/model.ts';
import { rowName } from '#shared/report/paths.ts';
import type { PrintedRow } from './items.ts';
import { logicalRowsOf } from './logical-rows.ts';
import { type AssemblyOutput, fitValues, misfitFinding, type TableTarget, writeRow } from './table-cells.ts';

const COLUMNS = REVIEW_COLUMNS.map((c) => c.key);
const FIGURES = REVIEW_GROUPS.length * COLUMNS.length;
const ALL_PATHS = REVIEW_GROUPS.flatMap((g) => COLUMNS.map((c) => `reviewsAndLawsuits.${g.key}.${c}`));
const NAMES = REVIEW_GROUPS.map((g) => rowName('reviewsAndLawsuits', g));

export interface ReviewsResult {
  readonly table: ReviewsAndLawsuits;
  readonly found: boolean;
}

export function assembleReviews(rows: readonly PrintedRow[], out: AssemblyOutput): ReviewsResult {
  const logicalRows = logicalRowsOf(rows);
  const values = logicalRows.flatMap((r) => r.values);
  const figuresFollowLabels = logicalRows.length > 0 && logicalRows.every((r) => r.figuresFollowLabels);
  const result = blankGrid(REVIEW_GROUPS, REVIEW_COLUMNS);
  const table: TableTarget = result;
  if (values.length === 0) return { table: result, found: false };
  // Padding is judged on the whole row of 15, not per group: the groups have no cells of their own.
  const fitted = fitValues(values, FIGURES, figuresFollowLabels);
  if (fitted === null) {
    out.findings.push(misfitFinding(TABLE_LABELS.reviewsAndLawsuits.short, ALL_PATHS, values));
    return { table: result, found: true };
  }
  REVIEW_GROUPS.forEach((group, g) => {
    writeRow(
      table[group.key] as Record<string, Cell>,
      {
        rowName: NAMES[g] as string,
        columns: COLUMNS,
        paths: ALL_PATHS.slice(g * COLUMNS.length, (g + 1) * COLUMNS.length),
        values: fitted.slice(g * COLUMNS.length, (g + 1) * COLUMNS.length),
      },
      out,
    );
  });
  return { table: result, found: true };
}
