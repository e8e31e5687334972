/**
 * 二、主动公开政府信息情况. The shape (2021: 本年制发件数…, 2019: 本年新制作数量…) is read from this
 * table's own headers, since reports mix formats (docs/spec/format-notes.md §3.5). Rows the template does not have
 * but that carry figures (Hubei's 其他主动公开文件, §3.4) are kept under `extraRows` by their label.
 */
import { PROACTIVE_2019_ROWS, PROACTIVE_2021_ROWS, type ProactiveRowLabel } from '#shared/report/labels.ts';
import { blankRows, type Cell, type ProactiveDisclosure, type ReportFormat } from '#shared/report/model.ts';
import { rowName } from '#shared/report/paths.ts';
import { isLabelText, readCellValue } from '../cell-value.ts';
import type { PrintedRow } from './items.ts';
import { logicalRowsOf } from './logical-rows.ts';
import { hasAny, matchForm, matchRow } from './match-form.ts';
import { type AssemblyOutput, fitValues, type TableTarget, writeRow } from './table-cells.ts';

const MARKERS_2021 = ['制发', '废止', '现行有效', '收费金额'];
const MARKERS_2019 = ['新制作', '新公开', '对外公开总数', '上一年项目', '增/减', '增减', '采购', '对外管理'];

/** Counts 2021 vs 2019 header words; `null` when the table does not tell. */
export function detectProactiveShape(rows: readonly PrintedRow[]): ReportFormat | null {
  let score = 0;
  for (const cells of rows) {
    for (const cell of cells) {
      if (!isLabelText(cell)) continue;
      // Header words are rarely spaced out; the match form is only worth making when they are.
      const form = cell.includes(' ') ? matchForm(cell) : cell;
      if (hasAny(form, MARKERS_2021)) score++;
      if (hasAny(form, MARKERS_2019)) score--;
    }
  }
  if (score > 0) return '2021';
  if (score < 0) return '2019';
  return null;
}

const WRITES = new Map<ProactiveRowLabel, { name: string; paths: readonly string[] }>(
  [...PROACTIVE_2021_ROWS, ...PROACTIVE_2019_ROWS].map((r) => [
    r,
    { name: rowName('proactiveDisclosure', r), paths: r.columns.map((c) => `proactiveDisclosure.${r.key}.${c}`) },
  ]),
);

function blankTable(shape: ReportFormat) {
  return shape === '2021' ? blankRows(PROACTIVE_2021_ROWS) : blankRows(PROACTIVE_2019_ROWS);
}

function hasFigure(values: readonly string[]): boolean {
  for (const v of values) if (readCellValue(v).kind === 'number') return true;
  return false;
}

export interface ProactiveResult {
  readonly shape: ReportFormat;
  readonly table: ProactiveDisclosure;
  readonly matchedRows: number;
}

export function assembleProactive(
  rows: readonly PrintedRow[],
  fallbackShape: ReportFormat,
  out: AssemblyOutput,
): ProactiveResult {
  const shape = detectProactiveShape(rows) ?? fallbackShape;
  const template: readonly ProactiveRowLabel[] = shape === '2021' ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
  const blank = blankTable(shape);
  const table: TableTarget = blank;
  const extraRows: Record<string, Record<string, Cell>> = {};
  let next = 0;
  let matchedRows = 0;
  let columnsAbove = (template[0] as ProactiveRowLabel).columns;
  for (const row of logicalRowsOf(rows)) {
    const index = row.labels.length > 0 ? matchRow(template, next, row) : -1;
    const label = template[index];
    if (label) {
      const { name, paths } = WRITES.get(label) as { name: string; paths: readonly string[] };
      writeRow(
        table[label.key] as Record<string, Cell>,
        {
          rowName: name,
          columns: label.columns,
          paths,
          values: row.values,
          figuresFollowLabels: row.figuresFollowLabels,
        },
        out,
      );
      next = index + 1;
      matchedRows++;
      columnsAbove = label.columns;
      continue;
    }
    const leaf = row.labels[row.labels.length - 1];
    if (leaf === undefined || row.ownLabels === 0 || !hasFigure(row.values) || extraRows[leaf]) continue;
    // An extra row takes the columns of the template row above it, and only when its cells fit them.
    if (fitValues(row.values, columnsAbove.length, row.figuresFollowLabels) === null) continue;
    const cells: Record<string, Cell> = {};
    const paths = columnsAbove.map((c) => `proactiveDisclosure.extraRows.${leaf}.${c}`);
    writeRow(
      cells,
      { rowName: leaf, columns: columnsAbove, paths, values: row.values, figuresFollowLabels: row.figuresFollowLabels },
      out,
    );
    extraRows[leaf] = cells;
  }
  const result: ProactiveDisclosure = Object.keys(extraRows).length > 0 ? { ...blank, extraRows } : blank;
  return { shape, table: result, matchedRows };
}
