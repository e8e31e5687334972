/**
 * Layouts 2 and 3 (docs/spec/format-notes.md §5): one table cell per line with blank lines between rows, either bare
 * ("  0") or ending in " |" (a pipe table flattened line by line, where a bare "|" is an empty cell).
 */
import { isLabelText, isValueText } from '../cell-value.ts';
import type { ReadDocument } from '../grid.ts';
import { collectBlocks } from './block-collector.ts';
import { isCellLike } from './line-kinds.ts';

/** A run of short lines is a table only if it holds figures: titles, headings and signatures do not. */
const MIN_VALUES_IN_TABLE = 2;

interface Run {
  readonly cellLike: boolean;
  /** Rows of the run: lines between blank lines. */
  readonly rows: string[][];
  /** How many blank lines stood before each row inside the run. */
  readonly gaps: number[];
}

/** Groups lines into runs of cell-like and of prose lines; blank lines split rows inside a run. */
function runsOf(lines: readonly string[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let rowOpen = false;
  let gap = 0;
  const startRow = (run: Run): void => {
    run.rows.push([]);
    run.gaps.push(gap);
    gap = 0;
  };
  for (const line of lines) {
    const t = line.trim();
    if (t === '') {
      gap++;
      // An empty cell copied from HTML keeps its &nbsp; (a space once decoded): a cell of its own once blank lines
      // separate cells.
      if (line !== '' && current?.cellLike) startRow(current);
      rowOpen = false;
      continue;
    }
    const cellLike = isCellLike(t);
    if (current?.cellLike !== cellLike) {
      current = { cellLike, rows: [], gaps: [] };
      runs.push(current);
      rowOpen = false;
      gap = 0;
    }
    if (!rowOpen || !cellLike) startRow(current);
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
function rowsOfCellStream(run: Run): string[][] {
  // Lines without a blank between them are one cell cut by its line break ("结果\n维持"); an empty cell without
  // &nbsp; leaves two more blank lines where it stood.
  const cells = run.rows.flatMap((lines, r) => {
    const empty = r === 0 ? 0 : Math.floor(((run.gaps[r] ?? 0) - 1) / 2);
    return [...emptyCells(empty), lines.join('')];
  });
  // A page's table has no cells for its merges (a rowspan or colspan is one cell), so an empty cell beside a
  // figure holds a figure's place: right after a row's labels, between figures, or last. An empty cell among
  // labels is a header's, and is dropped.
  return rowsStartingAtLabels(cells, (i, afterValue) => afterValue || isValueText(nextFilled(cells, i)));
}

/**
 * Cells in order → rows: a label after a figure (or an empty cell, which holds a figure's place) starts the next
 * row. `keepEmpty` says whether the empty cell at an index, reached after a figure or not, is kept.
 */
function rowsStartingAtLabels(
  cells: readonly string[],
  keepEmpty: (i: number, afterValue: boolean) => boolean = () => true,
): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let afterValue = false;
  cells.forEach((cell, i) => {
    if (cell === '' && !keepEmpty(i, afterValue)) return;
    const value = cell === '' || isValueText(cell);
    if (!value && afterValue) {
      out.push(row);
      row = [];
    }
    row.push(cell);
    afterValue = value;
  });
  if (row.length > 0) out.push(row);
  return out;
}

function emptyCells(count: number): string[] {
  return new Array<string>(Math.max(0, count)).fill('');
}

function nextFilled(cells: readonly string[], from: number): string {
  for (let i = from + 1; i < cells.length; i++) if (cells[i] !== '') return cells[i] as string;
  return '';
}

/** Nearly every row a single cell: the blank lines separate cells, not rows (header cells may hold a break). */
function isCellStream(run: Run): boolean {
  const single = run.rows.filter((row) => row.length <= 1).length;
  return run.rows.length > MIN_VALUES_IN_TABLE && single >= run.rows.length * 0.85;
}

/**
 * LibreOffice's text export puts every cell of a table on its own line with no break between rows, so a blank line
 * is an empty cell. It shows as groups of lines in which a label follows a figure: several template rows in one.
 */
function isFlattenedTable(run: Run): boolean {
  return run.rows.some((row) => row.some((cell, i) => i > 0 && isLabelText(cell) && isValueText(row[i - 1] ?? '')));
}

/**
 * The flattened table's rows: every blank line an empty cell, a label after a figure or empty cell a new row. The
 * empty cells before a label are its row's merged cells or the row above's empty last figures (only the template's
 * column count tells which), so they stay with the row above, whose figures start right after its labels.
 */
function rowsOfFlattenedTable(run: Run): string[][] {
  const cells = run.rows.flatMap((lines, r) => [...emptyCells(r === 0 ? 0 : (run.gaps[r] ?? 0)), ...lines]);
  return rowsStartingAtLabels(cells);
}

function tableRows(run: Run): { rows: string[][]; figuresFollowLabels: boolean } {
  // A page's table has no cells for its merges and every separator is exact inside a table, so a row's figures
  // start right after its labels; only the blank lines that end a table (their count varies with what follows)
  // can add empty cells past a row's last figure, and those are padding.
  if (isCellStream(run)) return { rows: rowsOfCellStream(run), figuresFollowLabels: true };
  return isFlattenedTable(run)
    ? { rows: rowsOfFlattenedTable(run), figuresFollowLabels: true }
    : { rows: run.rows, figuresFollowLabels: false };
}

/** Layout 2: a run of short lines becomes a table when it holds figures, otherwise paragraphs. */
export function readCellLines(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  for (const run of runsOf(lines)) {
    const isTable = run.cellLike && countValues(run) >= MIN_VALUES_IN_TABLE;
    const table = isTable ? tableRows(run) : { rows: run.rows, figuresFollowLabels: false };
    for (const row of table.rows) {
      if (row.length === 0) continue;
      if (isTable) out.row(row);
      else for (const line of row) out.paragraph(line);
    }
    out.endTable({ figuresFollowLabels: table.figuresFollowLabels });
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
