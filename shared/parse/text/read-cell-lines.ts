/**
 * Layouts 2 and 3 (docs/spec/format-notes.md §5): one table cell per line with blank lines between rows, either bare
 * ("  0") or ending in " |" (a pipe table flattened line by line, where a bare "|" is an empty cell).
 */
import { isValueText } from '../cell-value.ts';
import type { ReadDocument } from '../grid.ts';
import { collectBlocks } from './block-collector.ts';
import { isCellLike } from './line-kinds.ts';

/** A run of short lines is a table only if it holds figures: titles, headings and signatures do not. */
const MIN_VALUES_IN_TABLE = 2;

interface Run {
  readonly cellLike: boolean;
  /** Rows of the run: lines between blank lines. */
  readonly rows: string[][];
}

/** Groups lines into runs of cell-like and of prose lines; blank lines split rows inside a run. */
function runsOf(lines: readonly string[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let rowOpen = false;
  for (const line of lines) {
    const t = line.trim();
    if (t === '') {
      // An empty cell copied from HTML keeps its &nbsp; (a space once decoded): a cell of its own once blank lines
      // separate cells.
      if (line !== '' && current?.cellLike) current.rows.push([]);
      rowOpen = false;
      continue;
    }
    const cellLike = isCellLike(t);
    if (current?.cellLike !== cellLike) {
      current = { cellLike, rows: [] };
      runs.push(current);
      rowOpen = false;
    }
    if (!rowOpen || !cellLike) current.rows.push([]);
    current.rows[current.rows.length - 1]?.push(t);
    rowOpen = true;
  }
  return runs;
}

function countValues(run: Run): number {
  let n = 0;
  for (const row of run.rows) for (const cell of row) if (isValueText(cell)) n++;
  return n;
}

/**
 * A browser's copy of a table whose cells hold paragraphs puts a blank line around every cell, so blank lines no
 * longer mark rows. The rows come back from the cells themselves: a row is its labels followed by its figures, and
 * the next label after a figure starts the next row. Header cells (no figures) stay together in one row.
 */
function rowsOfCellStream(rows: readonly string[][]): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let afterValue = false;
  // Lines without a blank between them are one cell cut by its line break ("结果\n维持").
  const cells = rows.map((lines) => lines.join(''));
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    // An empty cell is kept only between figures, where it holds a column's place; elsewhere it is spacing.
    if (cell === '' && !(afterValue && isValueText(cells[i + 1] ?? ''))) continue;
    const value = cell === '' || isValueText(cell);
    if (!value && afterValue) {
      out.push(row);
      row = [];
    }
    row.push(cell);
    afterValue = value;
  }
  if (row.length > 0) out.push(row);
  return out;
}

/** Nearly every row a single cell: the blank lines separate cells, not rows (header cells may hold a break). */
function isCellStream(run: Run): boolean {
  const single = run.rows.filter((row) => row.length <= 1).length;
  return run.rows.length > MIN_VALUES_IN_TABLE && single >= run.rows.length * 0.85;
}

/** Layout 2: a run of short lines becomes a table when it holds figures, otherwise paragraphs. */
export function readCellLines(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  for (const run of runsOf(lines)) {
    const isTable = run.cellLike && countValues(run) >= MIN_VALUES_IN_TABLE;
    for (const row of isTable && isCellStream(run) ? rowsOfCellStream(run.rows) : run.rows) {
      if (row.length === 0) continue;
      if (isTable) out.row(row);
      else for (const line of row) out.paragraph(line);
    }
    out.endTable();
  }
  return out.finish('text/cell-lines');
}

const TRAILING_PIPES = /\s*(\|+)$/;

/** Layout 3: lines ending in "|" are cells (a bare "|" is an empty one); any other line is prose. */
export function readPipeCellLines(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  let row: string[] = [];
  const endRow = (): void => {
    out.row(row);
    row = [];
  };
  for (const line of lines) {
    const t = line.trim();
    if (t.endsWith('|')) {
      // "0 |||": a cell merged over three columns brings the pipes of the two it covers; they hold no figure.
      const cell = TRAILING_PIPES.exec(t) as RegExpExecArray;
      row.push(t.slice(0, cell.index));
      for (let k = 1; k < (cell[1] as string).length; k++) row.push('');
    } else if (t === '') {
      endRow();
    } else {
      endRow();
      out.paragraph(t);
    }
  }
  endRow();
  return out.finish('text/pipe-cells');
}
