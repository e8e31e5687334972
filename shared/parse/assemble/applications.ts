/**
 * 三、收到和处理政府信息公开申请情况: 25 rows (2021) or 23 rows (2019 and hybrid reports, where （六）其他处理
 * is one row), 7 applicant columns each, read by position. The shape is this table's own (§3.5).
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS_23, APPLICATION_ROWS_25, type RowLabel } from '#shared/report/labels.ts';
import { type Applications, type ApplicationsShape, blankGrid, type Cell } from '#shared/report/model.ts';
import { rowName } from '#shared/report/paths.ts';
import type { PrintedRow } from './items.ts';
import { type LogicalRow, logicalRowsOf } from './logical-rows.ts';
import { hasKeywords, matchRow } from './match-form.ts';
import { type AssemblyOutput, type TableTarget, writeRow } from './table-cells.ts';

const COLUMNS = APPLICANT_COLUMNS.map((c) => c.key);
const rowByKey = (rows: readonly RowLabel[], key: string) => rows.find((r) => r.key === key) as RowLabel;
/** The （六） sub-rows only the 25-row shape has, and the single （六） row of the 23-row shape. */
const SUB_ROWS_25 = [
  rowByKey(APPLICATION_ROWS_25, 'otherOverdueCorrection'),
  rowByKey(APPLICATION_ROWS_25, 'otherUnpaidFee'),
];
const SINGLE_ROW_23 = rowByKey(APPLICATION_ROWS_23, 'otherProcessing');

const WRITES = new Map<string, { name: string; paths: readonly string[] }>(
  [...APPLICATION_ROWS_25, ...APPLICATION_ROWS_23].map((r) => [
    r.key,
    { name: rowName('applications', r), paths: COLUMNS.map((c) => `applications.${r.key}.${c}`) },
  ]),
);

/** Whether （六） has sub-rows (their leaf labels), or is one row; `null` when neither is printed. */
export function detectApplicationsShape(rows: readonly LogicalRow[]): ApplicationsShape | null {
  let single = false;
  for (const { leafForm } of rows) {
    if (leafForm === '') continue;
    for (const sub of SUB_ROWS_25) if (hasKeywords(leafForm, sub.keywords)) return '25-row';
    if (hasKeywords(leafForm, SINGLE_ROW_23.keywords)) single = true;
  }
  return single ? '23-row' : null;
}

export interface ApplicationsResult {
  readonly shape: ApplicationsShape;
  readonly table: Applications;
  readonly matchedRows: number;
}

export function assembleApplications(
  rows: readonly PrintedRow[],
  fallbackShape: ApplicationsShape,
  out: AssemblyOutput,
): ApplicationsResult {
  const logicalRows = logicalRowsOf(rows);
  const shape = detectApplicationsShape(logicalRows) ?? fallbackShape;
  const template: readonly RowLabel[] = shape === '25-row' ? APPLICATION_ROWS_25 : APPLICATION_ROWS_23;
  const blank =
    shape === '25-row'
      ? blankGrid(APPLICATION_ROWS_25, APPLICANT_COLUMNS)
      : blankGrid(APPLICATION_ROWS_23, APPLICANT_COLUMNS);
  const table: TableTarget = blank;
  let next = 0;
  let matchedRows = 0;
  for (const row of logicalRows) {
    if (row.labels.length === 0) continue;
    const index = matchRow(template, next, row);
    const label = template[index];
    if (!label) continue;
    const { name, paths } = WRITES.get(label.key) as { name: string; paths: readonly string[] };
    writeRow(
      table[label.key] as Record<string, Cell>,
      { rowName: name, columns: COLUMNS, paths, values: row.values, figuresFollowLabels: row.figuresFollowLabels },
      out,
    );
    next = index + 1;
    matchedRows++;
  }
  return { shape, table: blank, matchedRows };
}
