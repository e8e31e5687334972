/**
 * Picks the plain-text layout (docs/spec/format-notes.md §5, items 1–5) from the content alone: a file named .txt
 * may hold any of them, so the extension says nothing.
 */
import { isValueText } from '../cell-value.ts';
import { isCellLike } from './line-kinds.ts';
import { endsInValue, splitSpaceRow } from './read-space-rows.ts';

export type TextLayout = 'tab-cells' | 'tab-rows' | 'cell-lines' | 'pipe-cells' | 'pipe-rows' | 'space-rows';

/** A layout needs a few lines of its own kind; a stray pipe or tab in prose decides nothing. */
const MIN_EVIDENCE = 3;
const ONLY_TRAILING_PIPES = /^\|+\s*$/;

function pipesFrom(line: string, first: number): number {
  let n = 0;
  for (let i = first; i >= 0; i = line.indexOf('|', i + 1)) n++;
  return n;
}

export function detectTextLayout(lines: readonly string[]): TextLayout {
  let tabLines = 0;
  let tabRows = 0;
  let pipeRows = 0;
  let pipeCells = 0;
  for (const line of lines) {
    // A row whose first cells a vertical merge covers starts with tabs too ("\t\t2.重复申请\t3\t…"): a tab after
    // its first text makes it a row, where an indented cell line ("\t\t0") holds one cell.
    // Found by index, without cutting the tabs off: this runs on every line of every text report.
    let start = 0;
    while (line.charCodeAt(start) === 9) start++;
    if (line.indexOf('\t', start) >= 0 && line.trim() !== '') tabRows++;
    else if (start > 0) tabLines++;
    const first = line.indexOf('|');
    if (first < 0) continue;
    const pipes = pipesFrom(line, first);
    // "0 |||" is one cell whose merge brought the pipes of the cells it covers: all its pipes close the line.
    if (ONLY_TRAILING_PIPES.test(line.slice(first)) && line.trimEnd().endsWith('|')) pipeCells++;
    else if (pipes >= 2) pipeRows++;
  }
  if (pipeRows >= MIN_EVIDENCE && pipeRows >= pipeCells) return 'pipe-rows';
  if (pipeCells >= MIN_EVIDENCE) return 'pipe-cells';
  if (tabRows >= MIN_EVIDENCE && tabRows > tabLines) return 'tab-rows';
  if (tabLines >= MIN_EVIDENCE) return 'tab-cells';
  return looksSpaceSeparated(lines) ? 'space-rows' : 'cell-lines';
}

/** Rows like "规章 0 0 0" outnumber lone figures ("0"), which mark one cell per line. */
function looksSpaceSeparated(lines: readonly string[]): boolean {
  let rowLines = 0;
  let loneValues = 0;
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || !isCellLike(t, 120)) continue;
    if (!t.includes(' ')) {
      if (isValueText(t)) loneValues++;
      continue;
    }
    const cells = splitSpaceRow(t);
    if (cells.length >= 2 && endsInValue(cells)) rowLines++;
  }
  return rowLines >= MIN_EVIDENCE && rowLines > loneValues;
}
