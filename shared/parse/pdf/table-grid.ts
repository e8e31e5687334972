/**
 * Table rows → the shared grid, laid out as the same table reads in HTML: label columns then value
 * columns; a merged cell's text in its first position and `spanned` copies in the rest. Group labels
 * become row-spanning cells: the group in a label column runs over the rows whose own label sits further
 * right, and a new group starts where numbering restarts one level in ("1.属于国家秘密" starts （三）,
 * "1.本机关不掌握…" starts （四）).
 */
import type { Grid, GridCell, GridRow } from '../grid.ts';
import { joinRuns, startsFirstOfLevel, tidyText } from './piece-text.ts';
import { bandOf, columnOf, fullWidthRows, labelColumns, type Segment, segmentsOf } from './table-columns.ts';
import type { FigureTableRow, TableRows } from './table-rows.ts';
import type { TextPiece } from './text-pieces.ts';

type Cells = (GridCell | undefined)[];

export function gridOf(table: TableRows): Grid {
  const columns = labelColumns(table.rows);
  const fullWidth = fullWidthRows(table.rows, table.valueLeft);
  const segments = segmentsOf(table.rows, fullWidth, table.valueLeft);
  const bandCount = Math.max(1, ...segments.map((s) => s.bands.length));
  const width = columns.length + bandCount;
  const labelCells = groupedLabelCells(table.rows, columns);
  const rows: GridRow[] = [];
  for (const segment of segments) {
    const headerLevels = levelsOf(segment.header.flatMap((r) => r.blocks));
    for (const level of headerLevels) rows.push(headerRow(level, segment, columns.length, width));
    for (const row of segment.rows) {
      if (row.kind === 'figures') {
        const values = valueCells(row.values, segment, bandCount);
        rows.push([...(labelCells.get(row) ?? []), ...values].map((c) => c ?? { text: '' }));
      } else if (fullWidth.has(row)) {
        rows.push(spread(textOf(row.blocks), width));
      }
    }
  }
  return { rows };
}

function textOf(pieces: readonly TextPiece[]): string {
  const ordered = [...pieces].sort((a, b) => a.top - b.top || a.x - b.x);
  return tidyText(ordered.reduce((text, p) => joinRuns(text, p.text), ''));
}

function spread(text: string, span: number): GridCell[] {
  return Array.from({ length: span }, (_, i) => (i === 0 ? { text } : { text, spanned: true }));
}

/**
 * Header cells grouped into rows by where they start vertically; a header cell under another one
 * ("结果维持" under "未经复议直接起诉") is always a row further down.
 */
function levelsOf(pieces: readonly TextPiece[]): TextPiece[][] {
  const levels: { top: number; size: number; pieces: TextPiece[] }[] = [];
  const under = (p: TextPiece, level: { pieces: TextPiece[] }) =>
    level.pieces.some((q) => q.x < p.right && q.right > p.x);
  for (const p of [...pieces].sort((a, b) => a.top - b.top)) {
    const last = levels.at(-1);
    if (last && p.top - last.top <= 2 * Math.max(p.size, last.size) && !under(p, last)) {
      last.pieces.push(p);
      last.top = p.top;
    } else {
      levels.push({ top: p.top, size: p.size, pieces: [p] });
    }
  }
  return levels.map((l) => l.pieces);
}

function headerRow(level: readonly TextPiece[], segment: Segment, labelWidth: number, width: number): GridRow {
  const labelTexts = level.filter(segment.isLabelHeader);
  const label = labelWidth > 0 ? spread(textOf(labelTexts), labelWidth) : [];
  const bands: TextPiece[][] = segment.bands.map(() => []);
  for (const p of level.filter((q) => !segment.isLabelHeader(q))) bands[bandOf(p, segment.bands)]?.push(p);
  const values = bands.map((b): GridCell => ({ text: textOf(b) }));
  return [...label, ...padded(values, width - labelWidth)];
}

function valueCells(values: readonly TextPiece[], segment: Segment, bandCount: number): GridCell[] {
  const bands: TextPiece[][] = segment.bands.map(() => []);
  for (const v of values) bands[bandOf(v, segment.bands)]?.push(v);
  return padded(
    bands.map((b) => ({ text: textOf(b) })),
    bandCount,
  );
}

/** A sub-table with fewer value columns than the widest one: its last cell spans the rest. */
function padded(cells: readonly GridCell[], count: number): GridCell[] {
  const last = cells.at(-1) ?? { text: '' };
  const fill = Array.from({ length: Math.max(0, count - cells.length) }, () => ({ text: last.text, spanned: true }));
  return [...cells, ...fill];
}

function groupedLabelCells(rows: TableRows['rows'], columns: readonly number[]): Map<FigureTableRow, Cells> {
  const cells = new Map<FigureTableRow, Cells>();
  const leafColumn = new Map<FigureTableRow, number>();
  for (const row of rows) {
    if (row.kind !== 'figures') continue;
    const leaf = row.labels.at(-1);
    const column = leaf ? columnOf(leaf, columns) : columns.length;
    leafColumn.set(row, column);
    const own = row.labels.filter((l) => columnOf(l, columns) >= column);
    const line: Cells = Array.from({ length: columns.length }, () => undefined);
    if (leaf) line.splice(column, columns.length - column, ...spread(textOf(own), columns.length - column));
    cells.set(row, line);
  }
  for (let column = 0; column < columns.length; column++) {
    let run: FigureTableRow[] = [];
    for (const row of [...rows, undefined]) {
      if (row?.kind === 'figures' && (leafColumn.get(row) ?? 0) > column) {
        run.push(row);
        continue;
      }
      for (const group of splitAtRestarts(run, column, columns)) fillGroup(group, column, columns, cells);
      run = [];
    }
  }
  return cells;
}

function splitAtRestarts(run: readonly FigureTableRow[], column: number, columns: readonly number[]) {
  const groups: FigureTableRow[][] = [];
  for (const row of run) {
    const child = [...row.groupLabels, ...row.labels].find((l) => columnOf(l, columns) === column + 1);
    const restarts = child !== undefined && startsFirstOfLevel(child.text);
    const current = groups.at(-1);
    if (!current || restarts) groups.push([row]);
    else current.push(row);
  }
  return groups;
}

function fillGroup(
  group: readonly FigureTableRow[],
  column: number,
  columns: readonly number[],
  cells: Map<FigureTableRow, Cells>,
): void {
  const inColumn = (l: TextPiece) => columnOf(l, columns) === column;
  const text = textOf(group.flatMap((r) => [...r.groupLabels, ...r.labels].filter(inColumn)));
  group.forEach((row, i) => {
    const line = cells.get(row);
    if (line) line[column] = i === 0 ? { text } : { text, spanned: true };
  });
}
