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

/** Layout 2: a run of short lines becomes a table when it holds figures, otherwise paragraphs. */
export function readCellLines(lines: readonly string[]): ReadDocument {
  const out = collectBlocks();
  for (const run of runsOf(lines)) {
    const isTable = run.cellLike && countValues(run) >= MIN_VALUES_IN_TABLE;
    for (const row of run.rows) {
      if (isTable) out.row(row);
      else for (const line of row) out.paragraph(line);
    }
    out.endTable();
  }
  return out.finish('text/cell-lines');
}

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
      row.push(t.slice(0, -1));
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
