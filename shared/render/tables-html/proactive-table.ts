/**
 * 表二 as the templates print it: stacked sub-tables, one per item of 条例第二十条, in a grid of four
 * columns (信息内容 + three value columns). An item with fewer columns lets its last one span the rest,
 * as the templates do (第（五）项 本年处理决定数量 spans three; 2019 第（八）/（九）项 the last spans two).
 * Provincial extra rows join the item whose columns they share, else follow in a block of their own.
 */
import {
  ARTICLE_20_ITEMS,
  type ColumnLabel,
  PROACTIVE_2019_COLUMNS,
  PROACTIVE_2019_ROWS,
  PROACTIVE_2021_COLUMNS,
  PROACTIVE_2021_ROWS,
  type ProactiveRowLabel,
} from '#shared/report/labels.ts';
import type { Cell, Report } from '#shared/report/model.ts';
import { cellAt } from '#shared/report/paths.ts';
import { type ExtraRowCell, extraRowCells } from '#shared/validate/extra-row-cells.ts';
import { tableCaption } from './caption.ts';
import type { CellMark, TableRenderOptions } from './cell-marks.ts';
import { headerCell, tableRow } from './header-cell.ts';
import { valueCell } from './value-cell.ts';

const VALUE_COLUMNS = 3;
const CONTENT_HEADER = '信息内容';
const EXTRA_BLOCK_HEADER = '其他';

interface BodyRow {
  readonly label: string;
  readonly cells: readonly { path: string; value: Cell | undefined }[];
}

interface Context {
  readonly report: Report;
  readonly marks: ReadonlyMap<string, CellMark>;
  readonly options: TableRenderOptions;
}

/** Colspans of n value columns in the three-column grid: the last absorbs what is left. */
function spansOf(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? Math.max(1, VALUE_COLUMNS - (n - 1)) : 1));
}

function block(heading: string, columnLabels: readonly string[], rows: readonly BodyRow[], context: Context): string {
  const spans = spansOf(columnLabels.length);
  const header = tableRow([
    headerCell(CONTENT_HEADER, 'col'),
    ...columnLabels.map((label, i) => headerCell(label, 'col', { colspan: spans[i] ?? 1 })),
  ]);
  const body = rows.map((row) =>
    tableRow([
      headerCell(row.label, 'row'),
      ...row.cells.map((cell, i) =>
        valueCell({
          path: cell.path,
          value: cell.value,
          note: context.report.cellNotes[cell.path],
          mark: context.marks.get(cell.path),
          idPrefix: context.options.idPrefix,
          colspan: spans[i] ?? 1,
        }),
      ),
    ]),
  );
  const title = tableRow([headerCell(heading, 'rowgroup', { colspan: VALUE_COLUMNS + 1 })]);
  return `<tbody>${title}${header}${body.join('')}</tbody>`;
}

function extraRowsByLabel(report: Report): Map<string, ExtraRowCell[]> {
  const rows = new Map<string, ExtraRowCell[]>();
  for (const cell of extraRowCells(report)) rows.set(cell.rowLabel, [...(rows.get(cell.rowLabel) ?? []), cell]);
  return rows;
}

function sameColumns(cells: readonly ExtraRowCell[], columns: readonly string[]): boolean {
  return cells.length === columns.length && columns.every((c) => cells.some((cell) => cell.column === c));
}

export function renderProactiveTable(
  report: Report,
  marks: ReadonlyMap<string, CellMark>,
  options: TableRenderOptions,
): string {
  const is2021 = report.shapes.proactiveDisclosure === '2021';
  const rows: readonly ProactiveRowLabel[] = is2021 ? PROACTIVE_2021_ROWS : PROACTIVE_2019_ROWS;
  const columnLabels: Readonly<Record<string, ColumnLabel>> = is2021 ? PROACTIVE_2021_COLUMNS : PROACTIVE_2019_COLUMNS;
  const context: Context = { report, marks, options };
  const extras = extraRowsByLabel(report);
  const items = [...new Set(rows.map((r) => r.item))];
  const blocks = items.map((item) => {
    const itemRows = rows.filter((r) => r.item === item);
    const columns = itemRows[0]?.columns ?? [];
    const body: BodyRow[] = itemRows.map((r) => ({
      label: r.label,
      cells: r.columns.map((c) => {
        const path = `proactiveDisclosure.${r.key}.${c}`;
        return { path, value: cellAt(report, path) };
      }),
    }));
    for (const [label, cells] of extras) {
      if (!sameColumns(cells, columns)) continue;
      const ordered = columns.map((c) => cells.find((cell) => cell.column === c));
      body.push({ label, cells: ordered.map((cell) => ({ path: cell?.path ?? '', value: cell?.value })) });
      extras.delete(label);
    }
    return block(
      ARTICLE_20_ITEMS[item],
      columns.map((c) => columnLabels[c]?.label ?? c),
      body,
      context,
    );
  });
  const leftovers = [...extras].map(([label, cells]) =>
    block(
      EXTRA_BLOCK_HEADER,
      cells.map((c) => c.columnLabel),
      [{ label, cells }],
      context,
    ),
  );
  return `<table class="report-table report-table--proactive" data-table="proactiveDisclosure">${tableCaption('proactiveDisclosure')}${[...blocks, ...leftovers].join('')}</table>`;
}
